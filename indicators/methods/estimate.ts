/**
 * The shape every statistic returns, and the conventions they share: confidence levels, the
 * critical value z, and argument checks.
 *
 * Two kinds of bad input are told apart on purpose:
 * - a caller's mistake (a negative count, NaN, a confidence of 0.5, a numerator above its
 *   denominator for a proportion) throws a `RangeError` whose message follows
 *   PHEindicatormethods' wording;
 * - a fact about the data that leaves a statistic undefined (a denominator of 0, no previous
 *   events, a month the history does not hold) is not an error: the value comes back `null`
 *   and `note` says why, so the indicator row can still be written.
 *
 * @see docs/methods.md#conventions (critical values, missing values)
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** How an interval was computed; written to the `method` column of `indicators.csv`. */
export type CiMethod =
  | 'byar'
  | 'exact_poisson'
  | 'wilson'
  | 't'
  | 'rate_ratio_exact'
  | 'katz_log'
  | 'spearman';

/** A point estimate and its confidence interval; a `null` always comes with a `note`. */
export interface Estimate {
  value: number | null;
  lower: number | null;
  upper: number | null;
  method: CiMethod;
  note?: string;
}

/** Where an interval lies against the reference (1 for a ratio, 100 for an index). */
export type Significance = 'higher' | 'similar' | 'lower';

/** The level every indicator uses unless told otherwise (PHE's default). */
export const DEFAULT_CONFIDENCE = 0.95;

/**
 * Checks a confidence level and returns it as a fraction.
 * PHEindicatormethods accepts 0.9–1, or 90–100 which it divides by 100; so does this.
 * @see docs/methods.md#conventions
 */
export function checkConfidence(confidence: number): number {
  const level = confidence >= 90 && confidence <= 100 ? confidence / 100 : confidence;
  if (!(level >= 0.9 && level <= 1)) {
    throw new RangeError('confidence must be between 0.9 and 1');
  }
  return level;
}

/**
 * The two-sided critical value z = Φ⁻¹(conf + (1 − conf)/2), computed (never 1.96) and written
 * exactly as PHE writes it, so that z matches R's `qnorm` to the last bit.
 * @see docs/methods.md#conventions
 */
export function criticalZ(confidence: number = DEFAULT_CONFIDENCE): number {
  const level = checkConfidence(confidence);
  return normalQuantile(level + (1 - level) / 2, 0, 1);
}

/** Throws unless `value` is a finite number ≥ 0 (`'<name> must be a non-negative number'`). */
export function checkNonNegative(value: number, name: string): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${name} must be a non-negative number`);
  }
}

/** Throws unless `value` is a whole number ≥ 0 (`'<name> must be a non-negative integer'`). */
export function checkNonNegativeInteger(value: number, name: string): void {
  if (!(Number.isInteger(value) && value >= 0)) {
    throw new RangeError(`${name} must be a non-negative integer`);
  }
}

/** Throws unless `value` is a finite number > 0 (`'<name> must be greater than zero'`). */
export function checkPositive(value: number, name: string): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${name} must be greater than zero`);
  }
}

/**
 * Checks a denominator that may legitimately be 0 in the data (a rate for an area with no
 * residents in a decile): 0 passes and the caller returns a null value with a note; a negative,
 * NaN or infinite one is a bug and throws PHE's `'denominator must be greater than zero'`.
 */
export function checkDenominator(value: number, name = 'denominator'): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${name} must be greater than zero`);
  }
}

/** Classifies an interval against a reference value; touching the reference counts as similar. */
export function significanceAgainst(
  lower: number | null,
  upper: number | null,
  reference: number,
): Significance {
  if (lower !== null && lower > reference) return 'higher';
  if (upper !== null && upper < reference) return 'lower';
  return 'similar';
}
