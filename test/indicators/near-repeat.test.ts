/** police.near_repeat: band labels, rows per category × cell, and when it is not available. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SPATIAL_DEFAULTS } from '../../core/config.js';
import { Database } from '../../core/database.js';
import type { IndicatorContext } from '../../indicators/define.js';
import { family, nearRepeatRows } from '../../indicators/families/police-near-repeat.js';
import type { KnoxCount } from '../../indicators/spatial/knox-counts.js';
import { projectCrimePoints } from '../../indicators/spatial/project-points.js';

let db: Database;
beforeEach(async () => {
  db = await Database.open(':memory:');
});
afterEach(() => db.close());

const contextOf = (database: Database): IndicatorContext =>
  ({
    db: database,
    areaCode: 'E08999999',
    config: {
      thresholds: { suppressBelow: 5 },
      spatial: {
        ...SPATIAL_DEFAULTS,
        nearRepeat: { spaceBandsM: [100, 200], timeBandsDays: [7, 14], iterations: 4, seed: 3 },
      },
    },
    period: { start: '2024-04-01', end: '2025-03-31' },
    log: { info: () => {}, warn: () => {}, debug: () => {}, error: () => {} },
  }) as unknown as IndicatorContext;

describe('nearRepeatRows', () => {
  it('gives every band cell of each category a row: ratio, observed, expected, p in the note', () => {
    const count = (iteration: number, space_band: number, time_band: number, pairs: number) =>
      ({ category: 'robbery', iteration, space_band, time_band, pairs }) as KnoxCount;
    // Cell 1,1: observed 8 against 1, 2, 0, 1 (mean 1): ratio 8, p = (1 + 0) / 5 = 0.2 with 4
    // permutations: too few to call it higher. Cell 2,2: none observed or simulated: no ratio.
    const rows = nearRepeatRows(
      contextOf(db),
      [count(0, 1, 1, 8), count(1, 1, 1, 1), count(2, 1, 1, 2), count(4, 1, 1, 1)],
      ['robbery'],
    );
    expect(rows.map((r) => r.breakdown_value)).toEqual([
      '0–100 m, 0–7 days',
      '0–100 m, 8–14 days',
      '100–200 m, 0–7 days',
      '100–200 m, 8–14 days',
    ]);
    const [first, , , last] = rows;
    expect([first?.numerator, first?.denominator, first?.value, first?.significance]).toEqual([
      8,
      1,
      8,
      'similar',
    ]);
    expect(first?.note).toBe('p (higher) = 0.200, p (lower) = 1.000; 4 permutations, seed 3');
    expect([last?.numerator, last?.value, last?.significance]).toEqual([0, null, null]);
    expect(rows.every((r) => r.method === 'knox_monte_carlo')).toBe(true);
  });
});

describe('the near-repeat family', () => {
  it('is not available on police.uk months, saying why', async () => {
    await db.run(`CREATE TABLE int_police_source AS SELECT 'police_uk_street' AS police_source`);
    const rows = (await family.compute?.(contextOf(db))) ?? [];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe('not_available');
    expect(rows[0]?.note).toMatch(/police\.uk dates crimes by month only/);
  });

  it('is not available when no crime in the extracts has coordinates', async () => {
    await db.run(`CREATE TABLE int_police_source AS SELECT 'police_crimes' AS police_source`);
    await db.run(`CREATE TABLE run_config AS
      SELECT DATE '2024-04-01' AS period_start, DATE '2025-03-31' AS period_end`);
    await db.run(`CREATE TABLE fct_crime_points (category VARCHAR, crime_ref VARCHAR,
      source VARCHAR, offence_date DATE, date_exact BOOLEAN, committed_time TIME,
      lsoa_code VARCHAR, ward_code VARCHAR, longitude DOUBLE, latitude DOUBLE, easting DOUBLE,
      northing DOUBLE)`);
    await projectCrimePoints(db);
    const rows = (await family.compute?.(contextOf(db))) ?? [];
    expect(rows.map((r) => [r.status, r.note])).toEqual([
      [
        'not_available',
        'not available: no two crimes of a category in the period have coordinates (easting and northing, or longitude and latitude, in the police extracts)',
      ],
    ]);
  });

  it('computes the cells of each category from points sent in either pair', async () => {
    await db.run(`CREATE TABLE int_police_source AS SELECT 'police_crimes' AS police_source`);
    await db.run(`CREATE TABLE run_config AS
      SELECT DATE '2024-04-01' AS period_start, DATE '2025-03-31' AS period_end`);
    // Two robberies 50 m and 2 days apart (one sent in metres, one in degrees) and one far away.
    await db.run(`CREATE TABLE fct_crime_points AS SELECT * FROM (VALUES
      ('robbery', 'A', 'police_crimes', DATE '2024-05-01', true, NULL::TIME, NULL, NULL, NULL::DOUBLE, NULL::DOUBLE, 338000.0, 390000.0),
      ('robbery', 'B', 'police_crimes', DATE '2024-05-03', true, NULL, NULL, NULL, NULL, NULL, 338030.0, 390040.0),
      ('robbery', 'C', 'police_crimes', DATE '2024-09-03', true, NULL, NULL, NULL, -2.9, 53.45, NULL, NULL)
    ) t(category, crime_ref, source, offence_date, date_exact, committed_time, lsoa_code, ward_code,
        longitude, latitude, easting, northing)`);
    await projectCrimePoints(db);
    const rows = (await family.compute?.(contextOf(db))) ?? [];
    expect(rows).toHaveLength(4);
    expect(rows[0]?.numerator).toBe(1);
    expect(rows.slice(1).map((r) => r.numerator)).toEqual([0, 0, 0]);
  });
});
