/**
 * Loads one extract file into its raw table in one transaction: DuckDB reads the CSV (all
 * cells as text) and SQL generated from the schema checks and types the cells in the same pass;
 * structural errors and bad cells go to rejects, each record gets its physical line number, and
 * good rows are inserted. Either the whole file lands (rows + rejects + its ingest_files row)
 * or nothing does.
 */
import { rm } from 'node:fs/promises';
import type { Source } from '../../core/config.js';
import type { Database } from '../../core/database.js';
import { InputError } from '../../core/errors.js';
import type { SourceSchema } from '../../data/schemas/define.js';
import type { WideReshape } from '../../data/schemas/wide-layouts.js';
import { countsInsert, keptRow } from './area-split.js';
import { scanContent } from './line-count.js';
import {
  acceptedLine,
  chooseNumbering,
  createInFileOrder,
  dropRejectTables,
  numberLines,
  readCsvSql,
  readStructural,
  recordLineBreaks,
  structuralLine,
} from './line-numbers.js';
import { readerError, settleContent } from './read-content.js';
import { type BoundColumn, STRAY_CR_SQL, typingSelect } from './typing-sql.js';
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
  /** How the file is read (mapping, date format, encoding), recorded so a change re-reads it. */
  readSettings?: string;
  /** Set for a wide file: how it is unpivoted to the long layout before typing. */
  reshape?: WideReshape;
  /** police.uk in national mode: rows outside the area are counted, not kept (`area-split`). */
  split?: boolean;
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
  if (source === 'police_uk_street') {
    await db.run(`DELETE FROM raw_police_uk__street_counts WHERE file_id IN (${ids})`, params);
  }
  await db.run(`DELETE FROM ingest_files WHERE source = $source AND path = $path`, params);
}

/** A file read, typed and numbered into temporary tables, ready to be written. */
interface Prepared {
  /** Records the CSV reader accepted (its rejects are in `load_structural`). */
  accepted: number;
  /** Writes the rejects and the good rows of the file under `fileId`. */
  write(fileId: number): Promise<void>;
}

export async function loadFile(
  db: Database,
  file: FileToLoad,
  maxRejectPct: number,
): Promise<FileLoadResult> {
  const temporaries: string[] = [];
  try {
    // Reading and typing fill connection-local temporary tables only, so they run before the
    // transaction: row ids of a table made inside one are not its positions (see line-numbers).
    const prepared = await (file.reshape
      ? prepareWide(db, file, file.reshape, temporaries)
      : prepareLong(db, file, temporaries)
    ).catch((error: unknown) => {
      throw readerError(file, error);
    });
    return await db.transaction(async () => {
      await forgetFile(db, file.source, file.schema.table, file.relPath);
      const row = await db.one<{ id: number }>(`SELECT nextval('seq_file_id')::INTEGER AS id`);
      const fileId = row?.id as number;
      await prepared.write(fileId);
      const counts = await db.one<{ structural: number; rejected: number }>(
        `SELECT (SELECT count(*) FROM load_structural) AS structural,
                (SELECT count(DISTINCT line) FROM ingest_rejects WHERE file_id = $file_id) AS rejected`,
        { file_id: fileId },
      );
      const result = {
        fileId,
        rowsRead: prepared.accepted + (counts?.structural ?? 0),
        rowsRejected: counts?.rejected ?? 0,
      };
      await db.run(
        `INSERT INTO ingest_files (file_id, source, path, sha256, bytes, rows_read, rows_rejected, loaded_at, read_settings)
         VALUES ($file_id, $source, $path, $sha256, $bytes, $read, $rejected, now()::TIMESTAMP, $read_settings)`,
        {
          file_id: fileId,
          source: file.source,
          path: file.relPath,
          sha256: file.sha256,
          bytes: file.bytes,
          read: result.rowsRead,
          rejected: result.rowsRejected,
          read_settings: file.readSettings ?? null,
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
  } finally {
    await dropLoadTables(db);
    for (const dir of temporaries) await rm(dir, { recursive: true, force: true });
  }
}

export function dateParams(
  file: Pick<FileToLoad, 'columns' | 'strptimeFormat'>,
): { date_format: string } | undefined {
  const dated = file.columns.some((c) => c.def.type.kind === 'date' || c.def.type.kind === 'month');
  return dated ? { date_format: file.strptimeFormat } : undefined;
}

/**
 * The file's text of a record, rebuilt from its cells (for rejects.csv). One flat call, not a
 * chain of `||`: a file with hundreds of columns would exceed DuckDB's expression depth.
 */
export const rawLineOf = (file: Pick<FileToLoad, 'header'>, prefix = '') =>
  `concat_ws(',', ${file.header.map((_, i) => csvCell(`${prefix}c${i}`)).join(', ')})`;

/**
 * A long file: read, typed and checked in one pass into `load_typed` while its lines are counted
 * alongside; good rows then go straight into the raw table in file order.
 */
async function prepareLong(
  db: Database,
  file: FileToLoad,
  temporaries: string[],
): Promise<Prepared> {
  await dropRejectTables(db);
  const typedRead = (readPath: string, checks: { nul?: boolean; strayCr?: boolean }) =>
    createInFileOrder(
      db,
      'load_typed',
      typingSelect(file.columns, readCsvSql(file), { rawLine: rawLineOf(file), ...checks }),
      { path: readPath, ...dateParams(file) },
    );
  // Both settle before either failure is raised: the clean-up must not race the running query.
  const [scanned, read] = await Promise.allSettled([
    scanContent(file.readPath),
    typedRead(file.readPath, {}),
  ]);
  if (scanned.status === 'rejected') throw scanned.reason;
  // Mixed line ends or NUL bytes (rare): the first read is set aside and the file read again.
  const content = await settleContent(db, file, scanned.value, temporaries);
  if (content.readPath !== file.readPath || content.nul) {
    await dropRejectTables(db);
    await typedRead(content.readPath, content);
  } else if (read.status === 'rejected') throw read.reason;
  await readStructural(db, content.blanks, content.strayCr);
  const accepted = (await db.one<{ n: number }>('SELECT count(*) AS n FROM load_typed'))?.n ?? 0;
  const numbering = await chooseNumbering(
    db,
    { ...file, readPath: content.readPath },
    content.lines,
    accepted,
    content.blanks,
  );
  const row = acceptedLine(numbering);
  const write = async (fileId: number) => {
    const params = { file_id: fileId, source: file.source, path: file.relPath };
    await db.run(
      `INSERT INTO ingest_rejects (file_id, source, path, line, "column", reason, raw_line)
       SELECT $file_id, $source, $path, ${row.line}, t.problem.column, t.problem.reason, t.raw_line
       FROM (SELECT rowid, raw_line, unnest(problems) AS problem FROM load_typed WHERE problems IS NOT NULL) t
       ${row.join}
       UNION ALL
       ${structuralRejects(file, structuralLine(numbering))}`,
      params,
    );
    const names = file.schema.columns.map((c) => c.name);
    // Rows already stand in file order; only a joined numbering needs sorting back into it.
    await db.run(
      `INSERT INTO ${file.schema.table} (file_id, line, ${names.join(', ')})
       SELECT $file_id, ${row.line}, ${names.map((n) => `t.${n}`).join(', ')}
       FROM load_typed t ${row.join}
       WHERE t.problems IS NULL${file.split ? ` AND ${keptRow('t')}` : ''}
       ${numbering.kind === 'table' ? 'ORDER BY l.line' : ''}`,
      { file_id: fileId },
    );
    if (file.split) {
      await db.run(countsInsert('$file_id', 'load_typed t', 't.problems IS NULL'), {
        file_id: fileId,
      });
    }
  };
  return { accepted, write };
}

/** Reader-rejected records as rejects rows (column named from the header where known). */
function structuralRejects(file: FileToLoad, at: { line: string; join: string }): string {
  // A list, not a CASE: flat however many columns the file has.
  const headers = file.header.map((h) => `'${h.replaceAll("'", "''")}'`).join(', ');
  return `SELECT $file_id, $source, $path, ${at.line},
            [${headers}][(s.column_idx + 1)::BIGINT], s.reason, s.raw_line
     FROM load_structural s ${at.join}`;
}

/**
 * A wide file (small reference tables): read into `load_buf`, numbered, unpivoted into
 * `load_long`, typed; a wide row loads whole or is rejected whole.
 */
async function prepareWide(
  db: Database,
  file: FileToLoad,
  reshape: WideReshape,
  temporaries: string[],
): Promise<Prepared> {
  await dropRejectTables(db);
  const content = await settleContent(db, file, await scanContent(file.readPath), temporaries);
  await createInFileOrder(db, 'load_buf', `SELECT * FROM ${readCsvSql(file)}`, {
    path: content.readPath,
  });
  await readStructural(db, content.blanks, content.strayCr);
  await numberLines(
    db,
    `(SELECT rowid + 1 AS rec, ${recordLineBreaks(file.header.length)} AS extra FROM load_buf)`,
    content.blanks,
  );
  await reshapeWide(db, reshape, file.header);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE load_typed AS ${typingSelect(file.columns, 'load_long', { keep: ['rec'], nul: content.nul, strayCr: content.strayCr })}`,
    dateParams(file),
  );
  const accepted = (await db.one<{ n: number }>('SELECT count(*) AS n FROM load_buf'))?.n ?? 0;
  const rawLine = content.strayCr
    ? `replace(${rawLineOf(file, 'b.')}, ${STRAY_CR_SQL}, chr(13))`
    : rawLineOf(file, 'b.');
  const write = async (fileId: number) => {
    await db.run(
      `INSERT INTO ingest_rejects (file_id, source, path, line, "column", reason, raw_line)
       SELECT $file_id, $source, $path, l.line, p.problem.column, p.problem.reason, ${rawLine}
       FROM (SELECT rec, unnest(problems) AS problem FROM load_typed WHERE problems IS NOT NULL) p
       JOIN load_lines l USING (rec) JOIN (SELECT rowid + 1 AS rec, * FROM load_buf) b USING (rec)
       UNION ALL
       ${structuralRejects(file, structuralLine({ kind: 'table' }))}`,
      { file_id: fileId, source: file.source, path: file.relPath },
    );
    const names = file.schema.columns.map((c) => c.name);
    await db.run(
      `INSERT INTO ${file.schema.table} (file_id, line, ${names.join(', ')})
       SELECT $file_id, l.line, ${names.map((n) => `t.${n}`).join(', ')}
       FROM load_typed t JOIN load_lines l USING (rec)
       WHERE NOT EXISTS (SELECT 1 FROM load_typed bad WHERE bad.rec = t.rec AND bad.problems IS NOT NULL)
       ORDER BY l.line`,
      { file_id: fileId },
    );
  };
  return { accepted, write };
}

/** The load buffers can be large: free them before the next file. */
async function dropLoadTables(db: Database): Promise<void> {
  const tables = [
    'load_typed',
    'load_buf',
    'load_extra',
    'load_lines',
    'load_blanks',
    'load_long',
    'load_structural',
  ];
  for (const table of tables) {
    await db.run(`DROP TABLE IF EXISTS ${table}`);
  }
  await dropRejectTables(db);
}
