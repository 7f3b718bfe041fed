/**
 * How every output writes a number: the one definition of each unit's label, its decimals and
 * the thousands separators, used by the HTML report, the headline table and the charts alike,
 * so a value reads the same wherever it appears. `indicators.csv` keeps full precision.
 *
 * - counts, ranks and the seasonal index: whole numbers ("1,234");
 * - percentages: whole numbers, one decimal below 1% ("0.4");
 * - rates (per 1,000 and per 100,000) and ratios: one decimal from 1 up ("5.8", "531.9"), two
 *   significant figures below 1 ("0.64", "0.051"), as local needs assessments print them
 *   ("18.9 cases per 1000 population");
 * - Spearman's rho: two decimals; years: one decimal.
 *
 * Numbers are written en-GB, with commas between thousands.
 */
import type { Unit } from '../../indicators/define.js';

export type { Unit };

/** What a unit means, for headings and sentences ("per 1,000 residents"). */
export const UNIT_LABELS: Readonly<Record<Unit, string>> = {
  count: 'count',
  per_1000: 'per 1,000 residents',
  per_100000: 'per 100,000 residents',
  percent: '%',
  ratio: 'ratio',
  index: 'index (100 = average month)',
  rank: 'rank (1 = lowest rate)',
  rho: "Spearman's rho",
  years: 'years',
  z: 'z-score',
};

/** The label of a unit, or the unit itself when it has none. */
export const unitLabel = (unit: string): string => UNIT_LABELS[unit as Unit] ?? unit;

/** Fixed decimals per unit; rates, ratios and percentages have a rule for small values too. */
const DECIMALS: Readonly<Record<Unit, number>> = {
  count: 0,
  per_1000: 1,
  per_100000: 1,
  percent: 0,
  ratio: 1,
  index: 0,
  rank: 0,
  rho: 2,
  years: 1,
  z: 2,
};

/** Decimals for a unit not listed (none is published today). */
const OTHER_DECIMALS = 2;

/** Rounded to its decimals, a value below this would show fewer than two significant figures. */
const SMALL = 0.95;

/** The decimals `value` is written with in `unit`. */
export function decimalsFor(value: number, unit: string): number {
  const size = Math.abs(value);
  const small = size !== 0 && size < SMALL;
  switch (unit) {
    case 'percent':
      return small ? 1 : 0;
    case 'per_1000':
    case 'per_100000':
    case 'ratio':
      // Two significant figures: 0.64, 0.051; at most six decimals.
      return small ? Math.min(6, 1 - Math.floor(Math.log10(size))) : DECIMALS[unit];
    default:
      return DECIMALS[unit as Unit] ?? OTHER_DECIMALS;
  }
}

const formatters = new Map<number, Intl.NumberFormat>();

/** `value` with exactly `decimals` decimals and thousands separators (en-GB). */
export function fixed(value: number, decimals: number): string {
  let formatter = formatters.get(decimals);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-GB', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(decimals, formatter);
  }
  return formatter.format(value);
}

/** A number rounded for its unit, with thousands separators: 1,234 · 45 · 5.8 · 0.64. */
export function formatNumber(value: number, unit: string): string {
  return fixed(value, decimalsFor(value, unit));
}

/**
 * The decimals of an estimate and its 95% interval, so the three read alike
 * ("0.64 (0.49 – 0.82)"): the value's, or when it is 0 or missing the upper limit's (a rate of
 * 0 has a small upper limit that is not 0: "0.00 (0.00 – 0.84)").
 */
export function estimateDecimals(value: number | null, upper: number | null, unit: string): number {
  const by = value === null || value === 0 ? (upper ?? value) : value;
  return decimalsFor(by ?? 0, unit);
}

/** An estimate rounded with its interval's decimals (`estimateDecimals`). */
export function formatEstimate(value: number, upper: number | null, unit: string): string {
  return fixed(value, estimateDecimals(value, upper, unit));
}

/** A 95% interval's limits, with the decimals of the estimate they surround. */
export function formatLimits(
  value: number | null,
  lower: number,
  upper: number,
  unit: string,
): [string, string] {
  const decimals = estimateDecimals(value, upper, unit);
  return [fixed(lower, decimals), fixed(upper, decimals)];
}

/** A 95% interval as "lower – upper" (`formatLimits`). */
export function formatInterval(
  value: number | null,
  lower: number,
  upper: number,
  unit: string,
): string {
  return formatLimits(value, lower, upper, unit).join(' – ');
}
