/**
 * Matches a file's header row to its source schema: the config's column mapping first, then
 * the canonical name, then the schema's aliases — all compared in snake case, so `LSOA code`,
 * `lsoa_code` and `LSOA_Code` are one header.
 */
import type { SourceSchema } from '../../data/schemas/define.js';
import { normaliseHeader } from '../../data/schemas/normalise-header.js';
import type { BoundColumn } from './typing-sql.js';

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
    // Every header the column goes by: two (`lsoa_code` and `LSOA11CD`) leave it ambiguous.
    const at = [...new Set(candidates.map(normaliseHeader))]
      .flatMap((c) => positions.get(c) ?? [])
      .sort((a, b) => a - b);
    if (at.length === 0) {
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
      const named = at.map((i) => `"${header[i]}"`).join(', ');
      const choose = mapped ? '' : '; name the one to use with columns: in the config';
      problems.push(
        `column "${def.name}" is in the header ${at.length} times, as ${named} (sna cannot tell which to use${choose})`,
      );
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
