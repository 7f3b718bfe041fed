/**
 * The Benjamini–Hochberg procedure (Benjamini & Hochberg 1995): which of m tests to call
 * significant so that, on average, at most a share `rate` of those called are false
 * discoveries. The p-values sorted ascending, the largest k with p_(k) ≤ k·rate/m rejects the
 * k smallest. The adjusted p-values are R's `p.adjust(p, "BH")`: p_(k)·m/k made monotone from
 * the largest down, at most 1 (docs/methods.md#false-discovery-rate).
 */

export interface FalseDiscovery {
  /** Each test's adjusted p-value, in the order given. */
  adjusted: number[];
  /** Whether each test is significant at the rate (its adjusted p-value at most the rate). */
  significant: boolean[];
}

export function benjaminiHochberg(pValues: readonly number[], rate = 0.05): FalseDiscovery {
  if (!(rate > 0 && rate < 1)) throw new RangeError('rate must lie between 0 and 1');
  for (const p of pValues) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`a p-value must lie in [0, 1], got ${p}`);
  }
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m).fill(1);
  let running = 1;
  for (let k = m; k >= 1; k--) {
    const entry = order[k - 1];
    if (!entry) continue;
    running = Math.min(running, (entry.p * m) / k);
    adjusted[entry.index] = running;
  }
  return { adjusted, significant: adjusted.map((p) => p <= rate) };
}
