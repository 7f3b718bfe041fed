/**
 * police.night_time_economy_licensed_share on planted crimes: of the town centre's weekend-night
 * violence with injury with a known location type, the share in or near licensed premises
 * (Wilson interval worked by hand); "not available", saying why, when the extract has no
 * location_type column, while the night-time share itself is still published.
 */
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../core/log.js';
import { timedNote } from '../../indicators/families/police-night-time-economy.js';
import { run } from '../../pipeline/index.js';
import { baseConfig, query, workspace } from '../helpers/workspace.js';

const HEADER = 'crime_ref,recorded_date,committed_date,committed_time,ho_offence_code,lsoa_code';
// 2024-06-07 is a Friday. E01999001 is in the town-centre ward, E01999003 is not.
const crime = (ref: string, date: string, time: string, lsoa: string, location: string) =>
  [ref, date, date, time, '8N', lsoa, location].join(',');
const night = (n: number, location: string, from: number) =>
  Array.from({ length: n }, (_, i) =>
    crime(
      `N${from + i}`,
      i % 2 ? '2024-06-08' : '2024-06-07',
      i % 2 ? '01:30' : '22:00',
      'E01999001',
      location,
    ),
  );
const CRIMES = [
  ...night(6, 'licensed_premises', 0), // counted, in or near licensed premises
  ...night(5, 'street', 10), // counted, elsewhere
  ...night(2, '', 20), // no location type: left out of both counts
  crime('X1', '2024-06-07', '19:59', 'E01999001', 'licensed_premises'), // before the night
  crime('X2', '2024-06-10', '00:30', 'E01999001', 'licensed_premises'), // Sunday night
  crime('X3', '2024-06-07', '22:00', 'E01999003', 'licensed_premises'), // not the town centre
  crime('X4', '2024-06-08', '04:00', 'E01999001', 'licensed_premises'), // after the night
  crime('X5', '2024-06-05', '12:00', 'E01999001', 'dwelling'), // a Wednesday
  crime('X6', '2024-06-05', '13:00', 'E01999001', 'dwelling'),
];

function writeArea(ws: ReturnType<typeof workspace>, crimes: string[], header: string): string {
  ws.write(
    'ref/geography.csv',
    [
      'lsoa_code,lsoa_name,ward_code,ward_name,lad_code,lad_name,beat,locality',
      'E01999001,Test 001A,E05999001,Centre,E08999999,Testshire,N1G1,North',
      'E01999003,Test 001C,E05999002,Outskirts,E08999999,Testshire,N1G2,North',
    ].join('\n'),
  );
  ws.write('ref/population.csv', 'area_code,year,sex,age,population\nE01999001,2025,M,20,1000\n');
  ws.write('extracts/crimes.csv', `${header}\n${crimes.join('\n')}\n`);
  return ws.config(
    baseConfig('  police_crimes: extracts/crimes.csv').replace(
      '  codes: [E08999999]',
      '  codes: [E08999999]\n  town_centre_wards: [E05999001]',
    ),
  );
}

async function shares(configPath: string) {
  await run(configPath, { stages: ['ingest', 'indicators'], log: memoryLogger() });
  return query<Record<string, unknown>>(
    configPath.replace(/sna\.config\.yaml$/, 'out/sna.duckdb'),
    `SELECT indicator_id, category, numerator, denominator, value, lower_ci95, upper_ci95, note, status
     FROM indicators_published WHERE indicator_id LIKE 'police.night_time_economy%share'
     ORDER BY indicator_id`,
  );
}

describe('police.night_time_economy_licensed_share', () => {
  it('shares out the town centre’s weekend-night crimes with a known location type', async () => {
    const ws = workspace('sna-nte-licensed-');
    const rows = await shares(writeArea(ws, CRIMES, `${HEADER},location_type`));
    const licensed = rows.find(
      (r) => r.indicator_id === 'police.night_time_economy_licensed_share',
    );
    expect(licensed).toMatchObject({
      category: 'violence_with_injury',
      numerator: 6,
      denominator: 11,
      status: 'published',
    });
    // 6 / 11, Wilson: (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n), worked by hand.
    expect(Number(licensed?.value)).toBeCloseTo(54.545454545, 6);
    expect(Number(licensed?.lower_ci95)).toBeCloseTo(28.009153741, 6);
    expect(Number(licensed?.upper_ci95)).toBeCloseTo(78.728728378, 6);
  }, 60_000);

  it('is not available, saying why, when the extract has no location_type', async () => {
    const ws = workspace('sna-nte-no-location-');
    const withoutLocation = CRIMES.map((line) => line.slice(0, line.lastIndexOf(',')));
    const rows = await shares(writeArea(ws, withoutLocation, HEADER));
    expect(rows).toEqual([
      expect.objectContaining({
        indicator_id: 'police.night_time_economy_licensed_share',
        category: 'violence_with_injury',
        value: null,
        status: 'not_available',
        note: 'not available: needs police_crimes.location_type',
      }),
      expect.objectContaining({
        indicator_id: 'police.night_time_economy_share',
        numerator: 13,
        status: 'published',
      }),
    ]);
  }, 60_000);
});

describe('timedNote (police.night_time_economy_by_ward)', () => {
  const context = { config: { thresholds: { suppressBelow: 5 } } } as Parameters<
    typeof timedNote
  >[2];

  it('says what share of the period’s crimes the ward counts can see, never a small count', () => {
    expect(timedNote(1327, 1234, context)).toBe(
      "counted over crimes with a known time: 93% of the period's (1,234 of 1,327); the rest cannot be placed in a night",
    );
    expect(timedNote(40, 40, context)).toBe('every crime of the period has a known time');
    expect(timedNote(40, 37, context)).toBe(
      "counted over crimes with a known time: all but fewer than 5 of the period's",
    );
    expect(timedNote(40, 3, context)).toBe(
      "counted over crimes with a known time: fewer than 5 of the period's have one",
    );
  });
});
