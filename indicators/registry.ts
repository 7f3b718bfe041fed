/**
 * The indicator registry: every family, in report order. Adding an indicator is adding its
 * declaration (and its computation) to a family; adding a family is one line here.
 */

import { SOURCES } from '../core/config.js';
import {
  BREAKDOWNS,
  COUNTED_COLUMNS,
  type IndicatorDefinition,
  type IndicatorFamily,
  type IndicatorRow,
  POLARITIES,
  SIGNIFICANCES,
  UNITS,
} from './define.js';
import { aeFamily } from './families/ae.js';
import { asbFamily } from './families/asb.js';
import { headlineMeasuresFamily } from './families/headline-measures.js';
import { peopleFamily } from './families/people.js';
import { peopleByAgeSexFamily } from './families/people-by-age-sex.js';
import { policeComparatorsFamily } from './families/police-comparators.js';
import { policeCountsFamily } from './families/police-counts.js';
import { policePlaceFamily } from './families/police-place.js';
import { policeTimeFamily } from './families/police-time.js';
import { policeTopLsoasFamily } from './families/police-top-lsoas.js';
import { repeatAddressesFamily } from './families/repeat-addresses.js';
import { youthJusticeFamily } from './families/youth-justice.js';

export const FAMILIES: readonly IndicatorFamily[] = [
  policeCountsFamily,
  policeTimeFamily,
  policePlaceFamily,
  policeTopLsoasFamily,
  policeComparatorsFamily,
  peopleFamily,
  peopleByAgeSexFamily,
  repeatAddressesFamily,
  aeFamily,
  youthJusticeFamily,
  headlineMeasuresFamily,
  asbFamily,
];

export const INDICATORS: readonly IndicatorDefinition[] = FAMILIES.flatMap((f) => f.indicators);

const oneOf = (list: readonly string[], value: string) => list.includes(value);

/** What is wrong with one declaration, against the closed vocabularies of define.ts. */
function declarationProblems(indicator: IndicatorDefinition): string[] {
  const problems: string[] = [];
  const where = indicator.id;
  if (!oneOf(UNITS, indicator.unit))
    problems.push(`${where}.unit: unknown unit "${indicator.unit}"`);
  if (!oneOf(POLARITIES, indicator.polarity))
    problems.push(`${where}.polarity: unknown "${indicator.polarity}"`);
  for (const column of indicator.disclosure) {
    if (!oneOf(COUNTED_COLUMNS, column))
      problems.push(`${where}.disclosure: unknown column "${column}"`);
  }
  // A value whose unit is a count is a count of something; any other value is not, and a
  // percentage of 3 must not be taken for 3 people.
  const known = oneOf(UNITS, indicator.unit);
  if (known && (indicator.unit === 'count') !== indicator.disclosure.includes('value')) {
    problems.push(
      `${where}.disclosure: lists "value" exactly when the unit is count (unit ${indicator.unit})`,
    );
  }
  for (const breakdown of indicator.breakdowns) {
    if (!oneOf(BREAKDOWNS, breakdown)) problems.push(`${where}.breakdowns: unknown "${breakdown}"`);
  }
  for (const source of indicator.needs.flat()) {
    if (!oneOf(SOURCES, source)) problems.push(`${where}.needs: unknown source "${source}"`);
  }
  if (indicator.breakdowns.length === 0)
    problems.push(`${where}.breakdowns: at least one (none for a headline value)`);
  return problems;
}

/** A computed row that its declaration does not allow (a breakdown it did not declare). */
export function rowProblem(
  row: IndicatorRow,
  indicator: IndicatorDefinition | undefined,
): string | undefined {
  if (!indicator) return `${row.indicator_id}: a row for an undeclared indicator`;
  if (!indicator.breakdowns.includes(row.breakdown)) {
    return `${row.indicator_id}: breakdown "${row.breakdown}" is not among its declared ${indicator.breakdowns.join(', ')}`;
  }
  if (row.significance !== null && !oneOf(SIGNIFICANCES, row.significance)) {
    return `${row.indicator_id}: significance "${row.significance}" is not one of ${SIGNIFICANCES.join(', ')}`;
  }
  return undefined;
}

/** Every problem with the registry at once: duplicate ids, malformed ids and declarations. */
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
      problems.push(...declarationProblems(indicator));
    }
  }
  return problems;
}
