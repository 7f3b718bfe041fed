/**
 * national.csv and national.parquet (docs/contract.md#national-csv): `fct_national_units` as
 * published, written beside indicators.csv in national mode only. Small counts are blanked as
 * indicators.csv blanks them (docs/methods.md#small-number-suppression): a count of 1 to
 * suppress_below − 1 with everything derived from it (rate, interval, funnel label) and its rank,
 * marked `suppressed`: a rank between two published rates, times the published population,
 * would bound the count.
 */
import { join } from 'node:path';
import type { Database } from '../core/database.js';
import { spreadsheetSafe } from '../core/spreadsheet-safe.js';
import { replaceAtomic } from '../core/write-atomic.js';
import { districtRate } from './families/police-national.js';

/** The published columns, in order (the contract's list, then `suppressed`). */
export const NATIONAL_COLUMNS = [
  'unit_code',
  'unit_name',
  'is_area',
  'country',
  'force',
  'category',
  'crimes',
  'population',
  'population_year',
  'rate_per_1000',
  'lower_95',
  'upper_95',
  'england_rate_per_1000',
  'funnel_significance',
  'rank',
  'ranked_of',
  'coverage',
  'coverage_note',
  'months_covered',
  'months_in_period',
  'in_comparators',
  'suppressed',
] as const;

/** Columns blanked on a suppressed row: the count and what is derived from it, rank included. */
const DERIVED = new Set([
  'crimes',
  'rate_per_1000',
  'lower_95',
  'upper_95',
  'funnel_significance',
  'rank',
]);
const TEXT = new Set(['unit_name', 'force', 'coverage_note']);

/**
 * A unit's count is blanked when it is small, or when the published indicator rows blank it: the
 * suppression of indicators_published (indicators/sql/) decides which second district hides a
 * lone small one from subtraction out of England's count, so both files blank the same units.
 */
export const NATIONAL_PUBLISHED_SQL = `
  WITH flagged AS (
    SELECT fct_national_units.*,
      coalesce(crimes > 0 AND crimes < (SELECT suppress_below FROM run_config), false)
        OR coalesce(published.suppressed, false) AS suppressed
    FROM fct_national_units
    LEFT JOIN indicators_published AS published
      ON published.indicator_id = '${districtRate.id}'
      AND published.area_code = fct_national_units.unit_code
      AND published.category = fct_national_units.category
  )
  SELECT ${NATIONAL_COLUMNS.map((c) =>
    DERIVED.has(c) ? `CASE WHEN suppressed THEN NULL ELSE ${c} END AS ${c}` : c,
  ).join(', ')}
  FROM flagged`;

export async function writeNationalFiles(db: Database, outputDir: string): Promise<void> {
  const order = 'ORDER BY category, unit_code';
  const csv = `SELECT ${NATIONAL_COLUMNS.map((c) => (TEXT.has(c) ? `${spreadsheetSafe(c)} AS ${c}` : c)).join(', ')}
    FROM (${NATIONAL_PUBLISHED_SQL}) ${order}`;
  const quoted = (path: string) => `'${path.replaceAll("'", "''")}'`;
  await replaceAtomic(join(outputDir, 'national.csv'), (tmp) =>
    db.run(`COPY (${csv}) TO ${quoted(tmp)} (FORMAT csv, HEADER true)`),
  );
  await replaceAtomic(join(outputDir, 'national.parquet'), (tmp) =>
    db.run(
      `COPY (SELECT * FROM (${NATIONAL_PUBLISHED_SQL}) ${order}) TO ${quoted(tmp)} (FORMAT parquet, COMPRESSION zstd)`,
    ),
  );
}
