/**
 * Key findings rule 6: an ethnic group over-represented among offenders
 * (`offenders.disproportionality`: the group's share of offenders of known ethnicity over its
 * share of residents, whose Katz 95% CI lies wholly above 1). One candidate per category, its
 * subject the groups over-represented, the surest excess (the highest lower limit) first. A group
 * under-represented is not a finding: with shares summing to one, it mirrors another's excess.
 * No indicator compares victims with residents, so no rule reads them.
 */
import { categoryNames } from '../../headline/categories.js';
import { held } from '../../headline/facts.js';
import { capitalise, formatCount, formatRate, joinWords } from '../../headline/format.js';
import { offendersOfGroup } from '../../headline/sentences/people.js';
import type { Candidate, Rule } from '../candidate.js';
import { significantDirection } from '../gate.js';
import { intervalWords } from '../words.js';

export const overRepresented: Rule = (rows): Candidate | null => {
  const over = rows
    .all('offenders.disproportionality')
    .filter((r) => r.breakdown_value && significantDirection(r) === 'higher')
    .sort((a, b) => (b.lower_ci95 ?? 0) - (a.lower_ci95 ?? 0));
  if (over.length === 0) return null;
  const groups = over.map((r) => r.breakdown_value ?? '');
  const stated = over.map(
    (r) =>
      `${offendersOfGroup(r.breakdown_value ?? '')} are ${formatRate(r.value ?? 0)} times (${intervalWords(r)}) what the area’s population would suggest (${formatCount(held(r.numerator))} of ${formatCount(held(r.denominator))} offenders with a known ethnicity)`,
  );
  return {
    rule: 'over_represented',
    category: rows.category,
    subject: [...groups].sort(),
    claims: over,
    direction: 'higher',
    support: [],
    text: `In ${categoryNames(rows.category).noun}, ${joinWords(stated)}.`,
    also: (others) =>
      capitalise(
        `${joinWords(groups.map(offendersOfGroup))} are over-represented in ${others} too.`,
      ),
    evidence: 'offenders.disproportionality',
  };
};
