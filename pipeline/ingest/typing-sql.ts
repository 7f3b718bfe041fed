/**
 * Turns a source schema into the SQL that types a loaded file's cells and lists its problems.
 *
 * Identifiers come only from the schema (a closed list in the repo) and the loader's own
 * `c<n>` column names; user values (the date format) are bound as parameters.
 */
import { type ColumnDef, type ColumnType, sqlType } from '../../data/schemas/define.js';

/** A schema column bound to the loaded file's physical column (`c<n>`), if the file has it. */
export interface BoundColumn {
  def: ColumnDef;
  /** Name of the all-VARCHAR column in the load buffer, or undefined when absent. */
  source?: string;
  /** The header as written in the file, for messages. */
  header?: string;
  /** SQL giving the header per row, where it varies (a wide file's value columns). */
  headerSql?: string;
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The cell as text, surrounding spaces trimmed, blank → NULL. Most cells have no spaces to trim,
 * and testing for them costs less than trimming every cell.
 */
function cell(column: BoundColumn): string {
  if (!column.source) return 'NULL::VARCHAR';
  const c = column.source;
  const text = `CASE WHEN ${c} = '' OR ${c} LIKE ' %' OR ${c} LIKE '% ' THEN nullif(trim(${c}), '') ELSE ${c} END`;
  const missing = column.def.missingValues;
  if (!missing?.length) return text;
  // list_contains, not IN: DuckDB turns an IN list into a join, and a join loses the file order
  // the loader relies on (see line-numbers).
  return `CASE WHEN list_contains([${missing.map((m) => quote(m.toLowerCase())).join(', ')}], lower(trim(${column.source}))) THEN NULL ELSE ${text} END`;
}

/** A value shown in a message, shortened so a huge field cannot flood rejects.csv. */
function shown(value: string): string {
  return `'"' || left(${value}, 40) || '"'`;
}

/**
 * SQL expression for the typed value of the cell `v` (a column reference: see `typingSelect`).
 * `$date_format` is the strptime format parameter.
 */
export function typedExpression(column: BoundColumn, v: string): string {
  const type = column.def.type;
  const numeric = column.def.thousands ? `regexp_replace(${v}, '[,+]', '', 'g')` : v;
  switch (type.kind) {
    case 'text':
      return v;
    case 'date':
      return `try_strptime(${v}, $date_format)::DATE`;
    case 'month':
      return `date_trunc('month', try_strptime(${v}, $date_format))::DATE`;
    case 'time':
      // HH:mm first: it is the usual form, and no text matches both formats.
      return `coalesce(try_strptime(${v}, '%H:%M'), try_strptime(${v}, '%H:%M:%S'))::TIME`;
    case 'integer':
      // Only whole numbers: '1.5' must not be rounded into an age.
      return `CASE WHEN regexp_full_match(${numeric}, '-?[0-9]+') THEN try_cast(${numeric} AS INTEGER) END`;
    case 'number':
      return `try_cast(${numeric} AS DOUBLE)`;
    case 'code':
      return type.letterCase === 'lower' ? `lower(${v})` : `upper(${v})`;
    case 'flag':
      // A CASE, not IN lists, which DuckDB would turn into joins that lose the file order.
      return `CASE lower(${v}) ${['y', 'yes', '1', 'true', 't'].map((w) => `WHEN '${w}' THEN true`).join(' ')} ${['n', 'no', '0', 'false', 'f'].map((w) => `WHEN '${w}' THEN false`).join(' ')} END`;
    case 'enum':
      return enumCase(v, type);
  }
}

function enumCase(v: string, type: Extract<ColumnType, { kind: 'enum' }>): string {
  const arms = [
    ...type.values.map((value) => [value.toLowerCase(), value] as const),
    ...Object.entries(type.aliases ?? {}).map(
      ([alias, value]) => [alias.toLowerCase(), value] as const,
    ),
  ].map(([from, to]) => `WHEN ${quote(from)} THEN ${quote(to)}`);
  return `CASE lower(${v}) ${arms.join(' ')} END`;
}

/**
 * SQL boolean that is true when the cell is bad, and the SQL text of the reason; `v` and `typed`
 * name the cell and its typed value.
 */
export function problemChecks(
  column: BoundColumn,
  v: string,
  typed: string,
): Array<{ when: string; reason: string }> {
  const { def } = column;
  const type = def.type;
  const checks: Array<{ when: string; reason: string }> = [];
  if (def.notNull ?? def.required) {
    checks.push({ when: `${v} IS NULL`, reason: quote('required value is blank') });
  }
  const invalid = (what: string) => ({
    when: `${v} IS NOT NULL AND (${typed}) IS NULL`,
    reason: `${quote(`${what}: `)} || ${shown(v)}`,
  });
  switch (type.kind) {
    case 'date':
      checks.push(invalid('not a real date in the configured date_format'));
      checks.push(tooEarly(typed, v));
      break;
    case 'month':
      checks.push(invalid('not a month in the configured date_format'));
      checks.push(tooEarly(typed, v));
      break;
    case 'time':
      checks.push(invalid('not a time HH:mm'));
      break;
    case 'integer':
      checks.push(invalid('not a whole number'));
      checks.push({
        when: `(${typed}) NOT BETWEEN ${type.min} AND ${type.max}`,
        reason: `${quote(`out of range ${type.min}–${type.max}: `)} || ${shown(v)}`,
      });
      break;
    case 'number':
      checks.push(invalid('not a number'));
      checks.push({
        when: `(${typed}) < ${type.min}`,
        reason: `${quote(`below the minimum ${type.min}: `)} || ${shown(v)}`,
      });
      if (type.max !== undefined) {
        checks.push({
          when: `(${typed}) > ${type.max}`,
          reason: `${quote(`above the maximum ${type.max}: `)} || ${shown(v)}`,
        });
      }
      break;
    case 'code':
      checks.push({
        when: `${v} IS NOT NULL AND NOT regexp_full_match(${typed}, ${quote(type.pattern)})`,
        reason: `${quote(`not ${type.describe}: `)} || ${shown(v)}`,
      });
      break;
    case 'flag':
      checks.push(invalid('not a Y/N flag'));
      break;
    case 'enum':
      checks.push(invalid(`not one of ${type.values.join(', ')}`));
      break;
    case 'text':
      break;
  }
  return checks;
}

/**
 * A column given both or neither with its partner (`pairedWith`): a value here with the partner
 * blank, or the partner's header absent, is a problem of this column.
 */
function pairCheck(
  column: BoundColumn,
  columns: readonly BoundColumn[],
  cellOf: (c: BoundColumn) => string,
): Array<{ when: string; reason: string; column: BoundColumn }> {
  const partnerName = column.def.pairedWith;
  if (!partnerName || !column.source) return [];
  const partner = columns.find((c) => c.def.name === partnerName);
  const partnerCell = partner?.source ? cellOf(partner) : 'NULL::VARCHAR';
  return [
    {
      when: `${cellOf(column)} IS NOT NULL AND ${partnerCell} IS NULL`,
      reason: quote(`given without ${partnerName} (give both or neither)`),
      column,
    },
  ];
}

/**
 * The earliest date sna accepts: an extract's dates are recent, and a year such as 0000 parses
 * (as 1 BC) but is a typing slip or a placeholder, not a date.
 */
export const EARLIEST_DATE = '1900-01-01';

function tooEarly(typed: string, v: string): { when: string; reason: string } {
  return {
    when: `(${typed}) < DATE '${EARLIEST_DATE}'`,
    reason: `${quote('a date before 1900: ')} || ${shown(v)}`,
  };
}

/** A stray CR, marked in the copy that DuckDB reads (`STRAY_CR_MARK` in `line-ends`). */
export const STRAY_CR_SQL = 'chr(64976)';
export const STRAY_CR_REASON =
  'contains a carriage return (CR) that does not end a line (lines end with LF or CRLF)';

export interface TypingOptions {
  /** The file holds NUL bytes: a cell with one is a problem (binary data, not text). */
  nul?: boolean;
  /** Stray CRs are marked in the cells: a cell with one is a problem; messages show the CR. */
  strayCr?: boolean;
  /** Input columns carried through unchanged (e.g. `rec`). */
  keep?: readonly string[];
  /** SQL over the input's columns giving the raw line, computed only for rows with problems. */
  rawLine?: string;
}

/**
 * SELECT over a buffer of text cells giving each record's typed values and `problems`, a list
 * of `{column, reason}` structs that is NULL when the row is good.
 *
 * Three stacked projections, so each cell is trimmed once and typed once however many checks
 * read it: cells (`cell__<name>`) → typed values (`<name>`) → checks. The problem list is only
 * built for rows that fail a check, and the raw line only for those rows.
 */
export function typingSelect(
  columns: readonly BoundColumn[],
  from: string,
  options: TypingOptions = {},
): string {
  const cellOf = (c: BoundColumn) => `cell__${c.def.name}`;
  const unmarked = (c: BoundColumn): BoundColumn =>
    options.strayCr && c.source
      ? { ...c, source: `replace(${c.source}, ${STRAY_CR_SQL}, chr(13))` }
      : c;
  const cells = columns.map((c) => `${cell(unmarked(c))} AS ${cellOf(c)}`);
  const values = columns.map((c) => `${typedExpression(c, cellOf(c))} AS ${c.def.name}`);
  const checks = columns.flatMap((c) => [
    ...(options.nul && c.source
      ? [
          {
            when: `contains(${cellOf(c)}, chr(0))`,
            reason: quote('contains a NUL byte (binary data, not text)'),
            column: c,
          },
        ]
      : []),
    ...(options.strayCr && c.source
      ? [
          {
            when: `contains(${c.source}, ${STRAY_CR_SQL})`,
            reason: quote(STRAY_CR_REASON),
            column: c,
          },
        ]
      : []),
    ...problemChecks(c, cellOf(c), c.def.name).map((check) => ({ ...check, column: c })),
    ...pairCheck(c, columns, cellOf),
  ]);
  const problemList = checks.map(
    ({ when, reason, column }) =>
      `CASE WHEN ${when} THEN {'column': ${column.headerSql ?? quote(column.header ?? column.def.name)}, 'reason': ${reason}} END`,
  );
  // A NULL check (e.g. a range test on a NULL value) is not a problem: coalesce to false.
  const bad = checks.length
    ? checks.map(({ when }) => `coalesce(${when}, false)`).join(' OR ')
    : 'false';
  const problems = checks.length
    ? `CASE WHEN ${bad} THEN list_filter([${problemList.join(',\n      ')}], p -> p IS NOT NULL) END`
    : `NULL::STRUCT("column" VARCHAR, reason VARCHAR)[]`;
  const keep = options.keep ?? [];
  // NUL shown as the symbol for it: rejects.csv is opened by people, in text editors.
  let rawLine = options.nul ? `replace(${options.rawLine}, chr(0), '\u2400')` : options.rawLine;
  if (options.strayCr) rawLine = `replace(${rawLine}, ${STRAY_CR_SQL}, chr(13))`;
  const outer = [
    ...keep,
    ...columns.map((c) => c.def.name),
    'problems',
    ...(options.rawLine ? [`CASE WHEN problems IS NOT NULL THEN ${rawLine} END AS raw_line`] : []),
  ];
  return `SELECT ${outer.join(', ')}
FROM (
  SELECT *, ${problems} AS problems
  FROM (
    SELECT *,\n    ${values.join(',\n    ')}
    FROM (SELECT *,\n      ${cells.join(',\n      ')}\n      FROM ${from})
  )
)`;
}

/** CREATE TABLE for a source's raw table: lineage columns then the typed columns. */
export function rawTableDdl(table: string, columns: readonly ColumnDef[]): string {
  const typed = columns.map((c) => `${c.name} ${sqlType(c.type)}`);
  return `CREATE TABLE IF NOT EXISTS ${table} (\n    file_id INTEGER NOT NULL,\n    line BIGINT NOT NULL,\n    ${typed.join(',\n    ')}\n)`;
}
