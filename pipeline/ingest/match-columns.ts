/**
 * Matches a file's header row to its source schema: the config's column mapping first, then
 * the canonical name, then the schema's aliases — all compared in snake case, so `LSOA code`,
 * `lsoa_code` and `LSOA_Code` are one header.
 */
import type { SourceSchema } from '../../data/schemas/define.js';
import type { BoundColumn } from './typing-sql.js';

/** `Crime ID` → `crime_id`, `LSOA code (2011)` → `lsoa_code_2011`. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export interface ColumnMatch {
  columns: BoundColumn[];
  /** One message per problem: missing required column, mapped header absent, ambiguity. */
  problems: string[];
}

export function matchColumns(
  schema: SourceSchema,
  header: readonly string[],
  mapping: Readonly<Record<string, string>>,
): ColumnMatch {
  const positions = new Map<string, number[]>();
  header.forEach((h, i) => {
    const key = normaliseHeader(h);
    positions.set(key, [...(positions.get(key) ?? []), i]);
  });
  const found = header.map((h) => `"${h}"`).join(', ');
  const problems: string[] = [];
  const columns: BoundColumn[] = schema.columns.map((def) => {
    const mapped = mapping[def.name];
    const candidates = mapped ? [mapped] : [def.name, ...(def.aliases ?? [])];
    const hit = candidates.map(normaliseHeader).find((c) => positions.has(c));
    const at = hit === undefined ? undefined : positions.get(hit);
    if (!at) {
      if (mapped) {
        problems.push(
          `column mapping ${def.name}: "${mapped}" is not in the header (found ${found})`,
        );
      } else if (def.required) {
        problems.push(`missing required column "${def.name}" (found ${found})`);
      }
      return { def };
    }
    if (at.length > 1) {
      problems.push(`column "${def.name}" appears ${at.length} times in the header`);
    }
    const index = at[0] as number;
    return { def, source: `c${index}`, header: header[index] };
  });
  for (const key of Object.keys(mapping)) {
    if (!schema.columns.some((c) => c.name === key)) {
      const known = schema.columns.map((c) => c.name).join(', ');
      problems.push(`column mapping names unknown column "${key}" (known: ${known})`);
    }
  }
  return { columns, problems };
}
