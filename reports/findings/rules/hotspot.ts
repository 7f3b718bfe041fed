/**
 * Key findings rule 4: significant hot spots (`police.hotspot_gi`: Getis–Ord Gi* with the
 * Benjamini–Hochberg correction over the area's LSOAs), with the share of the category's crimes
 * they hold and its 95% CI (`police.hotspot_share`). Its subject is the wards the hot LSOAs lie
 * in, as the headline and the hot-spot map name them (`wardsMostHot`).
 */
import { categoryNames } from '../../headline/categories.js';
import { held } from '../../headline/facts.js';
import { capitalise, formatCount, formatPercent, joinWords } from '../../headline/format.js';
import { wardsMostHot } from '../../places-named.js';
import type { Candidate, Rule } from '../candidate.js';
import { isStatable, significantDirection } from '../gate.js';
import { intervalWords } from '../words.js';

export const hotSpots: Rule = (rows, { wardOfLsoa }): Candidate | null => {
  const hot = rows
    .all('police.hotspot_gi')
    .filter((r) => r.breakdown === 'lsoa' && significantDirection(r) === 'higher');
  const share = rows.one('police.hotspot_share');
  const lsoas = rows.one('police.hotspot_lsoa_share');
  if (hot.length === 0 || !isStatable(share) || !isStatable(lsoas)) return null;
  const codes = hot.map((r) => r.breakdown_value ?? '');
  // An LSOA the boundaries' lookup gives no ward stands for itself, so no place goes unsaid.
  const subject = [...new Set(codes.map((c) => wardOfLsoa.get(c) || c))].sort();
  const { named, wards } = wardsMostHot(codes, wardOfLsoa);
  const more = wards > named.length ? ' and elsewhere' : '';
  const where = named.length > 0 ? `, in ${joinWords(named)}${more},` : '';
  const names = categoryNames(rows.category);
  const verb = names.plural ? 'concentrate' : 'concentrates';
  return {
    rule: 'hotspot',
    category: rows.category,
    subject,
    claims: hot,
    direction: 'higher',
    support: [share, lsoas],
    text: `${capitalise(names.noun)} ${verb} in significant hot spots: ${formatCount(held(lsoas.numerator))} of the ${formatCount(held(lsoas.denominator))} neighbourhoods (LSOAs)${where} ${lsoas.numerator === 1 ? 'holds' : 'hold'} ${formatPercent(share.value)}% of it (${formatCount(held(share.numerator))} of ${formatCount(held(share.denominator))} crimes; ${intervalWords(share)}).`,
    also: (others) => `The hot spots of ${others} lie in these wards too.`,
    evidence: 'police.hotspot_gi',
  };
};
