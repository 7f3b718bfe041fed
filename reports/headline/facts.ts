/**
 * Finding the published rows a sentence is made from, and saying which of them can be
 * stated: a row with a value, not suppressed and not "not available".
 */
import type { IndicatorId } from '../../indicators/generated/ids.js';
import type { PublishedRow } from '../types.js';

/** The published rows of one category, looked up by indicator id (and breakdown value). */
export class CategoryRows {
  private readonly byIndicator = new Map<IndicatorId, PublishedRow[]>();

  constructor(
    readonly category: string,
    rows: readonly PublishedRow[],
  ) {
    for (const row of rows) {
      if (row.category !== category) continue;
      const list = this.byIndicator.get(row.indicator_id) ?? [];
      list.push(row);
      this.byIndicator.set(row.indicator_id, list);
    }
  }

  /** The headline row (breakdown `none`, or the one row of a top-n indicator) of an id. */
  one(indicatorId: IndicatorId): PublishedRow | undefined {
    return this.byIndicator.get(indicatorId)?.[0];
  }

  /** Every row of an id, in the published order. */
  all(indicatorId: IndicatorId): PublishedRow[] {
    return this.byIndicator.get(indicatorId) ?? [];
  }
}

/** Rows whose source (or setting) is absent: they give no sentence at all. */
export const isNotAvailable = (row: PublishedRow): boolean => row.status === 'not_available';

/** A row whose value may be stated. */
export function hasValue(row: PublishedRow | undefined): row is PublishedRow & { value: number } {
  return (
    row !== undefined &&
    !row.suppressed &&
    !isNotAvailable(row) &&
    row.value !== null &&
    Number.isFinite(row.value)
  );
}

/** A row blanked by small-number suppression. */
export const isSuppressed = (row: PublishedRow | undefined): boolean => row?.suppressed === true;

/** The suppressed rows among some that may be missing. */
export const suppressedAmong = (rows: ReadonlyArray<PublishedRow | undefined>): PublishedRow[] =>
  rows.filter((row): row is PublishedRow => row?.suppressed === true);

/** A number the row holds, known to be present because the caller checked it. */
export function held(value: number | null): number {
  if (value === null || !Number.isFinite(value)) {
    throw new RangeError('a sentence asked for a number its row does not hold');
  }
  return value;
}
