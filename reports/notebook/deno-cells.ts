/**
 * The notebook's code, TypeScript for the Deno Jupyter kernel. It reloads this run's published
 * results (never the database, which holds row-level data) from files beside the notebook:
 * `indicators.parquet`, `headline.json` and `charts/*`.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../core/paths.js';
import { DISTRICT_RATE } from '../national.js';
import type { RenderedChart } from '../types.js';
import { VALUE_COLUMNS } from './notebook-helpers.js';

/** The DuckDB client, pinned: later versions need platform packages Deno cannot all fetch. */
export const DUCKDB_IMPORT = 'npm:@duckdb/node-api@1.5.5-r.5';

/**
 * notebook-helpers.ts as cell source: its header comment (about the pipeline, not the
 * notebook) and `export` keywords removed, so it is the same code the outputs were baked with.
 */
export function helpersSource(): string {
  const file = readFileSync(
    join(PACKAGE_ROOT, 'reports', 'notebook', 'notebook-helpers.ts'),
    'utf8',
  );
  const body = file.replace(/^\/\*\*[\s\S]*?\*\/\n+/, '').replace(/^export /gm, '');
  return `// Table and chart helpers: the code that produced this notebook's saved outputs.\n${body.trimEnd()}`;
}

export function setupSource(): string {
  return `// Reloads this run's published results from the files beside this notebook (Jupyter starts
// the kernel in the notebook's folder, notebooks/ in the output folder). Only published files
// are read: indicators.parquet has small-number suppression applied. Nothing is written.
import { DuckDBInstance } from '${DUCKDB_IMPORT}';

const OUTPUT_DIR = '..';
const duckdb = await DuckDBInstance.create(':memory:');
const connection = await duckdb.connect();
// \`void\`: the kernel would otherwise show the empty result object as this cell's output.
void (await connection.run(
  \`CREATE VIEW indicators AS SELECT * FROM read_parquet('\${OUTPUT_DIR}/indicators.parquet')\`,
));

/** Runs SQL (over the \`indicators\` view) and returns rows of plain JSON values. */
async function query(sql: string): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJson() as Row[];
}

/** Shows a bundle of representations (HTML, text, Vega-Lite, SVG) as the cell's output. */
async function show(bundle: MimeBundle): Promise<void> {
  await Deno.jupyter.display(bundle, { raw: true });
  // On a busy machine Deno's kernel can report the cell finished before this output reaches
  // Jupyter, which then drops it: a short pause lets the output go first.
  await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Shows a chart from charts/<name>.vl.json and its SVG. */
async function showChart(name: string, text: string): Promise<void> {
  const spec = JSON.parse(await Deno.readTextFile(\`\${OUTPUT_DIR}/charts/\${name}.vl.json\`));
  const svg = await Deno.readTextFile(\`\${OUTPUT_DIR}/charts/\${name}.svg\`);
  await show(chartBundle(spec, svg, text));
}`;
}

export function headlineSource(): string {
  return `const headline = JSON.parse(await Deno.readTextFile(\`\${OUTPUT_DIR}/headline.json\`));
await show(headlineBundle(headline));`;
}

/**
 * The SQL the indicators cell runs; the baked output is the same rows, in the same order. In
 * national mode every district's rate is a row without a breakdown too: hundreds of rows of other
 * areas, left to their own query (`national` leaves them out).
 */
export function valuesSql(national = false): string {
  const districts = national ? `\n    AND indicator_id <> '${DISTRICT_RATE}'` : '';
  return `SELECT ${VALUE_COLUMNS.join(', ')}
  FROM indicators
  WHERE breakdown = 'none'${districts}
  ORDER BY indicator_id, category`;
}
export const VALUES_SQL = valuesSql();

export function indicatorsSource(national = false): string {
  const more = national ? `, ${DISTRICT_RATE} for every district's rate` : '';
  return `// Headline values (no breakdowns); query \`indicators\` for months, beats, deciles${more} and more.
const values = await query(\`
  ${valuesSql(national)}\`);
await show(tableBundle(VALUE_COLUMNS, values));`;
}

/** The text a chart shows where Vega-Lite and SVG cannot be drawn. */
export function chartText(chart: RenderedChart): string {
  return `${chart.title}: ${chart.description}`;
}

export function chartSource(chart: RenderedChart): string {
  return `await showChart(${JSON.stringify(chart.name)}, ${JSON.stringify(chartText(chart))});`;
}
