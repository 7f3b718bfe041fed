/** A published row for report tests: its status follows from its fields, as the pipeline sets it. */
import type { IndicatorId } from '../../indicators/generated/ids.js';
import type { PublishedRow } from '../../reports/types.js';

type Fields = Omit<Partial<PublishedRow>, 'indicator_id'> & { indicator_id?: string };

export function publishedRow(defaults: Fields, fields: Fields = {}): PublishedRow {
  const row = { ...defaults, ...fields } as Omit<PublishedRow, 'status' | 'indicator_id'> & {
    indicator_id: string;
    status?: PublishedRow['status'];
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
