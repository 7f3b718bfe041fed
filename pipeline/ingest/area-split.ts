/**
 * National mode's split of police.uk rows (docs/contract.md#national-mode): a national set is
 * mostly rows of other districts, which the national table needs only as counts. Rows whose LSOA
 * is outside the area are counted at ingest into `raw_police_uk__street_counts` (file × month ×
 * force × LSOA × crime type) instead of being stored one by one; the area's rows and every row
 * without an LSOA (a few per cent; the models place or set them aside as before) are kept row by
 * row. Outside national mode, or with `national: keep_outside_rows: true`, every row is kept.
 */
import { listValue } from '@duckdb/node-api';
import type { SnaConfig } from '../../core/config.js';
import type { Database } from '../../core/database.js';

export { COUNTED_REASON } from '../../core/provenance.js';

/** The temporary table of the area's LSOAs, made by `prepareSplit`. */
const AREA_LSOAS = 'load_area_lsoas';

/** National mode is on when comparators are configured or `national.groups` are given. */
export const isNationalMode = (config: SnaConfig): boolean =>
  config.comparators !== null || config.national.groups.length > 0;

/**
 * Whether police.uk rows outside the area are counted rather than kept: national mode, a
 * geography lookup to tell the area's LSOAs by, and no `keep_outside_rows`.
 */
export const splitsRows = (config: SnaConfig): boolean =>
  isNationalMode(config) && !config.national.keepOutsideRows && !!config.reference.geography;

/**
 * What decides the split, for a police.uk file's read settings (a change re-reads the file):
 * the area's codes, the keep flag and the geography files' hashes. Undefined outside national
 * mode, so the settings (and so every file's identity) are what they were before it.
 */
export function splitSettings(
  config: SnaConfig,
  geographySha256: readonly string[],
): Record<string, unknown> | undefined {
  if (!isNationalMode(config)) return undefined;
  return {
    area_codes: config.area.codes,
    keep_outside_rows: config.national.keepOutsideRows,
    geography: splitsRows(config) ? [...geographySha256].sort() : [],
  };
}

/**
 * Makes the table of the area's LSOAs from the loaded geography lookup (a reference source,
 * loaded before any input). Every LSOA any geography row puts in one of the area's districts
 * counts as the area's, so a row the models place in the area is never counted away.
 */
export async function prepareSplit(db: Database, config: SnaConfig): Promise<string[]> {
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${AREA_LSOAS} AS
     SELECT DISTINCT lsoa_code FROM raw_ref__geography
     WHERE upper(lad_code) IN (SELECT upper(unnest($codes)))`,
    { codes: listValue(config.area.codes) },
  );
  const rows = await db.all<{ lsoa_code: string }>(`SELECT lsoa_code FROM ${AREA_LSOAS}`);
  return rows.map((r) => r.lsoa_code);
}

export async function dropSplit(db: Database): Promise<void> {
  await db.run(`DROP TABLE IF EXISTS ${AREA_LSOAS}`);
}

/** SQL: the police.uk row aliased `t` is kept row by row (in the area, or without an LSOA). */
export const keptRow = (t: string) =>
  `(${t}.lsoa_code IS NULL OR ${t}.lsoa_code IN (SELECT lsoa_code FROM ${AREA_LSOAS}))`;

/**
 * SQL: the crimes among the rows aliased `t` of one group (same file, month, crime type and
 * LSOA): rows sharing Crime ID, longitude and latitude are one crime; a blank Crime ID is its
 * own. The copies are told apart by a 64-bit hash of the three (a third of the time of
 * comparing them as a struct): two different crimes of one group, a few thousand rows at most,
 * share a hash with odds below one in 10^11 per group.
 */
export const countedCrimes = (t: string) =>
  `count(DISTINCT CASE WHEN ${t}.crime_id IS NOT NULL
         THEN hash(${t}.crime_id, ${t}.longitude, ${t}.latitude) END)
     + count(*) FILTER (WHERE ${t}.crime_id IS NULL)`;

/**
 * INSERT of the counted rows: `from` yields the typed rows aliased `t` (with their file's id as
 * `fileId`), `where` picks the good ones.
 */
export function countsInsert(fileId: string, from: string, where: string): string {
  return `INSERT INTO raw_police_uk__street_counts
     (file_id, month, falls_within, lsoa_code, crime_type, rows, crimes)
     SELECT ${fileId}, t.month, t.falls_within, t.lsoa_code, t.crime_type, count(*),
            ${countedCrimes('t')}
     FROM ${from}
     WHERE ${where} AND NOT ${keptRow('t')}
     GROUP BY ALL`;
}
