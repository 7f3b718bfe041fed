/**
 * What a run read, as the manifest and the report's provenance section give it: each input file
 * with its sha256 and row accounting (read = loaded + set aside + rejected), and sna's version.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database.js';
import { PACKAGE_ROOT } from './paths.js';

export interface ManifestInput {
  source: string;
  path: string;
  sha256: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rows_set_aside: number;
  set_aside_reasons: Record<string, number>;
  /**
   * police.uk street files only: loaded or set-aside crime rows whose Crime ID another crime row
   * also has (a different month, crime type or place), each counted as a crime of its own.
   */
  repeated_crime_id_rows_counted?: number;
}

/**
 * The set-aside reason of police.uk rows outside the area in national mode: counted at ingest
 * into `raw_police_uk__street_counts` (pipeline/ingest/area-split.ts), not kept row by row.
 */
export const COUNTED_REASON = 'outside the area (counted in the national table)';

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Per-file accounting, straight from the database. */
export async function manifestInputs(db: Database): Promise<ManifestInput[]> {
  const rows = await db.all<{
    source: string;
    path: string;
    sha256: string;
    rows_read: number;
    rows_rejected: number;
    reasons: Record<string, unknown> | null;
    repeated_ids: number | null;
  }>(
    `WITH set_aside AS (
         SELECT file_id, reason, count(DISTINCT line)::INTEGER AS n
         FROM audit_rows_set_aside GROUP BY ALL
         UNION ALL
         -- National mode: police.uk rows outside the area, counted at ingest, not kept.
         SELECT file_id, $counted AS reason, sum(rows)::INTEGER AS n
         FROM raw_police_uk__street_counts GROUP BY file_id
     )
     SELECT f.source, f.path, f.sha256, f.rows_read::INTEGER AS rows_read,
            f.rows_rejected::INTEGER AS rows_rejected,
            (SELECT map(list(reason ORDER BY reason), list(n ORDER BY reason))
             FROM set_aside s WHERE s.file_id = f.file_id) AS reasons,
            CASE WHEN f.source = 'police_uk_street' THEN
              (SELECT count(*)::INTEGER FROM int_street_crimes_versioned v
               WHERE v.file_id = f.file_id AND v.is_repeated_id_crime) END AS repeated_ids
     FROM ingest_files f ORDER BY f.source, f.path`,
    { counted: COUNTED_REASON },
  );
  const csv = rows.map((row) => {
    const reasons = mapToRecord(row.reasons);
    const setAside = Object.values(reasons).reduce((a, b) => a + b, 0);
    return {
      source: row.source,
      path: row.path,
      sha256: row.sha256,
      rows_read: row.rows_read,
      rows_loaded: row.rows_read - row.rows_rejected - setAside,
      rows_rejected: row.rows_rejected,
      rows_set_aside: setAside,
      set_aside_reasons: reasons,
      ...(row.repeated_ids === null ? {} : { repeated_crime_id_rows_counted: row.repeated_ids }),
    };
  });
  const all = [...csv, ...(await boundaryInputs(db))];
  return all.sort((a, b) => compare(a.source, b.source) || compare(a.path, b.path));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Boundary files (docs/contract.md#boundary-files), read whole every run: a "row" is a feature.
 * None is rejected: a file sna cannot use stops the run instead.
 */
async function boundaryInputs(db: Database): Promise<ManifestInput[]> {
  const rows = await db.all<{
    source: string;
    path: string;
    sha256: string;
    features_read: number;
    features_loaded: number;
    set_aside_reasons: string;
  }>(
    `SELECT source, path, sha256, features_read, features_loaded, set_aside_reasons
     FROM ref_boundary_files`,
  );
  return rows.map((row) => ({
    source: row.source,
    path: row.path,
    sha256: row.sha256,
    rows_read: row.features_read,
    rows_loaded: row.features_loaded,
    rows_rejected: 0,
    rows_set_aside: row.features_read - row.features_loaded,
    set_aside_reasons: JSON.parse(row.set_aside_reasons) as Record<string, number>,
  }));
}

function mapToRecord(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (value instanceof Map) {
    for (const [k, v] of value) out[String(k)] = Number(v);
  } else if (Array.isArray(value)) {
    for (const entry of value as Array<{ key: unknown; value: unknown }>) {
      out[String(entry.key)] = Number(entry.value);
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out[k] = Number(v);
  }
  return out;
}
