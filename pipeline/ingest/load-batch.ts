/**
 * Loads many files of one layout (a national set of police.uk street files: hundreds of them)
 * with one DuckDB read and one transaction, so a file costs no more than its rows.
 *
 * One `read_csv` over the list of files (`filename = true`) types every row into `load_typed`,
 * in file order (`createInFileOrder`), so a file's rows are a run of row ids: a record's line
 * is its row id less its file's first row id, plus 2. That holds for a file whose every record
 * is on one line and that the reader rejected nothing from, which the quick scan of its bytes
 * (`scanContent`, alongside the read) and the reader's rejects tell; any other file (blank
 * lines, mixed line ends, NUL bytes, quoted line breaks, malformed records) is handed back to be
 * loaded alone, by `loadFile`, which numbers such files exactly. Each file still loads whole or
 * not at all from a reader's view: a file over `max_reject_pct` is left out of the batch (none
 * of its rows written), and the batch's rows, rejects and `ingest_files` rows commit together.
 */
import { listValue } from '@duckdb/node-api';
import type { Database } from '../../core/database.js';
import { countsInsert, keptRow } from './area-split.js';
import { type ContentScan, scanContent } from './line-count.js';
import { createInFileOrder, dropRejectTables, readCsvSql } from './line-numbers.js';
import { dateParams, type FileLoadResult, RejectLimitError, rawLineOf } from './load-file.js';
import type { PlannedFile } from './plan.js';
import { typingSelect } from './typing-sql.js';

export interface BatchOutcome {
  loaded: Array<{ file: PlannedFile; result: FileLoadResult }>;
  refused: Array<{ file: PlannedFile; error: RejectLimitError }>;
  /** Files the batch cannot number exactly: to be loaded one by one (`loadFile`). */
  alone: PlannedFile[];
}

/** Files that can share a read: same source, header, column mapping and date format. */
export function layoutKey(file: PlannedFile): string {
  return JSON.stringify([file.source, file.header, file.strptimeFormat, file.readSettings]);
}

/** Whether a file may go in a batch at all (long layout, UTF-8 as it is). */
export const batchable = (file: PlannedFile): boolean =>
  file.source === 'police_uk_street' && !file.reshape && file.spec.encoding !== 'windows-1252';

interface FileStats {
  first: number;
  accepted: number;
  bad: number;
  structural: number;
}

export async function loadBatch(
  db: Database,
  files: readonly PlannedFile[],
  maxRejectPct: number,
): Promise<BatchOutcome> {
  const [first] = files;
  const outcome: BatchOutcome = { loaded: [], refused: [], alone: [] };
  if (!first) return outcome;
  try {
    await dropRejectTables(db);
    const select = typingSelect(first.columns, readCsvSql(first, 'load_rejects', true), {
      rawLine: rawLineOf(first),
      keep: ['filename'],
    });
    const paths = files.map((f) => f.path);
    const [scans, read] = await Promise.allSettled([
      scanAll(paths),
      createInFileOrder(db, 'load_typed', select, {
        path: listValue(paths),
        ...dateParams(first),
      }),
    ]);
    if (scans.status === 'rejected') throw scans.reason;
    // The reader stopped on a file: each is read alone, which names the file in the error.
    if (read.status === 'rejected') return { ...outcome, alone: [...files] };
    const stats = await fileStats(db);
    const batch: Array<{ file: PlannedFile; stats: FileStats; result: FileLoadResult }> = [];
    for (const [i, file] of files.entries()) {
      const s = stats.get(file.path) ?? { first: 0, accepted: 0, bad: 0, structural: 0 };
      if (!numberedByPosition(scans.value[i] as ContentScan, s)) {
        outcome.alone.push(file);
        continue;
      }
      const result = { fileId: 0, rowsRead: s.accepted, rowsRejected: s.bad };
      if (result.rowsRead > 0 && (100 * result.rowsRejected) / result.rowsRead > maxRejectPct) {
        const sample = await rejectSample(db, file, s.first);
        const error = new RejectLimitError(
          { ...file, readPath: file.path },
          result,
          maxRejectPct,
          sample,
        );
        outcome.refused.push({ file, error });
        continue;
      }
      batch.push({ file, stats: s, result });
    }
    if (batch.length > 0) await writeBatch(db, batch, first.split === true);
    outcome.loaded = batch.map(({ file, result }) => ({ file, result }));
    return outcome;
  } finally {
    await db.run('DROP TABLE IF EXISTS load_typed');
    await db.run('DROP TABLE IF EXISTS load_batch_files');
    await dropRejectTables(db);
  }
}

/** The quick scans one after another (each is I/O bound and runs beside DuckDB's read). */
async function scanAll(paths: readonly string[]): Promise<ContentScan[]> {
  const scans: ContentScan[] = [];
  for (const path of paths) scans.push(await scanContent(path));
  return scans;
}

/** Every record of the file on one line of its own, nothing for the reader to reject. */
function numberedByPosition(scan: ContentScan, s: FileStats): boolean {
  return (
    scan.uniformLineEnds &&
    !scan.interiorBlank &&
    !scan.nul &&
    s.structural === 0 &&
    scan.lines - scan.trailingBlank === s.accepted + 1
  );
}

async function fileStats(db: Database): Promise<Map<string, FileStats>> {
  const rows = await db.all<{
    filename: string;
    first: number;
    accepted: number;
    bad: number;
    structural: number;
  }>(
    `WITH typed AS (
         SELECT filename, min(rowid) AS first, count(*) AS accepted,
                count(*) FILTER (WHERE problems IS NOT NULL) AS bad
         FROM load_typed GROUP BY filename
     ),
     structural AS (
         SELECT s.file_path AS filename, count(DISTINCT r.line) AS structural
         FROM load_rejects r JOIN load_rejects_scan s ON r.scan_id = s.scan_id AND r.file_id = s.file_id
         GROUP BY s.file_path
     )
     SELECT coalesce(typed.filename, structural.filename) AS filename,
            coalesce(first, 0)::BIGINT AS first, coalesce(accepted, 0)::BIGINT AS accepted,
            coalesce(bad, 0)::BIGINT AS bad, coalesce(structural, 0)::BIGINT AS structural
     FROM typed FULL JOIN structural ON typed.filename = structural.filename`,
  );
  return new Map(rows.map((r) => [r.filename, r]));
}

/** The rejected rows of a refused file, as `loadFile`'s refusal lists them. */
async function rejectSample(db: Database, file: PlannedFile, first: number) {
  return db.all(
    `SELECT $path AS file, rowid - $first + 2 AS line, problem.column AS "column",
            problem.reason AS reason, raw_line
     FROM (SELECT rowid, raw_line, unnest(problems) AS problem FROM load_typed
           WHERE filename = $filename AND problems IS NOT NULL)
     ORDER BY line LIMIT 10000`,
    { path: file.relPath, first, filename: file.path },
  );
}

/** The batch's files, rejects and rows (kept or counted), in one transaction. */
async function writeBatch(
  db: Database,
  batch: Array<{ file: PlannedFile; stats: FileStats; result: FileLoadResult }>,
  split: boolean,
): Promise<void> {
  const [{ file: first } = { file: undefined }] = batch;
  if (!first) return;
  const source = first.source;
  const table = first.schema.table;
  await db.transaction(async () => {
    const ids = await db.all<{ id: number }>(
      `SELECT nextval('seq_file_id')::INTEGER AS id FROM range(${batch.length})`,
    );
    const params: Record<string, string | number> = {};
    const values = batch.map(({ file, stats, result }, i) => {
      result.fileId = ids[i]?.id as number;
      params[`n${i}`] = file.path;
      params[`p${i}`] = file.relPath;
      params[`h${i}`] = file.sha256;
      params[`s${i}`] = file.readSettings ?? '';
      return `($n${i}, ${result.fileId}, ${stats.first}, $p${i}, $h${i}, ${file.bytes}, ${result.rowsRead}, ${result.rowsRejected}, $s${i})`;
    });
    await db.run(
      `CREATE OR REPLACE TEMP TABLE load_batch_files AS
       SELECT * FROM (VALUES ${values.join(', ')})
         v(filename, file_id, first_row, path, sha256, bytes, rows_read, rows_rejected, read_settings)`,
      params,
    );
    // A changed file replaces its rows: every trace of the path's earlier loads goes first.
    const earlier = `SELECT file_id FROM ingest_files
                     WHERE source = $source AND path IN (SELECT path FROM load_batch_files)`;
    for (const target of [table, 'ingest_rejects', 'raw_police_uk__street_counts']) {
      if (target === 'raw_police_uk__street_counts' && source !== 'police_uk_street') continue;
      await db.run(`DELETE FROM ${target} WHERE file_id IN (${earlier})`, { source });
    }
    await db.run(
      `DELETE FROM ingest_files WHERE source = $source AND path IN (SELECT path FROM load_batch_files)`,
      { source },
    );
    const line = 't.rowid - f.first_row + 2';
    await db.run(
      `INSERT INTO ingest_rejects (file_id, source, path, line, "column", reason, raw_line)
       SELECT f.file_id, $source, f.path, ${line}, t.problem.column, t.problem.reason, t.raw_line
       FROM (SELECT rowid, filename, raw_line, unnest(problems) AS problem
             FROM load_typed WHERE problems IS NOT NULL) t
       JOIN load_batch_files f ON f.filename = t.filename`,
      { source },
    );
    const names = first.schema.columns.map((c) => c.name);
    await db.run(
      `INSERT INTO ${table} (file_id, line, ${names.join(', ')})
       SELECT f.file_id, ${line}, ${names.map((n) => `t.${n}`).join(', ')}
       FROM load_typed t JOIN load_batch_files f ON f.filename = t.filename
       WHERE t.problems IS NULL${split ? ` AND ${keptRow('t')}` : ''}`,
    );
    if (split) {
      await db.run(
        countsInsert(
          'f.file_id',
          'load_typed t JOIN load_batch_files f ON f.filename = t.filename',
          't.problems IS NULL',
        ),
      );
    }
    await db.run(
      `INSERT INTO ingest_files (file_id, source, path, sha256, bytes, rows_read, rows_rejected, loaded_at, read_settings)
       SELECT file_id, $source, path, sha256, bytes, rows_read, rows_rejected, now()::TIMESTAMP,
              nullif(read_settings, '')
       FROM load_batch_files`,
      { source },
    );
  });
}
