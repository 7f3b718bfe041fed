/**
 * police.uk anti-social behaviour counted in its own indicators (asb.*), still set aside from
 * crime; and the LSOAs with most crimes (police.top_lsoas), on a small table with planted answers.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../pipeline/outputs/manifest.js';
import { PLANTED, runStreetTable } from '../helpers/street-table.js';
import type { Workspace } from '../helpers/workspace.js';

type Csv = Array<Record<string, string>>;
const readCsv = (path: string): Csv => parse(readFileSync(path, 'utf8'), { columns: true }) as Csv;

describe('anti-social behaviour and top LSOAs from police.uk street files', () => {
  let ws: Workspace;
  let rows: Csv;
  const one = (id: string, category = 'anti_social_behaviour') =>
    rows.find((r) => r.indicator_id === id && r.category === category);
  const top = (id: string, category: string) =>
    rows.filter((r) => r.indicator_id === id && r.category === category);

  beforeAll(async () => {
    ws = await runStreetTable(['ingest', 'indicators']);
    rows = readCsv(ws.path('out/indicators.csv'));
  }, 60_000);

  it('counts the area’s ASB in the period, with its rate and change', () => {
    expect(Number(one('asb.count')?.value)).toBe(PLANTED.asbCount);
    // 14 incidents per 1,000 residents: the area's 1,000.
    expect(Number(one('asb.rate_per_1000')?.value)).toBeCloseTo(14, 10);
    expect(Number(one('asb.rate_per_1000')?.denominator)).toBe(1000);
    // The table's files do not cover every month of the previous period: no change is computed.
    const change = one('asb.change');
    expect([Number(change?.numerator), change?.denominator, change?.value]).toEqual([
      PLANTED.asbCount,
      '',
      '',
    ]);
    expect(change?.note).toContain('of the previous period');
  });

  it('still sets ASB rows aside from crime, with the same reason', () => {
    const manifest = JSON.parse(readFileSync(ws.path('out/manifest.json'), 'utf8')) as Manifest;
    const street = manifest.inputs.find((i) => i.source === 'police_uk_street');
    expect(street?.set_aside_reasons['anti-social behaviour (kept apart from crime)']).toBe(27);
    const crimeCategories = rows
      .filter((r) => r.indicator_id === 'police.count')
      .map((r) => r.category);
    expect(crimeCategories).not.toContain('anti_social_behaviour');
  });

  it('lists the LSOAs with most ASB, never naming one with fewer than suppress_below', () => {
    const asb = top('asb.top_lsoas', 'anti_social_behaviour');
    // 14 incidents: 001A 7, 001C 5, 001B 2. Listing 001C too would leave 14 − 7 − 5 = 2 for
    // 001B by subtraction from the published asb.count, so the list stops at 001A (7 left).
    expect(asb.map((r) => [r.breakdown, r.breakdown_value, Number(r.value)])).toEqual([
      ['lsoa', PLANTED.asbTop, PLANTED.asbTopCount],
    ]);
  });

  it('lists the LSOAs with most crimes per category, small counts left out', () => {
    const robbery = top('police.top_lsoas', 'robbery');
    const first = robbery.find((r) => r.breakdown_value === PLANTED.robberyTop);
    expect(Number(first?.value)).toBe(PLANTED.robberyTopCount);
    expect(robbery.find((r) => r.breakdown_value === 'Test 001A (E01999001)')).toBeUndefined();
    // Robbery: 13 crimes, 001B 6, another LSOA 5, 001A 2: the second would reveal 001A's 2.
    expect(robbery).toHaveLength(1);
    // Shoplifting happened in one LSOA only: no row for the LSOA without any.
    expect(top('police.top_lsoas', 'shoplifting').map((r) => r.breakdown_value)).toEqual([
      'Test 001B (E01999002)',
    ]);
  });

  it('writes no ASB rows when force extracts are loaded (the police.uk files are then unused)', async () => {
    const forced = await runStreetTable(
      ['ingest', 'indicators'],
      `crime_ref,recorded_date,ho_offence_code,lsoa_code\n${[1, 2, 3, 4, 5].map((i) => `C${i},2025-01-10,34B,E01999001`).join('\n')}\n`,
    );
    const withExtracts = readCsv(forced.path('out/indicators.csv'));
    expect(withExtracts.filter((r) => r.indicator_id?.startsWith('asb.'))).toEqual([]);
    expect(
      withExtracts.filter((r) => r.indicator_id === 'police.top_lsoas').map((r) => r.category),
    ).toContain('robbery_personal');
  }, 60_000);
});
