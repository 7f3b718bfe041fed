/**
 * The CSV read and the physical line of every record (header = line 1).
 *
 * DuckDB numbers records, not lines, and leaves rows it cannot split out of the result (they go
 * to its rejects table). A file whose line count is one more than its record count has every
 * record on one line, so a record's line follows from its position alone, shifted past the
 * records the reader rejected and the blank lines (which DuckDB skips; the quote-aware pass in
 * `line-ends.ts` finds them); only a file with quoted line breaks pays for a second read that
 * counts the breaks in every record. Each shift is found with an ASOF join on the sorted shifts,
 * never by counting them per record (that is a join of every record with every shift).
 *
 * Positions come from `rowid`: a temporary table made by CREATE TABLE AS from the read, outside
 * any transaction, keeps the file's order (`createInFileOrder`), so row `rowid` is accepted
 * record `rowid + 1`. (Inside a transaction, row ids are not positions; `WITH ORDINALITY` on
 * the read would number records too, but it runs the read on one thread.)
 */
import type { Database, Params } from '../../core/database.js';
import type { BlankLine } from './line-ends.js';
import type { FileToLoad } from './load-file.js';
import { STRAY_CR_REASON, STRAY_CR_SQL } from './typing-sql.js';

/** How an accepted record's line is found. */
export type LineNumbering =
  /** Every record on one line and none rejected by the reader: line = rowid + 2. */
  | { kind: 'direct' }
  /**
   * Every record on one line: accepted row `rowid` moves down one line per entry of `thresholds`
   * at or below it (a reader-rejected record or a blank line before it); a reader-rejected
   * record `rec_idx` moves down one line per entry of `blankThresholds` at or below it.
   */
  | { kind: 'shifted'; thresholds: number[]; blankThresholds?: number[] }
  /** Counted record by record into `load_lines (rec, rec_idx, line)`. */
  | { kind: 'table' };

/** Beyond this many shifts (rejected records and blank lines), they are joined, not inlined. */
const MAX_INLINE_SHIFTS = 200;

/**
 * `read_csv` of the file with every cell as text; rows it cannot split go to `rejects`.
 * `filename`: `$path` is a list of files of the same layout, each row naming its file.
 */
export function readCsvSql(
  file: Pick<FileToLoad, 'header'>,
  rejects = 'load_rejects',
  filename = false,
): string {
  const struct = file.header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  return `read_csv($path,${filename ? ' filename = true,' : ''}
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
  params: Params & Record<string, unknown>,
): Promise<void> {
  const sql = `CREATE OR REPLACE TEMP TABLE ${table} AS ${select}`;
  // The plan's shape depends on the statement alone (the file is a parameter), so each layout's
  // statement is checked once per process, not once per file (README, Speed).
  const key = `${Array.isArray(params.path) || typeof params.path === 'object' ? 'list' : 'one'}\u0000${sql}`;
  let ordered = orderedPlans.get(key);
  if (ordered === undefined) {
    const plan = await db.all(`EXPLAIN ${sql}`, params);
    ordered = plan.some((row) =>
      Object.values(row).some((v) => String(v).includes('BATCH_CREATE_TABLE_AS')),
    );
    orderedPlans.set(key, ordered);
  }
  if (ordered) {
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

/** Statements whose plan keeps the file order (true) or needs one thread (false). */
const orderedPlans = new Map<string, boolean>();

export async function dropRejectTables(db: Database, rejects = 'load_rejects'): Promise<void> {
  await db.run(`DROP TABLE IF EXISTS ${rejects}`);
  await db.run(`DROP TABLE IF EXISTS ${rejects}_scan`);
}

/**
 * `load_blanks`: the blank lines outside quotes, which DuckDB skips. `unit` is the blank's line
 * as DuckDB counts lines (it counts blank lines but not breaks inside quotes); `threshold` is
 * the first line, counted without blank lines, that the blank pushes down; `upto` is the number
 * of blank lines up to and including this one.
 */
export async function storeBlankLines(db: Database, blanks: readonly BlankLine[]): Promise<void> {
  await db.run(
    'CREATE OR REPLACE TEMP TABLE load_blanks (unit BIGINT, threshold BIGINT, upto BIGINT)',
  );
  const sorted = [...blanks].sort((a, b) => a.line - b.line);
  for (let from = 0; from < sorted.length; from += 10_000) {
    const values = sorted
      .slice(from, from + 10_000)
      .map((b, i) => `(${b.unit}, ${b.line - (from + i)}, ${from + i + 1})`);
    await db.run(`INSERT INTO load_blanks VALUES ${values.join(', ')}`);
  }
}

/**
 * Blank lines by `threshold`, one row per threshold with `upto` the blank lines at or below it:
 * `x ASOF LEFT JOIN (blankShifts) b ON x.line >= b.threshold` gives `b.upto`, the blank lines
 * that push line `x.line` (counted without blank lines) down.
 */
const BLANK_SHIFTS = 'SELECT threshold, max(upto) AS upto FROM load_blanks GROUP BY threshold';

/**
 * One row per record the reader rejected: its index among all records, column and reason.
 * `blanks`: `load_blanks` holds the file's blank lines, which DuckDB's line numbers count.
 */
export async function readStructural(db: Database, blanks = false, strayCr = false): Promise<void> {
  // Reject line numbers count records and blank lines (header = 1): record index = line - 2
  // less the blank lines before it (units are distinct: `upto` is their count up to each).
  const skipped = blanks ? ' - coalesce(b.upto, 0)' : '';
  const join = blanks ? 'ASOF LEFT JOIN load_blanks b ON r.line > b.unit' : '';
  await db.run(
    `CREATE OR REPLACE TEMP TABLE load_structural AS
     WITH errors AS (
         SELECT (r.line - 2${skipped})::BIGINT AS rec_idx, error_type, error_message, column_idx,
                ${strayCr ? `replace(regexp_replace(csv_line, '^[\\r\\n]+', ''), ${STRAY_CR_SQL}, chr(13))` : `regexp_replace(csv_line, '^[\\r\\n]+', '')`} AS raw_line,
                ${strayCr ? `contains(csv_line, ${STRAY_CR_SQL})` : 'false'} AS stray,
                try_cast(regexp_extract(error_message, 'Expected Number of Columns: (\\d+)', 1) AS INTEGER) AS expected,
                try_cast(regexp_extract(error_message, 'Found: (\\d+)', 1) AS INTEGER) AS found
         FROM load_rejects r ${join}
     )
     SELECT rec_idx,
            CASE WHEN bool_or(error_type = 'MISSING COLUMNS') THEN min(found)
                 ELSE min(column_idx) END AS column_idx,
            ${strayCr ? `CASE WHEN bool_or(stray) THEN '${STRAY_CR_REASON}; ' ELSE '' END || ` : ''}CASE
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
 * Picks the cheapest numbering that is exact for this file. When every record is on one line
 * (`physicalLines`, the lines that are not blank, is one more than the records), a record's
 * line follows from its position: shifts written inline when they are few, else `load_lines`
 * from the accepted rows' positions in `load_typed`. Only when records span lines is the file
 * read a second time, keeping each record's count of line breaks.
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
  if (physicalLines === accepted + structural.length + 1) {
    const blankCount = blanks
      ? ((await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM load_blanks'))?.n ?? 0)
      : 0;
    if (structural.length === 0 && blankCount === 0) return { kind: 'direct' };
    if (structural.length + blankCount <= MAX_INLINE_SHIFTS) {
      // Accepted record a (0-based) is record a + #{i : rec_idx_i - i <= a} of the file.
      const thresholds = structural.map((s, i) => s.rec_idx - i);
      if (blankCount === 0) return { kind: 'shifted', thresholds };
      // A blank line pushes down the records from index threshold - 2 on (lines counted without
      // blanks are record index + 2): among accepted rows, from that index less the
      // reader-rejected records before it.
      const blankThresholds = (
        await db.all<{ t: number }>(
          'SELECT (threshold - 2)::INTEGER AS t FROM load_blanks ORDER BY threshold',
        )
      ).map((b) => b.t);
      for (const t of blankThresholds) {
        thresholds.push(t - structural.filter((s) => s.rec_idx < t).length);
      }
      thresholds.sort((a, b) => a - b);
      return { kind: 'shifted', thresholds, blankThresholds };
    }
    await numberLines(db, '(SELECT rowid + 1 AS rec, 0 AS extra FROM load_typed)', blanks);
    return { kind: 'table' };
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
  const line = blanks ? 'n.nominal + coalesce(b.upto, 0)' : 'n.nominal';
  const join = blanks ? `ASOF LEFT JOIN (${BLANK_SHIFTS}) b ON n.nominal >= b.threshold` : '';
  await db.run(
    `CREATE OR REPLACE TEMP TABLE load_lines AS
     WITH shifts AS (
         -- Accepted record a (0-based) is record a + upto, upto the rejects with threshold <= a.
         SELECT threshold, max(upto) AS upto
         FROM (SELECT rec_idx - (row_number() OVER (ORDER BY rec_idx) - 1) AS threshold,
                      row_number() OVER (ORDER BY rec_idx) AS upto
               FROM load_structural)
         GROUP BY threshold
     ),
     accepted AS (
         SELECT r.rec, r.rec - 1 + coalesce(s.upto, 0) AS rec_idx, r.extra
         FROM ${records} r ASOF LEFT JOIN shifts s ON r.rec - 1 >= s.threshold
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
     SELECT n.rec, n.rec_idx, ${line} AS line FROM nominal n ${join}`,
  );
}

/** SQL giving the line of the accepted row aliased `t`, and the join that SQL needs. */
export function acceptedLine(numbering: LineNumbering): { line: string; join: string } {
  switch (numbering.kind) {
    case 'direct':
      return { line: 't.rowid + 2', join: '' };
    case 'shifted':
      return { line: `t.rowid + 2${shiftsSql('t.rowid', numbering.thresholds)}`, join: '' };
    case 'table':
      return { line: 'l.line', join: 'JOIN load_lines l ON l.rec = t.rowid + 1' };
  }
}

/** SQL giving the line of the reader-rejected record aliased `s`, and the join it needs. */
export function structuralLine(numbering: LineNumbering): { line: string; join: string } {
  if (numbering.kind === 'shifted') {
    const line = `s.rec_idx + 2${shiftsSql('s.rec_idx', numbering.blankThresholds ?? [])}`;
    return { line, join: '' };
  }
  if (numbering.kind === 'direct') return { line: 's.rec_idx + 2', join: '' };
  return { line: 'l.line', join: 'JOIN load_lines l ON l.rec IS NULL AND l.rec_idx = s.rec_idx' };
}

/** ` + (x >= t1)::BIGINT + …`: one line per threshold at or below `x`. */
const shiftsSql = (x: string, thresholds: readonly number[]) =>
  thresholds.map((t) => ` + (${x} >= ${t})::BIGINT`).join('');
