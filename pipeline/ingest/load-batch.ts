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

/**
 * `area`: national mode's LSOAs of the area (`prepareSplit`), when the files' rows outside it
 * are counted rather than kept.
 */
export async function loadBatch(
  db: Database,
  files: readonly PlannedFile[],
  maxRejectPct: number,
  area?: readonly string[],
): Promise<BatchOutcome> {
  const [first] = files;
  const outcome: BatchOutcome = { loaded: [], refused: [], alone: [] };
  if (!first) return outcome;
  try {
    await dropRejectTables(db);
    const split = first.split === true && area !== undefined;
    const paths = files.map((f) => f.path);
    const params = {
      path: listValue(paths),
      ...dateParams(first),
      ...(split ? { area: listValue([...area]) } : {}),
    };
    const [scans, read] = await Promise.allSettled([
      scanAll(paths),
      createInFileOrder(db, 'load_typed', positionsSelect(first, split), params),
    ]);
    if (scans.status === 'rejected') throw scans.reason;
    // The reader stopped on a file: each is read alone, which names the file in the error.
    if (read.status === 'rejected') return { ...outcome, alone: [...files] };
    if (split) await countOutside(db);
    const stats = await fileStats(db, paths);
    const batch: Batch = [];
    for (const [i, file] of files.entries()) {
      const s = stats.get(i + 1) ?? { first: 0, accepted: 0, bad: 0, structural: 0 };
      if (!numberedByPosition(scans.value[i] as ContentScan, s)) {
        outcome.alone.push(file);
        continue;
      }
      const result = { fileId: 0, rowsRead: s.accepted, rowsRejected: s.bad };
      if (result.rowsRead > 0 && (100 * result.rowsRejected) / result.rowsRead > maxRejectPct) {
        const sample = await rejectSample(db, file, i + 1, s.first);
        const error = new RejectLimitError(
          { ...file, readPath: file.path },
          result,
          maxRejectPct,
          sample,
        );
        outcome.refused.push({ file, error });
        continue;
      }
      batch.push({ file, index: i + 1, stats: s, result });
    }
    if (batch.length > 0) await writeBatch(db, batch, split);
    outcome.loaded = batch.map(({ file, result }) => ({ file, result }));
    return outcome;
  } finally {
    for (const table of ['load_typed', 'load_counts', 'load_batch_files']) {
      await db.run(`DROP TABLE IF EXISTS ${table}`);
    }
    await dropRejectTables(db);
  }
}

type Batch = Array<{ file: PlannedFile; index: number; stats: FileStats; result: FileLoadResult }>;

/** The typed rows of every file, `file_index` the file's place in `$path` (from 1). */
function typedRows(first: PlannedFile): string {
  const typed = typingSelect(first.columns, readCsvSql(first, 'load_rejects', true), {
    rawLine: rawLineOf(first),
    keep: ['filename'],
  });
  // On the reader's constant filename vector, once per chunk: an integer stored, not a path.
  return `SELECT list_position($path, filename) AS file_index, * EXCLUDE (filename) FROM (${typed})`;
}

/** SQL: a typed row is kept row by row (bad rows are kept too, for their rejects). */
const keep = (t = '') =>
  `(${t}problems IS NOT NULL OR ${t}lsoa_code IS NULL OR list_contains($area, ${t}lsoa_code))`;

/** What a counted row is grouped by (raw_police_uk__street_counts), stored for every row. */
const GROUP = ['month', 'falls_within', 'lsoa_code', 'crime_type'];

/**
 * What `load_typed` holds: every record, in file order, so row ids give lines. In national mode
 * a row outside the area keeps only its file, its group and a hash telling copies apart
 * (`countedCrimes`; NULL for a blank Crime ID): storing whole rows cost most of the memory and
 * time of reading a national set (README, Speed), and those rows are only counted.
 */
function positionsSelect(first: PlannedFile, split: boolean): string {
  const typed = typedRows(first);
  if (!split) return typed;
  const names = first.schema.columns.map((c) => c.name);
  const cells = names.map((n) => (GROUP.includes(n) ? n : `CASE WHEN keep THEN ${n} END AS ${n}`));
  return `SELECT file_index, keep, ${cells.join(', ')},
            CASE WHEN NOT keep AND crime_id IS NOT NULL
                 THEN hash(crime_id, longitude, latitude) END AS crime_hash,
            CASE WHEN keep THEN problems END AS problems, CASE WHEN keep THEN raw_line END AS raw_line
     FROM (SELECT *, ${keep()} AS keep FROM (${typed}))`;
}

/**
 * `load_counts`: the rows outside the area counted per file, month, force, LSOA and crime type
 * (rows sharing a hash of Crime ID and place are one crime, as `countedCrimes` says). Only the
 * files the batch writes have their counts written.
 */
async function countOutside(db: Database): Promise<void> {
  await db.run(
    `CREATE OR REPLACE TEMP TABLE load_counts AS
     SELECT file_index, ${GROUP.join(', ')}, count(*) AS rows,
            count(DISTINCT crime_hash) + count(*) FILTER (WHERE crime_hash IS NULL) AS crimes
     FROM load_typed WHERE NOT keep
     GROUP BY ALL`,
  );
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

async function fileStats(db: Database, paths: readonly string[]): Promise<Map<number, FileStats>> {
  const rows = await db.all<{
    file_index: number;
    first: number;
    accepted: number;
    bad: number;
    structural: number;
  }>(
    `WITH typed AS (
         SELECT file_index, min(rowid) AS first, count(*) AS accepted,
                count(*) FILTER (WHERE problems IS NOT NULL) AS bad
         FROM load_typed GROUP BY file_index
     ),
     structural AS (
         SELECT list_position($path, s.file_path) AS file_index,
                count(DISTINCT r.line) AS structural
         FROM load_rejects r JOIN load_rejects_scan s ON r.scan_id = s.scan_id AND r.file_id = s.file_id
         GROUP BY s.file_path
     )
     SELECT coalesce(typed.file_index, structural.file_index)::INTEGER AS file_index,
            coalesce(first, 0)::BIGINT AS first, coalesce(accepted, 0)::BIGINT AS accepted,
            coalesce(bad, 0)::BIGINT AS bad, coalesce(structural, 0)::BIGINT AS structural
     FROM typed FULL JOIN structural ON typed.file_index = structural.file_index`,
    { path: listValue([...paths]) },
  );
  return new Map(rows.map((r) => [r.file_index, r]));
}

/** The rejected rows of a refused file, as `loadFile`'s refusal lists them. */
async function rejectSample(db: Database, file: PlannedFile, index: number, first: number) {
  return db.all(
    `SELECT $path AS file, rowid - $first + 2 AS line, problem.column AS "column",
            problem.reason AS reason, raw_line
     FROM (SELECT rowid, raw_line, unnest(problems) AS problem FROM load_typed
           WHERE file_index = $index AND problems IS NOT NULL)
     ORDER BY line LIMIT 10000`,
    { path: file.relPath, first, index },
  );
}

/** The batch's files, rejects and rows (kept or counted), in one transaction. */
async function writeBatch(db: Database, batch: Batch, split: boolean): Promise<void> {
  const [{ file: first } = { file: undefined }] = batch;
  if (!first) return;
  const source = first.source;
  const table = first.schema.table;
  await db.transaction(async () => {
    const ids = await db.all<{ id: number }>(
      `SELECT nextval('seq_file_id')::INTEGER AS id FROM range(${batch.length})`,
    );
    const params: Record<string, string | number> = {};
    const values = batch.map(({ file, index, stats, result }, i) => {
      result.fileId = ids[i]?.id as number;
      params[`p${i}`] = file.relPath;
      params[`h${i}`] = file.sha256;
      params[`s${i}`] = file.readSettings ?? '';
      return `(${index}, ${result.fileId}, ${stats.first}, $p${i}, $h${i}, ${file.bytes}, ${result.rowsRead}, ${result.rowsRejected}, $s${i})`;
    });
    await db.run(
      `CREATE OR REPLACE TEMP TABLE load_batch_files AS
       SELECT * FROM (VALUES ${values.join(', ')})
         v(file_index, file_id, first_row, path, sha256, bytes, rows_read, rows_rejected, read_settings)`,
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
       FROM (SELECT rowid, file_index, raw_line, unnest(problems) AS problem
             FROM load_typed WHERE problems IS NOT NULL) t
       JOIN load_batch_files f ON f.file_index = t.file_index`,
      { source },
    );
    const names = first.schema.columns.map((c) => c.name);
    await db.run(
      `INSERT INTO ${table} (file_id, line, ${names.join(', ')})
       SELECT f.file_id, ${line}, ${names.map((n) => `t.${n}`).join(', ')}
       FROM load_typed t JOIN load_batch_files f ON f.file_index = t.file_index
       WHERE t.problems IS NULL${split ? ' AND t.keep' : ''}`,
    );
    if (split) {
      await db.run(
        `INSERT INTO raw_police_uk__street_counts
           (file_id, month, falls_within, lsoa_code, crime_type, rows, crimes)
         SELECT f.file_id, c.month, c.falls_within, c.lsoa_code, c.crime_type, c.rows, c.crimes
         FROM load_counts c JOIN load_batch_files f ON f.file_index = c.file_index`,
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
