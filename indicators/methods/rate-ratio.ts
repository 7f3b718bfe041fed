/**
 * Ratio of two Poisson rates with the exact conditional confidence interval: given the total
 * n = O₂ + O₁, the current count O₂ is Binomial(n, π); Clopper–Pearson limits on π, from the beta
 * quantile, become limits on the ratio through RR = π/(1 − π) ÷ (E₂/E₁). This is the interval of
 * R's `poisson.test(c(O₂, O₁), c(E₂, E₁))` and of `rateratio.test`.
 *
 * @see docs/methods.md#rate-ratio-exact-conditional
 * @see docs/contract.md#indicators (`police.change`)
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import {
  checkConfidence,
  checkNonNegativeInteger,
  checkPositive,
  DEFAULT_CONFIDENCE,
  type Estimate,
  type Significance,
  significanceAgainst,
} from './estimate.js';

/** Inputs of `rateRatioExact`. */
export interface RateRatioInput {
  /** Events in this period (O₂). */
  count: number;
  /** Events in the comparison period (O₁). */
  previousCount: number;
  /** This period's exposure over the comparison period's (E₂/E₁); 1 for equal periods. */
  exposureRatio?: number;
  confidence?: number;
}

/** A rate ratio and whether its interval excludes 1 (null when there is no interval at all). */
export interface RateRatioEstimate extends Estimate {
  significance: Significance | null;
}

/**
 * Clopper–Pearson limits on a binomial proportion x/n: B⁻¹(α/2; x, n − x + 1) and
 * B⁻¹(1 − α/2; x + 1, n − x), with 0 at x = 0 and 1 at x = n.
 * @see docs/methods.md#rate-ratio-exact-conditional
 */
export function clopperPearson(
  successes: number,
  trials: number,
  confidence: number = DEFAULT_CONFIDENCE,
): { lower: number; upper: number } {
  checkNonNegativeInteger(successes, 'successes');
  checkNonNegativeInteger(trials, 'trials');
  if (successes > trials) throw new RangeError('successes must not exceed trials');
  const alpha = 1 - checkConfidence(confidence);
  const lower = successes === 0 ? 0 : betaQuantile(alpha / 2, successes, trials - successes + 1);
  const upper =
    successes === trials ? 1 : betaQuantile(1 - alpha / 2, successes + 1, trials - successes);
  return { lower, upper };
}

/**
 * Rate ratio (count / previousCount) ÷ exposureRatio with its exact conditional interval, and
 * `significance`: `higher` when the interval lies above 1, `lower` below 1, else `similar`.
 * - previousCount = 0 (and count > 0): the ratio is infinite, so value and upper are null with a
 *   note; the lower limit is still finite and can show a significant rise.
 * - count = 0 (and previousCount > 0): value 0, lower 0, finite upper.
 * - both 0: nothing to compare, all null, `significance` null.
 * @see docs/methods.md#rate-ratio-exact-conditional
 */
export function rateRatioExact({
  count,
  previousCount,
  exposureRatio = 1,
  confidence = DEFAULT_CONFIDENCE,
}: RateRatioInput): RateRatioEstimate {
  checkNonNegativeInteger(count, 'count');
  checkNonNegativeInteger(previousCount, 'previousCount');
  checkPositive(exposureRatio, 'exposureRatio');
  checkConfidence(confidence);
  const method = 'rate_ratio_exact';
  const total = count + previousCount;
  if (total === 0) {
    return {
      value: null,
      lower: null,
      upper: null,
      method,
      significance: null,
      note: 'no events in either period',
    };
  }
  const pi = clopperPearson(count, total, confidence);
  const toRatio = (p: number) => p / (1 - p) / exposureRatio;
  const lower = toRatio(pi.lower);
  if (previousCount === 0) {
    return {
      value: null,
      lower,
      upper: null,
      method,
      significance: significanceAgainst(lower, null, 1),
      note: 'previous count is 0: the ratio is infinite',
    };
  }
  const value = count / previousCount / exposureRatio;
  const upper = toRatio(pi.upper);
  return { value, lower, upper, method, significance: significanceAgainst(lower, upper, 1) };
}
