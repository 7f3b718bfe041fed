/**
 * Key findings rule 2: a rate significantly above the comparator areas taken together
 * (`police.comparators_combined_rate_per_1000`, whose significance is the area's 95% CI against
 * their pooled rate). England's rate, published in national mode only, is rule 3's (england.ts).
 */
import { formatNumber, unitLabel } from '../../format/numbers.js';
import { categoryNames } from '../../headline/categories.js';
import { formatRate } from '../../headline/format.js';
import type { Candidate, Rule } from '../candidate.js';
import { isStatable, significantDirection } from '../gate.js';
import { intervalWords } from '../words.js';

export const aboveComparators: Rule = (rows): Candidate | null => {
  const combined = rows.one('police.comparators_combined_rate_per_1000');
  const rate = rows.one('police.rate_per_1000');
  if (significantDirection(combined) !== 'higher' || !combined || !isStatable(rate)) return null;
  const noun = categoryNames(rows.category).noun;
  return {
    rule: 'above_comparators',
    category: rows.category,
    subject: [rows.category],
    claims: [combined],
    direction: 'higher',
    support: [rate],
    text: `The rate of ${noun}, ${formatNumber(rate.value, rate.unit)} crimes ${unitLabel(rate.unit)} (${intervalWords(rate)}), is significantly higher than the comparator areas’ together (${formatRate(combined.value ?? 0)}).`,
    also: () => '',
    evidence: 'police.comparators_combined_rate_per_1000',
  };
};
