/**
 * Loading a wide file (see `data/schemas/wide-layouts.ts`): its columns are bound to a long
 * buffer made by unpivoting the value columns, so typing, checks and rejects run exactly as
 * for a long file. A wide row is one physical line: it loads whole or is rejected whole.
 */

import type { Database } from '../../core/database.js';
import type { SourceSchema } from '../../data/schemas/define.js';
import { WIDE_LAYOUTS, type WideReshape } from '../../data/schemas/wide-layouts.js';
import { matchColumns } from './match-columns.js';
import type { BoundColumn } from './typing-sql.js';

/** The long buffer's text columns, bound to the schema (population's long columns). */
export function wideColumns(schema: SourceSchema, reshape: WideReshape): BoundColumn[] {
  const bound: Record<string, { source: string; header: string; headerSql?: string }> = {
    area_code: { source: 'k_area_code', header: reshape.keyHeaders.area_code },
    year: { source: 'k_year', header: reshape.keyHeaders.year },
    sex: { source: 'k_sex', header: reshape.keyHeaders.sex },
    age: { source: 'v_age', header: 'age', headerSql: 'v_header' },
    age_to: { source: 'v_age_to', header: 'age', headerSql: 'v_header' },
    population: { source: 'v_value', header: 'population', headerSql: 'v_header' },
  };
  return schema.columns.map((def) => ({ def, ...bound[def.name] }));
}

/**
 * Matches a header to the long layout, falling back to the source's wide layouts. When none
 * fits, one problem says what kinds of file the source takes.
 */
export function matchLayout(
  schema: SourceSchema,
  header: readonly string[],
  mapping: Readonly<Record<string, string>>,
): { columns: BoundColumn[]; problems: string[]; reshape?: WideReshape } {
  const long = matchColumns(schema, header, mapping);
  const layouts = WIDE_LAYOUTS[schema.source];
  if (long.problems.length === 0 || !layouts || Object.keys(mapping).length > 0) return long;
  for (const layout of layouts) {
    const reshape = layout.recognise(header);
    if (reshape) return { columns: wideColumns(schema, reshape), problems: [], reshape };
  }
  const required = schema.columns.filter((c) => c.required).map((c) => c.name);
  const kinds = [`long: ${required.join(', ')}`, ...layouts.map((layout) => layout.describe)].join(
    '; or ',
  );
  const found = header
    .slice(0, 12)
    .map((h) => `"${h}"`)
    .join(', ');
  return {
    columns: long.columns,
    problems: [
      `not a kind of ${schema.source} file sna knows (found ${found}${header.length > 12 ? ', …' : ''}). It reads: ${kinds}`,
    ],
  };
}

/** Unpivots the load buffer into `load_long`: one text row per wide row × value column. */
export async function reshapeWide(db: Database, reshape: WideReshape, header: readonly string[]) {
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const values = reshape.values
    .map(
      (v) =>
        `(${quote(`c${v.index}`)}, ${quote(String(v.ageFrom))}, ${quote(String(v.ageTo))}, ${quote(header[v.index] ?? '')})`,
    )
    .join(', ');
  const columns = reshape.values.map((v) => `c${v.index}`).join(', ');
  await db.run(
    `CREATE OR REPLACE TEMP TABLE load_long AS
     WITH value_columns(name, age, age_to, header) AS (VALUES ${values}),
     keyed AS (
         SELECT rowid + 1 AS rec, ${reshape.keys.area_code} AS k_area_code, ${reshape.keys.year} AS k_year,
                ${reshape.keys.sex} AS k_sex, ${columns}
         FROM load_buf
     )
     SELECT cells.rec, cells.k_area_code, cells.k_year, cells.k_sex,
            value_columns.age AS v_age, value_columns.age_to AS v_age_to,
            value_columns.header AS v_header, cells.v_value
     -- INCLUDE NULLS: a blank cell must reach the checks, not vanish.
     FROM keyed UNPIVOT INCLUDE NULLS (v_value FOR name IN (${columns})) AS cells
     JOIN value_columns USING (name)`,
  );
}
