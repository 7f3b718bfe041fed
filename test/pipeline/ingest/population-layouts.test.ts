/**
 * Population files as they are published: the long layout, ONS mid-year estimates in the wide
 * layout (single years 0…90 or 90+, `sex` or `gender`, a Persons row beside each sex), and the
 * IoD2019 File_6 denominators (persons, three broad bands). Each must give the same residents
 * to the rates, and a file of another kind must be refused with a message saying what sna reads.
 */

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../core/log.js';
import { Database, run } from '../../../pipeline/index.js';
import type { Manifest } from '../../../pipeline/outputs/manifest.js';
import {
  baseConfig,
  query,
  REPO_ROOT,
  runCli,
  type Workspace,
  workspace,
} from '../../helpers/workspace.js';

const GEOGRAPHY = [
  'lsoa_code,lsoa_name,ward_code,ward_name,lad_code,lad_name',
  'E01999001,Test 001A,E05999001,Ward A,E08999999,Testshire',
  'E01999002,Test 001B,E05999001,Ward A,E08999999,Testshire',
].join('\n');

const AGES = Array.from({ length: 91 }, (_, age) => age);

/** Two LSOAs; person counts chosen so every age and sex differs: age + 1 (M), 2 × (age + 1) (F). */
function wideOns(openAge: '90' | '90+', sexHeader: 'sex' | 'gender'): string {
  const header = [
    'period,area_code,area_name,geography',
    sexHeader,
    'all_ages,aged_0_to_15,aged_16_to_64,aged_65_and_over',
    ...AGES.map((a) => (a === 90 ? openAge : String(a))),
  ].join(',');
  const line = (lsoa: string, sex: string, factor: number) => {
    const cells = AGES.map((a) => factor * (a + 1));
    const total = cells.reduce((x, y) => x + y, 0);
    // The totals and broad bands repeat the single years: they must not be added again.
    return [`2024-06-30,${lsoa},Test,LSOA,${sex}`, total, 1, 2, 3, ...cells].join(',');
  };
  return [
    header,
    line('E01999001', 'Persons', 3),
    line('E01999001', 'Females', 2),
    line('E01999001', 'Males', 1),
    line('E01999002', 'Persons', 3),
    line('E01999002', 'Females', 2),
    line('E01999002', 'Males', 1),
  ].join('\r\n');
}

/** Sum over both LSOAs and sexes of 3 × (age + 1), ages 0…90. */
const WIDE_TOTAL = 2 * 3 * AGES.reduce((sum, a) => sum + a + 1, 0);
const WIDE_10_TO_17 = 2 * 3 * AGES.filter((a) => a >= 10 && a <= 17).reduce((s, a) => s + a + 1, 0);

const FILE_6 = [
  '\uFEFFLSOA code (2011),LSOA name (2011),Local Authority District code (2019),Local Authority District name (2019),Total population: mid 2015 (excluding prisoners),Dependent Children aged 0-15: mid 2015 (excluding prisoners),Population aged 16-59: mid 2015 (excluding prisoners),Older population aged 60 and over: mid 2015 (excluding prisoners),Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)',
  'E01999001,Test 001A,E08999999,Testshire,"1,296",175,656,465,715',
  'E01999002,Test 001B,E08999999,Testshire,"1,156",182,580,394,620',
].join('\r\n');

function setUp(population: string, name = 'population.csv'): Workspace {
  const ws = workspace('sna-population-');
  ws.write('ref/geography.csv', GEOGRAPHY);
  ws.write(`ref/${name}`, population);
  ws.write(
    'crimes.csv',
    'crime_ref,recorded_date,ho_offence_code,lsoa_code\nC1,2025-01-10,8N,E01999001\nC2,2025-02-10,8N,E01999002\n',
  );
  ws.config(
    baseConfig('  police_crimes: crimes.csv').replace(
      'population: ref/population.csv',
      `population: ref/${name}`,
    ),
  );
  return ws;
}

async function residents(ws: Workspace) {
  const db = ws.path('out/sna.duckdb');
  const [all] = await query<{ residents: number }>(
    db,
    'SELECT sum(population)::DOUBLE residents FROM dim_area_population',
  );
  const [rate] = await query<{ denominator: number | null; note: string | null }>(
    db,
    `SELECT denominator, note FROM indicator_values
     WHERE indicator_id = 'police.rate_per_1000' AND category = 'violence_with_injury'`,
  );
  return { residents: all?.residents, rate };
}

describe('population files as published', () => {
  it.each([
    ['90+', 'sex'],
    ['90', 'gender'],
  ] as const)('reads ONS wide single years (open age "%s", column "%s")', async (open, sex) => {
    const ws = setUp(wideOns(open, sex));
    await run(ws.path('sna.config.yaml'), {
      stages: ['ingest', 'indicators'],
      log: memoryLogger(),
    });
    const { residents: total, rate } = await residents(ws);
    expect(total).toBe(WIDE_TOTAL);
    expect(rate?.denominator).toBe(WIDE_TOTAL);
    const [bands] = await query<{ n: number; open_ended: number; persons: number }>(
      ws.path('out/sna.duckdb'),
      `SELECT count(*)::INTEGER n, count(*) FILTER (WHERE age = 90 AND age_to = 120)::INTEGER open_ended,
              count(*) FILTER (WHERE sex = 'P')::INTEGER persons
       FROM dim_population`,
    );
    // 2 LSOAs × 2 sexes × 91 ages; the Persons rows are set aside, not counted twice.
    expect(bands).toEqual({ n: 364, open_ended: 4, persons: 0 });
    const manifest = JSON.parse(readFileSync(ws.path('out/manifest.json'), 'utf8')) as Manifest;
    const input = manifest.inputs.find((i) => i.source === 'population');
    expect(input).toMatchObject({
      rows_read: 6,
      rows_loaded: 4,
      rows_rejected: 0,
      rows_set_aside: 2,
      set_aside_reasons: { 'persons total (the file also gives each sex)': 2 },
    });
  });

  it('gives youth justice its 10–17 residents from single years', async () => {
    const ws = setUp(wideOns('90+', 'sex'));
    await run(ws.path('sna.config.yaml'), { stages: ['ingest'], log: memoryLogger() });
    const [r] = await query<{ n: number }>(
      ws.path('out/sna.duckdb'),
      `SELECT sum(population)::DOUBLE n FROM dim_area_population WHERE age >= 10 AND age_to <= 17`,
    );
    expect(r?.n).toBe(WIDE_10_TO_17);
  });

  it('reads the IoD2019 File_6 bands, persons only, as mid-2015', async () => {
    const ws = setUp(FILE_6);
    await run(ws.path('sna.config.yaml'), {
      stages: ['ingest', 'indicators'],
      log: memoryLogger(),
    });
    const rows = await query<{
      area_code: string;
      year: number;
      sex: string;
      age: number;
      age_to: number;
      population: number;
    }>(
      ws.path('out/sna.duckdb'),
      'SELECT area_code, year, sex, age, age_to, population FROM dim_population ORDER BY area_code, age',
    );
    expect(rows).toEqual([
      { area_code: 'E01999001', year: 2015, sex: 'P', age: 0, age_to: 15, population: 175 },
      { area_code: 'E01999001', year: 2015, sex: 'P', age: 16, age_to: 59, population: 656 },
      { area_code: 'E01999001', year: 2015, sex: 'P', age: 60, age_to: 120, population: 465 },
      { area_code: 'E01999002', year: 2015, sex: 'P', age: 0, age_to: 15, population: 182 },
      { area_code: 'E01999002', year: 2015, sex: 'P', age: 16, age_to: 59, population: 580 },
      { area_code: 'E01999002', year: 2015, sex: 'P', age: 60, age_to: 120, population: 394 },
    ]);
    // The bands add up to the file's own total column ("1,296" + "1,156").
    const { rate } = await residents(ws);
    expect(rate?.denominator).toBe(1296 + 1156);
  });

  it('rejects a whole wide row when one of its cells is bad, naming the age column', async () => {
    const good = wideOns('90+', 'sex').split('\r\n');
    const bad = (good[2] ?? '').split(',');
    bad[9 + 45] = 'n/a'; // the cell under header "45"
    good[2] = bad.join(',');
    const ws = setUp(good.join('\r\n'));
    // One bad row in six is over the default 1%: allow it, to see what was kept.
    ws.config(
      `${readFileSync(ws.path('sna.config.yaml'), 'utf8')}\nthresholds:\n  max_reject_pct: 50\n`,
    );
    await run(ws.path('sna.config.yaml'), { stages: ['ingest'], log: memoryLogger() });
    const rejects = await query<{ line: number; column: string; reason: string }>(
      ws.path('out/sna.duckdb'),
      `SELECT line::INTEGER line, "column", reason FROM ingest_rejects WHERE source = 'population'`,
    );
    expect(rejects).toEqual([{ line: 3, column: '45', reason: 'not a number: "n/a"' }]);
    const [loaded] = await query<{ n: number }>(
      ws.path('out/sna.duckdb'),
      `SELECT count(*)::INTEGER n FROM raw_ref__population WHERE line = 3`,
    );
    expect(loaded?.n).toBe(0);
  });

  it('refuses a file of a kind it does not know, saying what it reads (exit 3)', () => {
    const ws = setUp('lsoa_code,lsoa_name,imd_rank\nE01999001,Test 001A,1234\n');
    const result = runCli(['run', '--config', ws.path('sna.config.yaml')]);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(
      'ref/population.csv:1: not a kind of population file sna knows',
    );
    expect(result.stderr).toContain('long: area_code, year, sex, age, population');
    expect(result.stderr).toContain('ONS mid-year estimates, wide');
    expect(result.stderr).toContain('IoD2019 File_6');
  });
});

const TRAFFORD = resolve(REPO_ROOT, '..', 'shared', 'data', 'real', 'population', 'trafford');
describe.skipIf(!existsSync(TRAFFORD))('the real Trafford Data Lab estimates (../shared)', () => {
  it.each([
    ['mid2020/mid-year_population_estimates_all_geographies.csv', 2020],
    ['mid2024/mid-year_2024_population_estimates_lsoa.csv', 2024],
  ])('loads %s with no rejects, persons rows set aside', async (file, year) => {
    const raw = readFileSync(join(TRAFFORD, file), 'utf8');
    const ws = setUp(raw);
    await run(ws.path('sna.config.yaml'), { stages: ['ingest'], log: memoryLogger() });
    const manifest = JSON.parse(readFileSync(ws.path('out/manifest.json'), 'utf8')) as Manifest;
    const input = manifest.inputs.find((i) => i.source === 'population');
    const rows = (parse(raw, { columns: true }) as Array<Record<string, string>>).filter((r) =>
      r.period?.startsWith(String(year)),
    );
    const persons = rows.filter((r) => (r.sex ?? r.gender) === 'Persons').length;
    expect(input).toMatchObject({
      rows_read: rows.length,
      rows_rejected: 0,
      rows_set_aside: persons,
    });
    // Each area's single years add up to the file's own all_ages column.
    const males = rows.filter((r) => (r.sex ?? r.gender) === 'Males');
    const expected = males.reduce((sum, r) => sum + Number(r.all_ages), 0);
    const [got] = await query<{ n: number }>(
      ws.path('out/sna.duckdb'),
      `SELECT sum(population)::DOUBLE n FROM dim_population WHERE sex = 'M' AND year = ${year}`,
    );
    expect(got?.n).toBe(expected);
  });
});

describe('a database made by an earlier sna', () => {
  it('gains the population age_to column and runs', async () => {
    const ws = setUp(wideOns('90+', 'sex'));
    mkdirSync(ws.path('out'), { recursive: true });
    const db = await Database.open(ws.path('out/sna.duckdb'));
    await db.run(
      `CREATE TABLE raw_ref__population (file_id INTEGER NOT NULL, line BIGINT NOT NULL,
         area_code VARCHAR, year INTEGER, sex VARCHAR, age INTEGER, population DOUBLE)`,
    );
    db.close();
    await run(ws.path('sna.config.yaml'), { stages: ['ingest'], log: memoryLogger() });
    const [r] = await query<{ n: number }>(
      ws.path('out/sna.duckdb'),
      'SELECT sum(population)::DOUBLE n FROM dim_area_population',
    );
    expect(r?.n).toBe(WIDE_TOTAL);
  });
});
