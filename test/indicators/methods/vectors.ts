/**
 * Reference vectors for the statistics tests, and a tolerance-aware comparison.
 *
 * The vectors live outside the repository, in `../shared/data/real/phe-indicator-test-vectors/`
 * (PHEindicatormethods v2.1.0 fixtures, plus values generated with its R code); see that folder's
 * PROVENANCE.md. A fresh clone has no `../shared`, so suites that read them skip, saying why, and
 * each test file also carries a few rows copied from them so that `npm test` still checks values.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** Where the reference vectors are, relative to the repository root. */
export const VECTORS_DIR = path.resolve(
  REPO_ROOT,
  '..',
  'shared',
  'data',
  'real',
  'phe-indicator-test-vectors',
);

/** Whether the reference vectors are present (they are not in a user's fresh clone). */
export const HAVE_VECTORS = existsSync(VECTORS_DIR);

/** A suite title that says why the suite is skipped when the vectors are absent. */
export function vectorSuite(title: string): string {
  return HAVE_VECTORS
    ? title
    : `${title} (skipped: ../shared/data/real/phe-indicator-test-vectors not present)`;
}

/** A fixture table as exported from the package's test data; R's NA is `null`. */
export interface FixtureTable<Row> {
  source_path: string;
  used_for: string;
  rows: Row[];
}

/** Columns of the two-level (95% and 99.8%) result tables. */
export interface TwoLevelLimits {
  value: number | null;
  lower95_0cl: number | null;
  upper95_0cl: number | null;
  lower99_8cl: number | null;
  upper99_8cl: number | null;
}

/** The parts of `fixtures.json` these tests use. */
export interface Fixtures {
  test_BW: FixtureTable<{
    x: number;
    n: number | null;
    lowercl: number | null;
    uppercl: number | null;
    confidence: '95%' | '99.8%';
    method: 'Byars' | 'Wilson';
  }>;
  test_Rate: FixtureTable<
    TwoLevelLimits & {
      Area: string;
      Numerator: number | null;
      Denominator: number | null;
      method: 'Exact' | 'Byars' | null;
      multiplier: number;
    }
  >;
  test_Rate_g_results: FixtureTable<OneLevelRow>;
  test_Prop: FixtureTable<
    TwoLevelLimits & {
      Area: string;
      Numerator: number | null;
      Denominator: number | null;
      multiplier: number;
    }
  >;
  test_Prop_g_results: FixtureTable<OneLevelRow>;
  test_funnel_rate_inputs: FixtureTable<{
    count: number;
    pop: number;
    crude_per_100000_with_0: string;
    crude_per_100000_without_0: string;
  }>;
  test_funnel_rate_funnels_2: FixtureTable<FunnelRow>;
  test_funnel_rate_funnels_3: FixtureTable<FunnelRow>;
  test_Mean: FixtureTable<{ area: string; values: number }>;
  test_Mean_results: FixtureTable<
    TwoLevelLimits & { area: string; value_sum: number; value_count: number; stdev: number }
  >;
}

/** A row of `calculate_funnel_limits` output for rates (years_of_data = 3, per 100,000). */
export interface FunnelRow {
  Events: number;
  lower_2s_population_1_year: number;
  lower_2s_limit: number;
  upper_2s_population_1_year: number;
  upper_2s_limit: number;
  lower_3s_population_1_year: number;
  lower_3s_limit: number;
  upper_3s_population_1_year: number;
  upper_3s_limit: number;
  baseline: number;
}

/** A grouped-input result row: one 95% interval. */
export interface OneLevelRow {
  Area: string;
  Numerator: number | null;
  Denominator: number | null;
  value: number | null;
  lowercl: number | null;
  uppercl: number | null;
  method: 'Exact' | 'Byars' | 'Wilson' | null;
  multiplier: number;
}

/** The parts of `generated-and-fingertips-vectors.json` these tests use. */
export interface GeneratedVectors {
  rates: (TwoLevelLimits & {
    case: string;
    x: number;
    n: number;
    method: string;
    multiplier: number;
  })[];
  proportions: (TwoLevelLimits & { case: string; x: number; n: number })[];
}

function readJson<T>(file: string): T | undefined {
  if (!HAVE_VECTORS) return undefined;
  return JSON.parse(readFileSync(path.join(VECTORS_DIR, file), 'utf8')) as T;
}

/** `fixtures.json`, or undefined when the vectors are absent. */
export const fixtures = readJson<Fixtures>('fixtures.json');

/** `generated-and-fingertips-vectors.json`, or undefined when the vectors are absent. */
export const generated = readJson<GeneratedVectors>('generated-and-fingertips-vectors.json');

/** The two confidence levels PHE reports, with the fixtures' column suffixes. */
export const LEVELS = [
  { confidence: 0.95, label: '95%', lower: 'lower95_0cl', upper: 'upper95_0cl' },
  { confidence: 0.998, label: '99.8%', lower: 'lower99_8cl', upper: 'upper99_8cl' },
] as const;

/**
 * Asserts |actual − expected| ≤ rel·|expected| + abs; a null expectation (R's NA) requires null.
 * `abs` covers expectations of exactly 0, where a relative bound means nothing.
 */
export function expectClose(
  actual: number | null | undefined,
  expected: number | null,
  rel: number,
  abs = 0,
): void {
  if (expected === null) {
    expect(actual).toBeNull();
    return;
  }
  expect(actual).toBeTypeOf('number');
  const error = Math.abs((actual as number) - expected);
  expect(error, `${actual} vs expected ${expected}`).toBeLessThanOrEqual(
    rel * Math.abs(expected) + abs,
  );
}
