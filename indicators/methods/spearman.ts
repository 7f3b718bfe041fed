/**
 * Spearman's rank correlation: the Pearson correlation of the two variables' ranks, tied values
 * sharing their average rank (R's `cor(method = "spearman")`), with an approximate interval by
 * Fisher's z and the Bonett–Wright standard error √((1 + ρ²/2)/(n − 3)).
 *
 * @see docs/methods.md#spearmans-rank-correlation
 * @see docs/contract.md#indicators (`police.imd_spearman`)
 */
import { criticalZ, DEFAULT_CONFIDENCE, type Estimate } from './estimate.js';

/** Ranks 1..n, each group of tied values given the mean of the ranks it spans. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end++;
    // Positions start..end (0-based) hold ranks start+1..end+1; their mean is (start+end)/2 + 1.
    const shared = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]?.index ?? 0] = shared;
    start = end + 1;
  }
  return ranks;
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const meanX = x.reduce((s, v) => s + v, 0) / n;
  const meanY = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - meanX;
    const dy = (y[i] ?? 0) - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Spearman's ρ of paired values, with a `confidence` interval when there are at least 4 pairs.
 * - Fewer than 3 pairs, or a variable whose values are all equal: value null, with a note.
 * - Arrays of different lengths, or non-finite values, throw a `RangeError`.
 * @see docs/methods.md#spearmans-rank-correlation
 */
export function spearman(
  x: readonly number[],
  y: readonly number[],
  confidence: number = DEFAULT_CONFIDENCE,
): Estimate {
  if (x.length !== y.length) throw new RangeError('x and y must have the same length');
  if (!x.every(Number.isFinite) || !y.every(Number.isFinite)) {
    throw new RangeError('values must be finite numbers');
  }
  const z = criticalZ(confidence);
  const method = 'spearman';
  const n = x.length;
  if (n < 3) {
    return { value: null, lower: null, upper: null, method, note: `${n} pairs: at least 3 needed` };
  }
  for (const [name, values] of [
    ['x', x],
    ['y', y],
  ] as const) {
    if (values.every((v) => v === values[0])) {
      return {
        value: null,
        lower: null,
        upper: null,
        method,
        note: `${name} is constant: rho is undefined`,
      };
    }
  }
  // Rounding can carry |ρ| a hair past 1 when the ranks agree exactly.
  const rho = Math.max(-1, Math.min(1, pearson(averageRanks(x), averageRanks(y))));
  if (n < 4) {
    return {
      value: rho,
      lower: null,
      upper: null,
      method,
      note: '3 pairs: no confidence interval',
    };
  }
  const se = Math.sqrt((1 + (rho * rho) / 2) / (n - 3));
  const centre = Math.atanh(rho);
  return {
    value: rho,
    lower: Math.tanh(centre - z * se),
    upper: Math.tanh(centre + z * se),
    method,
  };
}
