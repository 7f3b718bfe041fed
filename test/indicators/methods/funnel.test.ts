/**
 * Funnel plots for crude rates against PHEindicatormethods' own fixtures: the limits of
 * `calculate_funnel_limits` (testdata_funnel_rate_outputs_2 and _3, crude, per 100,000,
 * years_of_data = 3) and the labels of `assign_funnel_significance`
 * (testdata_funnel_rate_dsr_inputs, crude per 100,000, with and without the zero rows).
 * Tolerance: 1e-6 relative on limits (the fixtures are bisection results, rounded).
 */
import { describe, expect, it } from 'vitest';
import {
  funnelRateLimits,
  funnelRateSignificance,
  poissonFunnel,
} from '../../../indicators/methods/funnel.js';
import { expectClose, type FunnelRow, fixtures, HAVE_VECTORS, vectorSuite } from './vectors.js';

const REL = 1e-6;
const YEARS = 3;
const PER = 100_000;

function checkLimits(row: FunnelRow): void {
  const [limits] = funnelRateLimits({
    events: [row.Events],
    average: row.baseline / PER,
    multiplier: PER,
  });
  expectClose(limits?.lower95 ?? null, row.lower_2s_limit, REL);
  expectClose(limits?.upper95 ?? null, row.upper_2s_limit, REL);
  expectClose(limits?.lower998 ?? null, row.lower_3s_limit, REL);
  expectClose(limits?.upper998 ?? null, row.upper_3s_limit, REL);
  expectClose((limits?.lower95Denominator ?? 0) / YEARS, row.lower_2s_population_1_year, REL);
  expectClose((limits?.upper998Denominator ?? 0) / YEARS, row.upper_3s_population_1_year, REL);
}

describe('funnel limits and labels, embedded rows', () => {
  it('matches rows of testdata_funnel_rate_outputs_2 (crude per 100,000)', () => {
    checkLimits({
      Events: 1,
      lower_2s_population_1_year: 1616.949526,
      lower_2s_limit: 20.61494982,
      upper_2s_population_1_year: 7.347518827,
      upper_2s_limit: 4536.678859,
      lower_3s_population_1_year: 2679.632184,
      lower_3s_limit: 12.4395182,
      upper_3s_population_1_year: 0.290369211,
      upper_3s_limit: 114796.3768,
      baseline: 114.8591735,
    });
    checkLimits({
      Events: 1119,
      lower_2s_population_1_year: 413702.6663,
      lower_2s_limit: 90.16137202,
      upper_2s_population_1_year: 367628.0403,
      upper_2s_limit: 101.4612486,
      lower_3s_population_1_year: 427558.6565,
      lower_3s_limit: 87.23949201,
      upper_3s_population_1_year: 355104.4927,
      upper_3s_limit: 105.0395046,
      baseline: 95.60285106,
    });
  });

  it('labels rows of testdata_funnel_rate_dsr_inputs as the package does', () => {
    // Two of the 40 rows; the average is that of all 40 (Σ count ÷ Σ pop, with the zero rows).
    const average = 0.006685089282628765;
    expect(funnelRateSignificance({ count: 2419, denominator: 264102, average })).toBe(
      'High (0.001)',
    );
    expect(funnelRateSignificance({ count: 0, denominator: 297820, average })).toBe('Low (0.001)');
    // 2,083 / 297,424 = 0.00700: above the average, inside 99.8%, outside 95%.
    expect(funnelRateSignificance({ count: 2083, denominator: 297424, average })).toBe(
      'High (0.025)',
    );
  });

  it('solves the Poisson tails by bisection to the package’s precision', () => {
    // ½χ²⁻¹(0.975; 2) = 3.688879…, the exact upper 95% limit of one event.
    expect(poissonFunnel(1, 0.025, 'low')).toBeCloseTo(0.0253178, 6);
    expect(poissonFunnel(1, 0.025, 'high')).toBeCloseTo(5.5716446, 6);
  });

  it('refuses what has no funnel', () => {
    expect(() => funnelRateLimits({ events: [0], average: 0.001 })).toThrow(/from 1/);
    expect(() => funnelRateLimits({ events: [1], average: 0 })).toThrow(RangeError);
    expect(() => funnelRateSignificance({ count: 1, denominator: 0, average: 1 })).toThrow(
      RangeError,
    );
  });
});

describe.skipIf(!HAVE_VECTORS)(vectorSuite('funnel limits and labels, PHE fixtures'), () => {
  it('matches every limit of testdata_funnel_rate_outputs_2 and _3', () => {
    const tables = [fixtures?.test_funnel_rate_funnels_2, fixtures?.test_funnel_rate_funnels_3];
    let checked = 0;
    for (const table of tables) {
      for (const row of table?.rows ?? []) {
        checkLimits(row);
        checked += 1;
      }
    }
    expect(checked).toBe(200);
  });

  it('labels all 40 areas of testdata_funnel_rate_dsr_inputs, with and without zero rows', () => {
    const rows = fixtures?.test_funnel_rate_inputs.rows ?? [];
    expect(rows.length).toBe(40);
    const label = (subset: typeof rows, row: (typeof rows)[number]) =>
      funnelRateSignificance({
        count: row.count,
        denominator: row.pop,
        // The package's centre line: Σ count ÷ Σ pop over the areas plotted.
        average:
          subset.reduce((sum, r) => sum + r.count, 0) / subset.reduce((sum, r) => sum + r.pop, 0),
      });
    for (const row of rows) {
      expect(label(rows, row), `count ${row.count}`).toBe(row.crude_per_100000_with_0);
    }
    const nonZero = rows.filter((r) => r.count > 0);
    for (const row of nonZero) {
      expect(label(nonZero, row), `count ${row.count}`).toBe(row.crude_per_100000_without_0);
    }
  });
});
