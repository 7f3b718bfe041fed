/**
 * Loads one extract file into its raw table in one transaction: DuckDB reads the CSV (all
 * cells as text), structural errors go to rejects, each record gets its physical line number,
 * cells are checked and typed by SQL generated from the schema, and good rows are inserted.
 * Either the whole file lands (rows + rejects + its ingest_files row) or nothing does.
 */
import type { SourceSchema } from '../../data/schemas/define.js';
import type { WideReshape } from '../../data/schemas/wide-layouts.js';
import type { Source } from '../config/types.js';
import type { Database } from '../db/database.js';
import { InputError } from '../errors.js';
import { type BoundColumn, typingSelect } from './typing-sql.js';
import { reshapeWide } from './wide-reshape.js';

export interface FileToLoad {
  source: Source;
  schema: SourceSchema;
  /** Absolute path of the file as configured. */
  path: string;
  /** Path relative to the config folder: the file's identity across runs. */
  relPath: string;
  /** The UTF-8 file DuckDB reads (a transcoded copy for Windows-1252 inputs). */
  readPath: string;
  sha256: string;
  bytes: number;
  header: string[];
  columns: BoundColumn[];
  /** strptime format for date columns. */
  strptimeFormat: string;
  /** Set for a wide file: how it is unpivoted to the long layout before typing. */
  reshape?: WideReshape;
}

export interface FileLoadResult {
  fileId: number;
  rowsRead: number;
  rowsRejected: number;
}

/** Thrown inside the transaction when a file has too many rejected rows; carries a sample. */
export class RejectLimitError extends InputError {
  constructor(
    readonly file: FileToLoad,
    readonly result: FileLoadResult,
    readonly maxRejectPct: number,
    readonly sample: Record<string, unknown>[],
  ) {
    const pct = (100 * result.rowsRejected) / result.rowsRead;
    super(
      `${result.rowsRejected} of ${result.rowsRead} rows rejected (${pct.toFixed(1)}%), more than max_reject_pct ${maxRejectPct}%: nothing from this file was loaded`,
      { file: file.path },
      'see rejects.csv for each row and reason',
    );
  }
}

const csvCell = (c: string) =>
  `CASE WHEN ${c} IS NULL THEN '' WHEN regexp_matches(${c}, '[,"\\n\\r]') THEN '"' || replace(${c}, '"', '""') || '"' ELSE ${c} END`;

/** Removes every trace of earlier loads of this path (a changed file replaces its rows). */
export async function forgetFile(db: Database, source: Source, table: string, relPath: string) {
  const ids = `SELECT file_id FROM ingest_files WHERE source = $source AND path = $path`;
  const params = { source, path: relPath };
  await db.run(`DELETE FROM ${table} WHERE file_id IN (${ids})`, params);
  await db.run(`DELETE FROM ingest_rejects WHERE file_id IN (${ids})`, params);
  await db.run(`DELETE FROM ingest_files WHERE source = $source AND path = $path`, params);
}

export async function loadFile(
  db: Database,
  file: FileToLoad,
  maxRejectPct: number,
): Promise<FileLoadResult> {
  return db.transaction(async () => {
    await forgetFile(db, file.source, file.schema.table, file.relPath);
    const row = await db.one<{ id: number }>(`SELECT nextval('seq_file_id')::INTEGER AS id`);
    const fileId = row?.id as number;
    await readIntoBuffer(db, file);
    await numberLines(db, file);
    if (file.reshape) await reshapeWide(db, file.reshape, file.header);
    await db.run(
      `CREATE OR REPLACE TEMP TABLE load_typed AS ${typingSelect(file.columns, file.reshape ? 'load_long' : 'load_buf')}`,
      usesDateFormat(file) ? { date_format: file.strptimeFormat } : undefined,
    );
    await recordRejects(db, file, fileId);
    const names = file.schema.columns.map((c) => c.name);
    await db.run(
      `INSERT INTO ${file.schema.table} (file_id, line, ${names.join(', ')})
       SELECT $file_id, l.line, ${names.map((n) => `t.${n}`).join(', ')}
       FROM load_typed t JOIN load_lines l USING (rec)
       WHERE NOT EXISTS (SELECT 1 FROM load_typed bad WHERE bad.rec = t.rec AND len(bad.problems) > 0)
       ORDER BY l.line`,
      { file_id: fileId },
    );
    const counts = await db.one<{ read: number; rejected: number }>(
      `SELECT (SELECT count(*) FROM load_buf) + (SELECT count(DISTINCT rec_idx) FROM load_structural) AS read,
              (SELECT count(DISTINCT line) FROM ingest_rejects WHERE file_id = $file_id) AS rejected`,
      { file_id: fileId },
    );
    const result = { fileId, rowsRead: counts?.read ?? 0, rowsRejected: counts?.rejected ?? 0 };
    await db.run(
      `INSERT INTO ingest_files (file_id, source, path, sha256, bytes, rows_read, rows_rejected, loaded_at)
       VALUES ($file_id, $source, $path, $sha256, $bytes, $read, $rejected, now()::TIMESTAMP)`,
      {
        file_id: fileId,
        source: file.source,
        path: file.relPath,
        sha256: file.sha256,
        bytes: file.bytes,
        read: result.rowsRead,
        rejected: result.rowsRejected,
      },
    );
    if (result.rowsRead > 0 && (100 * result.rowsRejected) / result.rowsRead > maxRejectPct) {
      const sample = await db.all(
        `SELECT path AS file, line, "column", reason, raw_line FROM ingest_rejects
         WHERE file_id = $file_id ORDER BY line LIMIT 10000`,
        { file_id: fileId },
      );
      throw new RejectLimitError(file, result, maxRejectPct, sample);
    }
    return result;
  });
}

function usesDateFormat(file: FileToLoad): boolean {
  return file.columns.some((c) => c.def.type.kind === 'date' || c.def.type.kind === 'month');
}

/** DuckDB reads every cell as text; rows it cannot split land in `load_rejects`. */
async function readIntoBuffer(db: Database, file: FileToLoad) {
  const struct = file.header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  await db.run('DROP TABLE IF EXISTS load_rejects');
  await db.run('DROP TABLE IF EXISTS load_scans');
  await db.run(
    `CREATE OR REPLACE TEMP TABLE load_buf AS
     SELECT * RENAME (ordinality AS rec) FROM read_csv($path,
        header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
        strict_mode = true, null_padding = false, max_line_size = 4194304,
        store_rejects = true, rejects_table = 'load_rejects', rejects_scan = 'load_scans',
        columns = {${struct}}) WITH ORDINALITY`,
    { path: file.readPath },
  );
  // Reject line numbers count records (header = 1): record index = line - 2.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE load_structural AS
     WITH errors AS (
         SELECT (line - 2)::BIGINT AS rec_idx, error_type, error_message, column_idx,
                regexp_replace(csv_line, '^\\r?\\n', '') AS raw_line,
                try_cast(regexp_extract(error_message, 'Expected Number of Columns: (\\d+)', 1) AS INTEGER) AS expected,
                try_cast(regexp_extract(error_message, 'Found: (\\d+)', 1) AS INTEGER) AS found
         FROM load_rejects
     )
     SELECT rec_idx,
            CASE WHEN bool_or(error_type = 'MISSING COLUMNS') THEN min(found)
                 ELSE min(column_idx) END AS column_idx,
            CASE
                WHEN bool_or(error_type = 'MISSING COLUMNS')
                    THEN 'too few columns: expected ' || max(expected) || ', found ' || min(found)
                WHEN bool_or(error_type = 'TOO MANY COLUMNS')
                    THEN 'too many columns: expected ' || max(expected) || ', found ' || max(found)
                WHEN bool_or(error_type = 'INVALID ENCODING')
                    THEN 'not valid UTF-8 text (if the file is Windows-1252, set encoding: windows-1252 for this input)'
                ELSE string_agg(DISTINCT lower(error_type) || ': ' || split_part(error_message, chr(10), 1), '; ')
            END AS reason,
            any_value(raw_line) AS raw_line
     FROM errors GROUP BY rec_idx`,
  );
}

/**
 * Physical line of every record. Records DuckDB rejected are missing from the buffer, so an
 * accepted record's index among all records is its ordinal plus the rejects before it; quoted
 * fields holding newlines push later records down by that many lines.
 */
async function numberLines(db: Database, file: FileToLoad) {
  const all = file.header.map((_, i) => `coalesce(c${i}, '')`).join(', ');
  const newlines = (text: string) => `(length(${text}) - length(replace(${text}, chr(10), '')))`;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE load_lines AS
     WITH shifted AS (
         SELECT rec_idx - (row_number() OVER (ORDER BY rec_idx) - 1) AS threshold
         FROM load_structural
     ),
     accepted AS (
         SELECT rec,
                rec - 1 + (SELECT count(*) FROM shifted WHERE threshold <= rec - 1) AS rec_idx,
                ${newlines(`concat(${all})`)} AS extra
         FROM load_buf
     ),
     all_records AS (
         SELECT rec, rec_idx, extra FROM accepted
         UNION ALL
         SELECT NULL, rec_idx, ${newlines('raw_line')} FROM load_structural
     )
     SELECT rec, rec_idx,
            rec_idx + 2 + coalesce(sum(extra) OVER (ORDER BY rec_idx ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS line
     FROM all_records`,
  );
}

async function recordRejects(db: Database, file: FileToLoad, fileId: number) {
  const rawLine = file.header.map((_, i) => csvCell(`b.c${i}`)).join(` || ',' || `);
  const headerCase = file.header
    .map((h, i) => `WHEN ${i} THEN '${h.replaceAll("'", "''")}'`)
    .join(' ');
  await db.run(
    `INSERT INTO ingest_rejects (file_id, source, path, line, "column", reason, raw_line)
     SELECT $file_id, $source, $path, l.line, p.problem.column, p.problem.reason, ${rawLine}
     FROM (SELECT rec, unnest(problems) AS problem FROM load_typed WHERE len(problems) > 0) p
     JOIN load_lines l USING (rec) JOIN load_buf b USING (rec)
     UNION ALL
     SELECT $file_id, $source, $path, l.line,
            CASE s.column_idx ${headerCase ? headerCase : ''} ELSE NULL END,
            s.reason, s.raw_line
     FROM load_structural s JOIN load_lines l ON l.rec IS NULL AND l.rec_idx = s.rec_idx`,
    { file_id: fileId, source: file.source, path: file.relPath },
  );
}
