/**
 * The England funnel plot (issue 17) on hand-made national rows: every point is its published
 * row, no unranked district is drawn, the area is highlighted and named, only a few districts
 * beyond 99.8% are named, the line under the chart lists what is not drawn and why, the limits
 * lie on exact Poisson tails around the published England rate, and without national rows
 * there is no chart at all.
 */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { describe, expect, it } from 'vitest';
import { axisTop } from '../../reports/charts/catalogue/funnel-curves.js';
import {
  MAX_NAMED,
  policeEnglandFunnel,
  THIS_AREA,
} from '../../reports/charts/catalogue/police-england-funnel.js';
import { buildCharts, CHARTS } from '../../reports/charts/index.js';
import { renderSvg } from '../../reports/charts/render.js';
import { selectRows } from '../../reports/charts/select-rows.js';
import { reportData } from './html-fixtures.js';
import { AREA, nationalData, RANKED, SUPPRESSED, UNRANKED, VSO } from './national-fixtures.js';

interface Point extends Record<string, unknown> {
  area_code: string;
  category: string;
  numerator: number;
  denominator: number;
  value: number;
  status: string;
  label: string;
}
interface Spec {
  title: { subtitle: string[] };
  concat: Array<{
    title: { text: string };
    data: { values: Point[] };
    layer: Array<{
      data?: { values: Array<{ line: string; curve: string; residents: number; rate: number }> };
    }>;
  }>;
}

const data = nationalData();
const spec = policeEnglandFunnel.spec(
  selectRows(data, policeEnglandFunnel.indicators),
  data,
) as unknown as Spec;
const points = spec.concat.flatMap((p) => p.data.values);
const subtitle = spec.title.subtitle.join(' ').replace(/\s+/g, ' ');

describe('police-england-funnel on national rows', () => {
  it('draws one panel per headline category with rows', () => {
    expect(spec.concat.map((p) => p.title.text)).toEqual([
      'Violence and sexual offences',
      'Robbery',
    ]);
  });

  it('plots every ranked district with a published rate, each point its published row', () => {
    const published = data.rows.filter(
      (r) => r.indicator_id === 'police.district_rate_per_1000' && r.status === 'published',
    );
    expect(points).toHaveLength(published.length);
    for (const point of points) {
      const row = published.find(
        (r) => r.area_code === point.area_code && r.category === point.category,
      );
      expect(row, point.area_code).toBeDefined();
      expect([point.numerator, point.denominator, point.value]).toEqual([
        row?.numerator,
        row?.denominator,
        row?.value,
      ]);
    }
  });

  it('never draws an unranked or suppressed district', () => {
    const drawn = new Set(points.map((p) => p.area_code));
    for (const [code] of UNRANKED) expect(drawn.has(code), code).toBe(false);
    expect(drawn.has(SUPPRESSED[0])).toBe(false);
  });

  it('highlights and names the area, and names only a few districts beyond 99.8%', () => {
    const area = points.filter((p) => p.area_code === AREA);
    expect(area.map((p) => [p.status, p.label])).toEqual([
      [THIS_AREA, 'Liverpool'],
      [THIS_AREA, 'Liverpool'],
    ]);
    const named = points.filter((p) => p.label && p.area_code !== AREA && p.category === VSO);
    expect(named.length).toBeLessThanOrEqual(MAX_NAMED);
    // The highest rates among those above the 99.8% limit.
    // The City of London, off the scale, is named with its rate on the top edge.
    expect(named.map((p) => p.label).sort()).toEqual([
      'City of London (10.5) ▲',
      'Hartlepool',
      'Middlesbrough',
    ]);
    // Robbery: none is beyond 99.8% but the area, so only the area and the rate off the scale
    // are named.
    expect(points.filter((p) => p.label && p.category === 'robbery').map((p) => p.label)).toEqual([
      'Liverpool',
      'City of London (0.58) ▲',
    ]);
    // Below England is never named, however far.
    expect(points.find((p) => p.area_code === 'E07000223')?.label).toBe('');
  });

  it('draws a rate far above the rest on the top edge, named with its rate', () => {
    const city = points.find((p) => p.area_code === 'E09000001' && p.category === VSO);
    expect(city?.off_scale).toBe(true);
    expect(city?.value).toBeCloseTo(10.465, 3);
    const others = points.filter((p) => p.category === VSO && p.area_code !== 'E09000001');
    expect(city?.y_shown).toBeCloseTo(Math.max(...others.map((p) => p.value)) * 1.08, 9);
    expect(others.every((p) => p.y_shown === p.value && p.off_scale === false)).toBe(true);
    expect(subtitle).toContain('▲ on the top edge: a rate off the scale, given beside its name');
    expect(axisTop([1, 2, 3, 4])).toBeCloseTo(4 * 1.08, 9);
  });

  it('lists the districts not drawn, by why, under the chart', () => {
    expect(subtitle).toContain(
      'Not drawn: 3 districts with incomplete data (Bolton, Bury and Cheshire East); 2 Welsh districts without population (Gwynedd and Isle of Anglesey)',
    );
    expect(subtitle).toContain(
      'Violence and sexual offences: 1 district whose count is suppressed (Isles of Scilly)',
    );
  });

  it('leaves out a category most of whose small counts are suppressed, saying so', () => {
    // Robbery: every ranked district but the area too few to publish.
    const rows = data.rows.map((r) =>
      r.indicator_id === 'police.district_rate_per_1000' &&
      r.category === 'robbery' &&
      r.status === 'published' &&
      r.area_code !== AREA
        ? { ...r, numerator: null, value: null, suppressed: true, status: 'suppressed' as const }
        : r,
    );
    const sparse = { ...data, rows };
    const s = policeEnglandFunnel.spec(
      selectRows(sparse, policeEnglandFunnel.indicators),
      sparse,
    ) as unknown as { title: { subtitle: string[] }; concat?: unknown; data?: { values: Point[] } };
    expect(s.concat).toBeUndefined();
    expect(new Set(s.data?.values.map((p) => p.category))).toEqual(new Set([VSO]));
    expect(s.title.subtitle.join(' ').replace(/\s+/g, ' ')).toContain(
      'Not shown: Robbery (10 of the 11 districts ranked have too few crimes to publish)',
    );
  });

  it('falls back on the rows’ notes when the national units are not loaded', () => {
    const { nationalUnits: _units, ...rest } = data;
    const bare = { ...rest };
    const s = policeEnglandFunnel.spec(
      selectRows(bare, policeEnglandFunnel.indicators),
      bare,
    ) as unknown as Spec;
    const line = s.title.subtitle.join(' ').replace(/\s+/g, ' ');
    expect(line).toContain(
      '2 districts not ranked: not available: Greater Manchester Police: no file for 2022-09 (E08000001 and E08000002)',
    );
  });

  it('draws the England line at the published England rate, the limits on exact Poisson tails', () => {
    const curves = spec.concat[0]?.layer[0]?.data?.values ?? [];
    const england = curves.filter((c) => c.line === 'England rate');
    expect(england.map((c) => c.rate)).toEqual([3, 3]);
    const upper = curves.filter((c) => c.curve === 'upper998');
    expect(upper.length).toBeGreaterThan(10);
    const average = 3 / 1000;
    // Inner points are the limits themselves: e events at residents r, P(X ≥ e | λ = average·r) = 0.001.
    for (const p of upper.slice(1, -1)) {
      const events = Math.round((p.rate * p.residents) / 1000);
      expect(chisquareCdf(2 * average * p.residents, 2 * events)).toBeCloseTo(0.001, 5);
    }
  });

  it('renders to SVG without a warning, the area named', async () => {
    const svg = await renderSvg(spec as never, (message) => {
      throw new Error(message);
    });
    expect(svg).toContain('>Liverpool</text>');
    expect(svg).toContain('>Middlesbrough</text>');
  });

  it('is not drawn without national rows: the demo’s charts are what they were', async () => {
    const plain = reportData();
    expect(selectRows(plain, policeEnglandFunnel.indicators).size).toBe(0);
    const charts = await buildCharts(plain, {
      charts: CHARTS.filter((c) => c.name === 'police-england-funnel'),
    });
    expect(charts).toEqual([]);
  });

  it('is built with the report’s other charts when national rows exist', async () => {
    const charts = await buildCharts(data, {
      charts: CHARTS.filter((c) => c.name === 'police-england-funnel'),
    });
    expect(charts.map((c) => c.name)).toEqual(['police-england-funnel']);
    expect(RANKED.length).toBeGreaterThan(MAX_NAMED);
  });
});
