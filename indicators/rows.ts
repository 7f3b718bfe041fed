/** Building indicator rows: defaults from the declaration and the run, estimates spread into columns. */
import type { Row } from '../core/database.js';
import {
  describeNeed,
  type IndicatorContext,
  type IndicatorDefinition,
  type IndicatorRow,
  type Need,
} from './define.js';
import type { Estimate, RateRatioEstimate } from './methods/index.js';

export type RowFields = Partial<IndicatorRow> & { category: string };

export function indicatorRow(
  context: IndicatorContext,
  definition: IndicatorDefinition,
  fields: RowFields,
): IndicatorRow {
  return {
    indicator_id: definition.id,
    area_code: context.areaCode,
    period_start: context.period.start,
    period_end: context.period.end,
    breakdown: 'none',
    breakdown_value: null,
    numerator: null,
    denominator: null,
    value: null,
    lower_ci95: null,
    upper_ci95: null,
    unit: definition.unit,
    significance: null,
    method: definition.method,
    note: null,
    ...fields,
  };
}

/** The estimate's value and limits as row fields (its method label wins over the declaration's). */
export function fromEstimate(estimate: Estimate): Partial<IndicatorRow> {
  return {
    value: estimate.value,
    lower_ci95: estimate.lower,
    upper_ci95: estimate.upper,
    method: estimate.method,
    note: estimate.note ?? null,
  };
}

/**
 * The one row of an indicator that has no value for a category, saying why: `not_available` (an
 * input is absent or does not cover the area) or `not_applicable` (the method does not apply:
 * too few crimes to test). It has no breakdown whatever the indicator's breakdowns are; the
 * registry accepts such a row (breakdown none, a why-not status and a note) from any indicator.
 */
export function notRunRow(
  context: IndicatorContext,
  definition: IndicatorDefinition,
  category: string,
  status: 'not_available' | 'not_applicable',
  note: string,
): IndicatorRow {
  return indicatorRow(context, definition, { category, note, status });
}

/** The row written for an indicator whose inputs are absent: no value, and the reason. */
export function notAvailableRow(
  context: IndicatorContext,
  definition: IndicatorDefinition,
  category: string,
  missing: readonly Need[],
): IndicatorRow {
  return notRunRow(
    context,
    definition,
    category,
    'not_available',
    `not available: needs ${missing.map(describeNeed).join(', ')}`,
  );
}

/**
 * The note of a rate whose population file was loaded but holds no residents for the area's
 * LSOAs (wrong LSOA vintage, another area): a data gap, not a missing source.
 */
export function noResidentsNote(who = 'residents'): string {
  return `no ${who} of the area's LSOAs in the population file (or only age bands that cannot give them)`;
}

/** How a row of a source with no row in the area begins its note (the headline reads it). */
export const NO_AREA_ROWS = 'no rows in the area';

/** The note of a month its source has no rows for: blank, not a zero. */
export const NO_DATA_FOR_MONTH = 'no data for this month (the source has no rows in it)';

/** Aggregates already run for a context (one indicators stage), by name. */
const computed = new WeakMap<IndicatorContext, Map<string, Promise<Row[]>>>();

/**
 * Reads the rows of the aggregate model `agg_<name>` (pipeline/sql/aggregates/, built with the
 * other models), once per indicators stage: families that share an aggregate share its rows.
 * Each caller gets its own array; the rows are read, never changed.
 */
export async function aggregate<T extends Row>(
  context: IndicatorContext,
  name: string,
): Promise<T[]> {
  const byName = computed.get(context) ?? new Map<string, Promise<Row[]>>();
  computed.set(context, byName);
  let rows = byName.get(name);
  if (!rows) {
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not an aggregate name: ${name}`);
    rows = context.db.all<T>(`SELECT * FROM agg_${name}`);
    byName.set(name, rows);
  }
  return [...(await rows)] as T[];
}

export const num = (value: unknown): number =>
  value === null || value === undefined ? 0 : Number(value);

/** A count ratio as a percentage change (ratio 1.13 → +13%), limits and significance kept. */
export function percentChange(ratio: RateRatioEstimate): Partial<IndicatorRow> {
  const change = (r: number | null) => (r === null ? null : 100 * (r - 1));
  return {
    value: change(ratio.value),
    lower_ci95: change(ratio.lower),
    upper_ci95: change(ratio.upper),
    significance: ratio.value === null ? null : ratio.significance,
    method: ratio.method,
    note: ratio.note ?? null,
  };
}
