/**
 * The indicator registry: every family file's declarations, checked against the closed
 * vocabularies of define.ts. Adding an indicator is adding its declaration file.
 */

import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SOURCES } from '../core/config.js';
import { categoryById } from './categories.js';
import {
  BREAKDOWNS,
  COLUMN_NEEDS,
  CONFIG_NEEDS,
  COUNTED_COLUMNS,
  type IndicatorDefinition,
  type IndicatorFamily,
  type IndicatorRow,
  isGeneric,
  METHOD_FALLBACKS,
  METHODS,
  POLARITIES,
  SIGNIFICANCES,
  sourcesOfNeed,
  UNITS,
} from './define.js';
import { INDICATOR_IDS, type IndicatorId } from './generated/ids.js';
import { runnerProblem } from './runner.js';

/**
 * Every file under `families/` that exports a `family` (the others are helpers), in the
 * families' declared order: adding an indicator is adding a file there.
 */
async function discoverFamilies(): Promise<IndicatorFamily[]> {
  const folder = join(dirname(fileURLToPath(import.meta.url)), 'families');
  // Sources under tsx and vitest, compiled files under dist/.
  const files = readdirSync(folder)
    .filter((f) => (f.endsWith('.ts') && !f.endsWith('.d.ts')) || f.endsWith('.js'))
    .sort();
  const modules = await Promise.all(
    files.map(
      (f) => import(pathToFileURL(join(folder, f)).href) as Promise<{ family?: IndicatorFamily }>,
    ),
  );
  return modules
    .map((m) => m.family)
    .filter((f): f is IndicatorFamily => f !== undefined)
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

export const FAMILIES: readonly IndicatorFamily[] = await discoverFamilies();

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
  // A count of areas is public; a count of people must be listed, so one measure cannot be both.
  for (const side of ['numerator', 'denominator'] as const) {
    if (indicator[side]?.counts === 'areas' && indicator.disclosure.includes(side)) {
      problems.push(`${where}.disclosure: lists "${side}", which counts areas`);
    }
  }
  for (const breakdown of indicator.breakdowns) {
    if (!oneOf(BREAKDOWNS, breakdown)) problems.push(`${where}.breakdowns: unknown "${breakdown}"`);
  }
  for (const need of indicator.needs) {
    if (typeof need === 'object' && 'config' in need && !(need.config in CONFIG_NEEDS)) {
      problems.push(`${where}.needs: unknown setting "${need.config}"`);
    }
    if (typeof need === 'object' && 'column' in need && !(need.column in COLUMN_NEEDS)) {
      problems.push(`${where}.needs: unknown column "${need.column}"`);
    }
    for (const source of sourcesOfNeed(need)) {
      if (!oneOf(SOURCES, source)) problems.push(`${where}.needs: unknown source "${source}"`);
    }
  }
  if (!oneOf(METHODS, indicator.method))
    problems.push(`${where}.method: unknown method "${indicator.method}"`);
  if (isGeneric(indicator)) {
    const problem = runnerProblem(indicator);
    if (problem) problems.push(`${where}.${problem}`);
  }
  for (const category of indicator.categories ?? []) {
    if (!categoryById(category)) problems.push(`${where}.categories: unknown "${category}"`);
  }
  if (indicator.breakdowns.length === 0)
    problems.push(`${where}.breakdowns: at least one (none for a headline value)`);
  return problems;
}

/** The declaration of an id. */
export function indicatorById(id: IndicatorId): IndicatorDefinition {
  const found = INDICATORS.find((i) => i.id === id);
  if (!found) throw new Error(`unknown indicator "${id}"`);
  return found;
}

/**
 * Checks ids named outside the registry (by a chart, the headline): an unknown id is an error
 * naming it and who named it, never a chart or sentence silently left out.
 */
export function checkIndicatorIds(ids: readonly string[], who: string): void {
  const known = new Set(INDICATORS.map((i) => i.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new Error(`${who} names unknown indicator ${unknown.map((id) => `"${id}"`).join(', ')}`);
  }
}

/** A computed row that its declaration does not allow (a breakdown it did not declare). */
export function rowProblem(
  row: IndicatorRow,
  indicator: IndicatorDefinition | undefined,
): string | undefined {
  if (!indicator) return `${row.indicator_id}: a row for an undeclared indicator`;
  // A row saying why there is no value has no breakdown whatever the indicator's are: notRunRow
  // writes them, for the inputs compute finds absent and for what a family finds itself.
  const saysWhy =
    (row.status === 'not_available' || row.status === 'not_applicable') &&
    row.breakdown === 'none' &&
    Boolean(row.note);
  if (!saysWhy && !indicator.breakdowns.includes(row.breakdown)) {
    return `${row.indicator_id}: breakdown "${row.breakdown}" is not among its declared ${indicator.breakdowns.join(', ')}`;
  }
  const methods: readonly string[] = [
    indicator.method,
    ...(METHOD_FALLBACKS[indicator.method] ?? []),
  ];
  if (!methods.includes(row.method)) {
    return `${row.indicator_id}: method "${row.method}" is not its declared ${methods.join(' or ')}`;
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
      // The subject (police, victims, ae, yj, hm, …) then what is measured.
      if (!/^[a-z]+\.[a-z0-9_]+$/.test(indicator.id)) {
        problems.push(`${indicator.id}: ids are <subject>.<snake_case_name>`);
      }
      problems.push(...declarationProblems(indicator));
    }
  }
  const generated = new Set<string>(INDICATOR_IDS);
  const declared = new Set(seen.keys());
  const stale = [
    ...[...declared].filter((id) => !generated.has(id)),
    ...[...generated].filter((id) => !declared.has(id)),
  ];
  if (families === FAMILIES && stale.length > 0) {
    problems.push(
      `indicators/generated/ids.ts is stale (${stale.join(', ')}): run \`npm run docs\``,
    );
  }
  return problems;
}
