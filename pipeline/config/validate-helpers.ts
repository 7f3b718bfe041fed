/**
 * Small, schema-agnostic pieces of config validation. Every reader records what is wrong
 * in a Problems list and carries on, so one run of `sna validate` shows every mistake
 * rather than the first. Each problem is one line: `<dotted.key.path>: <what> (<hint>)`.
 */

import { ENCODINGS, type Encoding } from '../../core/config.js';
import { dateFormatProblem } from './date-format.js';

/** Collects one-line problems, each prefixed with the dotted key path it is about. */
export class Problems {
  readonly lines: string[] = [];
  add(path: string, message: string): void {
    this.lines.push(`${path}: ${message}`);
  }
  get count(): number {
    return this.lines.length;
  }
}

/** `parent.key`, or just `key` at the top level. */
export function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** A YAML mapping as JS: a plain object, not a list, scalar or Date. */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

/** How a value looks to the person who wrote it, for `got …` in messages. */
export function describe(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** Edit distance (insert, delete, substitute), for did-you-mean. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The allowed key nearest to `key` (case-insensitively) within distance 3, or undefined.
 * The distance must also be shorter than the key itself, so a two-letter typo is not
 * "corrected" into an unrelated word.
 */
export function suggest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of allowed) {
    const distance = levenshtein(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= 3 && bestDistance < key.length ? best : undefined;
}

/** Where a key that is unknown here does belong, e.g. `police_crimes` → `inputs`. */
export type KeyHome = (key: string) => string | undefined;

/**
 * Records every key of `mapping` not in `allowed`: with a did-you-mean when one is close,
 * else where the key belongs when it is known elsewhere, else the allowed keys.
 */
export function checkKeys(
  mapping: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  problems: Problems,
  homeOf: KeyHome = () => undefined,
): void {
  for (const key of Object.keys(mapping)) {
    if (allowed.includes(key)) continue;
    problems.add(
      joinPath(path, key),
      `unknown key (${unknownKeyHint(key, allowed, path, homeOf)})`,
    );
  }
}

function unknownKeyHint(key: string, allowed: readonly string[], path: string, homeOf: KeyHome) {
  const near = suggest(key, allowed);
  if (near !== undefined) return `did you mean ${near}?`;
  const home = homeOf(key);
  if (home !== undefined && home !== path) {
    return home === '' ? 'it belongs at the top level' : `it belongs under ${home}:`;
  }
  return `allowed: ${allowed.join(', ')}`;
}

/**
 * Reads a required mapping section. Absent → `required (…)`; not a mapping → problem.
 * Returns undefined when there is nothing to validate inside.
 */
export function readSection(
  value: unknown,
  path: string,
  problems: Problems,
  requiredWhy?: string,
): Record<string, unknown> | undefined {
  if (value === undefined || value === null) {
    if (requiredWhy !== undefined) problems.add(path, `required (${requiredWhy})`);
    return undefined;
  }
  if (!isMapping(value)) {
    problems.add(path, `must be a mapping of keys, got ${describe(value)}`);
    return undefined;
  }
  return value;
}

/** A non-empty string; undefined (after recording a problem) otherwise. */
export function readString(
  value: unknown,
  path: string,
  problems: Problems,
  what = 'a non-empty string',
): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  problems.add(path, `must be ${what}, got ${describe(value)}`);
  return undefined;
}

export interface NumberRule {
  min: number;
  max?: number;
  integer: boolean;
}

/** `a whole number ≥ 2`, `a whole number from 1 to 24`, `a number from 0 to 100`. */
export function numberRuleText(rule: NumberRule): string {
  const kind = rule.integer ? 'a whole number' : 'a number';
  return rule.max === undefined
    ? `${kind} ≥ ${rule.min}`
    : `${kind} from ${rule.min} to ${rule.max}`;
}

/** A number obeying the rule; undefined (after recording a problem) otherwise. */
export function readNumberValue(
  value: unknown,
  path: string,
  rule: NumberRule,
  problems: Problems,
): number | undefined {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    value >= rule.min &&
    (rule.max === undefined || value <= rule.max);
  if (ok) return value;
  problems.add(path, `must be ${numberRuleText(rule)}, got ${describe(value)}`);
  return undefined;
}

/**
 * One mapping being validated at a dotted path. Absent keys take defaults; an explicit
 * empty value (`months:`) is a problem, not a default: it is more often a half-finished edit.
 */
export class Section {
  constructor(
    readonly mapping: Record<string, unknown>,
    readonly path: string,
    readonly problems: Problems,
  ) {}

  has(key: string): boolean {
    return Object.hasOwn(this.mapping, key);
  }

  at(key: string): string {
    return joinPath(this.path, key);
  }

  /** Records `required (why)` when `key` is absent; true when present. */
  require(key: string, why: string): boolean {
    if (this.has(key)) return true;
    this.problems.add(this.at(key), `required (${why})`);
    return false;
  }

  /** The true/false at `key`, `fallback` when absent, undefined when invalid. */
  boolean(key: string, fallback: boolean): boolean | undefined {
    if (!this.has(key)) return fallback;
    const value = this.mapping[key];
    if (typeof value === 'boolean') return value;
    this.problems.add(this.at(key), `must be true or false, got ${describe(value)}`);
    return undefined;
  }

  /** The number at `key`, `fallback` when absent, undefined when invalid. */
  number(key: string, rule: NumberRule, fallback: number): number | undefined {
    if (!this.has(key)) return fallback;
    return readNumberValue(this.mapping[key], this.at(key), rule, this.problems);
  }
}

/** `yyyy-MM-dd` naming a day that exists (no 30 February). */
export function isRealIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC: it maps years 0–99 to 19xx
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Whether a real `yyyy-MM-dd` date is the last day of its month. */
export function isMonthEnd(date: string): boolean {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
}

/**
 * The month-end a mid-month date most likely meant: the end of its own month from the 16th on
 * (2024-03-30 → 2024-03-31), else the end of the month before (2024-04-01 → 2024-03-31).
 */
export function likelyMonthEnd(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const monthEnd =
    day.getUTCDate() >= 16
      ? new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0))
      : new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 0));
  return monthEnd.toISOString().slice(0, 10);
}

/** A real ISO date as text; '' (after recording a problem) otherwise. */
export function readIsoDate(value: unknown, path: string, problems: Problems): string {
  if (typeof value !== 'string') {
    problems.add(path, `must be a date in yyyy-MM-dd form, got ${describe(value)}`);
  } else if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    problems.add(path, `"${value}" is not a date in yyyy-MM-dd form (e.g. 2024-03-31)`);
  } else if (!isRealIsoDate(value)) {
    problems.add(path, `"${value}" is not a real date (use yyyy-MM-dd)`);
  } else {
    return value;
  }
  return '';
}

/** `columns:` maps canonical name → the header in the source file. */
export function readColumns(
  value: unknown,
  path: string,
  problems: Problems,
): Record<string, string> {
  if (!isMapping(value)) {
    problems.add(
      path,
      `must be a mapping of canonical_name: "Source Header", got ${describe(value)}`,
    );
    return {};
  }
  const columns: Record<string, string> = {};
  for (const [canonical, header] of Object.entries(value)) {
    if (typeof header === 'string' && header !== '') {
      columns[canonical] = header;
    } else {
      const what = `must be the source file's header as a string (quote it), got ${describe(header)}`;
      problems.add(joinPath(path, canonical), what);
    }
  }
  return columns;
}

/** Spellings people use for the two encodings sna reads (docs/contract.md#input-objects). */
const ENCODING_ALIASES: Readonly<Record<string, Encoding>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1252': 'windows-1252',
  windows1252: 'windows-1252',
  cp1252: 'windows-1252',
};

/** `utf-8` or `windows-1252`, from any accepted spelling in any case. */
export function readEncoding(
  value: unknown,
  path: string,
  problems: Problems,
): Encoding | undefined {
  const encoding =
    typeof value === 'string' ? ENCODING_ALIASES[value.trim().toLowerCase()] : undefined;
  const allowed = ENCODINGS.join(' or ');
  if (typeof value !== 'string') {
    problems.add(path, `must be ${allowed}, got ${describe(value)}`);
  } else if (encoding === undefined) {
    problems.add(path, `"${value}" is not supported (use ${allowed})`);
  }
  return encoding;
}

/** A date-fns format string that converts to strptime (checked by date-format.ts). */
export function readDateFormat(
  value: unknown,
  path: string,
  allowMonthOnly: boolean,
  problems: Problems,
): string | undefined {
  const format = readString(value, path, problems, 'a date-fns format such as dd/MM/yyyy');
  if (format === undefined) return undefined;
  const problem = dateFormatProblem(format, { allowMonthOnly });
  if (problem !== undefined) problems.add(path, problem);
  return format;
}

const ONS_CODE = /^[EWSN][0-9]{8}$/;

/** A non-empty list of ONS codes; duplicates are dropped, a lower-case code gets a did-you-mean. */
export function readOnsCodes(
  value: unknown,
  key: string,
  example: string,
  problems: Problems,
): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    const what = `must be a non-empty list such as [${example}], got ${describe(value)}`;
    problems.add(key, what);
    return [];
  }
  const codes: string[] = [];
  value.forEach((code: unknown, i) => {
    const where = `${key}[${i}]`;
    if (typeof code !== 'string') {
      problems.add(where, `must be an ONS code such as ${example}, got ${describe(code)}`);
    } else if (!ONS_CODE.test(code)) {
      const fixed = code.trim().toUpperCase();
      const hint = ONS_CODE.test(fixed)
        ? `did you mean ${fixed}?`
        : `a letter E, W, S or N then 8 digits, e.g. ${example}`;
      problems.add(where, `"${code}" is not an ONS code (${hint})`);
    } else if (!codes.includes(code)) {
      codes.push(code);
    }
  });
  return codes;
}
