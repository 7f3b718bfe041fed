/**
 * date-fns format strings (what the config speaks, docs/contract.md#input-objects) → DuckDB
 * `strptime` formats (what the loader runs). Only the tokens an extract's date or time column
 * needs are supported; anything else is refused up front so a typo fails `sna validate`, not
 * row 40,000.
 */
import { ConfigError } from '../../core/errors.js';

/** date-fns token → strptime directive. Longest tokens first so `MMMM` wins over `MM`. */
const TOKENS: ReadonlyMap<string, string> = new Map([
  ['yyyy', '%Y'],
  ['yy', '%y'],
  ['MMMM', '%B'],
  ['MMM', '%b'],
  ['MM', '%m'],
  ['M', '%m'],
  ['dd', '%d'],
  ['d', '%d'],
  ['HH', '%H'],
  ['H', '%H'],
  ['mm', '%M'],
  ['ss', '%S'],
]);

const SUPPORTED = [...TOKENS.keys()].join(' ');

export interface DateFormatOptions {
  /** Accept formats with a year and month but no day (police.uk `yyyy-MM` months). */
  allowMonthOnly?: boolean;
}

/** The format as strptime, or the problem with it (without any key path). */
export type Conversion = { ok: true; strptime: string } | { ok: false; problem: string };

/**
 * Converts a date-fns format to a DuckDB strptime format.
 * Throws a ConfigError (`date_format: …`) when the format uses an unsupported token or
 * lacks a year, month or day.
 */
export function toStrptime(dateFnsFormat: string, options: DateFormatOptions = {}): string {
  const result = convertDateFormat(dateFnsFormat, options);
  if (!result.ok) throw new ConfigError([`date_format: ${result.problem}`]);
  return result.strptime;
}

/** The problem with a date-fns format, or undefined when it converts; for collecting problems. */
export function dateFormatProblem(
  dateFnsFormat: string,
  options: DateFormatOptions = {},
): string | undefined {
  const result = convertDateFormat(dateFnsFormat, options);
  return result.ok ? undefined : result.problem;
}

/** Non-throwing conversion: walks the format once, token by token. */
export function convertDateFormat(format: string, options: DateFormatOptions = {}): Conversion {
  let out = '';
  const seen = new Set<string>();
  let i = 0;
  while (i < format.length) {
    const ch = format.charAt(i);
    if (ch === "'") {
      const quoted = readQuoted(format, i);
      if (quoted === undefined) {
        return { ok: false, problem: `unterminated quote in "${format}" (close it with ')` };
      }
      out += escapePercent(quoted.text);
      i = quoted.end;
    } else if (/[A-Za-z]/.test(ch)) {
      const run = readRun(format, i);
      const directive = TOKENS.get(run);
      if (directive === undefined) {
        return {
          ok: false,
          problem: `unsupported token "${run}" in "${format}" (supported: ${SUPPORTED})`,
        };
      }
      out += directive;
      seen.add(directive);
      i += run.length;
    } else {
      out += escapePercent(ch);
      i += 1;
    }
  }
  const missing = missingDateParts(seen, options);
  if (missing) return { ok: false, problem: `"${format}" ${missing}` };
  return { ok: true, strptime: out };
}

/** A run of one repeated letter, date-fns' unit of tokenisation (`yyyy`, `Q`, `EEE`). */
function readRun(format: string, start: number): string {
  const letter = format.charAt(start);
  let end = start;
  while (format.charAt(end) === letter) end += 1;
  return format.slice(start, end);
}

/**
 * A quoted literal starting at `start` (which is a `'`). As in date-fns, `''` is a literal
 * quote both inside and outside a quoted run. Undefined when the quote is never closed.
 */
function readQuoted(format: string, start: number): { text: string; end: number } | undefined {
  if (format.charAt(start + 1) === "'") return { text: "'", end: start + 2 };
  let text = '';
  let i = start + 1;
  while (i < format.length) {
    const ch = format.charAt(i);
    if (ch === "'") {
      if (format.charAt(i + 1) === "'") {
        text += "'";
        i += 2;
        continue;
      }
      return { text, end: i + 1 };
    }
    text += ch;
    i += 1;
  }
  return undefined;
}

/** strptime treats `%` as a directive, so a literal one must be doubled. */
function escapePercent(text: string): string {
  return text.replaceAll('%', '%%');
}

/** Why the directives seen cannot make a date, or undefined when they can. */
function missingDateParts(seen: Set<string>, options: DateFormatOptions): string | undefined {
  const hasYear = seen.has('%Y') || seen.has('%y');
  const hasMonth = seen.has('%m') || seen.has('%b') || seen.has('%B');
  const hasDay = seen.has('%d');
  if (options.allowMonthOnly) {
    if (hasYear && hasMonth) return undefined;
    return 'must contain year and month (e.g. yyyy-MM)';
  }
  if (hasYear && hasMonth && hasDay) return undefined;
  return 'must contain year, month and day (e.g. dd/MM/yyyy)';
}
