/**
 * The CSV read and the physical line of every record (header = line 1).
 *
 * DuckDB numbers records, not lines, and leaves rows it cannot split out of the result (they go
 * to its rejects table). A file whose line count is one more than its record count has every
 * record on one line, so a record's line follows from its position alone; only a file with
 * quoted line breaks or blank lines within it pays for counting the breaks in every record
 * (blank lines, which DuckDB skips, are found by the quote-aware pass in `line-ends.ts`).
 *
 * Positions come from `rowid`: a temporary table made by CREATE TABLE AS from the read, outside
 * any transaction, keeps the file's order (`createInFileOrder`), so row `rowid` is accepted
 * record `rowid + 1`. (Inside a transaction, row ids are not positions; `WITH ORDINALITY` on
 * the read would number records too, but it runs the read on one thread.)
 */
import type { Database } from '../db/database.js';
import type { BlankLine } from './line-ends.js';
import type { FileToLoad } from './load-file.js';

/** How an accepted record's line is found. */
export type LineNumbering =
  /** Every record on one line and none rejected by the reader: line = rowid + 2. */
  | { kind: 'direct' }
  /** Every record on one line; `thresholds` shift the rows after each reader-rejected record. */
  | { kind: 'shifted'; thresholds: number[] }
  /** Counted record by record into `load_lines (rec, rec_idx, line)`. */
  | { kind: 'table' };

/** Beyond this many reader-rejected records, the shifts are joined instead of written inline. */
const MAX_INLINE_SHIFTS = 200;

/** `read_csv` of the file with every cell as text; rows it cannot split go to `rejects`. */
export function readCsvSql(file: FileToLoad, rejects = 'load_rejects'): string {
  const struct = file.header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  return `read_csv($path,
        header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
        strict_mode = true, null_padding = false, max_line_size = 4194304,
        store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${rejects}_scan',
        columns = {${struct}})`;
}

/**
 * `CREATE TEMP TABLE table AS select` keeping the order of the rows `select` reads from the file,
 * so that row `rowid` is accepted record `rowid + 1`. DuckDB keeps that order only when it can
 * run the plan in ordered batches (BATCH_CREATE_TABLE_AS); a plan it cannot (one with a join,
 * which an IN list becomes) appends from both threads as they finish, so it runs on one thread.
 */
export async function createInFileOrder(
  db: Database,
  table: string,
  select: string,
  params: Record<string, string>,
): Promise<void> {
  const sql = `CREATE OR REPLACE TEMP TABLE ${table} AS ${select}`;
  const plan = await db.all(`EXPLAIN ${sql}`, params);
  if (
    plan.some((row) => Object.values(row).some((v) => String(v).includes('BATCH_CREATE_TABLE_AS')))
  ) {
    await db.run(sql, params);
    return;
  }
  const threads = (await db.one<{ n: number }>(`SELECT current_setting('threads') AS n`))?.n;
  await db.run('SET threads = 1');
  try {
    await db.run(sql, params);
  } finally {
    await db.run(`SET threads = ${Number(threads)}`);
  }
}

export async function dropRejectTables(db: Database, rejects = 'load_rejects'): Promise<void> {
  await db.run(`DROP TABLE IF EXISTS ${rejects}`);
  await db.run(`DROP TABLE IF EXISTS ${rejects}_scan`);
}

/**
 * `load_blanks`: the blank lines outside quotes, which DuckDB skips. `unit` is the blank's line
 * as DuckDB counts lines (it counts blank lines but not breaks inside quotes); `threshold` is
 * the first line, counted without blank lines, that the blank pushes down.
 */
export async function storeBlankLines(db: Database, blanks: readonly BlankLine[]): Promise<void> {
  await db.run('CREATE OR REPLACE TEMP TABLE load_blanks (unit BIGINT, threshold BIGINT)');
  const sorted = [...blanks].sort((a, b) => a.line - b.line);
  for (let from = 0; from < sorted.length; from += 10_000) {
    const values = sorted
      .slice(from, from + 10_000)
      .map((b, i) => `(${Math.trunc(b.unit)}, ${Math.trunc(b.line) - (from + i)})`);
    await db.run(`INSERT INTO load_blanks VALUES ${values.join(', ')}`);
  }
}

/**
 * One row per record the reader rejected: its index among all records, column and reason.
 * `blanks`: `load_blanks` holds the file's blank lines, which DuckDB's line numbers count.
 */
export async function readStructural(db: Database, blanks = false): Promise<void> {
  // Reject line numbers count records and blank lines (header = 1): record index = line - 2
  // less the blank lines before it.
  const skipped = blanks ? ' - (SELECT count(*) FROM load_blanks b WHERE b.unit < r.line)' : '';
  await db.run(
    `CREATE OR REPLACE TEMP TABLE load_structural AS
     WITH errors AS (
         SELECT (r.line - 2${skipped})::BIGINT AS rec_idx, error_type, error_message, column_idx,
                regexp_replace(csv_line, '^[\\r\\n]+', '') AS raw_line,
                try_cast(regexp_extract(error_message, 'Expected Number of Columns: (\\d+)', 1) AS INTEGER) AS expected,
                try_cast(regexp_extract(error_message, 'Found: (\\d+)', 1) AS INTEGER) AS found
         FROM load_rejects r
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
 * Picks the cheapest numbering that is exact for this file, building `load_lines` (from a
 * second read of the file that keeps only each record's count of line breaks) only when
 * records span lines.
 */
export async function chooseNumbering(
  db: Database,
  file: FileToLoad,
  physicalLines: number,
  accepted: number,
  blanks = false,
): Promise<LineNumbering> {
  const structural = await db.all<{ rec_idx: number }>(
    'SELECT rec_idx FROM load_structural ORDER BY rec_idx',
  );
  // Blank lines within the file are placed by `load_lines`; `physicalLines` leaves out the rest.
  if (!blanks && physicalLines === accepted + structural.length + 1) {
    if (structural.length === 0) return { kind: 'direct' };
    if (structural.length <= MAX_INLINE_SHIFTS) {
      // Accepted record a (0-based) is record a + #{i : rec_idx_i - i <= a} of the file.
      return { kind: 'shifted', thresholds: structural.map((s, i) => s.rec_idx - i) };
    }
  }
  await createInFileOrder(
    db,
    'load_extra',
    `SELECT ${recordLineBreaks(file.header.length)} AS extra FROM ${readCsvSql(file, 'load_rejects_again')}`,
    { path: file.readPath },
  );
  await dropRejectTables(db, 'load_rejects_again');
  await numberLines(db, '(SELECT rowid + 1 AS rec, extra FROM load_extra)', blanks);
  return { kind: 'table' };
}

/** SQL counting the line breaks inside a record's cells `c0`…`c<n-1>`. */
export function recordLineBreaks(columns: number): string {
  const cells = Array.from({ length: columns }, (_, i) => `coalesce(c${i}, '')`).join(', ');
  return `(length(concat(${cells})) - length(replace(concat(${cells}), chr(10), '')))`;
}

/**
 * `load_lines`: the physical line of every record, from `records` (`rec`, an accepted record's
 * position, and `extra`, the line breaks inside it). Records the reader rejected are missing
 * from it, so an accepted record's index among all records is its position plus the rejects
 * before it; quoted fields holding line breaks push later records down by that many lines.
 */
export async function numberLines(db: Database, records: string, blanks = false): Promise<void> {
  // Lines counted without blank lines move down past each blank line at or above them.
  const line = blanks ? '(SELECT count(*) FROM load_blanks b WHERE b.threshold <= nominal)' : '0';
  await db.run(
    `CREATE OR REPLACE TEMP TABLE load_lines AS
     WITH shifted AS (
         SELECT rec_idx - (row_number() OVER (ORDER BY rec_idx) - 1) AS threshold
         FROM load_structural
     ),
     accepted AS (
         SELECT rec,
                rec - 1 + (SELECT count(*) FROM shifted WHERE threshold <= rec - 1) AS rec_idx,
                extra
         FROM ${records}
     ),
     all_records AS (
         SELECT rec, rec_idx, extra FROM accepted
         UNION ALL
         SELECT NULL, rec_idx, length(raw_line) - length(replace(raw_line, chr(10), ''))
         FROM load_structural
     ),
     nominal AS (
         SELECT rec, rec_idx,
                rec_idx + 2 + coalesce(sum(extra) OVER (ORDER BY rec_idx ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS nominal
         FROM all_records
     )
     SELECT rec, rec_idx, nominal + ${line} AS line FROM nominal`,
  );
}

/** SQL giving the line of the accepted row aliased `t`, and the join that SQL needs. */
export function acceptedLine(numbering: LineNumbering): { line: string; join: string } {
  switch (numbering.kind) {
    case 'direct':
      return { line: 't.rowid + 2', join: '' };
    case 'shifted': {
      const shifts = numbering.thresholds.map((th) => `(t.rowid >= ${th})::BIGINT`).join(' + ');
      return { line: `t.rowid + 2 + ${shifts}`, join: '' };
    }
    case 'table':
      return { line: 'l.line', join: 'JOIN load_lines l ON l.rec = t.rowid + 1' };
  }
}

/** SQL giving the line of the reader-rejected record aliased `s`, and the join it needs. */
export function structuralLine(numbering: LineNumbering): { line: string; join: string } {
  if (numbering.kind !== 'table') return { line: 's.rec_idx + 2', join: '' };
  return { line: 'l.line', join: 'JOIN load_lines l ON l.rec IS NULL AND l.rec_idx = s.rec_idx' };
}
