/**
 * National units and their coverage (dim_national_force_months, dim_national_lsoa_forces,
 * dim_national_unit_lsoas, dim_national_units), each built from its own file over hand-made
 * upstream rows: a two-month period (August and September 2022) in which Cheshire sent August
 * only, a Lancashire district has one LSOA of Merseyside's cross-border rows, Wales has no
 * population, a group of two districts is one unit, and one district has no rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../core/database.js';
import { MODELS } from '../../../pipeline/sql/models.js';
import { buildModel } from '../../../pipeline/stages/build-models.js';

let db: Database;

const MERSEY = 'Merseyside Police';
const CHESHIRE = 'Cheshire Constabulary';
const WALES = 'North Wales Police';

/** LSOA, district, district name, force sending rows there (months), population. */
const LSOAS: [string, string, string, [string, string[]][], number | null][] = [
  ['E01000001', 'E08000012', 'Liverpool', [[MERSEY, ['08', '09']]], 100],
  ['E01000002', 'E08000012', 'Liverpool', [[MERSEY, ['08', '09']]], 100],
  ['E01000003', 'E06000050', 'Cheshire West', [[CHESHIRE, ['08']]], 100],
  ['E01000004', 'E06000050', 'Cheshire West', [[CHESHIRE, ['08']]], 100],
  ['E01000005', 'E06000050', 'Cheshire West', [[MERSEY, ['09']]], 100],
  ['E01000006', 'E07000127', 'West Lancashire', [[MERSEY, ['08', '09']]], 100],
  ['E01000007', 'E07000127', 'West Lancashire', [], 100],
  ['E01000008', 'E07000127', 'West Lancashire', [], 100],
  ['W01000001', 'W06000001', 'Anglesey', [[WALES, ['08', '09']]], null],
  ['E01000009', 'E08000015', 'Wirral', [[MERSEY, ['08', '09']]], 100],
  ['E01000010', 'E08000014', 'Sefton', [[MERSEY, ['08', '09']]], 50],
  ['E01000011', 'E07000125', 'Rossendale', [], 100],
];

beforeAll(async () => {
  db = await Database.open(':memory:');
  await db.run(
    `CREATE TABLE run_config AS SELECT DATE '2022-08-01' AS period_start, DATE '2022-09-30' AS period_end`,
  );
  await db.run(`CREATE TABLE run_national AS SELECT true AS is_national, 'force' AS comparator_auto,
    0 AS comparator_n, []::VARCHAR[] AS comparator_codes, 'E08000012' AS area_unit_code, 'Liverpool' AS area_unit_name`);
  await db.run(`CREATE TABLE run_national_groups AS SELECT * FROM (VALUES
    ('WIRRAL_AND_SEFTON', 'Wirral and Sefton', 'E08000015', false),
    ('WIRRAL_AND_SEFTON', 'Wirral and Sefton', 'E08000014', false)) t(unit_code, unit_name, lad_code, is_area)`);
  await db.run(
    `CREATE TABLE int_area_geography AS SELECT * FROM (VALUES ${LSOAS.map(
      ([lsoa, lad, name]) => `('${lsoa}', '${lad}', '${name}')`,
    ).join(', ')}) t(lsoa_code, lad_code, lad_name)`,
  );
  const counts = LSOAS.flatMap(([lsoa, , , forces]) =>
    forces.flatMap(([force, months]) =>
      months.map((m) => `(1, DATE '2022-${m}-01', '${force}', '${lsoa}', 'robbery', 3, 3)`),
    ),
  );
  await db.run(`CREATE TABLE int_street_row_counts AS SELECT * FROM (VALUES ${counts.join(', ')})
    t(file_id, month, falls_within, lsoa_code, category, rows, crimes)`);
  const people = LSOAS.filter(([, , , , p]) => p !== null).map(
    ([lsoa, , , , p]) => `('${lsoa}', 2015, 'P', 0, ${p}::DOUBLE)`,
  );
  await db.run(`CREATE TABLE dim_population AS SELECT * FROM (VALUES ${people.join(', ')})
    t(area_code, year, sex, age, population)`);
  for (const name of [
    'dim_national_force_months',
    'dim_national_lsoa_forces',
    'dim_national_unit_lsoas',
    'dim_national_units',
  ]) {
    const model = MODELS.find((m) => m.name === name);
    if (!model) throw new Error(`no model ${name}`);
    await buildModel(db, model);
  }
});

afterAll(() => db?.close());

describe('national units and their coverage', () => {
  it('knows which force covers which month of the period', async () => {
    expect(
      await db.all(
        `SELECT force, strftime(month, '%Y-%m') AS month, is_covered FROM dim_national_force_months ORDER BY force, month`,
      ),
    ).toEqual([
      { force: CHESHIRE, month: '2022-08', is_covered: true },
      { force: CHESHIRE, month: '2022-09', is_covered: false },
      { force: MERSEY, month: '2022-08', is_covered: true },
      { force: MERSEY, month: '2022-09', is_covered: true },
      { force: WALES, month: '2022-08', is_covered: true },
      { force: WALES, month: '2022-09', is_covered: true },
    ]);
  });

  it('makes a group one unit, says each unit’s coverage and why, and sums its residents', async () => {
    const units = await db.all(
      `SELECT unit_code, unit_name, is_area, country, force, population::INTEGER AS population,
              coverage, coverage_note, months_covered, months_in_period
       FROM dim_national_units ORDER BY unit_code`,
    );
    expect(units).toEqual([
      {
        unit_code: 'E06000050',
        unit_name: 'Cheshire West',
        is_area: false,
        country: 'E',
        force: CHESHIRE,
        population: 300,
        coverage: 'incomplete',
        coverage_note: `${CHESHIRE}: no file for 2022-09`,
        months_covered: 1,
        months_in_period: 2,
      },
      {
        unit_code: 'E07000125',
        unit_name: 'Rossendale',
        is_area: false,
        country: 'E',
        force: null,
        population: 100,
        coverage: 'no_data',
        coverage_note: 'no police.uk rows in any of its 1 LSOA',
        months_covered: 0,
        months_in_period: 2,
      },
      {
        unit_code: 'E07000127',
        unit_name: 'West Lancashire',
        is_area: false,
        country: 'E',
        // Merseyside's rows in one of three LSOAs do not make it West Lancashire's force.
        force: null,
        population: 300,
        coverage: 'incomplete',
        coverage_note: `its own force sent no rows: only 1 of its 3 LSOAs have rows, most from ${MERSEY} (rows placed outside its own force area)`,
        months_covered: 2,
        months_in_period: 2,
      },
      {
        unit_code: 'E08000012',
        unit_name: 'Liverpool',
        is_area: true,
        country: 'E',
        force: MERSEY,
        population: 200,
        coverage: 'complete',
        coverage_note: null,
        months_covered: 2,
        months_in_period: 2,
      },
      {
        unit_code: 'W06000001',
        unit_name: 'Anglesey',
        is_area: false,
        country: 'W',
        force: WALES,
        population: null,
        coverage: 'no_population',
        coverage_note: 'no population: the population file has residents for 0 of its 1 LSOA',
        months_covered: 2,
        months_in_period: 2,
      },
      {
        unit_code: 'WIRRAL_AND_SEFTON',
        unit_name: 'Wirral and Sefton',
        is_area: false,
        country: 'E',
        force: MERSEY,
        population: 150,
        coverage: 'complete',
        coverage_note: null,
        months_covered: 2,
        months_in_period: 2,
      },
    ]);
  });
});
