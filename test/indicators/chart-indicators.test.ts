/**
 * The indicators added for the report's charts, on the demo borough: victims' and offenders'
 * age-by-sex counts, crimes by weekday and time of day, and comparator areas' rates. Each is
 * checked against a count written independently here over the marts or the reference file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../core/log.js';
import { run } from '../../pipeline/index.js';
import { demoWorkspace, FIXTURES, query } from '../helpers/workspace.js';

interface Value extends Record<string, unknown> {
  indicator_id: string;
  category: string;
  area_code: string;
  breakdown: string;
  breakdown_value: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  lower_ci95: number | null;
  upper_ci95: number | null;
  method: string;
}

let dbPath: string;
let values: Value[];
const ask = <T extends Record<string, unknown>>(sql: string) => query<T>(dbPath, sql);
const rowsOf = (id: string) => values.filter((v) => v.indicator_id === id);

beforeAll(async () => {
  const ws = demoWorkspace('sna-chart-indicators-');
  await run(ws.configPath, { stages: ['ingest', 'indicators'], log: memoryLogger() });
  dbPath = ws.path('out/sna.duckdb');
  values = await ask<Value>('SELECT * FROM indicator_values');
}, 120_000);

/** Period pairs by role, category and sex:band, banded here by counting thresholds passed. */
const PAIRS_BY_BAND = `
  WITH pairs AS (
    SELECT p.role, c.category, p.sex, p.age
    FROM fct_crime_people p
    JOIN fct_crime_categories c ON c.crime_ref = p.crime_ref
    WHERE c.offence_date BETWEEN (SELECT period_start FROM run_config)
                             AND (SELECT period_end FROM run_config)
      AND p.age IS NOT NULL AND p.sex IN ('M', 'F', 'X')
  )
  SELECT role, category,
         sex || ':' || ['0-9', '10-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'][
           1 + len(list_filter([10, 18, 25, 35, 45, 55, 65], x -> x <= age))] AS band,
         count(*)::INTEGER AS n
  FROM pairs GROUP BY ALL`;

describe('victims.by_age_sex and offenders.by_age_sex', () => {
  it('count crime–person pairs in each sex and age band as an independent count does', async () => {
    const expected = await ask<{ role: string; category: string; band: string; n: number }>(
      PAIRS_BY_BAND,
    );
    expect(expected.length).toBeGreaterThan(50);
    const key = (role: string, category: string, band: string | null) =>
      `${role}|${category}|${band}`;
    const actual = new Map(
      [...rowsOf('victims.by_age_sex'), ...rowsOf('offenders.by_age_sex')].map((v) => [
        key(
          v.indicator_id.startsWith('victims') ? 'victim' : 'offender',
          v.category,
          v.breakdown_value,
        ),
        v,
      ]),
    );
    expect(actual.size).toBe(expected.length);
    for (const e of expected) {
      const row = actual.get(key(e.role, e.category, e.band));
      expect(row, key(e.role, e.category, e.band)).toBeDefined();
      expect([row?.numerator, row?.value, row?.breakdown, row?.method]).toEqual([
        e.n,
        e.n,
        'age_band',
        'count',
      ]);
    }
  });

  it('add up to the pairs with known age and sex, within the known-age and known-sex denominators', async () => {
    const known = await ask<{ role: string; category: string; n: number; pairs: number }>(
      `SELECT p.role, f.category,
              count(*) FILTER (WHERE p.age IS NOT NULL AND p.sex <> 'U')::INTEGER n,
              count(*)::INTEGER pairs
       FROM fct_crime_people p JOIN fct_period_crimes f USING (crime_ref)
       GROUP BY ALL`,
    );
    expect(known.length).toBeGreaterThan(10);
    for (const { role, category, n, pairs } of known) {
      const plural = `${role}s`;
      const total = rowsOf(`${plural}.by_age_sex`)
        .filter((v) => v.category === category)
        .reduce((sum, v) => sum + Number(v.value), 0);
      expect(total, `${role} ${category}`).toBe(n);
      const aged = rowsOf(`${plural}.under_25_pct`).find((v) => v.category === category);
      const sexed = rowsOf(`${plural}.male_pct`).find((v) => v.category === category);
      expect(total).toBeLessThanOrEqual(Number(aged?.denominator));
      expect(total).toBeLessThanOrEqual(Number(sexed?.denominator));
      // Pairs missing age or sex are at most those missing age plus those missing sex.
      expect(total).toBeGreaterThanOrEqual(
        Number(aged?.denominator) + Number(sexed?.denominator) - pairs,
      );
    }
  });
});

describe('police.by_hour_weekday', () => {
  it('counts the period’s timed crimes per weekday × three-hour cell as an independent count does', async () => {
    const expected = await ask<{ category: string; cell: string; n: number }>(
      `SELECT c.category,
              strftime(c.offence_date, '%a') || ':' ||
              printf('%02d-%02d', hour(f.committed_time) - hour(f.committed_time) % 3,
                     hour(f.committed_time) - hour(f.committed_time) % 3 + 2) AS cell,
              count(*)::INTEGER AS n
       FROM fct_crime_categories c JOIN fct_crimes f USING (crime_ref)
       WHERE c.offence_date BETWEEN (SELECT period_start FROM run_config)
                                AND (SELECT period_end FROM run_config)
         AND f.committed_time IS NOT NULL
       GROUP BY ALL`,
    );
    const cells = rowsOf('police.by_hour_weekday');
    const counted = new Map(expected.map((e) => [`${e.category}|${e.cell}`, e.n]));
    for (const cell of cells) {
      expect(cell.value, `${cell.category} ${cell.breakdown_value}`).toBe(
        counted.get(`${cell.category}|${cell.breakdown_value}`) ?? 0,
      );
    }
    // Zero-filled: 7 weekdays × 8 bands for every category with a timed crime.
    const categories = new Set(expected.map((e) => e.category));
    expect(cells).toHaveLength(56 * categories.size);
    const total = (category: string) =>
      cells.filter((c) => c.category === category).reduce((s, c) => s + Number(c.value), 0);
    const [timed] = await ask<{ n: number }>(
      `SELECT count(*)::INTEGER n FROM fct_period_crimes JOIN fct_crimes USING (crime_ref)
       WHERE category = 'serious_violence' AND committed_time IS NOT NULL`,
    );
    expect(total('serious_violence')).toBe(timed?.n);
    expect(timed?.n).toBeGreaterThan(400);
  });
});

describe('police.comparator_rate_per_1000', () => {
  it('publishes each comparator’s rate for the year the period ends, from the comparators file', () => {
    const file = parse(readFileSync(join(FIXTURES, 'reference', 'comparators.csv'), 'utf8'), {
      columns: true,
    }) as Array<Record<string, string>>;
    const peers = file.filter(
      (r) => r.year === '2025' && r.area_code !== 'E08999999' && Number(r.population) > 0,
    );
    const rows = rowsOf('police.comparator_rate_per_1000').filter((r) => r.value !== null);
    expect(rows).toHaveLength(peers.length);
    for (const peer of peers) {
      const row = rows.find((r) => r.area_code === peer.area_code && r.category === peer.category);
      expect(row, `${peer.area_code} ${peer.category}`).toBeDefined();
      const count = Number(peer.count);
      const population = Number(peer.population);
      expect([row?.numerator, row?.denominator, row?.breakdown]).toEqual([
        count,
        population,
        'none',
      ]);
      expect(row?.value).toBeCloseTo((1000 * count) / population, 12);
      expect(row?.lower_ci95).toBeLessThan(Number(row?.value));
      expect(row?.upper_ci95).toBeGreaterThan(Number(row?.value));
      expect(row?.method).toBe(count >= 10 ? 'byar' : 'exact_poisson');
    }
  });

  it('holds the rates the area is ranked among', () => {
    const ranks = rowsOf('police.rank_among_comparators').filter((r) => r.value !== null);
    expect(ranks.length).toBeGreaterThan(0);
    for (const rank of ranks) {
      const own = rowsOf('police.rate_per_1000').find((r) => r.category === rank.category);
      const peers = rowsOf('police.comparator_rate_per_1000').filter(
        (r) => r.category === rank.category && r.value !== null,
      );
      expect(peers.length + 1).toBe(rank.denominator);
      const lower = peers.filter((p) => Number(p.value) < Number(own?.value)).length;
      expect(rank.value, rank.category).toBe(1 + lower);
    }
  });

  it('says, for every category the comparators file lacks, that it has no rows for it', () => {
    const covered = new Set(
      rowsOf('police.comparator_rate_per_1000')
        .filter((r) => r.value !== null)
        .map((r) => r.category),
    );
    const categories = new Set(rowsOf('police.count').map((r) => r.category));
    const lacking = [...categories].filter((c) => !covered.has(c));
    expect(lacking.length).toBeGreaterThan(0);
    for (const category of lacking) {
      for (const id of [
        'police.comparator_rate_per_1000',
        'police.rank_among_comparators',
        'police.comparators_combined_rate_per_1000',
      ]) {
        const rows = rowsOf(id).filter((r) => r.category === category);
        expect(
          rows.map((r) => [r.value, r.note]),
          `${id} ${category}`,
        ).toEqual([
          [null, 'not available: the comparators file has no rows for this category in 2025'],
        ]);
      }
    }
  });
});
