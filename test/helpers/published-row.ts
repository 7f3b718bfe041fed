/**
 * A published row for report tests: the demo area's 2024/25 headline row with nothing in it,
 * `fields` over it, and its status following from its fields as the pipeline sets it.
 */
import type { IndicatorId } from '../../indicators/generated/ids.js';
import type { PublishedRow } from '../../reports/types.js';

type Fields = Omit<Partial<PublishedRow>, 'indicator_id'> & { indicator_id?: string };

const EMPTY = {
  indicator_id: 'police.count',
  category: 'violence_with_injury',
  area_code: 'E08999999',
  period_start: '2024-04-01',
  period_end: '2025-03-31',
  breakdown: 'none',
  breakdown_value: null,
  numerator: null,
  denominator: null,
  value: null,
  lower_ci95: null,
  upper_ci95: null,
  unit: 'count',
  significance: null,
  suppressed: false,
  method: 'count',
  note: null,
} as const;

export function publishedRow(...layers: Fields[]): PublishedRow {
  const row = Object.assign({}, EMPTY, ...layers) as Omit<PublishedRow, 'indicator_id'> & {
    indicator_id: string;
  };
  const status =
    row.status ??
    (row.suppressed
      ? 'suppressed'
      : row.note?.startsWith('not available') || row.note?.startsWith('no rows in the area')
        ? 'not_available'
        : row.value === null
          ? 'not_applicable'
          : 'published');
  // Tests name ids the registry may not declare (a legacy id): the type is the registry's.
  return { ...row, indicator_id: row.indicator_id as IndicatorId, status };
}
