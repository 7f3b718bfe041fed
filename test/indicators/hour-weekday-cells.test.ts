/**
 * `police.by_hour_weekday` on a handful of planted crimes: which cell each falls in, the
 * recorded date standing in for a missing committed date, and crimes without a time left out.
 */
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../core/log.js';
import { run } from '../../pipeline/index.js';
import { baseConfig, query, workspace, writeReference } from '../helpers/workspace.js';

const HEADER = 'crime_ref,recorded_date,committed_date,committed_time,ho_offence_code,lsoa_code';
const CRIMES = [
  'C1,2024-06-02,2024-06-01,22:30,8N,E01999001', // Saturday 22:30
  'C2,2024-06-02,2024-06-01,23:59,8N,E01999001', // Saturday 23:59: same cell
  'C3,2024-06-03,2024-06-03,00:00,8N,E01999002', // Monday midnight
  'C4,2024-06-05,,14:00,8N,E01999001', // no committed date: Wednesday, the recorded date
  'C5,2024-06-06,2024-06-06,,8N,E01999001', // no time: not counted
  'C6,2023-06-01,2023-06-01,12:00,8N,E01999001', // before the period
  'C7,2024-07-01,2024-07-01,,34B,E01999001', // a robbery with no time
];

describe('police.by_hour_weekday on planted crimes', () => {
  it('puts each timed crime of the period in its weekday and three-hour band', async () => {
    const ws = workspace('sna-hour-weekday-');
    writeReference(ws);
    ws.write('extracts/crimes.csv', `${HEADER}\n${CRIMES.join('\n')}\n`);
    ws.config(baseConfig('  police_crimes: extracts/crimes.csv'));
    await run(ws.path('sna.config.yaml'), {
      stages: ['ingest', 'indicators'],
      log: memoryLogger(),
    });
    const cells = await query<{ category: string; breakdown_value: string; value: number }>(
      ws.path('out/sna.duckdb'),
      `SELECT category, breakdown_value, value FROM indicator_values
       WHERE indicator_id = 'police.by_hour_weekday'`,
    );
    const vwi = cells.filter((c) => c.category === 'violence_with_injury');
    expect(vwi).toHaveLength(56);
    const nonZero = Object.fromEntries(
      vwi.filter((c) => c.value !== 0).map((c) => [c.breakdown_value, c.value]),
    );
    expect(nonZero).toEqual({ 'Sat:21-23': 2, 'Mon:00-02': 1, 'Wed:12-14': 1 });
    expect(vwi.map((c) => c.breakdown_value)).toContain('Sun:03-05');
    // No robbery had a time: no cells, so no heatmap, rather than 56 zeros.
    expect(cells.filter((c) => c.category === 'robbery_personal')).toEqual([]);
  }, 60_000);
});
