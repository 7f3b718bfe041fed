/**
 * Sentences about place: the top beat, the concentration in the busiest LSOAs, the wards above
 * the funnel, the link with deprivation, and repeat addresses.
 */

import { wardsAbove, wardsMostHot } from '../../places-named.js';
import type { HeadlineSentence, PublishedRow } from '../../types.js';
import type { CategoryNames } from '../categories.js';
import { hasValue, held, isSuppressed } from '../facts.js';
import { formatCount, formatPercent, formatRate, formatRho, joinWords } from '../format.js';
import { sentence } from './sentence.js';

/**
 * "20% of knife crime takes place in the N1G1 beat (12 of 60 crimes with a known beat)", from
 * `police.top_beat_share` (breakdown_value = the beat).
 */
export function topBeat(
  row: PublishedRow | undefined,
  names: CategoryNames,
): HeadlineSentence | null {
  if (!hasValue(row) || !row.breakdown_value) return null;
  const verb = names.plural ? 'take' : 'takes';
  return sentence(
    `${formatPercent(row.value)}% of ${names.noun} ${verb} place in the ${row.breakdown_value} beat (${formatCount(held(row.numerator))} of ${formatCount(held(row.denominator))} crimes with a known beat)`,
    [row],
  );
}

/**
 * "2% of violence with injury (7 of 339 crimes with a known time) happened in the town centre
 * on Friday and Saturday nights, between eight in the evening and four in the morning", from
 * `police.night_time_economy_share`, adding "; 40% of those with a known location type (6 of
 * 15) were in or near licensed premises" from `police.night_time_economy_licensed_share` when
 * that has a value. The hours are in words: every figure a sentence states is one of its facts.
 */
export function nightTimeEconomy(
  row: PublishedRow | undefined,
  names: CategoryNames,
  licensed?: PublishedRow,
): HeadlineSentence | null {
  if (!hasValue(row)) return null;
  const night = `${formatPercent(row.value)}% of ${names.noun} (${formatCount(held(row.numerator))} of ${formatCount(held(row.denominator))} crimes with a known time) happened in the town centre on Friday and Saturday nights, between eight in the evening and four in the morning`;
  if (!hasValue(licensed)) return sentence(night, [row]);
  return sentence(
    `${night}; ${formatPercent(licensed.value)}% of those with a known location type (${formatCount(held(licensed.numerator))} of ${formatCount(held(licensed.denominator))}) were in or near licensed premises`,
    [row, licensed],
  );
}

/**
 * "33% of crimes with a known location are in the 10% of neighbourhoods (LSOAs) with most
 * crime", from `police.top10pct_lsoa_share`; nothing when its note says the share is 100% by
 * construction (the crimes lie in no more LSOAs than the top 10% holds).
 */
export function topLsoaShare(row: PublishedRow | undefined): HeadlineSentence | null {
  // 100% whatever the pattern when the LSOAs with crime are no more than the top 10% holds.
  // 100% happens exactly when the crimes lie in no more LSOAs than the top 10% holds: true by
  // construction, so it says nothing of concentration.
  if (!hasValue(row) || row.value >= 100) return null;
  return sentence(
    `${formatPercent(row.value)}% of crimes with a known location are in the 10% of neighbourhoods (LSOAs) with most crime (${formatCount(held(row.numerator))} of ${formatCount(held(row.denominator))})`,
    [row],
  );
}

/**
 * "7 of the 60 neighbourhoods (LSOAs), in Northfold and Ashcombe Moor, are significant hot spots
 * of violence with injury, holding 31% of it (212 of 684 crimes)", from
 * `police.hotspot_lsoa_share`, `police.hotspot_share` and the hot LSOAs of `police.hotspot_gi`
 * (significance higher), their wards from the LSOA boundaries' lookup. Nothing unless at least
 * one LSOA is a significant hot spot.
 */
export function hotspot(
  lsoas: PublishedRow | undefined,
  share: PublishedRow | undefined,
  gi: readonly PublishedRow[],
  wardOfLsoa: ReadonlyMap<string, string>,
  names: CategoryNames,
): HeadlineSentence | null {
  const hot = gi.filter((r) => r.breakdown === 'lsoa' && r.significance === 'higher');
  if (!hasValue(share) || !hasValue(lsoas) || hot.length === 0) return null;
  const { named, wards } = wardsMostHot(
    hot.map((r) => r.breakdown_value ?? ''),
    wardOfLsoa,
  );
  const more = wards > named.length ? ' and elsewhere' : '';
  const where = named.length > 0 ? `, in ${joinWords(named)}${more},` : '';
  const verb = hot.length === 1 ? 'is a significant hot spot' : 'are significant hot spots';
  return sentence(
    `${formatCount(held(lsoas.numerator))} of the ${formatCount(held(lsoas.denominator))} neighbourhoods (LSOAs)${where} ${verb} of ${names.noun}, holding ${formatPercent(share.value)}% of it (${formatCount(held(share.numerator))} of ${formatCount(held(share.denominator))} crimes; Getis–Ord Gi* test, corrected for testing every neighbourhood)`,
    [lsoas, share, ...hot],
  );
}

const strength = (rho: number): string => {
  const size = Math.abs(rho);
  if (size >= 0.7) return 'strong';
  if (size >= 0.4) return 'moderate';
  return 'weak';
};

/**
 * The link with deprivation, from `police.imd_spearman`: rho between LSOA crime rates and IMD
 * rank (rank 1 = most deprived), so a negative rho means more crime where more deprived. The
 * indicator publishes no significance, so a link is claimed only when the 95% CI excludes 0.
 */
export function deprivation(row: PublishedRow | undefined): HeadlineSentence | null {
  if (!hasValue(row) || row.lower_ci95 === null || row.upper_ci95 === null) return null;
  const across = row.denominator === null ? '' : ` across ${formatCount(row.denominator)} LSOAs`;
  const rho = `Spearman’s rho ${formatRho(row.value)}${across}`;
  if (row.upper_ci95 < 0) {
    return sentence(
      `Crime rates are higher in more deprived neighbourhoods (a ${strength(row.value)} link: ${rho})`,
      [row],
    );
  }
  if (row.lower_ci95 > 0) {
    return sentence(
      `Crime rates are higher in less deprived neighbourhoods (a ${strength(row.value)} link: ${rho})`,
      [row],
    );
  }
  return sentence(
    `No significant link between crime rates and deprivation (${rho}, not significant)`,
    [row],
  );
}

/**
 * "26 addresses accounted for 120 crimes (of 322 with a known address)", from
 * `addresses.repeat_count` (value = repeat addresses, numerator = crimes at them,
 * denominator = crimes with a known address).
 */
export function repeatAddresses(row: PublishedRow | undefined): HeadlineSentence | null {
  if (!row) return null;
  if (isSuppressed(row)) {
    // Suppressed for a small number of addresses as for few crimes: never restate either.
    return sentence(
      'The numbers of repeat addresses and of the crimes at them are too small to publish',
      [row],
    );
  }
  if (!hasValue(row)) return null;
  if (row.value === 0) {
    return row.denominator ? sentence('No repeat addresses', [row]) : null;
  }
  const addresses = `${formatCount(row.value)} ${row.value === 1 ? 'address' : 'addresses'}`;
  const known =
    row.denominator === null ? '' : ` (of ${formatCount(row.denominator)} with a known address)`;
  return sentence(`${addresses} accounted for ${formatCount(held(row.numerator))} crimes${known}`, [
    row,
  ]);
}

/**
 * "Significantly higher crime rates than the area's wards together (3.8 per 1,000) in
 * Northfold (11) and Kettlewick (5.1)", from `police.rate_by_ward`: the wards outside the top of
 * the funnel (significance `higher`), highest rate first; nothing when no ward stands out.
 */
export function wardsAboveAverage(rows: readonly PublishedRow[]): HeadlineSentence | null {
  const centre = rows.find((r) => r.breakdown === 'none');
  if (!hasValue(centre)) return null;
  const above = wardsAbove(rows);
  if (above.length === 0) return null;
  const named = above.map((r) => `${r.breakdown_value} (${formatRate(r.value)})`);
  const list =
    named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
  return sentence(
    `Significantly higher crime rates than the area’s wards together (${formatRate(centre.value)} per 1,000) in ${list}`,
    [centre, ...above],
  );
}
