/**
 * The Python notebook's tables, made in TypeScript: `fmt` and `show` of notebook_helpers.py,
 * rule for rule, so the outputs sna saves in sna-python.ipynb are the ones its cells print when
 * run again in Python (test/reports/notebook-python.test.ts runs them in a real kernel).
 */
import type { MimeBundle } from './nbformat.js';

export type PyValue = string | number | bigint | boolean | null | undefined;

/** At most this many rows are shown (MAX_ROWS in notebook_helpers.py). */
export const MAX_ROWS = 40;

const isMissing = (value: PyValue) =>
  value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
const isNumber = (value: PyValue) => typeof value === 'number' || typeof value === 'bigint';

/**
 * Python's f'{x:.2f}'. Both languages round the exact binary value correctly; they differ only
 * on an exact tie, which Python rounds to even and toFixed away from zero. To 2 places a double
 * is a tie exactly when 8x is an odd integer (x = k/8: .125, .375, .625, .875).
 */
export function pythonFixed2(x: number): string {
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const abs = Math.abs(x);
  // toFixed switches to exponent notation from 1e21; every double that large is an integer.
  if (abs >= 1e21) return `${sign}${BigInt(abs).toString()}.00`;
  const eighths = abs * 8; // exact: a power-of-two scaling
  if (Number.isInteger(eighths) && eighths % 2 === 1) {
    // abs * 100 = eighths * 25 / 2, halfway between two hundredths: take the even one.
    const twice = BigInt(eighths) * 25n;
    const below = (twice - 1n) / 2n;
    const hundredths = below % 2n === 0n ? below : below + 1n;
    const fraction = (hundredths % 100n).toString().padStart(2, '0');
    return `${sign}${hundredths / 100n}.${fraction}`;
  }
  return `${sign}${abs.toFixed(2)}`;
}

/** A value as the notebook's tables show it (fmt in notebook_helpers.py). */
export function fmt(value: PyValue): string {
  if (isMissing(value)) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (isNumber(value)) {
    const number = Number(value);
    if (!Number.isFinite(number)) return number > 0 ? 'inf' : '-inf';
    const text = pythonFixed2(number).replace(/0+$/, '').replace(/\.$/, '');
    return text === '-0' ? '0' : text;
  }
  return String(value);
}

/** Python's len(): code points, not UTF-16 units. */
const length = (text: string) => [...text].length;
const pad = (text: string, width: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, width - length(text)));
  return right ? fill + text : text + fill;
};

/** Python's html.escape(text), quotes included. */
export function pythonHtmlEscape(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#x27;');
}

export type PyRow = Readonly<Record<string, PyValue>>;

/** show(frame, columns, caption) of notebook_helpers.py: an HTML table and aligned text. */
export function showBundle(
  rows: readonly PyRow[],
  columns: readonly string[],
  caption = '',
): MimeBundle {
  const shown = rows.slice(0, MAX_ROWS);
  const right = columns.map(
    (c) =>
      shown.some((r) => isNumber(r[c]) && !isMissing(r[c])) &&
      shown.every((r) => isNumber(r[c]) || isMissing(r[c])),
  );
  const cells = shown.map((r) => columns.map((c) => fmt(r[c])));
  const widths = columns.map((c, i) =>
    Math.max(length(c), ...cells.map((r) => length(r[i] ?? ''))),
  );
  const line = (texts: readonly string[]) =>
    texts
      .map((t, i) => pad(t, widths[i] ?? 0, right[i] ?? false))
      .join('  ')
      .replace(/ +$/, '');
  const more = rows.length > shown.length ? `... ${rows.length - shown.length} more rows` : '';
  const text = [
    ...(caption ? [caption] : []),
    line(columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
    ...(more ? [more] : []),
  ];
  const td = (tag: string, t: string, i: number) =>
    `<${tag}${right[i] ? ' style="text-align:right"' : ''}>${pythonHtmlEscape(t)}</${tag}>`;
  const markup = [
    ...(caption ? [`<p>${pythonHtmlEscape(caption)}</p>`] : []),
    '<table>',
    `<thead><tr>${columns.map((c, i) => td('th', c, i)).join('')}</tr></thead>`,
    '<tbody>',
    ...cells.map((r) => `<tr>${r.map((t, i) => td('td', t, i)).join('')}</tr>`),
    '</tbody>',
    '</table>',
    ...(more ? [`<p>${pythonHtmlEscape(more)}</p>`] : []),
  ];
  return { 'text/html': markup.join('\n'), 'text/plain': text.join('\n') };
}
