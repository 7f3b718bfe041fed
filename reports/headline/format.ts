/**
 * How the headline table writes numbers and words. Every number a sentence shows is rounded by
 * `reports/format/numbers.ts`, the one definition the HTML report and the charts use too:
 * counts whole with thousands separators ("1,234"); percentages whole, one decimal below 1%
 * ("0.4%"); rates and ratios to one decimal from 1 up, two significant figures below 1 ("0.65");
 * correlations to two decimals (written here with a true minus sign).
 */
import { MONTH_NAMES } from '../../indicators/coverage.js';
import { formatNumber } from '../format/numbers.js';

export const formatCount = (value: number): string => formatNumber(value, 'count');

/** A percentage of 0–100, without the % sign. */
export const formatPercent = (value: number): string => formatNumber(value, 'percent');

/** A rate or a ratio: one decimal from 1 up, else two significant figures. */
export const formatRate = (value: number): string => formatNumber(value, 'per_1000');

export const formatRho = (value: number): string => formatNumber(value, 'rho').replace('-', '−');

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

/**
 * A rank (1 = lowest) among `of` areas in words, counted from the nearer end:
 * 1 → "the lowest", 3 → "the third lowest", `of` → "the highest". Beyond the tenth from
 * either end it says the rank itself ("ranked 14th lowest of 30"), since only the rank and
 * the number of areas are published.
 */
/** 1 → "first" … 10 → "tenth"; undefined beyond. */
export const ordinalWord = (n: number): string | undefined => ORDINALS[n - 1];

export function rankWords(rank: number, of: number): string {
  const fromTop = of - rank + 1;
  const low = rank <= fromTop;
  const position = low ? rank : fromTop;
  const end = low ? 'lowest' : 'highest';
  if (position === 1) return `the ${end}`;
  const word = ORDINALS[position - 1];
  if (word) return `the ${word} ${end}`;
  return `ranked ${rank}${ordinalSuffix(rank)} lowest`;
}

export function ordinalSuffix(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

export { MONTH_NAMES };

/**
 * Calendar months (1–12) as ranges of consecutive months joined with en dashes, a run that
 * crosses the year end kept whole: [5, 6, 7, 10, 11, 12] → "May–July and October–December";
 * [1, 2, 12] → "December–February".
 */
export function monthRanges(months: readonly number[]): string {
  const set = new Set(months.filter((m) => Number.isInteger(m) && m >= 1 && m <= 12));
  if (set.size === 0) return '';
  if (set.size === 12) return 'every month';
  const next = (m: number) => (m % 12) + 1;
  const previous = (m: number) => ((m + 10) % 12) + 1;
  const starts = [...set].filter((m) => !set.has(previous(m))).sort((a, b) => a - b);
  const ranges = starts.map((start) => {
    let end = start;
    while (set.has(next(end))) end = next(end);
    const first = MONTH_NAMES[start - 1] ?? '';
    return end === start ? first : `${first}–${MONTH_NAMES[end - 1] ?? ''}`;
  });
  return joinWords(ranges);
}

/** ["a"] → "a"; ["a", "b"] → "a and b"; ["a", "b", "c"] → "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const FRACTIONS: ReadonlyArray<readonly [number, string]> = [
  [25, 'a quarter'],
  [100 / 3, 'a third'],
  [50, 'half'],
  [200 / 3, 'two thirds'],
  [75, 'three quarters'],
];

/**
 * The simple fraction a percentage is close to, as words ("two thirds"), when the exact
 * percentage lies within 2 points of it (two thirds: 64.67 to 68.67), and so does the whole
 * number printed beside the words; otherwise null. 68.6 is within 2 points of two thirds but
 * prints as 69, which is not, so it gets no words; 64.6 prints as 65 but is 2.07 points off.
 */
export function fractionWords(percent: number): string | null {
  const shown = Number(formatPercent(percent).replaceAll(',', ''));
  const near = FRACTIONS.find(([at]) => Math.abs(percent - at) <= 2 && Math.abs(shown - at) <= 2);
  return near ? near[1] : null;
}

/** Upper-cases the first letter of a sentence. */
export const capitalise = (text: string): string =>
  text.length === 0 ? text : text[0]?.toUpperCase() + text.slice(1);

/** How sentences name the assessment period and the one before it. */
export interface PeriodWords {
  /** "2024/25" (April–March), "2024" (a calendar year), else "April 2024 to September 2024". */
  label: string;
  /** "the year before" for a 12-month period, else "the previous period of equal length". */
  previous: string;
}

/** The words for a period given by its first and last day (`YYYY-MM-DD`). */
export function periodWords(start: string, end: string): PeriodWords {
  const [startYear, startMonth] = start.split('-').map(Number);
  const [endYear, endMonth] = end.split('-').map(Number);
  if (!startYear || !startMonth || !endYear || !endMonth) {
    throw new RangeError(`not a period: ${start} to ${end}`);
  }
  const months = (endYear - startYear) * 12 + (endMonth - startMonth) + 1;
  const span = `${MONTH_NAMES[startMonth - 1]} ${startYear} to ${MONTH_NAMES[endMonth - 1]} ${endYear}`;
  if (months === 12) {
    // "2024/25" is read as a financial year (April–March); other 12 months are named in full.
    const label =
      startMonth === 1
        ? String(startYear)
        : startMonth === 4
          ? `${startYear}/${String(endYear).slice(2)}`
          : span;
    return { label, previous: 'the year before' };
  }
  return { label: span, previous: 'the previous period of equal length' };
}
