/**
 * The Knox test's Monte Carlo verdict for one space–time cell, as Ratcliffe's Near Repeat
 * Calculator gives it (docs/methods.md#near-repeat-knox-test): the pairs of events close in both
 * space and time observed, set against the counts in `iterations` permutations of the dates
 * among the same events (space kept, so only the space–time link is broken).
 *
 * - expected = the mean of the simulated counts;
 * - Knox ratio = observed ÷ expected (blank when expected is 0);
 * - p (higher) = (1 + #simulations with count ≥ observed) ÷ (iterations + 1), the Monte Carlo
 *   p-value of Ratcliffe's calculator (after Besag & Diggle); p (lower) likewise with ≤;
 * - significance: higher when p (higher) ≤ 0.05, lower when p (lower) ≤ 0.05, else similar.
 */

export interface KnoxCellInput {
  observed: number;
  /** The count in each permutation of the dates (every iteration, zeros included). */
  simulated: readonly number[];
}

export interface KnoxCell {
  observed: number;
  expected: number;
  /** observed ÷ expected; null when no permutation gave a pair (expected 0). */
  ratio: number | null;
  pHigher: number;
  pLower: number;
  significance: 'higher' | 'lower' | 'similar';
}

export const KNOX_ALPHA = 0.05;

export function knoxCell({ observed, simulated }: KnoxCellInput): KnoxCell {
  const n = simulated.length;
  if (n === 0) throw new RangeError('the Knox test needs at least one simulation');
  if (!(Number.isInteger(observed) && observed >= 0)) {
    throw new RangeError(`observed pairs must be a whole number ≥ 0, got ${observed}`);
  }
  const expected = simulated.reduce((sum, count) => sum + count, 0) / n;
  const atLeast = simulated.filter((count) => count >= observed).length;
  const atMost = simulated.filter((count) => count <= observed).length;
  const pHigher = (1 + atLeast) / (n + 1);
  const pLower = (1 + atMost) / (n + 1);
  const significance =
    pHigher <= KNOX_ALPHA ? 'higher' : pLower <= KNOX_ALPHA ? 'lower' : 'similar';
  return {
    observed,
    expected,
    ratio: expected > 0 ? observed / expected : null,
    pHigher,
    pLower,
    significance,
  };
}
