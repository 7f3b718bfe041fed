/**
 * Stores indicator rows: `indicator_values` keeps every value unsuppressed (for analysts with
 * database access); the `indicators_published` view applies small-number suppression
 * (docs/methods.md#small-number-suppression), and is what `indicators.csv` and `indicators.parquet` are written from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../core/database.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import { spreadsheetSafe } from '../core/spreadsheet-safe.js';
import { replaceAtomic } from '../core/write-atomic.js';
import type { IndicatorRow } from './define.js';
import { INDICATORS } from './registry.js';

const COLUMNS = [
  ['indicator_id', 'VARCHAR'],
  ['category', 'VARCHAR'],
  ['area_code', 'VARCHAR'],
  ['period_start', 'DATE'],
  ['period_end', 'DATE'],
  ['breakdown', 'VARCHAR'],
  ['breakdown_value', 'VARCHAR'],
  ['numerator', 'DOUBLE'],
  ['denominator', 'DOUBLE'],
  ['value', 'DOUBLE'],
  ['lower_ci95', 'DOUBLE'],
  ['upper_ci95', 'DOUBLE'],
  ['unit', 'VARCHAR'],
  ['significance', 'VARCHAR'],
  ['method', 'VARCHAR'],
  ['note', 'VARCHAR'],
  ['status', 'VARCHAR'],
] as const satisfies ReadonlyArray<readonly [keyof IndicatorRow, string]>;

/** Replaces `indicator_values` with these rows, through a DuckDB appender. */
export async function storeIndicators(db: Database, rows: readonly IndicatorRow[]): Promise<void> {
  await db.run(
    `CREATE OR REPLACE TABLE indicator_values (${COLUMNS.map(([n, t]) => `${n} ${t}`).join(', ')})`,
  );
  const appender = await db.connection.createAppender('indicator_values');
  for (const row of rows) {
    for (const [name, type] of COLUMNS) {
      const value = row[name];
      if (
        value === null ||
        value === undefined ||
        (typeof value === 'number' && !Number.isFinite(value))
      ) {
        appender.appendNull();
      } else if (type === 'DOUBLE') {
        appender.appendDouble(Number(value));
      } else {
        appender.appendVarchar(String(value));
      }
    }
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  await db.run(
    'CREATE OR REPLACE TABLE indicator_disclosure (indicator_id VARCHAR, disclosure VARCHAR)',
  );
  for (const indicator of INDICATORS) {
    await db.run('INSERT INTO indicator_disclosure VALUES ($id, $rule)', {
      id: indicator.id,
      rule: indicator.disclosure.join(','),
    });
  }
  // The prefix stays on the file's first line so an error's line is the file's.
  const file = join('indicators', 'sql', 'indicators_published.sql');
  const view = readFileSync(join(PACKAGE_ROOT, file), 'utf8');
  await db.runFile(file, `CREATE OR REPLACE VIEW indicators_published AS ${view}`);
}

/** Writes `indicators.csv` and `indicators.parquet` from the published (suppressed) view. */
export async function writeIndicatorFiles(db: Database, outputDir: string): Promise<void> {
  const order = `ORDER BY indicator_id, category, breakdown, try_cast(breakdown_value AS INTEGER) NULLS LAST, breakdown_value, area_code`;
  const text = new Set([
    'indicator_id',
    'category',
    'area_code',
    'breakdown',
    'breakdown_value',
    'note',
    'status',
  ]);
  const select = (csv: boolean) =>
    `SELECT ${PUBLISHED_COLUMNS.map((c) => (csv && text.has(c) ? `${spreadsheetSafe(c)} AS ${c}` : c)).join(', ')}
     FROM indicators_published ${order}`;
  const quoted = (path: string) => `'${path.replaceAll("'", "''")}'`;
  await replaceAtomic(join(outputDir, 'indicators.csv'), (tmp) =>
    db.run(`COPY (${select(true)}) TO ${quoted(tmp)} (FORMAT csv, HEADER true)`),
  );
  await replaceAtomic(join(outputDir, 'indicators.parquet'), (tmp) =>
    db.run(`COPY (${select(false)}) TO ${quoted(tmp)} (FORMAT parquet, COMPRESSION zstd)`),
  );
}

/** The contract's columns, then `note` and `status` (docs/contract.md#indicators-csv). */
export const PUBLISHED_COLUMNS = [
  'indicator_id',
  'category',
  'area_code',
  'period_start',
  'period_end',
  'breakdown',
  'breakdown_value',
  'numerator',
  'denominator',
  'value',
  'lower_ci95',
  'upper_ci95',
  'unit',
  'significance',
  'suppressed',
  'method',
  'note',
  'status',
] as const;
