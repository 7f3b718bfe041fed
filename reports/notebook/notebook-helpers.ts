/**
 * The notebook's table and chart helpers. This file is copied, as it stands but without its
 * `export` keywords and this comment, into the notebook's helper cell; the pipeline calls the
 * same functions to bake that notebook's outputs. So what an analyst re-runs in Deno is the very
 * code that produced the saved output. Keep it free of imports and of anything Node- or
 * Deno-specific: it must run in both.
 */

export type Row = Record<string, unknown>;
export type MimeBundle = Record<string, unknown>;

export interface HeadlineLike {
  rows: Array<{
    title: string;
    intelligence: Array<{ text: string }>;
    victims: Array<{ text: string }>;
    perpetrators: Array<{ text: string }>;
  }>;
}

/** The columns of the indicator values table (headline values, no breakdowns). */
export const VALUE_COLUMNS = [
  'indicator_id',
  'category',
  'value',
  'lower_ci95',
  'upper_ci95',
  'unit',
  'significance',
  'suppressed',
];

/** Notebook front ends render Vega-Lite 5 (JupyterLab bundles 5.6), so specs say v5. */
export const VEGA_LITE_V5_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A cell's text: numbers rounded to 2 decimal places for reading, blanks empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  return String(value);
}

/** Rows as an HTML table and an aligned plain-text table. */
export function tableBundle(columns: string[], rows: Row[]): MimeBundle {
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = rows.map(
    (row) => `<tr>${columns.map((c) => `<td>${escapeHtml(cellText(row[c]))}</td>`).join('')}</tr>`,
  );
  const html = [
    '<table>',
    `<thead><tr>${head}</tr></thead>`,
    '<tbody>',
    ...body,
    '</tbody>',
    '</table>',
  ];
  const widths = columns.map((c) =>
    rows.reduce((width, row) => Math.max(width, cellText(row[c]).length), c.length),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const text = [
    line(columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((row) => line(columns.map((c) => cellText(row[c])))),
  ];
  return { 'text/html': html.join('\n'), 'text/plain': text.join('\n') };
}

/** The SNA headline table: crime type | intelligence | victims | perpetrators. */
export function headlineBundle(headline: HeadlineLike): MimeBundle {
  const list = (sentences: Array<{ text: string }>) =>
    sentences.length === 0
      ? ''
      : `<ul>${sentences.map((s) => `<li>${escapeHtml(s.text)}</li>`).join('')}</ul>`;
  const rows = headline.rows.map(
    (row) =>
      `<tr><th>${escapeHtml(row.title)}</th><td>${list(row.intelligence)}</td><td>${list(row.victims)}</td><td>${list(row.perpetrators)}</td></tr>`,
  );
  const html = [
    '<table>',
    '<thead><tr><th>Crime type</th><th>Intelligence</th><th>Victims</th><th>Perpetrators</th></tr></thead>',
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
  ];
  const text = headline.rows.flatMap((row) => [
    row.title,
    ...(['intelligence', 'victims', 'perpetrators'] as const).flatMap((column) =>
      row[column].map((s) => `  ${column}: ${s.text}`),
    ),
  ]);
  return { 'text/html': html.join('\n'), 'text/plain': text.join('\n') };
}

/** A chart for notebook front ends: the Vega-Lite spec, then SVG and text for the rest. */
export function chartBundle(spec: Row, svg: string, text: string): MimeBundle {
  return {
    'application/vnd.vegalite.v5+json': { ...spec, $schema: VEGA_LITE_V5_SCHEMA },
    'image/svg+xml': svg,
    'text/plain': text,
  };
}
