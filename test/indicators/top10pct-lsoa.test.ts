/**
 * police.top10pct_lsoa_share says when it is 100% by construction: the LSOAs with any crime
 * are no more than the top 10% holds (ceil(10%) of the area's LSOAs, those with none included).
 */
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../core/log.js';
import { run } from '../../pipeline/index.js';
import { baseConfig, query, workspace, writeReference } from '../helpers/workspace.js';

/** The share's row for violence with injury, on crimes in the given LSOAs of the two-LSOA area. */
async function shareFor(lsoas: string[]) {
  const ws = workspace('sna-top10-');
  writeReference(ws);
  const lines = lsoas.map((lsoa, i) => `C${i},2024-06-01,8N,${lsoa}`);
  ws.write(
    'crimes.csv',
    ['crime_ref,recorded_date,ho_offence_code,lsoa_code', ...lines].join('\n'),
  );
  ws.config(baseConfig('  police_crimes: crimes.csv'));
  await run(ws.path('sna.config.yaml'), { stages: ['ingest', 'indicators'], log: memoryLogger() });
  const [row] = await query<{
    numerator: number;
    denominator: number;
    value: number;
    note: string | null;
  }>(
    ws.path('out/sna.duckdb'),
    `SELECT numerator, denominator, value, note FROM indicator_values
     WHERE indicator_id = 'police.top10pct_lsoa_share' AND category = 'violence_with_injury'`,
  );
  return row;
}

describe('police.top10pct_lsoa_share', () => {
  it('notes a 100% that follows from the crimes lying in no more LSOAs than the top 10%', async () => {
    // Two LSOAs: the top 10% is ceil(0.2) = 1 LSOA. Six crimes all in one: 100%, by construction.
    const row = await shareFor(Array(6).fill('E01999001'));
    expect([row?.numerator, row?.denominator, row?.value]).toEqual([6, 6, 100]);
    // The extract covers June only, which the note says after the reason for the 100%.
    expect(row?.note?.split('; ')[0]).toBe(
      "100% by construction: the crimes lie in no more LSOAs than the top 10% (1 of the area's 2 LSOAs) holds",
    );
  }, 60_000);

  it('has no such note when the crimes spread over more LSOAs than the top 10%', async () => {
    const row = await shareFor([...Array(6).fill('E01999001'), 'E01999002', 'E01999002']);
    expect([row?.numerator, row?.denominator, row?.value]).toEqual([6, 8, 75]);
    expect(row?.note).toBe('data cover 1 of 12 months: June 2024');
  }, 60_000);
});
