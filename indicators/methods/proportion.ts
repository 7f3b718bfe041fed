/**
 * Proportion O/n × m with the Wilson score interval, as PHE's `phe_proportion`.
 *
 * @see docs/methods.md#proportion-wilson-score
 */
import {
  checkConfidence,
  checkDenominator,
  checkNonNegative,
  checkPositive,
  criticalZ,
  DEFAULT_CONFIDENCE,
  type Estimate,
} from './estimate.js';

/** Inputs of `proportion`; a `null` count or denominator is missing data (PHE's NA). */
export interface ProportionInput {
  /** Cases with the characteristic; may be fractional (the fixture has 0.445 of 1). */
  count: number | null;
  /** Cases with a known value; 0 is data (no value, with a note), negative is an error. */
  denominator: number | null;
  /** 100 (the default) gives a percentage; PHE's own default is 1. */
  multiplier?: number;
  confidence?: number;
}

/**
 * Wilson score limits on the proportion scale (0–1):
 * (2O + z² ∓ z√(z² + 4O(1 − O/n))) / (2(n + z²)).
 * At O = 0 and O = n the exact limits 0 and 1 are returned rather than the formula's result,
 * which floating point can leave ~1e-17 outside [0, 1]; PHE's own output differs only there.
 * At confidence 1 the limits are 0 and 1, as in the package.
 * @see docs/methods.md#proportion-wilson-score
 */
export function wilsonLimits(
  count: number,
  denominator: number,
  confidence: number = DEFAULT_CONFIDENCE,
): { lower: number; upper: number } {
  if (checkConfidence(confidence) === 1) return { lower: 0, upper: 1 };
  const z = criticalZ(confidence);
  const z2 = z * z;
  const spread = z * Math.sqrt(z2 + 4 * count * (1 - count / denominator));
  const lower = count === 0 ? 0 : (2 * count + z2 - spread) / 2 / (denominator + z2);
  const upper = count === denominator ? 1 : (2 * count + z2 + spread) / 2 / (denominator + z2);
  return { lower: Math.max(0, lower), upper: Math.min(1, upper) };
}

/**
 * Proportion × `multiplier` (default 100, a percentage) with its Wilson interval.
 * - A count above its denominator throws `'numerator must not exceed denominator'` (as PHE).
 * - A denominator of 0 (so a count of 0) gives a null value with the note `'denominator is 0'`.
 * - A missing count or denominator gives a null value, as PHE gives NA.
 * @see docs/methods.md#proportion-wilson-score, docs/methods.md#conventions (missing values)
 */
export function proportion({
  count,
  denominator,
  multiplier = 100,
  confidence = DEFAULT_CONFIDENCE,
}: ProportionInput): Estimate {
  if (count !== null) checkNonNegative(count, 'count');
  if (denominator !== null) checkDenominator(denominator);
  checkPositive(multiplier, 'multiplier');
  checkConfidence(confidence);
  if (count !== null && denominator !== null && count > denominator) {
    throw new RangeError('numerator must not exceed denominator');
  }
  const method = 'wilson';
  if (count === null)
    return { value: null, lower: null, upper: null, method, note: 'count is missing' };
  if (denominator === null) {
    return { value: null, lower: null, upper: null, method, note: 'denominator is missing' };
  }
  if (denominator === 0) {
    return { value: null, lower: null, upper: null, method, note: 'denominator is 0' };
  }
  const { lower, upper } = wilsonLimits(count, denominator, confidence);
  return {
    value: (count / denominator) * multiplier,
    lower: lower * multiplier,
    upper: upper * multiplier,
    method,
  };
}
