/** An indicator row with test defaults, and what `indicators_published` makes of some rows. */

import { Database } from '../../core/database.js';
import type { IndicatorRow } from '../../indicators/define.js';
import { storeIndicators } from '../../indicators/store.js';

export function testRow(
  defaults: Partial<IndicatorRow>,
  fields: Partial<IndicatorRow>,
): IndicatorRow {
  return {
    indicator_id: 'police.count',
    category: 'knife_crime',
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
    method: 'count',
    note: null,
    ...defaults,
    ...fields,
  };
}

/** Stores the rows in a throwaway database with suppress_below 5 and reads the published view. */
export async function publishRows(rows: IndicatorRow[], columns: string, orderBy: string) {
  const db = await Database.open(':memory:');
  try {
    await db.run('CREATE TABLE run_config AS SELECT 5 AS suppress_below');
    await storeIndicators(db, rows);
    return await db.all<Record<string, unknown>>(
      `SELECT ${columns} FROM indicators_published ORDER BY ${orderBy}`,
    );
  } finally {
    db.close();
  }
}
