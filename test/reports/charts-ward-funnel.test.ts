/**
 * The ward funnel plot on the demo borough's rows (violence with injury and knife crime, as
 * `police.rate_by_ward` publishes them): the centre line is the published average, every limit
 * point lies on an exact Poisson tail of the stated probability (checked with the χ²
 * distribution, not with the bisection the chart uses), the wards carry their published
 * significance, the wards outside 99.8% are named and lie outside the drawn 99.8% curve, and
 * suppressed wards are not drawn.
 */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { describe, expect, it } from 'vitest';
import { policeWardFunnel } from '../../reports/charts/catalogue/police-ward-funnel.js';
import { renderSvg } from '../../reports/charts/render.js';
import { selectRows } from '../../reports/charts/select-rows.js';
import type { PublishedRow } from '../../reports/types.js';
import { publishedRow } from '../helpers/published-row.js';
import { reportData } from './html-fixtures.js';

const OUT = 'outside the 99.8% funnel limits; population of mid-2025';
const POP = 'population of mid-2025';
const SUPP = 'suppressed: fewer than 5 (or derivable from such a count); population of mid-2025';

type Spec = [string, string | null, number | null, number, number | null, string | null, string];
/** The demo run's rows: category, ward, crimes, residents, rate, significance, note. */
const DEMO: Spec[] = [
  ['violence_with_injury', null, 372, 97264, 3.824642210889949, null, POP],
  ['violence_with_injury', 'Ashcombe Moor', 70, 10300, 6.796116504854369, 'higher', OUT],
  ['violence_with_injury', 'Copper Green', 19, 9534, 1.9928676316341514, 'lower', POP],
  ['violence_with_injury', 'Fernley', 11, 10863, 1.0126116174169197, 'lower', OUT],
  ['violence_with_injury', 'Kettlewick', 60, 11831, 5.071422534020793, 'higher', POP],
  ['violence_with_injury', 'Market Cross', 33, 16010, 2.061211742660837, 'lower', OUT],
  ['violence_with_injury', 'Northfold', 124, 10997, 11.275802491588616, 'higher', OUT],
  ['violence_with_injury', 'Southmoor', 18, 11774, 1.5287922541192458, 'lower', OUT],
  ['violence_with_injury', 'Tanyard', 37, 15955, 2.319022250078345, 'lower', OUT],
  ['knife_crime', null, 59, 97264, 0.6065964796841585, null, POP],
  ['knife_crime', 'Ashcombe Moor', 7, 10300, 0.6796116504854369, 'similar', POP],
  ['knife_crime', 'Copper Green', null, 9534, null, null, SUPP],
  ['knife_crime', 'Fernley', 5, 10863, 0.46027800791678175, 'similar', POP],
  ['knife_crime', 'Kettlewick', null, 11831, null, null, SUPP],
  ['knife_crime', 'Market Cross', 7, 16010, 0.4372267332916927, 'similar', POP],
  ['knife_crime', 'Northfold', 16, 10997, 1.4549422569791761, 'higher', POP],
  ['knife_crime', 'Southmoor', 7, 11774, 0.5945303210463733, 'similar', POP],
  ['knife_crime', 'Tanyard', 9, 15955, 0.5640864932623002, 'similar', POP],
  // Too few homicides for a funnel: the centre line itself is suppressed.
  ['homicide', null, null, 97264, null, null, SUPP],
  ['homicide', 'Ashcombe Moor', 0, 10300, 0, 'similar', POP],
];

const rows: PublishedRow[] = DEMO.map(([category, ward, n, d, value, significance, note]) =>
  publishedRow({
    indicator_id: 'police.rate_by_ward',
    category,
    breakdown: ward ? 'ward' : 'none',
    breakdown_value: ward ? `${ward} (SYNTHETIC)` : null,
    numerator: n,
    denominator: d,
    value,
    // The intervals are not drawn; any limits around the value will do.
    lower_ci95: value === null ? null : value * 0.8,
    upper_ci95: value === null ? null : value * 1.2,
    unit: 'per_1000',
    method: 'byar',
    significance: significance as PublishedRow['significance'],
    suppressed: n === null,
    note,
  }),
);

const data = reportData({ rows });
const spec = policeWardFunnel.spec(
  selectRows(data, policeWardFunnel.indicators),
  data,
) as unknown as {
  title: { subtitle: string[] };
  concat: Array<{
    title: { text: string };
    data: { values: Array<Record<string, unknown>> };
    layer: Array<{ data?: { values: Array<{ curve: string; residents: number; rate: number }> } }>;
  }>;
};
const panel = (title: string) => {
  const found = spec.concat.find((p) => p.title.text === title);
  if (!found) throw new Error(`no panel ${title}`);
  return found;
};
const curves = (title: string) => panel(title).layer[0]?.data?.values ?? [];
const curve = (title: string, name: string) => curves(title).filter((p) => p.curve === name);

/** P(X ≥ e) and P(X ≤ e) for X ~ Poisson(λ), through the χ² distribution. */
const atLeast = (e: number, lambda: number) => chisquareCdf(2 * lambda, 2 * e);
const atMost = (e: number, lambda: number) => 1 - chisquareCdf(2 * lambda, 2 * (e + 1));

describe('police-ward-funnel on the demo rows', () => {
  it('draws a panel per category with enough crimes, saying which are left out and why', () => {
    expect(spec.concat.map((p) => p.title.text)).toEqual([
      'Violence with injury',
      'Knife crime (2 not drawn)',
    ]);
    expect(spec.title.subtitle.join(' ')).toContain('too few crimes for a funnel: Homicide');
    expect(spec.title.subtitle.join(' ')).toMatch(/Not drawn: wards whose count is suppressed/);
  });

  it('draws the centre line at the published area average', () => {
    const centre = curve('Violence with injury', 'Area average');
    expect(centre.map((p) => p.rate)).toEqual([3.824642210889949, 3.824642210889949]);
    expect(centre[0]?.residents).toBeCloseTo(9534 * 0.9, 6);
    expect(centre[1]?.residents).toBeCloseTo(16010 * 1.05, 6);
  });

  it.each([
    ['upper95', 0.025, atLeast],
    ['lower95', 0.025, atMost],
    ['upper998', 0.001, atLeast],
    ['lower998', 0.001, atMost],
  ] as const)(
    '%s: every point inside the axis is on the exact Poisson tail of %s',
    (name, p, tail) => {
      const average = 372 / 97264;
      const points = curve('Violence with injury', name);
      const [first, last] = [points[0], points.at(-1)];
      // The ends are cut at the axis (interpolated); the points between are the limits themselves.
      expect(first?.residents).toBeCloseTo(9534 * 0.9, 6);
      expect(last?.residents).toBeCloseTo(16010 * 1.05, 6);
      const inner = points.slice(1, -1);
      expect(inner.length).toBeGreaterThan(20);
      for (const { residents, rate } of inner) {
        const events = (rate * residents) / 1000;
        expect(events).toBeCloseTo(Math.round(events), 6);
        expect(tail(Math.round(events), average * residents)).toBeCloseTo(p, 6);
      }
    },
  );

  it('colours each ward by its published significance and names those outside 99.8%', () => {
    const wards = panel('Violence with injury').data.values;
    const by = (field: string) =>
      Object.fromEntries(wards.map((w) => [String(w.ward).replace(' (SYNTHETIC)', ''), w[field]]));
    expect(by('status')).toEqual({
      'Ashcombe Moor': 'Higher than the area average',
      'Copper Green': 'Lower than the area average',
      Fernley: 'Lower than the area average',
      Kettlewick: 'Higher than the area average',
      'Market Cross': 'Lower than the area average',
      Northfold: 'Higher than the area average',
      Southmoor: 'Lower than the area average',
      Tanyard: 'Lower than the area average',
    });
    expect(wards.filter((w) => w.label).map((w) => w.ward)).toEqual(
      ['Ashcombe Moor', 'Fernley', 'Market Cross', 'Northfold', 'Southmoor', 'Tanyard'].map(
        (w) => `${w} (SYNTHETIC)`,
      ),
    );
  });

  it('puts the named wards outside the drawn 99.8% curves, the others inside', () => {
    const at = (name: string, x: number) => {
      const points = curve('Violence with injury', name);
      const i = points.findIndex((p) => p.residents >= x);
      const [a, b] = [points[i - 1], points[i]];
      if (!a || !b) throw new Error(`${name} does not reach ${x}`);
      return a.rate + ((b.rate - a.rate) * (x - a.residents)) / (b.residents - a.residents);
    };
    for (const w of panel('Violence with injury').data.values) {
      const x = Number(w.denominator);
      const outside = Number(w.value) > at('upper998', x) || Number(w.value) < at('lower998', x);
      expect(outside, String(w.ward)).toBe(Boolean(w.label));
    }
  });

  it('does not draw a suppressed ward', () => {
    const knife = panel('Knife crime (2 not drawn)').data.values;
    expect(knife.map((w) => w.ward)).not.toContain('Copper Green (SYNTHETIC)');
    expect(knife.map((w) => w.ward)).not.toContain('Kettlewick (SYNTHETIC)');
    expect(knife).toHaveLength(6);
    expect(knife.every((w) => w.suppressed === false && typeof w.value === 'number')).toBe(true);
    expect(knife.find((w) => w.status !== 'Similar to the area average')?.ward).toBe(
      'Northfold (SYNTHETIC)',
    );
  });

  it('renders to SVG without a warning, the named wards written beside their points', async () => {
    const svg = await renderSvg(spec as never, (message) => {
      throw new Error(message);
    });
    for (const ward of ['Ashcombe Moor', 'Fernley', 'Northfold', 'Tanyard']) {
      expect(svg).toContain(`>${ward} (SYNTHETIC)</text>`);
    }
    // Copper Green is inside the 99.8% limits for violence: a point, but no name beside it.
    expect(svg).not.toContain('>Copper Green (SYNTHETIC)</text>');
    expect(svg).toContain('Ward: Copper Green (SYNTHETIC); Crimes: 19;');
    expect(svg).toContain('>99.8% limits</text>');
  });
});
