/**
 * Checks that the data are about the area: every area code is in the geography lookup (exit 2
 * otherwise, with the codes the user probably meant), and each police source has rows in the
 * area (a warning naming where its rows fall otherwise). Both read the built models.
 */

import type { SnaConfig } from '../../core/config.js';
import type { Database } from '../../core/database.js';
import type { SourceOutsideArea } from '../../indicators/source-areas.js';

/** One line per area code the lookup does not hold, with the nearest codes by name or spelling. */
export async function areaCodeProblems(db: Database, config: SnaConfig): Promise<string[]> {
  const candidates = await db.all<{
    code: string;
    lad_code: string | null;
    lad_name: string | null;
    by_name: number | null;
    by_code: number | null;
  }>(
    `WITH lads AS (
         SELECT lad_code, any_value(lad_name) AS lad_name FROM stg_ref__geography
         WHERE lad_code IS NOT NULL GROUP BY lad_code
     ),
     missing AS (
         SELECT lad_code AS code FROM run_area_codes
         WHERE lad_code NOT IN (SELECT lad_code FROM lads)
     )
     SELECT missing.code, lads.lad_code, lads.lad_name,
            jaro_winkler_similarity(lower(coalesce(lads.lad_name, '')), lower($name)) AS by_name,
            levenshtein(missing.code, lads.lad_code) AS by_code
     FROM missing LEFT JOIN lads
         ON jaro_winkler_similarity(lower(coalesce(lads.lad_name, '')), lower($name)) >= 0.9
         OR levenshtein(missing.code, lads.lad_code) <= 1
     ORDER BY missing.code, by_name DESC, by_code, lads.lad_code`,
    { name: config.area.name },
  );
  const codes = [...new Set(candidates.map((c) => c.code))];
  return codes.map((code) => {
    const mine = candidates.filter((c) => c.code === code && c.lad_code !== null);
    // A name the user gave outranks codes one keystroke away.
    const byName = mine.filter((c) => (c.by_name ?? 0) >= 0.9);
    const suggestions = (byName.length > 0 ? byName : mine)
      .slice(0, 3)
      .map((c) => `${c.lad_code}${c.lad_name ? ` (${c.lad_name})` : ''}`);
    const hint =
      suggestions.length > 0
        ? `: did you mean ${suggestions.join(' or ')}?`
        : ' (area.codes are local authority district codes, e.g. E08000012, of the lookup’s vintage)';
    return `area.codes: ${code} is not a local authority code in the geography lookup${hint}`;
  });
}

/** "police_uk_street: no rows in Liverpool; its 14 rows fall in Leicester (13), …". */
export function outsideAreaWords(found: SourceOutsideArea, areaName: string): string {
  return `${found.source}: no rows in ${areaName}; its ${found.rows} rows fall in ${found.fallIn.join(', ')}`;
}
