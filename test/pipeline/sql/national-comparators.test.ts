/**
 * Comparators chosen by rule (pipeline/sql/marts/dim_national_comparators.sql) on small tables
 * made by hand: one test per rule, the neighbours against the TS method, and the comparators
 * file winning over the rule.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../../core/database.js';
import { nearestNeighbours } from '../../../indicators/methods/index.js';
import { MODELS } from '../../../pipeline/sql/models.js';
import { modelStatement } from '../../../pipeline/stages/build-models.js';

/** code, force, country, coverage, population, IMD score, region. */
const UNITS: [string, string | null, string, string, number, number, string][] = [
  ['E08000012', 'Merseyside Police', 'E', 'complete', 1_000, 10, 'NW'], // the area
  ['E08000011', 'Merseyside Police', 'E', 'complete', 10_000, 20, 'NW'],
  ['E08000013', 'Merseyside Police', 'E', 'incomplete', 100_000, 30, 'NW'],
  ['E06000050', null, 'E', 'incomplete', 1_000, 20, 'NW'],
  ['E06000001', 'Cleveland Police', 'E', 'complete', 5_000, 35, 'NE'],
  ['W06000001', 'North Wales Police', 'W', 'no_population', 2_000, 0, 'WA'],
];

let db: Database;

async function setUp(settings: { auto: string; n?: number; codes?: string[]; file?: boolean }) {
  await db.run(`CREATE OR REPLACE TABLE run_national AS SELECT true AS is_national,
    '${settings.auto}' AS comparator_auto, ${settings.n ?? 0} AS comparator_n,
    ${JSON.stringify(settings.codes ?? []).replaceAll('"', "'")}::VARCHAR[] AS comparator_codes,
    'E08000012' AS area_unit_code, 'Liverpool' AS area_unit_name`);
  await db.run(
    `CREATE OR REPLACE TABLE dim_comparators AS SELECT * FROM (VALUES ('E08000099', 'Peer', 2022, 'robbery', 1, 100)) t(area_code, area_name, year, category, crime_count, resident_population) WHERE ${settings.file ? 'true' : 'false'}`,
  );
  const values = UNITS.map(
    ([code, force, country, coverage, population]) =>
      `('${code}', 'Unit ${code}', ${code === 'E08000012'}, '${country}', ['${code}'], ${force ? `'${force}'` : 'NULL'}, ${coverage === 'no_population' ? 'NULL' : population}, 2015, '${coverage}', NULL)`,
  );
  await db.run(`CREATE OR REPLACE TABLE dim_national_units AS SELECT * FROM (VALUES ${values.join(', ')})
    t(unit_code, unit_name, is_area, country, lad_codes, force, population, population_year, coverage, coverage_note)`);
  await db.run(
    `CREATE OR REPLACE TABLE stg_ref__regions AS SELECT * FROM (VALUES ${UNITS.map(([code, , , , , , region]) => `('${code}', '${region}')`).join(', ')}) t(lad_code, region_code)`,
  );
  await db.run(
    `CREATE OR REPLACE TABLE stg_ref__imd_districts AS SELECT * FROM (VALUES ${UNITS.map(([code, , , , , score], i) => `(1, ${i + 2}, '${code}', true, ${score}::DOUBLE), (1, ${i + 100}, '${code}', false, -1::DOUBLE)`).join(', ')}) t(file_id, line, lad_code, is_imd, average_score)`,
  );
  // One LSOA per district holding all its residents.
  await db.run(
    `CREATE OR REPLACE TABLE dim_national_unit_lsoas AS SELECT * FROM (VALUES ${UNITS.map(([code]) => `('L${code}', '${code}')`).join(', ')}) t(lsoa_code, lad_code)`,
  );
  await db.run(
    `CREATE OR REPLACE TABLE dim_population AS SELECT * FROM (VALUES ${UNITS.filter(
      (u) => u[3] !== 'no_population',
    )
      .map(([code, , , , population]) => `('L${code}', 2015, ${population}::DOUBLE)`)
      .join(', ')}) t(area_code, year, population)`,
  );
  const model = MODELS.find((m) => m.name === 'dim_national_comparators');
  if (!model) throw new Error('dim_national_comparators is not registered');
  const { sql } = modelStatement(model);
  await db.run(sql);
  return db.all<{ unit_code: string; rule: string; distance: number | null }>(
    'SELECT unit_code, rule, distance FROM dim_national_comparators ORDER BY distance NULLS LAST, unit_code',
  );
}

const codes = (rows: { unit_code: string }[]) => rows.map((r) => r.unit_code);

beforeEach(async () => {
  db = await Database.open(':memory:');
});
afterEach(() => db.close());

describe('comparators by rule (dim_national_comparators)', () => {
  it('force: complete units whose main force is the area’s', async () => {
    expect(codes(await setUp({ auto: 'force' }))).toEqual(['E08000011']);
  });

  it('region: the units of the area’s region, incomplete ones too (named when left out)', async () => {
    expect(codes(await setUp({ auto: 'region' }))).toEqual(['E06000050', 'E08000011', 'E08000013']);
  });

  it('england: every complete English unit but the area', async () => {
    expect(codes(await setUp({ auto: 'england' }))).toEqual(['E06000001', 'E08000011']);
  });

  it('neighbours: the n nearest English units, as nearestNeighbours finds them', async () => {
    const rows = await setUp({ auto: 'neighbours', n: 3 });
    const english = UNITS.filter(
      ([, , country, coverage]) => country === 'E' && coverage !== 'no_population',
    );
    const want = nearestNeighbours(
      'E08000012',
      english.map(([code, , , , population, imdScore]) => ({ code, imdScore, population })),
      3,
    );
    expect(codes(rows)).toEqual(want.map((n) => n.code));
    rows.forEach((row, i) => {
      expect(row.distance).toBeCloseTo(want[i]?.distance ?? Number.NaN, 12);
    });
  });

  it('codes: the units listed', async () => {
    expect(codes(await setUp({ auto: '', codes: ['E06000001', 'W06000001'] }))).toEqual([
      'E06000001',
      'W06000001',
    ]);
  });

  it('chooses none when a comparators file is loaded: the file wins', async () => {
    expect(await setUp({ auto: 'england', file: true })).toEqual([]);
  });
});
