/**
 * `rejects.csv`: every rejected row with file, line, column, reason and the raw line, from the
 * database plus rows of files refused this run (rolled back, so only held in memory).
 * Cells that a spreadsheet would run as a formula are prefixed with `'`.
 */
import { join } from 'node:path';
import type { Database } from '../db/database.js';
import type { RejectLimitError } from '../ingest/load-file.js';
import { replaceAtomic } from './write-atomic.js';

const neutralise = (column: string) =>
  `CASE WHEN regexp_matches(${column}, '^[=+\\-@\\t\\r]') THEN '''' || ${column} ELSE ${column} END`;

export async function writeRejectsCsv(
  db: Database,
  outputDir: string,
  refused: readonly RejectLimitError[],
): Promise<number> {
  await db.run(
    'CREATE OR REPLACE TEMP TABLE refused_rejects (file VARCHAR, line BIGINT, "column" VARCHAR, reason VARCHAR, raw_line VARCHAR)',
  );
  for (const failure of refused) {
    for (const row of failure.sample) {
      await db.run(
        'INSERT INTO refused_rejects VALUES ($file, $line, $column, $reason, $raw_line)',
        {
          file: String(row.file ?? ''),
          line: Number(row.line ?? 0),
          column: row.column === null || row.column === undefined ? null : String(row.column),
          reason: String(row.reason ?? ''),
          raw_line:
            row.raw_line === null || row.raw_line === undefined ? null : String(row.raw_line),
        },
      );
    }
  }
  const path = join(outputDir, 'rejects.csv');
  await replaceAtomic(path, async (temporary) => {
    await db.run(
      `COPY (
         SELECT file, line, ${neutralise('"column"')} AS "column", ${neutralise('reason')} AS reason,
                ${neutralise('raw_line')} AS raw_line
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
