/**
 * Confidence limits for an observed Poisson count O: Byar's approximation, the exact (χ²)
 * method, and PHE's rule for choosing between them (exact below 10 events, Byar's from 10).
 * These are limits on the count itself; rates and ratios divide them by their denominator.
 *
 * @see docs/methods.md#poisson-limits-for-a-count
 */
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import { checkConfidence, checkNonNegative, criticalZ, DEFAULT_CONFIDENCE } from './estimate.js';

/** Counts below this use the exact method in `poissonLimits`; from it on, Byar's. */
export const EXACT_BELOW = 10;

/** Limits on a count; `lower` is null only where Byar's formula goes negative (PHE's NA). */
export interface PoissonLimits {
  lower: number | null;
  upper: number;
  method: 'byar' | 'exact_poisson';
}

/**
 * Byar's limits (Breslow & Day 1987):
 * O_L = O(1 − 1/(9O) − z/(3√O))³, O_U = (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³.
 * A negative lower limit (e.g. O = 1 at 99.8%) is returned as null, as the package returns NA.
 * At O = 0 the formula divides by zero; the lower limit of a count of 0 is 0, so that is returned.
 * @see docs/methods.md#poisson-limits-for-a-count (PHE's fixture row O = 1 at 99.8%)
 */
export function byarsLimits(count: number, confidence: number = DEFAULT_CONFIDENCE): PoissonLimits {
  checkNonNegative(count, 'count');
  const z = criticalZ(confidence);
  const next = count + 1;
  const upper = next * (1 - 1 / (9 * next) + z / (3 * Math.sqrt(next))) ** 3;
  if (count === 0) return { lower: 0, upper, method: 'byar' };
  const lower = count * (1 - 1 / (9 * count) - z / (3 * Math.sqrt(count))) ** 3;
  return { lower: lower < 0 ? null : lower, upper, method: 'byar' };
}

/**
 * Exact limits from the χ² distribution (Armitage & Berry 2002):
 * O_L = ½χ²⁻¹(α/2; 2O), O_U = ½χ²⁻¹(1 − α/2; 2O + 2).
 * O = 0 is special-cased to a lower limit of 0 (a χ² with 0 degrees of freedom), as R gives.
 * The probabilities are written as PHE writes them so the quantiles match R's `qchisq`.
 * @see docs/methods.md#poisson-limits-for-a-count
 */
export function exactPoissonLimits(
  count: number,
  confidence: number = DEFAULT_CONFIDENCE,
): PoissonLimits {
  checkNonNegative(count, 'count');
  const level = checkConfidence(confidence);
  const lower = count === 0 ? 0 : chisquareQuantile((1 - level) / 2, 2 * count) / 2;
  const upper = chisquareQuantile(level + (1 - level) / 2, 2 * count + 2) / 2;
  return { lower, upper, method: 'exact_poisson' };
}

/**
 * PHE's limits for a count as used by crude rates and ISRs: exact below 10 events, Byar's from 10
 * (Byar's is within 0.2% of exact from 10 at 95%, per the PHE technical guide).
 * @see docs/methods.md#poisson-limits-for-a-count (switching rule)
 */
export function poissonLimits(
  count: number,
  confidence: number = DEFAULT_CONFIDENCE,
): PoissonLimits {
  checkNonNegative(count, 'count');
  return count < EXACT_BELOW
    ? exactPoissonLimits(count, confidence)
    : byarsLimits(count, confidence);
}
