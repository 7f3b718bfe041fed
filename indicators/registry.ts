/**
 * The indicator registry: every family, in report order. Adding an indicator is adding its
 * declaration (and its computation) to a family; adding a family is one line here.
 */

import type { IndicatorDefinition, IndicatorFamily } from './define.js';
import { aeFamily } from './families/ae.js';
import { headlineMeasuresFamily } from './families/headline-measures.js';
import { peopleFamily } from './families/people.js';
import { policeCountsFamily } from './families/police-counts.js';
import { policePlaceFamily } from './families/police-place.js';
import { repeatAddressesFamily } from './families/repeat-addresses.js';
import { youthJusticeFamily } from './families/youth-justice.js';

export const FAMILIES: readonly IndicatorFamily[] = [
  policeCountsFamily,
  policePlaceFamily,
  peopleFamily,
  repeatAddressesFamily,
  aeFamily,
  youthJusticeFamily,
  headlineMeasuresFamily,
];

export const INDICATORS: readonly IndicatorDefinition[] = FAMILIES.flatMap((f) => f.indicators);

/** Every problem with the registry at once: duplicate ids, ids that do not name their family. */
export function registryProblems(families: readonly IndicatorFamily[] = FAMILIES): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const family of families) {
    for (const indicator of family.indicators) {
      const earlier = seen.get(indicator.id);
      if (earlier)
        problems.push(`${indicator.id}: declared twice (families ${earlier} and ${family.name})`);
      seen.set(indicator.id, family.name);
      if (!/^[a-z]+\.[a-z0-9_]+$/.test(indicator.id)) {
        problems.push(`${indicator.id}: ids are <source>.<snake_case_name>`);
      }
    }
  }
  return problems;
}

export function indicatorById(id: string): IndicatorDefinition {
  const found = INDICATORS.find((i) => i.id === id);
  if (!found) throw new Error(`unknown indicator ${id}`);
  return found;
}
