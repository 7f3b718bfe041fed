/**
 * `rejects.csv`: every rejected row with file, line, column, reason and the raw line, from the
 * database plus rows of files refused this run (rolled back, so only held in memory).
 * Cells that a spreadsheet would run as a formula are prefixed with `'`.
 */
import { join } from 'node:path';
import type { Database } from '../../core/database.js';
import { spreadsheetSafe } from '../../core/spreadsheet-safe.js';
import { replaceAtomic } from '../../core/write-atomic.js';
import type { RejectLimitError } from '../ingest/load-file.js';

export async function writeRejectsCsv(
  db: Database,
  outputDir: string,
  refused: readonly RejectLimitError[],
): Promise<number> {
  await db.run(
    'CREATE OR REPLACE TEMP TABLE refused_rejects (file VARCHAR, line BIGINT, "column" VARCHAR, reason VARCHAR, raw_line VARCHAR)',
  );
  // Rows of refused files were rolled back, so they come from memory: append them in bulk.
  const appender = await db.connection.createAppender('refused_rejects');
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  for (const row of refused.flatMap((failure) => failure.sample)) {
    for (const value of [
      text(row.file),
      row.line,
      text(row.column),
      text(row.reason),
      text(row.raw_line),
    ]) {
      if (value === null || value === undefined) appender.appendNull();
      else if (typeof value === 'string') appender.appendVarchar(value);
      else appender.appendBigInt(BigInt(Number(value)));
    }
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  const path = join(outputDir, 'rejects.csv');
  await replaceAtomic(path, async (temporary) => {
    await db.run(
      `COPY (
         SELECT file, line, ${spreadsheetSafe('"column"')} AS "column", ${spreadsheetSafe('reason')} AS reason,
                ${spreadsheetSafe('raw_line')} AS raw_line
         FROM (SELECT path AS file, line, "column", reason, raw_line FROM ingest_rejects
               UNION ALL SELECT * FROM refused_rejects)
         ORDER BY file, line, "column"
       ) TO '${temporary.replaceAll("'", "''")}' (FORMAT csv, HEADER true)`,
    );
  });
  const count = await db.one<{ n: number }>(
    'SELECT (SELECT count(*) FROM ingest_rejects) + (SELECT count(*) FROM refused_rejects) AS n',
  );
  return count?.n ?? 0;
}
