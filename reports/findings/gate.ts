/**
 * The one gate every key finding passes (docs/methods.md#key-findings). A finding states a
 * difference, so it rests only on rows published with a value (never suppressed, not available
 * or not applicable), each row it claims a difference from is significant in the direction it
 * claims, and no row it rests on is one the indicators call "similar".
 */
import { hasValue } from '../headline/facts.js';
import type { PublishedRow } from '../types.js';

export type Direction = 'higher' | 'lower';

/**
 * A row whose value a finding may state: published, with a finite value. `hasValue` already
 * refuses suppressed and not-available rows; a not-applicable row (a zero denominator, a month
 * with no data) has no value either, but its status is checked too rather than trusted.
 */
export function isStatable(row: PublishedRow | undefined): row is PublishedRow & { value: number } {
  return hasValue(row) && row.status === 'published';
}

/**
 * The value a ratio is compared with when its row carries no `significance` of its own: Katz's
 * ratio of proportions (over-representation) is published with its 95% CI only, and is
 * significant when the interval excludes 1, as the headline's disproportionality sentence reads it.
 */
const NO_DIFFERENCE: Readonly<Record<string, number>> = { katz_log: 1 };

/** The direction of the significant difference a row shows, or null when it shows none. */
export function significantDirection(row: PublishedRow | undefined): Direction | null {
  if (!isStatable(row)) return null;
  if (row.significance === 'higher' || row.significance === 'lower') return row.significance;
  const none = NO_DIFFERENCE[row.method];
  if (row.significance !== null || none === undefined) return null;
  if (row.lower_ci95 !== null && row.lower_ci95 > none) return 'higher';
  if (row.upper_ci95 !== null && row.upper_ci95 < none) return 'lower';
  return null;
}

/**
 * The rows a finding rests on, or null when it may not be made: `claims` are the rows whose
 * difference it states (each significant, in `direction` unless that is 'either'), `support`
 * the rows whose values it states beside them (a count, the area's average), each statable and
 * none "similar". A row in both is kept once.
 */
export function findingFacts(
  claims: readonly PublishedRow[],
  direction: Direction | 'either',
  support: readonly PublishedRow[] = [],
): PublishedRow[] | null {
  if (claims.length === 0) return null;
  for (const claim of claims) {
    const found = significantDirection(claim);
    if (found === null || (direction !== 'either' && found !== direction)) return null;
  }
  for (const row of support) {
    if (!isStatable(row) || row.significance === 'similar') return null;
  }
  return [...new Set([...claims, ...support])];
}
