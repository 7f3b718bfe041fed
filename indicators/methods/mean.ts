/**
 * Mean with a Student's t confidence interval, as PHE's `phe_mean`. The interval is computed
 * from summary statistics (mean, sample SD, n) so that SQL can aggregate (`avg`,
 * `stddev_samp`, `count`) and only three numbers cross into TypeScript.
 *
 * @see docs/methods.md#mean-students-t
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import {
  checkConfidence,
  checkNonNegative,
  checkNonNegativeInteger,
  DEFAULT_CONFIDENCE,
  type Estimate,
} from './estimate.js';

/** Summary statistics of a sample; SQL gives a null mean for 0 values and a null SD below 2. */
export interface MeanSummary {
  mean: number | null;
  /** Sample standard deviation (denominator n − 1). */
  sd: number | null;
  n: number;
  confidence?: number;
}

/**
 * Mean with limits x̄ ∓ |t⁻¹((1 − conf)/2; n − 1)| · s/√n.
 * - n = 0 gives a null value with the note `'no values'`.
 * - n = 1 gives the value but no interval (the SD is undefined), with a note.
 * @see docs/methods.md#mean-students-t
 */
export function meanCi({ mean, sd, n, confidence = DEFAULT_CONFIDENCE }: MeanSummary): Estimate {
  checkNonNegativeInteger(n, 'n');
  const level = checkConfidence(confidence);
  const method = 't';
  if (n === 0) return { value: null, lower: null, upper: null, method, note: 'no values' };
  if (mean === null || !Number.isFinite(mean)) throw new RangeError('mean must be a finite number');
  if (n === 1) {
    return {
      value: mean,
      lower: null,
      upper: null,
      method,
      note: 'one value: no confidence interval',
    };
  }
  if (sd === null) throw new RangeError('sd must be a non-negative number');
  checkNonNegative(sd, 'sd');
  // PHE takes |qt((1 − conf)/2, n − 1)|: the lower-tail quantile, made positive.
  const halfWidth = (Math.abs(tQuantile((1 - level) / 2, n - 1)) * sd) / Math.sqrt(n);
  return { value: mean, lower: mean - halfWidth, upper: mean + halfWidth, method };
}

/**
 * Mean of raw values with its t interval: the convenience form of `meanCi`.
 * Throws `'values must be finite numbers'` on NaN or ±Infinity.
 * @see docs/methods.md#mean-students-t
 */
export function mean({
  values,
  confidence = DEFAULT_CONFIDENCE,
}: {
  values: readonly number[];
  confidence?: number;
}): Estimate {
  if (!values.every(Number.isFinite)) throw new RangeError('values must be finite numbers');
  const n = values.length;
  if (n === 0) return meanCi({ mean: null, sd: null, n, confidence });
  const average = values.reduce((sum, x) => sum + x, 0) / n;
  // Two passes (deviations from the mean), not Σx² − n·x̄², which loses digits for large values.
  const sumSquares = values.reduce((sum, x) => sum + (x - average) ** 2, 0);
  const sd = n > 1 ? Math.sqrt(sumSquares / (n - 1)) : null;
  return meanCi({ mean: average, sd, n, confidence });
}
