/**
 * Ratio of two proportions (a/n₁)/(c/n₂) with the Katz log interval (Katz et al. 1978):
 * exp(ln RR ± z·√(1/a − 1/n₁ + 1/c − 1/n₂)). Used for disproportionality: a group's share of
 * offenders over its share of residents.
 *
 * @see docs/methods.md#ratio-of-two-proportions-katz-log
 * @see docs/contract.md#indicators (`offenders.disproportionality`)
 */
import {
  checkDenominator,
  checkNonNegative,
  criticalZ,
  DEFAULT_CONFIDENCE,
  type Estimate,
} from './estimate.js';

/** Inputs of `katzLogRatio`: group 1's count and total over group 2's. */
export interface KatzInput {
  count1: number;
  denominator1: number;
  count2: number;
  denominator2: number;
  confidence?: number;
}

function checkPair(count: number, denominator: number, suffix: string): void {
  checkNonNegative(count, `count${suffix}`);
  checkDenominator(denominator, `denominator${suffix}`);
  if (count > denominator) {
    throw new RangeError(`count${suffix} must not exceed denominator${suffix}`);
  }
}

/** Katz limits on ln RR from the four cells (a of n₁, c of n₂). */
function katzLimits(a: number, n1: number, c: number, n2: number, z: number) {
  const logRatio = Math.log((a * n2) / (n1 * c));
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
  return { lower: Math.exp(logRatio - z * se), upper: Math.exp(logRatio + z * se) };
}

/**
 * (count1/denominator1)/(count2/denominator2) with its Katz log interval, z from `criticalZ`
 * (the note's "1.96" is that z rounded).
 * - A denominator of 0 gives a null value with a note.
 * - count2 = 0: the ratio is infinite (or 0/0), so all null with a note.
 * - count1 = 0: the ratio is 0; ln 0 has no interval, so 0.5 is added to every
 *   cell of the 2×2 table (a, n₁ − a, c, n₂ − c) for the upper limit only; lower is 0.
 * @see docs/methods.md#ratio-of-two-proportions-katz-log
 */
export function katzLogRatio({
  count1,
  denominator1,
  count2,
  denominator2,
  confidence = DEFAULT_CONFIDENCE,
}: KatzInput): Estimate {
  checkPair(count1, denominator1, '1');
  checkPair(count2, denominator2, '2');
  const z = criticalZ(confidence);
  const method = 'katz_log';
  for (const [name, denominator] of [
    ['denominator1', denominator1],
    ['denominator2', denominator2],
  ] as const) {
    if (denominator === 0) {
      return { value: null, lower: null, upper: null, method, note: `${name} is 0` };
    }
  }
  if (count2 === 0) {
    return {
      value: null,
      lower: null,
      upper: null,
      method,
      note: 'count2 is 0: the reference proportion is 0, so the ratio is undefined',
    };
  }
  if (count1 === 0) {
    const corrected = katzLimits(0.5, denominator1 + 1, count2 + 0.5, denominator2 + 1, z);
    return {
      value: 0,
      lower: 0,
      upper: corrected.upper,
      method,
      note: 'count1 is 0: upper limit with 0.5 added to every cell',
    };
  }
  // a·n₂/(n₁·c): one division, so 45/300 over 5000/100000 gives exactly 3.
  const value = (count1 * denominator2) / (denominator1 * count2);
  return { value, ...katzLimits(count1, denominator1, count2, denominator2, z), method };
}
