/**
 * Which wards a reader is told about by name: the headline's sentences and the maps' labels call
 * the same rankings, so the wards a sentence names are the ones written on the map.
 */
import type { PublishedRow } from './types.js';

/** At most this many wards are named; the charts and tables show them all. */
export const WARDS_NAMED = 3;

/**
 * The wards significantly above the area's average (`police.rate_by_ward`, significance
 * `higher`), highest rate first, as many as are named. Suppressed wards are never named.
 */
export function wardsAbove(rows: readonly PublishedRow[]): (PublishedRow & { value: number })[] {
  return rows
    .filter(
      (r): r is PublishedRow & { value: number } =>
        r.breakdown === 'ward' && r.significance === 'higher' && !r.suppressed && r.value !== null,
    )
    .sort((a, b) => b.value - a.value)
    .slice(0, WARDS_NAMED);
}

/**
 * The wards holding most of the given hot-spot LSOAs, most first (ties by label), as many as are
 * named; and how many wards hold at least one. `wardOfLsoa` maps an LSOA to its ward's label.
 */
export function wardsMostHot(
  hotLsoas: readonly string[],
  wardOfLsoa: ReadonlyMap<string, string>,
): { named: string[]; wards: number } {
  const counts = new Map<string, number>();
  for (const lsoa of hotLsoas) {
    const ward = wardOfLsoa.get(lsoa);
    if (ward) counts.set(ward, (counts.get(ward) ?? 0) + 1);
  }
  const named = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, WARDS_NAMED)
    .map(([ward]) => ward);
  return { named, wards: counts.size };
}
