/**
 * redraw() of notebook_helpers.py in TypeScript: a saved chart's spec with its inlined rows
 * filtered, as the Python notebook's filter cells show it. sna saves this output in the notebook;
 * the cell computes it again from `charts/<name>.vl.json` when run. The filter knows no chart:
 * it works on wherever a Vega-Lite spec inlines rows (`data.values` at any depth, `datasets`).
 */
import type { MimeBundle } from './nbformat.js';
import { VEGA_LITE_V5_SCHEMA } from './notebook-helpers.js';
import { fmt } from './python-format.js';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Scalar = string | number | boolean | null;
/** Field → the values a row may have there (a one-value filter is a list of one). */
export type Where = Readonly<Record<string, readonly Scalar[]>>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Equal and of the same JSON kind (same() in notebook_helpers.py: True is not 1). */
const same = (a: Json, b: Json) => typeof a === typeof b && a === b;

const PANELS = new Set(['concat', 'hconcat', 'vconcat']);

interface Counts {
  /** Rows with a field of `where`. */
  matched: number;
  /** Of those, the rows kept. */
  kept: number;
}

function keep(row: Json, where: Where, counts: Counts): boolean {
  const fields = isObject(row) ? Object.keys(where).filter((f) => f in row) : [];
  if (fields.length > 0) counts.matched++;
  const kept = fields.every((f) =>
    (where[f] ?? []).some((v) => same((row as JsonObject)[f] as Json, v)),
  );
  if (fields.length > 0 && kept) counts.kept++;
  return kept;
}

/** A panel whose own rows were there and all went (emptied() in notebook_helpers.py). */
function emptied(before: Json, after: Json): boolean {
  if (!isObject(before) || !isObject(before.data)) return false;
  const rows = before.data.values;
  const left = isObject(after) && isObject(after.data) ? after.data.values : undefined;
  return Array.isArray(rows) && rows.length > 0 && Array.isArray(left) && left.length === 0;
}

/** filter_spec() of notebook_helpers.py: a filtered copy; the rows themselves are not copied. */
export function filterSpec(node: Json, where: Where, counts: Counts): Json {
  if (Array.isArray(node)) return node.map((item) => filterSpec(item, where, counts));
  if (!isObject(node)) return node;
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'data' && isObject(value) && Array.isArray(value.values)) {
      result[key] = { ...value, values: value.values.filter((r) => keep(r, where, counts)) };
    } else if (key === 'datasets' && isObject(value)) {
      result[key] = Object.fromEntries(
        Object.entries(value).map(([name, rows]) => [
          name,
          Array.isArray(rows) ? rows.filter((r) => keep(r, where, counts)) : rows,
        ]),
      );
    } else if (PANELS.has(key) && Array.isArray(value)) {
      const panels = value.map((panel) => [panel, filterSpec(panel, where, counts)] as const);
      result[key] = panels.filter(([before, after]) => !emptied(before, after)).map(([, a]) => a);
    } else {
      result[key] = filterSpec(value, where, counts);
    }
  }
  const { field, axis } = result;
  if (typeof field === 'string' && field in where && isObject(axis) && Array.isArray(axis.values)) {
    const allowed = where[field] ?? [];
    result.axis = { ...axis, values: axis.values.filter((v) => allowed.some((a) => same(v, a))) };
  }
  return result;
}

/** describe() of notebook_helpers.py. */
export function describeWhere(where: Where): string {
  return Object.entries(where)
    .map(([field, values]) => {
      const first = values[0] ?? null;
      const last = values[values.length - 1] ?? null;
      const shown =
        values.length === 0
          ? 'nothing'
          : values.length === 1
            ? fmt(first)
            : `${fmt(first)} to ${fmt(last)} (${values.length} values)`;
      return `${field} = ${shown}`;
    })
    .join(', ');
}

/** Every month from first to last ('2024-04', '2025-03'), inclusive (month_range()). */
export function monthRange(first: string, last: string): string[] {
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  const months: string[] = [];
  const label = () => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  while (label() <= last) {
    months.push(label());
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/** The output of redraw(name, **where): the spec as written to charts/<name>.vl.json. */
export function redrawBundle(name: string, savedSpec: Record<string, unknown>, where: Where) {
  // The spec as the file holds it (JSON drops what JSON cannot say, as Python reads it back).
  const spec = JSON.parse(JSON.stringify(savedSpec)) as Json;
  const counts: Counts = { matched: 0, kept: 0 };
  const filtered = filterSpec(spec, where, counts) as JsonObject;
  filtered.$schema = VEGA_LITE_V5_SCHEMA;
  const note = `Redrawn in the notebook for ${describeWhere(where)}: ${counts.kept} of ${counts.matched} rows`;
  const saved = 'title' in filtered ? (filtered.title as Json) : name;
  const title: JsonObject = isObject(saved) ? { ...saved } : { text: saved };
  const subtitle = 'subtitle' in title ? (title.subtitle as Json) : [];
  title.subtitle = [...(Array.isArray(subtitle) ? subtitle : [subtitle]), note];
  filtered.title = title;
  const text = `${name}: ${note} (a Vega-Lite chart: JupyterLab and VS Code draw it)`;
  return { 'application/vnd.vegalite.v5+json': filtered, 'text/plain': text } as MimeBundle;
}
