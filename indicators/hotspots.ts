/**
 * Hotspots as a test, not a colour: each LSOA's Getis–Ord Gi* z-score over its queen
 * neighbourhood, a two-sided p-value from the normal, and the Benjamini–Hochberg false discovery
 * rate across the area's LSOAs (docs/methods.md#getis-ord-gi, #false-discovery-rate). An LSOA
 * is `hot` when its adjusted p-value is at most the rate and z > 0, `cold` when z < 0.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { benjaminiHochberg, getisOrdGiStar } from './methods/index.js';

/** The false discovery rate hotspots are called at (stated in every note). */
export const HOTSPOT_FDR = 0.05;

/**
 * Below this many crimes in a category the normal approximation behind Gi*'s p-values is poor
 * (most LSOAs hold none): the test is not run, and the rows say why.
 */
export const MIN_HOTSPOT_CRIMES = 30;

export type HotspotClass = 'hot' | 'cold' | 'not significant';

export interface HotspotUnit {
  code: string;
  crimes: number;
  /** Codes of the unit's queen neighbours among the units tested (others are ignored). */
  neighbours: readonly string[];
}

export interface HotspotResult {
  code: string;
  crimes: number;
  /** Neighbours among the units tested. */
  neighbours: number;
  z: number | null;
  p: number | null;
  /** Benjamini–Hochberg adjusted p-value. */
  adjusted: number | null;
  class: HotspotClass;
}

/** Two-sided p-value of a standard normal z. */
export const twoSidedP = (z: number): number => 2 * (1 - normalCdf(Math.abs(z), 0, 1));

/** Gi* and FDR over the units given (each unit's neighbours outside the set are dropped). */
export function testHotspots(units: readonly HotspotUnit[], rate = HOTSPOT_FDR): HotspotResult[] {
  const index = new Map(units.map((u, i) => [u.code, i]));
  const neighbours = units.map((u) =>
    [...new Set(u.neighbours)]
      .map((code) => index.get(code))
      .filter((i): i is number => i !== undefined && units[i]?.code !== u.code),
  );
  const z = getisOrdGiStar({ values: units.map((u) => u.crimes), neighbours });
  const tested = z.flatMap((value, i) => (value === null ? [] : [{ i, p: twoSidedP(value) }]));
  const fdr = benjaminiHochberg(
    tested.map((t) => t.p),
    rate,
  );
  const adjusted = new Map(tested.map((t, k) => [t.i, fdr.adjusted[k] ?? 1]));
  const pOf = new Map(tested.map((t) => [t.i, t.p]));
  return units.map((unit, i) => {
    const value = z[i] ?? null;
    const adj = adjusted.get(i) ?? null;
    const significant = value !== null && adj !== null && adj <= rate;
    return {
      code: unit.code,
      crimes: unit.crimes,
      neighbours: neighbours[i]?.length ?? 0,
      z: value,
      p: pOf.get(i) ?? null,
      adjusted: adj,
      class: !significant ? 'not significant' : (value ?? 0) > 0 ? 'hot' : 'cold',
    };
  });
}
