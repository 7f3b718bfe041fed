/**
 * Axes that work on real spans and real deciles: the monthly chart labels its months whatever
 * the span (three months with no January among them), and the deprivation chart's scale is set
 * by the deciles with crimes, not by the huge interval of an empty decile. Each spec is drawn
 * by Vega and its scale or its labels read back.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { aeMonthly } from '../../reports/charts/catalogue/ae-monthly.js';
import { monthAxis } from '../../reports/charts/catalogue/monthly-trend.js';
import { policeMonthly } from '../../reports/charts/catalogue/police-monthly.js';
import { policeRateByImd } from '../../reports/charts/catalogue/police-rate-by-imd.js';
import type { ChartDefinition } from '../../reports/charts/define.js';
import { renderSvg } from '../../reports/charts/render.js';
import { selectRows } from '../../reports/charts/select-rows.js';
import type { PublishedRow, ReportData } from '../../reports/types.js';
import { publishedRow } from '../helpers/published-row.js';

function row(indicator_id: string, fields: Partial<PublishedRow>): PublishedRow {
  const liverpool = { category: 'robbery', area_code: 'E08000012' };
  const autumn = { period_start: '2022-09-01', period_end: '2022-11-30' };
  return publishedRow({ indicator_id, ...liverpool, ...autumn }, fields);
}

function data(rows: PublishedRow[]): ReportData {
  return {
    area: { name: 'Liverpool', codes: ['E08000012'], areaCode: 'E08000012' },
    period: {
      start: '2022-09-01',
      end: '2022-11-30',
      previousStart: '2022-06-01',
      previousEnd: '2022-08-31',
      historyStart: '2022-09-01',
    },
    synthetic: false,
    suppressBelow: 5,
    repeatAddressMin: 3,
    coverage: [],
    population: { year: 2025, periodEndYear: 2025 },
    rows,
    definitions: [],
    comparatorNames: {},
  };
}

function specOf(chart: ChartDefinition, report: ReportData): TopLevelSpec {
  const spec = chart.spec(selectRows(report, chart.indicators), report);
  if (!spec) throw new Error(`${chart.name}: no spec`);
  return spec;
}

const noWarnings = (message: string) => {
  throw new Error(message);
};

describe('the monthly charts’ x axis', () => {
  const months = ['2022-09', '2022-10', '2022-11'];

  it.each([
    [policeMonthly, 'police.monthly'],
    [aeMonthly, 'ae.monthly'],
  ])('labels three months with no January among them: %s', async (chart, id) => {
    const report = data(
      months.map((m, i) =>
        row(String(id), {
          breakdown: 'month',
          breakdown_value: m,
          value: 40 + i,
          numerator: 40 + i,
        }),
      ),
    );
    const svg = await renderSvg(specOf(chart as ChartDefinition, report), noWarnings);
    for (const label of ['Sep 2022', 'Oct 2022', 'Nov 2022']) expect(svg).toContain(label);
  });

  it('labels every n-th month up to five labels, and only Januaries (as years) beyond', () => {
    const span = (from: string, n: number) =>
      Array.from({ length: n }, (_, i) => {
        const d = new Date(`${from}-01T00:00:00Z`);
        d.setUTCMonth(d.getUTCMonth() + i);
        return d.toISOString().slice(0, 7);
      });
    expect(monthAxis(months).values).toEqual(months);
    expect(monthAxis(span('2022-09', 6)).values).toEqual(['2022-09', '2022-11', '2023-01']);
    expect(monthAxis(span('2021-12', 12)).values).toEqual([
      '2022-01',
      '2022-04',
      '2022-07',
      '2022-10',
    ]);
    expect(monthAxis(span('2021-12', 24)).values).toEqual([
      '2022-01',
      '2022-07',
      '2023-01',
      '2023-07',
    ]);
    const five = monthAxis(span('2020-04', 60));
    expect(five.values).toEqual(['2021-01', '2022-01', '2023-01', '2024-01', '2025-01']);
    expect(five.labelExpr).toBe('slice(datum.value, 0, 4)');
  });
});

/** A decile's rate row (per 1,000 residents) with its interval. */
const decile = (d: number, value: number, lower: number, upper: number, crimes: number) =>
  row('police.rate_by_imd_decile', {
    breakdown: 'imd_decile',
    breakdown_value: String(d),
    value,
    lower_ci95: lower,
    upper_ci95: upper,
    numerator: crimes,
    unit: 'per_1000',
    method: 'byar',
  });

/** The y scale's domain of a one-panel chart, as Vega draws it. */
async function yDomain(spec: TopLevelSpec): Promise<number[]> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    await view.runAsync();
    return view.scale('y').domain() as number[];
  } finally {
    view.finalize();
  }
}

describe('the deprivation chart’s y axis', () => {
  const real = [decile(1, 2, 1.5, 2.6, 40), decile(2, 1, 0.6, 1.5, 12)];
  // One LSOA of 300 residents with no crime: an upper limit of 3.7 / 300 × 1,000 = 12.3.
  const empty = decile(10, 0, 0, 12.3, 0);

  it('is set by the deciles with crimes; an empty decile’s interval is cut and marked', async () => {
    const spec = specOf(policeRateByImd, data([...real, empty]));
    const [, top] = await yDomain(spec);
    expect(top).toBeGreaterThanOrEqual(2.6);
    expect(top).toBeLessThanOrEqual(3);
    const svg = await renderSvg(spec, noWarnings);
    expect(svg).toContain('Triangle: the 95% interval of a decile with no crimes, cut');
    expect(policeRateByImd.description).toContain('cut at the top');
  });

  it('draws every interval whole when none reaches above the deciles with crimes', async () => {
    const spec = specOf(policeRateByImd, data([...real, decile(10, 0, 0, 2.2, 0)]));
    const [, top] = await yDomain(spec);
    expect(top).toBeGreaterThanOrEqual(2.6);
    expect(top).toBeLessThanOrEqual(3);
    expect(await renderSvg(spec, noWarnings)).not.toContain('Triangle');
  });

  it('without the cut would have been set by the empty decile (the planted case)', async () => {
    // The same data through a plain interval: the scale reaches the empty decile's 12.3.
    const spec = specOf(policeRateByImd, data([...real, empty])) as unknown as {
      layer: Array<{ transform?: unknown[]; encoding?: { y2?: { field: string } } }>;
    };
    const interval = spec.layer.find((l) => l.encoding?.y2);
    expect(interval?.encoding?.y2?.field).toBe('upper_shown');
    const uncut = {
      ...spec,
      layer: spec.layer.map((l) =>
        l === interval
          ? { ...l, transform: [], encoding: { ...l.encoding, y2: { field: 'upper_ci95' } } }
          : l,
      ),
    } as unknown as TopLevelSpec;
    const [, top] = await yDomain(uncut);
    expect(top).toBeGreaterThanOrEqual(12.3);
  });
});
