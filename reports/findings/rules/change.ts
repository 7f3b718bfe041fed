/**
 * Key findings rule 1: a significant change on the previous period (`police.change`,
 * `ae.change`: the exact rate ratio's 95% CI excludes no change). "Knife crime fell 25% to 60
 * crimes in 2024/25 (95% CI 8% to 40% fewer), a significant decrease on the year before (80)."
 */
import { categoryById } from '../../../indicators/categories.js';
import type { IndicatorId } from '../../../indicators/generated/ids.js';
import { categoryNames } from '../../headline/categories.js';
import { formatCount } from '../../headline/format.js';
import { type Candidate, eventsOf, type Rule } from '../candidate.js';
import { isStatable, significantDirection } from '../gate.js';
import { changeIntervalWords, changeWords } from '../words.js';

/** The change indicator of each period count that has one (youth justice has none). */
const CHANGE_OF: Partial<Record<IndicatorId, IndicatorId>> = {
  'police.count': 'police.change',
  'ae.count': 'ae.change',
};

/** A category's period count and its change on the period before, where it has one. */
export function countAndChangeIds(category: string): { count: IndicatorId; change?: IndicatorId } {
  // A category a custom offence-group file adds is a police one, as the headline counts it.
  const count = categoryById(category)?.volume ?? 'police.count';
  const change = CHANGE_OF[count];
  return change ? { count, change } : { count };
}

export const significantChange: Rule = (rows, { period }): Candidate | null => {
  const { count: countId, change: changeId } = countAndChangeIds(rows.category);
  if (!changeId) return null;
  const count = rows.one(countId);
  const change = rows.one(changeId);
  const direction = significantDirection(change);
  if (!isStatable(count) || !change || change.denominator === null || direction === null) {
    return null;
  }
  const kind = direction === 'higher' ? 'increase' : 'decrease';
  return {
    rule: 'change',
    category: rows.category,
    subject: [rows.category],
    claims: [change],
    direction,
    support: [count],
    text: `${categoryNames(rows.category).title} ${changeWords(count.value, change.value ?? 0, eventsOf(rows.category))} in ${period.label} (${changeIntervalWords(change)}), a significant ${kind} on ${period.previous} (${formatCount(change.denominator)}).`,
    also: () => '',
    evidence: changeId,
  };
};
