/**
 * The Python notebook's code cells: each cell's source, and the outputs it shows, computed here
 * from the published rows and charts the way notebook_helpers.py computes them from
 * `indicators.csv` (or `.parquet`) and `charts/`. Rows are kept in the files' order (both are
 * written and loaded with one ORDER BY on a unique key), so pandas' filters, which keep order,
 * select the same rows in the same order.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../core/paths.js';
import { DISTRICT_RATE } from '../national.js';
import type { PublishedRow, RenderedChart } from '../types.js';
import { chartText } from './deno-cells.js';
import type { MimeBundle } from './nbformat.js';
import { VEGA_LITE_V5_SCHEMA } from './notebook-helpers.js';
import { type PyRow, showBundle } from './python-format.js';
import { monthRange, redrawBundle } from './python-redraw.js';

export interface PythonCell {
  source: string;
  outputs: MimeBundle[];
}

/** notebook_helpers.py, the notebook's first code cell, as it stands. */
export function pythonHelpersSource(): string {
  return readFileSync(
    join(PACKAGE_ROOT, 'reports', 'notebook', 'notebook_helpers.py'),
    'utf8',
  ).trimEnd();
}

/** A Python string literal: JSON's escapes are all valid in Python 3. */
const py = (text: string) => JSON.stringify(text);
const pyList = (items: readonly string[]) => `[${items.map(py).join(', ')}]`;
const rowsOf = (rows: readonly PublishedRow[]) => rows as unknown as readonly PyRow[];

/** loaded_from(source, frame) of notebook_helpers.py. */
export function loadedFrom(
  source: 'indicators.csv' | 'indicators.parquet',
  rows: readonly PublishedRow[],
) {
  const counts = `${rows.length} rows, ${new Set(rows.map((r) => r.category)).size} categories`;
  return source === 'indicators.parquet'
    ? `Read indicators.parquet: ${counts}.`
    : `Read indicators.csv: ${counts}. (pandas has no pyarrow or fastparquet here to read indicators.parquet, which holds the same rows.)`;
}

const SUMMARY_COLUMNS = ['category', 'indicators', 'rows', 'suppressed'];

/** summary(frame): per category, in code-point order as pandas' groupby sorts strings. */
function summaryRows(rows: readonly PublishedRow[]): PyRow[] {
  const categories = [...new Set(rows.map((r) => r.category))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return categories.map((category) => {
    const of = rows.filter((r) => r.category === category);
    return {
      category,
      indicators: new Set(of.map((r) => r.indicator_id)).size,
      rows: of.length,
      suppressed: of.filter((r) => r.suppressed).length,
    };
  });
}

/**
 * The load cell. sna cannot know whether the reader's pandas reads Parquet, so the saved output
 * is the CSV's (plain pandas); with pyarrow its first line names indicators.parquet instead.
 */
export function loadCell(rows: readonly PublishedRow[]): PythonCell {
  return {
    source: `indicators, source = load_indicators()
show(summary(indicators), ${pyList(SUMMARY_COLUMNS)},
     caption=loaded_from(source, indicators))`,
    outputs: [showBundle(summaryRows(rows), SUMMARY_COLUMNS, loadedFrom('indicators.csv', rows))],
  };
}

export function chartCell(chart: RenderedChart): PythonCell {
  const spec = { ...JSON.parse(JSON.stringify(chart.spec)), $schema: VEGA_LITE_V5_SCHEMA };
  return {
    source: `show_chart(${py(chart.name)}, ${py(chartText(chart))})`,
    outputs: [
      {
        'application/vnd.vegalite.v5+json': spec,
        'image/svg+xml': chart.svg,
        'text/plain': chartText(chart),
      },
    ],
  };
}

const charted = (charts: readonly RenderedChart[], name: string) =>
  charts.find((c) => c.name === name);
const chartLine = (chart: RenderedChart | undefined) =>
  `CHART = ${chart ? py(chart.name) : 'None'}  # a chart in charts/ (its name without .vl.json), or None`;

export function categoryCell(
  rows: readonly PublishedRow[],
  charts: readonly RenderedChart[],
  category: string,
): PythonCell {
  const chart = charted(charts, 'police-rate-by-imd-decile');
  const columns = [
    'indicator_id',
    'value',
    'lower_ci95',
    'upper_ci95',
    'unit',
    'significance',
    'status',
  ];
  // In national mode every district's rate has no breakdown either: other areas, left out here.
  const national = rows.some((r) => r.indicator_id === DISTRICT_RATE);
  const selected = rows.filter(
    (r) =>
      r.category === category &&
      r.breakdown === 'none' &&
      !(national && r.indicator_id === DISTRICT_RATE),
  );
  const districts = national ? ` & (indicators.indicator_id != ${py(DISTRICT_RATE)})` : '';
  return {
    source: `# A category: any value of indicators.category (sorted(indicators.category.unique()) lists them).
CATEGORY = ${py(category)}
${chartLine(chart)}

rows = indicators[(indicators.category == CATEGORY) & (indicators.breakdown == 'none')${districts}]
show(rows, ${pyList(columns)},
     caption=f'{CATEGORY}: {len(rows)} values for the whole area (breakdown none)')
if CHART:
    redraw(CHART, category=CATEGORY)`,
    outputs: [
      showBundle(
        rowsOf(selected),
        columns,
        `${category}: ${selected.length} values for the whole area (breakdown none)`,
      ),
      ...(chart ? [redrawBundle(chart.name, chart.spec, { category: [category] })] : []),
    ],
  };
}

export function wardCell(
  rows: readonly PublishedRow[],
  charts: readonly RenderedChart[],
  ward: string,
): PythonCell {
  const chart = charted(charts, 'police-ward-funnel');
  const columns = [
    'indicator_id',
    'category',
    'numerator',
    'denominator',
    'value',
    'lower_ci95',
    'upper_ci95',
    'significance',
  ];
  const selected = rows.filter((r) => r.breakdown === 'ward' && r.breakdown_value === ward);
  return {
    source: `# A ward, as indicators.breakdown_value names it on rows of breakdown 'ward'; list them with
# sorted(indicators[indicators.breakdown == 'ward'].breakdown_value.unique()).
WARD = ${py(ward)}
${chartLine(chart)}

rows = indicators[(indicators.breakdown == 'ward') & (indicators.breakdown_value == WARD)]
show(rows, ${pyList(columns)},
     caption=f'{WARD}: {len(rows)} rows')
if CHART:
    redraw(CHART, breakdown_value=WARD)`,
    outputs: [
      showBundle(rowsOf(selected), columns, `${ward}: ${selected.length} rows`),
      ...(chart ? [redrawBundle(chart.name, chart.spec, { breakdown_value: [ward] })] : []),
    ],
  };
}

export function periodCell(
  rows: readonly PublishedRow[],
  charts: readonly RenderedChart[],
  category: string,
  [first, last]: readonly [string, string],
): PythonCell {
  const chart = charted(charts, 'police-monthly') ?? charted(charts, 'ae-monthly');
  const columns = ['indicator_id', 'breakdown_value', 'numerator', 'value', 'status'];
  const months = monthRange(first, last);
  const selected = rows.filter(
    (r) =>
      r.breakdown === 'month' &&
      months.includes(r.breakdown_value ?? '') &&
      r.category === category,
  );
  return {
    source: `# A category and a span of months ('YYYY-MM', first and last included) of the monthly rows.
CATEGORY = ${py(category)}
FIRST_MONTH, LAST_MONTH = ${py(first)}, ${py(last)}
${chartLine(chart)}

months = month_range(FIRST_MONTH, LAST_MONTH)
rows = indicators[(indicators.breakdown == 'month') & indicators.breakdown_value.isin(months)
                  & (indicators.category == CATEGORY)]
show(rows, ${pyList(columns)},
     caption=f'{CATEGORY}, {FIRST_MONTH} to {LAST_MONTH}: {len(rows)} monthly rows')
if CHART:
    redraw(CHART, category=CATEGORY, breakdown_value=months)`,
    outputs: [
      showBundle(
        rowsOf(selected),
        columns,
        `${category}, ${first} to ${last}: ${selected.length} monthly rows`,
      ),
      ...(chart
        ? [redrawBundle(chart.name, chart.spec, { category: [category], breakdown_value: months })]
        : []),
    ],
  };
}
