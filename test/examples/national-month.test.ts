/**
 * The national-month example (`examples/national-month/sna.config.yaml`) on the shared national
 * month of police.uk files (September 2022, 39 forces; no Greater Manchester, Lancashire,
 * Cheshire, Met, West Midlands or West Yorkshire): every complete district's count per category
 * in national.csv equals a count made here with DuckDB straight from the csv.gz files; the
 * districts those forces police, and Wales (File_6 is England only), are listed and not ranked;
 * and the rates, intervals and funnel labels computed in SQL equal the TS methods'.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../core/database.js';
import { memoryLogger } from '../../core/log.js';
import { crudeRate, funnelRateSignificance } from '../../indicators/methods/index.js';
import { run } from '../../pipeline/index.js';
import {
  NATIONAL_AGGREGATES,
  NATIONAL_INTERMEDIATE,
  NATIONAL_MARTS,
} from '../../pipeline/sql/models-national.js';
import { REPO_ROOT, workspace } from '../helpers/workspace.js';

const SHARED = resolve(REPO_ROOT, '..', 'shared', 'data', 'real');
const MONTH = join(SHARED, 'police-uk', 'national-2022-09');
const LOOKUP = join(SHARED, 'lookups', 'LSOA11_to_Ward19_to_LAD19_Lookup_in_England_and_Wales.csv');
const HAS_DATA = existsSync(MONTH);
if (!HAS_DATA) {
  console.warn(
    `skipping the national-month example: ${MONTH} is not here (it sits beside the repo in CI)`,
  );
}

type Csv = Array<Record<string, string>>;
const sqlPath = (path: string) => `'${path.replaceAll("'", "''")}'`;

/**
 * District × category counts from the raw files, without sna: rows joined to their district by
 * LSOA; a crime's copies (same Crime ID, month, crime type, LSOA and point) count once, a blank
 * Crime ID and every ASB row on its own; September 2022 only.
 */
async function independentCounts(): Promise<Map<string, number>> {
  const db = await Database.open(':memory:');
  try {
    const rows = await db.all<{ lad: string; category: string; crimes: number }>(`
      WITH raw AS (
        SELECT "Crime ID" AS id, "Month" AS month, "Crime type" AS crime_type,
               "LSOA code" AS lsoa, "Longitude" AS lon, "Latitude" AS lat
        FROM read_csv(${sqlPath(join(MONTH, '*.csv.gz'))}, all_varchar = true, header = true)
        WHERE "Month" = '2022-09'
      ),
      crimes AS (
        SELECT DISTINCT id, month, crime_type, lsoa, lon, lat FROM raw
        WHERE id IS NOT NULL AND crime_type <> 'Anti-social behaviour'
        UNION ALL
        SELECT id, month, crime_type, lsoa, lon, lat FROM raw
        WHERE id IS NULL OR crime_type = 'Anti-social behaviour'
      ),
      lookup AS (
        SELECT DISTINCT LSOA11CD AS lsoa, LAD19CD AS lad
        FROM read_csv(${sqlPath(LOOKUP)}, all_varchar = true, header = true)
      )
      SELECT lookup.lad,
             trim(regexp_replace(lower(crimes.crime_type), '[^a-z0-9]+', '_', 'g'), '_') AS category,
             count(*)::INTEGER AS crimes
      FROM crimes INNER JOIN lookup ON crimes.lsoa = lookup.lsoa
      GROUP BY ALL`);
    return new Map(rows.map((r) => [`${r.lad}|${r.category}`, r.crimes]));
  } finally {
    db.close();
  }
}

describe.skipIf(!HAS_DATA)('the national-month example on the shared national month', () => {
  let national: Csv;
  let indicators: Csv;
  let db: Database;
  let threshold: number;

  beforeAll(async () => {
    const ws = workspace('sna-national-month-');
    const yaml = readFileSync(
      join(REPO_ROOT, 'examples', 'national-month', 'sna.config.yaml'),
      'utf8',
    )
      .replaceAll('../../../shared/data/real/', `${SHARED}/`)
      .replace(/^output_dir: .*$/m, `output_dir: ${ws.path('out')}`);
    await run(ws.config(yaml), { stages: ['ingest', 'indicators'], log: memoryLogger() });
    national = parse(readFileSync(ws.path('out/national.csv')), { columns: true }) as Csv;
    indicators = parse(readFileSync(ws.path('out/indicators.csv')), { columns: true }) as Csv;
    db = await Database.open(ws.path('out/sna.duckdb'));
    threshold = Number(
      (await db.one<{ t: number }>('SELECT suppress_below AS t FROM run_config'))?.t,
    );
  }, 600_000);

  afterAll(() => db?.close());

  it('counts every complete district’s crimes per category as DuckDB does from the raw files', async () => {
    const want = await independentCounts();
    const complete = national.filter(
      (r) => r.coverage === 'complete' && /^[EW]\d{8}$/.test(r.unit_code ?? ''),
    );
    expect(new Set(complete.map((r) => r.unit_code)).size).toBeGreaterThan(200);
    const small = (r: Record<string, string>) => {
      const expected = want.get(`${r.unit_code}|${r.category}`) ?? 0;
      return expected > 0 && expected < threshold;
    };
    // A suppressed count is small, or the second one blanked beside a category's lone small one.
    const loneSmall = new Set(
      [...new Set(complete.map((r) => r.category))].filter(
        (c) => complete.filter((r) => r.category === c && small(r)).length === 1,
      ),
    );
    const wrong = complete.filter((r) => {
      if (r.suppressed === 'true') return !(small(r) || loneSmall.has(r.category ?? ''));
      return Number(r.crimes) !== (want.get(`${r.unit_code}|${r.category}`) ?? 0);
    });
    expect(
      wrong.map(
        (r) =>
          `${r.unit_code} ${r.category} ${r.crimes} ≠ ${want.get(`${r.unit_code}|${r.category}`)}`,
      ),
    ).toEqual([]);
  });

  it('lists the districts of forces without a file, and Wales, and ranks none of them', () => {
    const coverage = (code: string) =>
      new Set(national.filter((r) => r.unit_code === code).map((r) => r.coverage));
    // Cheshire, Lancashire, Greater Manchester, West Midlands, West Yorkshire, the Met.
    for (const code of [
      'E06000049',
      'E06000050',
      'E07000117',
      'E08000003',
      'E08000025',
      'E08000035',
      'E09000007',
    ]) {
      expect([code, [...coverage(code)]]).toEqual([code, ['incomplete']]);
    }
    // West Lancashire's only rows are Merseyside Police's, placed across the border.
    expect([...coverage('E07000127')]).toEqual(['incomplete']);
    for (const code of ['W06000015', 'W06000001', 'W06000022']) {
      expect([code, [...coverage(code)]]).toEqual([code, ['no_population']]);
    }
    const notRanked = national.filter((r) => r.coverage !== 'complete');
    expect(notRanked.length).toBeGreaterThan(0);
    for (const row of notRanked) {
      expect([
        row.unit_code,
        row.rank,
        row.funnel_significance,
        Boolean(row.coverage_note),
      ]).toEqual([row.unit_code, '', '', true]);
    }
    const complete = new Set(
      national.filter((r) => r.coverage === 'complete').map((r) => r.unit_code),
    );
    for (const row of national.filter((r) => r.coverage === 'complete')) {
      expect(Number(row.ranked_of)).toBe(complete.size);
    }
  });

  it('says the year of the residents every rate divides by: mid-2015 (File_6) for a 2022 period', () => {
    const years = new Set(
      national.filter((r) => r.population !== '').map((r) => r.population_year),
    );
    expect([...years]).toEqual(['2015']);
  });

  it('blanks small counts and what derives from them as indicators.csv does, rank included', () => {
    const suppressed = national.filter((r) => r.suppressed === 'true');
    expect(suppressed.length).toBeGreaterThan(0);
    for (const row of suppressed) {
      expect([
        row.crimes,
        row.rate_per_1000,
        row.lower_95,
        row.upper_95,
        row.funnel_significance,
        row.rank,
      ]).toEqual(['', '', '', '', '', '']);
    }
  });

  it('hides no small count that England’s count less the published districts’ would give', () => {
    // England's rate pools the complete English districts: its numerator less theirs is the sum
    // of those blanked, which must never be one count alone, in either file.
    const england = indicators.filter((r) => r.indicator_id === 'police.england_rate_per_1000');
    expect(england.length).toBeGreaterThan(10);
    let lone = 0;
    for (const e of england) {
      const pool = national.filter(
        (r) => r.category === e.category && r.coverage === 'complete' && r.country === 'E',
      );
      const hidden = pool.filter((r) => r.suppressed === 'true');
      const rest = Number(e.numerator) - pool.reduce((sum, r) => sum + Number(r.crimes || 0), 0);
      expect([e.category, hidden.length === 1]).toEqual([e.category, false]);
      expect([e.category, rest === 0]).toEqual([e.category, hidden.length === 0]);
      // indicators.csv blanks the same districts.
      const blanked = indicators
        .filter(
          (r) =>
            r.indicator_id === 'police.district_rate_per_1000' &&
            r.category === e.category &&
            r.suppressed === 'true',
        )
        .map((r) => r.area_code)
        .sort();
      expect(blanked).toEqual(
        national
          .filter((r) => r.category === e.category && r.coverage === 'complete')
          .filter((r) => r.suppressed === 'true')
          .map((r) => r.unit_code)
          .sort(),
      );
      if (hidden.length === 2) lone += 1;
    }
    // On this month seven categories had one small English count alone (the City of London,
    // the Isles of Scilly): each now has a second blanked beside it.
    expect(lone).toBeGreaterThan(0);
  });

  it('computes rates, 95% intervals and funnel labels in SQL as the TS methods do', async () => {
    const rows = await db.all<{
      crimes: number;
      population: number;
      rate_per_1000: number;
      lower_95: number;
      upper_95: number;
      england_rate_per_1000: number;
      funnel_significance: string;
    }>(`SELECT crimes::DOUBLE AS crimes, population, rate_per_1000, lower_95, upper_95,
               england_rate_per_1000, funnel_significance
        FROM fct_national_units WHERE rank IS NOT NULL`);
    expect(rows.length).toBeGreaterThan(2000);
    const label = {
      'High (0.001)': 'higher_99_8',
      'High (0.025)': 'higher_95',
      'Not significant': 'similar',
      'Low (0.025)': 'lower_95',
      'Low (0.001)': 'lower_99_8',
    } as const;
    const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
    for (const row of rows) {
      const ts = crudeRate({ count: row.crimes, denominator: row.population, multiplier: 1000 });
      expect(rel(row.rate_per_1000, ts.value ?? Number.NaN)).toBeLessThan(1e-12);
      expect(
        rel(row.lower_95, ts.lower ?? Number.NaN) < 1e-12 || (row.lower_95 === 0 && ts.lower === 0),
      ).toBe(true);
      expect(rel(row.upper_95, ts.upper ?? Number.NaN)).toBeLessThan(1e-12);
      const funnel = funnelRateSignificance({
        count: row.crimes,
        denominator: row.population,
        average: row.england_rate_per_1000 / 1000,
      });
      expect(row.funnel_significance).toBe(label[funnel]);
    }
  });

  it('gives the area the same counts in national.csv as its own police.uk indicators', () => {
    const own = new Map(
      indicators.filter((r) => r.indicator_id === 'police.count').map((r) => [r.category, r.value]),
    );
    const area = national.filter(
      (r) => r.is_area === 'true' && r.category !== 'anti_social_behaviour',
    );
    expect(area.length).toBe(own.size);
    for (const row of area)
      expect([row.category, Number(row.crimes)]).toEqual([
        row.category,
        Number(own.get(row.category)),
      ]);
  });

  it('keeps each national model’s declared key unique and set', async () => {
    const national = [...NATIONAL_INTERMEDIATE, ...NATIONAL_MARTS, ...NATIONAL_AGGREGATES];
    for (const model of national) {
      const n = await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${model.name}`);
      expect([model.name, (n?.n ?? 0) > 0]).toEqual([model.name, true]);
      const key = model.key.join(', ');
      const repeated = await db.all(
        `SELECT ${key} FROM ${model.name} GROUP BY ${key} HAVING count(*) > 1 LIMIT 3`,
      );
      expect([model.name, repeated]).toEqual([model.name, []]);
      const mustBeSet = model.key.filter((c) => !model.nullableKey?.includes(c));
      const blank = await db.one<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM ${model.name} WHERE ${mustBeSet.map((c) => `${c} IS NULL`).join(' OR ')}`,
      );
      expect([model.name, blank?.n]).toEqual([model.name, 0]);
    }
  });

  it('ranks the area in England and among its complete statistical neighbours', () => {
    const ranks = indicators.filter((r) => r.indicator_id === 'police.rank_in_england');
    expect(ranks.length).toBeGreaterThan(10);
    for (const r of ranks) expect(r.status).toBe('published');
    const among = indicators.filter((r) => r.indicator_id === 'police.rank_among_comparators');
    expect(among.length).toBeGreaterThan(10);
    for (const r of among) {
      expect(r.status).toBe('published');
      // Manchester is among Liverpool's nearest neighbours and has no file this month.
      expect(r.note).toMatch(/left out, incomplete: .*Manchester \(E08000003\)/);
    }
  });
});
