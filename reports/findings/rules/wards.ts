/**
 * Key findings rule 5: wards whose rate is significantly above the area's wards together
 * (`police.rate_by_ward`, significance `higher`: the centre line of PHE's funnel lies below the
 * ward's 95% interval), each with its rate and interval, and "outside the 99.8% funnel limits"
 * where its note says so. The wards are named as the headline and the maps name them
 * (`wardsAbove`: at most three, highest rate first); its subject is every ward above.
 */
import { OUTSIDE_998_NOTE } from '../../../indicators/families/police-wards.js';
import { formatNumber, unitLabel } from '../../format/numbers.js';
import { categoryNames } from '../../headline/categories.js';
import { formatCount, joinWords } from '../../headline/format.js';
import { wardsAbove } from '../../places-named.js';
import type { PublishedRow } from '../../types.js';
import type { Candidate, Rule } from '../candidate.js';
import { isStatable, significantDirection } from '../gate.js';
import { intervalWords } from '../words.js';

const wardWords = (row: PublishedRow & { value: number }): string =>
  `${row.breakdown_value} (${formatNumber(row.value, row.unit)}; ${intervalWords(row)}${row.note?.includes(OUTSIDE_998_NOTE) ? `, ${OUTSIDE_998_NOTE}` : ''})`;

export const wardsAboveFunnel: Rule = (rows): Candidate | null => {
  const wardRows = rows.all('police.rate_by_ward');
  const centre = wardRows.find((r) => r.breakdown === 'none');
  const above = wardRows.filter(
    (r) => r.breakdown === 'ward' && significantDirection(r) === 'higher',
  );
  const named = wardsAbove(above);
  if (!isStatable(centre) || named.length === 0) return null;
  const rest = above.length - named.length;
  const list = [...named.map(wardWords), ...(rest > 0 ? [`${formatCount(rest)} more`] : [])];
  return {
    rule: 'wards_above',
    category: rows.category,
    subject: above.map((r) => r.breakdown_value ?? '').sort(),
    claims: above,
    direction: 'higher',
    support: [centre],
    text: `The rate of ${categoryNames(rows.category).noun} is significantly higher than across the area’s wards together (${formatNumber(centre.value, centre.unit)} ${unitLabel(centre.unit)}) in ${joinWords(list)}.`,
    also: (others) =>
      `The rates of ${others} are significantly higher in one or more of these wards too.`,
    evidence: 'police.rate_by_ward',
  };
};
