/**
 * The ranked dot chart of the comparators (issue 17's "police-comparator-ranks", drawn by the
 * existing police-rate-comparators chart): every dot is its published row, lowest rate first,
 * the area highlighted, the comparators' combined rate a rule, and England's rate a rule only
 * when sna chose the comparators (same period as England's).
 */
import { describe, expect, it } from 'vitest';
import {
  COMBINED,
  ENGLAND,
  MAX_PANEL_AREAS,
  policeRateComparators,
} from '../../reports/charts/catalogue/police-rate-comparators.js';
import { CHARTS } from '../../reports/charts/index.js';
import { renderSvg } from '../../reports/charts/render.js';
import { selectRows } from '../../reports/charts/select-rows.js';
import type { PublishedRow, ReportData } from '../../reports/types.js';
import { AREA, comparatorRows, nationalData, PEERS, VSO } from './national-fixtures.js';

interface Spec {
  title: { subtitle: string[] };
  data: { values: Array<Record<string, unknown>> };
}

const specOf = (data: ReportData) =>
  policeRateComparators.spec(
    selectRows(data, policeRateComparators.indicators),
    data,
  ) as unknown as Spec;

const auto: ReportData = { ...nationalData(comparatorRows()), autoComparators: 'force' };
const spec = specOf(auto);
const dots = spec.data.values.filter((v) => v.kind === 'dot');
const rules = spec.data.values.filter((v) => v.kind === 'rule');

describe('police-rate-comparators as the comparators’ ranked dot chart', () => {
  it('is the only comparator dot chart: no second chart draws the same rows', () => {
    const readers = CHARTS.filter((c) => c.indicators.includes('police.comparator_rate_per_1000'));
    expect(readers.map((c) => c.name)).toEqual(['police-rate-comparators']);
  });

  it('draws the area and every comparator from its published row, lowest rate first', () => {
    expect(dots.map((d) => d.area_code)).toHaveLength(PEERS.length + 1);
    const values = dots.map((d) => d.value as number);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    for (const dot of dots) {
      const row = auto.rows.find(
        (r) =>
          r.area_code === dot.area_code &&
          r.category === VSO &&
          (r.indicator_id === 'police.comparator_rate_per_1000' ||
            r.indicator_id === 'police.rate_per_1000'),
      );
      expect([dot.value, dot.lower_ci95, dot.upper_ci95]).toEqual([
        row?.value,
        row?.lower_ci95,
        row?.upper_ci95,
      ]);
    }
  });

  it('highlights the area, named, and ranks it in the panel’s title', () => {
    const area = dots.filter((d) => d.who === 'This area');
    expect(area.map((d) => [d.area_code, d.area_name])).toEqual([[AREA, 'Liverpool']]);
    expect(dots.filter((d) => d.area_code !== AREA).map((d) => d.area_name)).toEqual([
      'Sefton',
      'Wirral',
      'Knowsley',
      'St Helens',
    ]);
    expect(String(dots[0]?.panel)).toBe('Violence and sexual offences (rank 5 of 5, 1 = lowest)');
  });

  it('draws the comparators’ combined rate and, for sna’s comparators, England’s', () => {
    const combined = auto.rows.find(
      (r) => r.indicator_id === 'police.comparators_combined_rate_per_1000',
    );
    expect(rules.map((r) => [r.line, r.value])).toEqual([
      [COMBINED, combined?.value],
      [ENGLAND, 3],
    ]);
    expect(spec.title.subtitle.join(' ')).toContain(
      'comparators: the other districts of its force area',
    );
  });

  it('leaves England out when the comparators come from the file (another period)', () => {
    const { autoComparators: _auto, ...fileData } = auto;
    const fromFile = specOf(fileData);
    const lines = fromFile.data.values.filter((v) => v.kind === 'rule').map((v) => v.line);
    expect(lines).toEqual([COMBINED]);
    expect(fromFile.title.subtitle.join(' ')).toContain('Crimes in the year to 30 Sep 2022');
  });

  it('renders to SVG without a warning', async () => {
    const svg = await renderSvg(spec as never, (message) => {
      throw new Error(message);
    });
    expect(svg).toContain('>Comparators together</text>');
    expect(svg).toContain('>England</text>');
  });
});

describe('the comparators sna left out', () => {
  it('names them under the chart, from the rank’s note', () => {
    const rows = auto.rows.map((r) =>
      r.indicator_id === 'police.rank_among_comparators'
        ? {
            ...r,
            note: 'left out, incomplete: Bolton (E08000001), Bury (E08000002); population of mid-2015',
          }
        : r,
    );
    const s = specOf({ ...auto, rows });
    expect(s.title.subtitle.join(' ')).toContain(
      'Left out, their data incomplete: Bolton (E08000001), Bury (E08000002)',
    );
  });
});

describe('the source line', () => {
  it('names only the indicators the run has rows of', async () => {
    const { buildCharts } = await import('../../reports/charts/index.js');
    const noEngland = {
      ...auto,
      rows: auto.rows.filter((r) => r.indicator_id !== 'police.england_rate_per_1000'),
    };
    const only = CHARTS.filter((c) => c.name === 'police-rate-comparators');
    const [withEngland] = await buildCharts(auto, { charts: only });
    const [without] = await buildCharts(noEngland, { charts: only });
    expect(withEngland?.indicators).toContain('police.england_rate_per_1000');
    expect(without?.indicators).toEqual([
      'police.rate_per_1000',
      'police.comparator_rate_per_1000',
      'police.rank_among_comparators',
      'police.comparators_combined_rate_per_1000',
    ]);
  });
});

describe('a comparator set too long to read as dots (all of England)', () => {
  // 40 more comparators, rates 0.5 to 20 per 1,000, around the area's (4.3 per 1,000).
  const peer = auto.rows.find((r) => r.indicator_id === 'police.comparator_rate_per_1000');
  const many = Array.from({ length: 40 }, (_, i) => ({
    ...(peer as PublishedRow),
    area_code: `E070000${String(i + 10)}`,
    value: (i + 1) * 0.5,
    lower_ci95: (i + 1) * 0.45,
    upper_ci95: (i + 1) * 0.55,
  }));
  const long = specOf({ ...auto, rows: [...auto.rows, ...many] });
  const drawn = long.data.values.filter((v) => v.kind === 'dot');
  const areaRate = auto.rows.find((r) => r.indicator_id === 'police.rate_per_1000')
    ?.value as number;

  it('draws the area and the 20 comparators ranked nearest it, in rank order', () => {
    expect(drawn).toHaveLength(MAX_PANEL_AREAS);
    expect(drawn.filter((d) => d.who === 'This area')).toHaveLength(1);
    const values = drawn.map((d) => d.value as number);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    // Nearest by rank: every comparator left out lies beyond the lowest or the highest drawn.
    const all = [...many.map((r) => r.value), areaRate];
    const left = all.filter((v) => !values.includes(v));
    expect(left.length).toBeGreaterThan(0);
    for (const v of left)
      expect(v < (values[0] as number) || v > (values.at(-1) as number)).toBe(true);
    const at = drawn.findIndex((d) => d.who === 'This area');
    expect(Math.abs(at - (MAX_PANEL_AREAS - 1) / 2)).toBeLessThanOrEqual(1);
  });

  it('says so under the title, and keeps the rank among all of them in the panel title', () => {
    // Long subtitle lines are wrapped: read them as one text.
    expect(long.title.subtitle.join(' ').replace(/\s+/g, ' ')).toContain(
      'Each panel shows the 20 comparators ranked nearest this area, of up to 44 (suppressed rates not drawn)',
    );
    expect(String(drawn[0]?.panel)).toMatch(/rank \d+ of \d+/);
  });

  it('leaves suppressed rates out of a panel of nearest ranks: their rank is unknown', () => {
    const hidden = many.map((r, i) =>
      i >= 30 ? { ...r, value: null, lower_ci95: null, upper_ci95: null, suppressed: true } : r,
    );
    const withHidden = specOf({ ...auto, rows: [...auto.rows, ...hidden] });
    const shown = withHidden.data.values.filter((v) => v.kind === 'dot');
    expect(shown).toHaveLength(MAX_PANEL_AREAS);
    expect(shown.some((d) => d.suppressed)).toBe(false);
    expect(shown.filter((d) => d.who === 'This area')).toHaveLength(1);
  });

  it('draws every comparator when there are few enough', () => {
    expect(dots).toHaveLength(PEERS.length + 1);
    expect(spec.title.subtitle.join(' ')).not.toContain('ranked nearest');
  });
});
