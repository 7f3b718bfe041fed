/**
 * Key findings rule 3 (national mode, issue 17): a rate above England's beyond the funnel plot's
 * 99.8% limits — the area's `police.district_rate_per_1000` `higher` (its 95% interval above the
 * England rate) with the note "outside the 99.8% funnel limits". At 95% almost every district
 * of a few hundred thousand residents differs from England; 99.8% is the funnel plot's own line
 * for a difference worth acting on. The rank among the districts, when published, is stated too.
 */
import { OUTSIDE_998_NOTE } from '../../../indicators/families/police-wards.js';
import { formatNumber, unitLabel } from '../../format/numbers.js';
import { categoryNames } from '../../headline/categories.js';
import { formatCount, formatRate } from '../../headline/format.js';
import { rankFromNearerEnd } from '../../headline/sentences/england.js';
import { beyond998 } from '../../national.js';
import type { Candidate, Rule } from '../candidate.js';
import { isStatable, significantDirection } from '../gate.js';
import { intervalWords } from '../words.js';

export const aboveEngland: Rule = (rows, context): Candidate | null => {
  if (!context.areaUnit) return null;
  const rate = rows
    .all('police.district_rate_per_1000')
    .find((r) => r.area_code === context.areaUnit);
  const england = rows.one('police.england_rate_per_1000');
  const rank = rows.one('police.rank_in_england');
  if (
    significantDirection(rate) !== 'higher' ||
    !beyond998(rate) ||
    !isStatable(rate) ||
    !isStatable(england)
  ) {
    return null;
  }
  const ranked = isStatable(rank) && rank.denominator !== null && rank.denominator >= 2;
  const place = ranked
    ? `: ${rankFromNearerEnd(rank.value, rank.denominator ?? 0)} of ${formatCount(rank.denominator ?? 0)} districts with complete data`
    : '';
  return {
    rule: 'above_england',
    category: rows.category,
    subject: [rows.category],
    claims: [rate],
    direction: 'higher',
    // A rank row calling the area similar to England would contradict the claim: the gate drops it.
    support: [england, ...(ranked && rank ? [rank] : [])],
    text: `The rate of ${categoryNames(rows.category).noun}, ${formatNumber(rate.value, rate.unit)} crimes ${unitLabel(rate.unit)} (${intervalWords(rate)}), is significantly higher than England’s (${formatRate(england.value)}), ${OUTSIDE_998_NOTE}${place}.`,
    also: () => '',
    evidence: 'police.district_rate_per_1000',
  };
};
