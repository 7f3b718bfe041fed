/**
 * The Getis–Ord local Gi* statistic as a z-score, for each area: how far the sum of the values
 * of an area and its neighbours lies from what the whole map's mean would give, in standard
 * errors (Getis & Ord 1992; Ord & Getis 1995). Binary weights: each neighbour and the area
 * itself weigh 1. The variance is the analytical one under normality, as PySAL's
 * `esda.G_Local(star=True)` and R's `spdep::localG` (with `include.self`) compute it:
 *
 *   z_i = (Σ_j w_ij x_j − W_i x̄) / (s √((n W_i − W_i²) / (n − 1))),  s² = Σ (x − x̄)² / n,
 *
 * W_i the area's neighbours plus one. Hand-written: `@geoda/lisa` gives permutation pseudo
 * p-values and a ratio, not this z (docs/methods.md#getis-ord-gi).
 */

export interface GiStarInput {
  /** One value per area (a count or a rate). */
  values: readonly number[];
  /** For each area, the indices of its neighbours (itself left out; it is added as weight 1). */
  neighbours: ReadonlyArray<readonly number[]>;
}

/**
 * The Gi* z-score of each area; null where it is undefined: every value equal (no spread), or
 * an area whose neighbours are every other area (W_i = n).
 */
export function getisOrdGiStar({ values, neighbours }: GiStarInput): Array<number | null> {
  const n = values.length;
  if (n < 2) throw new RangeError('Gi* needs at least two areas');
  if (neighbours.length !== n) {
    throw new RangeError(
      `neighbours must list one entry per value (${neighbours.length} for ${n})`,
    );
  }
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError('values must be finite numbers');
  }
  neighbours.forEach((list, i) => {
    for (const j of list) {
      if (!Number.isInteger(j) || j < 0 || j >= n) {
        throw new RangeError(`area ${i}: neighbour ${j} is not an area index (0 to ${n - 1})`);
      }
      if (j === i) throw new RangeError(`area ${i} lists itself as a neighbour`);
    }
    if (new Set(list).size !== list.length) throw new RangeError(`area ${i}: a neighbour twice`);
  });
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  const spread = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / n);
  return neighbours.map((list, i) => {
    const weight = list.length + 1;
    const local = list.reduce((sum, j) => sum + (values[j] ?? 0), values[i] ?? 0);
    const variance = (n * weight - weight * weight) / (n - 1);
    if (spread === 0 || variance <= 0) return null;
    return (local - weight * mean) / (spread * Math.sqrt(variance));
  });
}
