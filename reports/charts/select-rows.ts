/**
 * Which published rows a chart may draw, and the datum each becomes in its spec. A row is
 * drawable when it has a value or is suppressed (drawn as "suppressed"); rows that are "not
 * available", or blank for another stated reason (no residents, a zero denominator), are not.
 */
import type { IndicatorId } from '../../indicators/generated/ids.js';
import { formatEstimate, formatLimits } from '../format/numbers.js';
import type { PublishedRow, ReportData } from '../types.js';
import type { IndicatorRows } from './define.js';
import { categoryTitle, SUPPRESSED_LABEL } from './format.js';

export function isDrawable(row: PublishedRow): boolean {
  return row.suppressed || row.value !== null;
}

/** The drawable rows of the given indicators, grouped by indicator id (empty ids left out). */
export function selectRows(data: ReportData, indicatorIds: readonly IndicatorId[]): IndicatorRows {
  const wanted = new Set<string>(indicatorIds);
  const selected = new Map<IndicatorId, PublishedRow[]>();
  for (const row of data.rows) {
    if (!wanted.has(row.indicator_id) || !isDrawable(row)) continue;
    const list = selected.get(row.indicator_id) ?? [];
    list.push(row);
    selected.set(row.indicator_id, list);
  }
  return selected;
}

/** The interval's limits as tooltips show them, blank when there are none. */
function limitTexts(row: PublishedRow): { lower_text: string; upper_text: string } {
  if (row.suppressed || row.lower_ci95 === null || row.upper_ci95 === null) {
    return { lower_text: '', upper_text: '' };
  }
  const [lower, upper] = formatLimits(row.value, row.lower_ci95, row.upper_ci95, row.unit);
  return { lower_text: lower, upper_text: upper };
}

/** A published row as it appears in a spec's data: its own numbers, untouched, plus labels. */
export type Datum = Pick<
  PublishedRow,
  | 'indicator_id'
  | 'category'
  | 'area_code'
  | 'breakdown_value'
  | 'numerator'
  | 'denominator'
  | 'value'
  | 'lower_ci95'
  | 'upper_ci95'
  | 'significance'
  | 'suppressed'
> & {
  category_title: string;
  suppressed_label: string;
  value_text: string;
  lower_text: string;
  upper_text: string;
} & Record<string, string | number | boolean | null>;

export function toDatum(
  row: PublishedRow,
  extra: Record<string, string | number | boolean | null> = {},
): Datum {
  return {
    indicator_id: row.indicator_id,
    category: row.category,
    category_title: categoryTitle(row.category),
    area_code: row.area_code,
    breakdown_value: row.breakdown_value,
    numerator: row.numerator,
    denominator: row.denominator,
    value: row.value,
    lower_ci95: row.lower_ci95,
    upper_ci95: row.upper_ci95,
    significance: row.significance,
    suppressed: row.suppressed,
    // The text a suppressed value is drawn as; empty for the rest, so one layer draws them all.
    suppressed_label: row.suppressed ? SUPPRESSED_LABEL : '',
    // The value and its interval as the report and the headline write them (format/numbers.ts).
    value_text:
      row.suppressed || row.value === null
        ? ''
        : formatEstimate(row.value, row.upper_ci95, row.unit),
    ...limitTexts(row),
    ...extra,
  };
}

/** Rows grouped by a key, groups in first-seen order (Node 20 has no Map.groupBy). */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
