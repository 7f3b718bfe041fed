/**
 * From candidates to key findings (docs/methods.md#key-findings): every candidate passes the
 * gate or is dropped; a candidate about nothing an earlier one of its rule has not said (its
 * subject within the earlier's) is merged into it, named in one added sentence; then at most
 * MAX_PER_RULE findings of each rule, and MAX_FINDINGS in all, in the rules' order.
 */
import { categoryNames } from '../headline/categories.js';
import { capitalise, joinWords } from '../headline/format.js';
import type { Finding, FindingRule, PublishedRow } from '../types.js';
import { type Candidate, evidenceAnchor } from './candidate.js';
import { findingFacts } from './gate.js';
import { coverageOf } from './words.js';

/** The rules in the order their findings are listed: a change first, then place, then people. */
export const RULE_ORDER: readonly FindingRule[] = [
  'change',
  'above_comparators',
  'above_england',
  'hotspot',
  'wards_above',
  'over_represented',
];
export const MAX_PER_RULE = 3;
export const MAX_FINDINGS = 10;

interface Lead {
  candidate: Candidate;
  facts: PublishedRow[];
  merged: Array<{ candidate: Candidate; facts: PublishedRow[] }>;
}

const within = (inner: readonly string[], outer: readonly string[]): boolean =>
  inner.every((s) => outer.includes(s));

function toFinding({ candidate, facts, merged }: Lead): Finding {
  const names = merged.map((m) => categoryNames(m.candidate.category).noun);
  const also = names.length > 0 ? ` ${candidate.also(joinWords(names))}` : '';
  // Never a part presented as the whole: what the data cover, as the rows' notes say it.
  const covered = facts.map(coverageOf).find((c) => c !== null);
  return {
    rule: candidate.rule,
    category: candidate.category,
    subject: candidate.subject,
    text: `${candidate.text}${also}${covered ? ` ${capitalise(covered)}.` : ''}`,
    facts: [...new Set([...facts, ...merged.flatMap((m) => m.facts)])],
    evidence: evidenceAnchor(candidate.evidence),
  };
}

/** The key findings of candidates given in category order (each rule's in turn). */
export function selectFindings(candidates: readonly Candidate[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULE_ORDER) {
    const leads: Lead[] = [];
    for (const candidate of candidates.filter((c) => c.rule === rule)) {
      const facts = findingFacts(candidate.claims, candidate.direction, candidate.support);
      if (facts === null) continue;
      const lead = leads.find((l) => within(candidate.subject, l.candidate.subject));
      if (lead) lead.merged.push({ candidate, facts });
      else leads.push({ candidate, facts, merged: [] });
    }
    findings.push(...leads.slice(0, MAX_PER_RULE).map(toFinding));
  }
  return findings.slice(0, MAX_FINDINGS);
}
