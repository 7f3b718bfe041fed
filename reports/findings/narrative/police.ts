/**
 * A police category's paragraph after its first sentence: its rate against the comparator
 * areas, where it concentrates (significant hot spots, wards above the funnel) and who is
 * involved (victims under 25, groups over-represented among offenders). A place or a group is
 * named only where its row is significant; a comparison that is not is called similar.
 */
import { formatNumber, unitLabel } from '../../format/numbers.js';
import { formatPercent, formatRate, joinWords } from '../../headline/format.js';
import { offendersOfGroup } from '../../headline/sentences/people.js';
import { wardsAbove, wardsMostHot } from '../../places-named.js';
import type { HeadlineSentence, PublishedRow } from '../../types.js';
import { isStatable, significantDirection } from '../gate.js';
import type { RowFacts } from './row-facts.js';

/** "That is 3.9 crimes per 1,000 residents, significantly lower than the comparator areas together (5.1)". */
export function rateSentence(
  rate: PublishedRow | undefined,
  what: string,
  combined?: PublishedRow,
): HeadlineSentence | null {
  if (!isStatable(rate)) return null;
  const text = `that is ${formatNumber(rate.value, rate.unit)} ${what} ${unitLabel(rate.unit)}`;
  if (!isStatable(combined)) return { text, facts: [rate] };
  const direction = significantDirection(combined);
  const against = direction
    ? `significantly ${direction} than`
    : combined.significance === 'similar'
      ? 'similar to'
      : null;
  if (against === null) return { text, facts: [rate] };
  return {
    text: `${text}, ${against} the comparator areas together (${formatRate(combined.value)})`,
    facts: [rate, combined],
  };
}

/**
 * "34% of it lies in significant hot spots in Northfold and Kettlewick, and its rate is
 * significantly higher than across the area's wards together in Northfold, Ashcombe Moor and
 * Kettlewick".
 */
export function placeSentence(
  facts: RowFacts,
  wardOfLsoa: ReadonlyMap<string, string>,
): HeadlineSentence | null {
  const hot = facts
    .all('police.hotspot_gi')
    .filter((r) => r.breakdown === 'lsoa' && significantDirection(r) === 'higher');
  const share = facts.one('police.hotspot_share');
  const above = wardsAbove(
    facts.all('police.rate_by_ward').filter((r) => significantDirection(r) === 'higher'),
  );
  const parts: string[] = [];
  const used: PublishedRow[] = [];
  if (hot.length > 0 && isStatable(share)) {
    const { named } = wardsMostHot(
      hot.map((r) => r.breakdown_value ?? ''),
      wardOfLsoa,
    );
    const where = named.length > 0 ? ` in ${joinWords(named)}` : '';
    parts.push(`${formatPercent(share.value)}% of it lies in significant hot spots${where}`);
    used.push(share, ...hot);
  }
  if (above.length > 0) {
    parts.push(
      `its rate is significantly higher than across the area’s wards together in ${joinWords(above.map((r) => r.breakdown_value ?? ''))}`,
    );
    used.push(...above);
  }
  return parts.length > 0 ? { text: parts.join(', and '), facts: used } : null;
}

/** "44% of victims are under the age of 25, and Black offenders are 3.2 times what the area's population would suggest". */
export function peopleSentence(facts: RowFacts): HeadlineSentence | null {
  const under25 = facts.one('victims.under_25_pct');
  const over = facts
    .all('offenders.disproportionality')
    .filter((r) => significantDirection(r) === 'higher');
  const parts: string[] = [];
  const used: PublishedRow[] = [];
  if (isStatable(under25)) {
    parts.push(`${formatPercent(under25.value)}% of victims are under the age of 25`);
    used.push(under25);
  }
  for (const r of over) {
    parts.push(
      `${offendersOfGroup(r.breakdown_value ?? '')} are ${formatRate(r.value ?? 0)} times what the area’s population would suggest`,
    );
    used.push(r);
  }
  return parts.length > 0 ? { text: joinWords(parts), facts: used } : null;
}
