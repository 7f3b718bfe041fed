/**
 * Key findings (docs/methods.md#key-findings): the few statements that matter most, each a
 * significant difference with its number, 95% interval, rows and evidence; and each headline
 * category in one short paragraph (`narrative`).
 */
import { CategoryRows } from '../headline/facts.js';
import type { Finding, PublishedRow } from '../types.js';
import type { Candidate, Rule, RuleContext } from './candidate.js';
import { significantChange } from './rules/change.js';
import { aboveComparators } from './rules/comparators.js';
import { aboveEngland } from './rules/england.js';
import { hotSpots } from './rules/hotspot.js';
import { overRepresented } from './rules/over-represented.js';
import { wardsAboveFunnel } from './rules/wards.js';
import { selectFindings } from './select.js';

export type { RuleContext } from './candidate.js';
export { narrative } from './narrative/index.js';

/** The basket's total, all serious violence (indicators/categories.ts): the sum of the others. */
const TOTAL = 'serious_violence';

const RULES: readonly Rule[] = [
  significantChange,
  aboveComparators,
  aboveEngland,
  hotSpots,
  wardsAboveFunnel,
  overRepresented,
];

/**
 * The categories in the order their candidates are weighed: the headline's, with the all
 * serious violence total last. The total is made of the other categories, so a hot spot, a
 * ward or a group it shows is usually one of theirs, stated with the category it belongs to.
 */
export function findingOrder(categories: readonly string[]): string[] {
  const parts = categories.filter((c) => c !== TOTAL);
  return parts.length < categories.length ? [...parts, TOTAL] : parts;
}

/** The key findings of a run's published rows over its headline categories. */
export function keyFindings(
  rows: readonly PublishedRow[],
  categories: readonly string[],
  context: RuleContext,
): Finding[] {
  const candidates = findingOrder(categories).flatMap((category) => {
    const categoryRows = new CategoryRows(category, rows);
    return RULES.map((rule) => rule(categoryRows, context)).filter(
      (c): c is Candidate => c !== null,
    );
  });
  return selectFindings(candidates);
}
