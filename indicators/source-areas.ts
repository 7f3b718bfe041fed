/**
 * Where each police source's rows fall (`agg_source_areas`): a source with rows elsewhere and
 * none in the area is files of another force, or area codes of another vintage. Read by the
 * run's warning and by the indicator rows that say so.
 */
import type { Database } from '../core/database.js';

/** A police source with rows elsewhere and none in the area, and where its rows fall most. */
export interface SourceOutsideArea {
  source: string;
  rows: number;
  /** "Leicester (13)", "LSOAs not in the lookup (1)", most rows first, at most three. */
  fallIn: string[];
  /** The same places without their counts, for published outputs (a count may be small). */
  places: string[];
}

export async function sourcesOutsideArea(db: Database): Promise<SourceOutsideArea[]> {
  const rows = await db.all<{ source: string; rows: number; fall_in: string[] }>(
    `SELECT source, sum(row_count)::INTEGER AS rows,
            list(coalesce(lad_name, lad_code, 'LSOAs not in the geography lookup') ||
                 ' (' || row_count || ')' ORDER BY row_count DESC, lad_code)[1:3] AS fall_in
     FROM agg_source_areas GROUP BY source
     HAVING NOT bool_or(is_in_area) AND sum(row_count) > 0
     ORDER BY source`,
  );
  return rows.map((r) => ({
    source: r.source,
    rows: r.rows,
    fallIn: r.fall_in,
    places: r.fall_in.map((place) => place.replace(/ \(\d+\)$/, '')),
  }));
}
