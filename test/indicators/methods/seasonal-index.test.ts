/**
 * Seasonal indices and the χ² seasonality screen against the synthetic knife-crime series `kc`
 * (docs/methods.md#seasonal-index; R `chisq.test`), with interval limits taken from PHE-generated
 * exact Poisson vectors.
 * Tolerance: indices to the note's 4 decimals (5e-5 on the ratio scale) and exactly where
 * hand-computed (1e-12); χ² statistic and p to 1e-6 relative (7 printed digits); limits 1e-9.
 * There is no fixture file for this method: every vector is embedded here.
 */
import { describe, expect, it } from 'vitest';
import { seasonalIndices, seasonalityChiSquare } from '../../../indicators/methods/index.js';
import { expectClose } from './vectors.js';

// The synthetic series `kc`: month totals over 2021–2023, Jan..Dec (N = 237).
const KC = [12, 9, 15, 18, 27, 28, 31, 18, 13, 18, 21, 27];
const THREE_OF_EACH = Array.from({ length: 12 }, () => 3);
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

describe('seasonal index, kc series', () => {
  const rows = seasonalIndices({ monthTotals: KC, monthCounts: THREE_OF_EACH });

  // Reference values: "Seasonal index = month total / mean month total", printed to 4 decimals.
  const printed = [
    0.6076, 0.4557, 0.7595, 0.9114, 1.3671, 1.4177, 1.5696, 0.9114, 0.6582, 0.9114, 1.0633, 1.3671,
  ];
  it('seasonal index, 12 months of kc (×100 of the note)', () => {
    expect(rows.map((r) => r.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    rows.forEach((row, i) => {
      expectClose(row.value, 100 * (printed[i] ?? 0), 0, 5e-3);
    });
  });

  it('seasonal index, January: 100 × (12/3) ÷ (237/36) = 14400/237', () => {
    expectClose(rows[0]?.value ?? null, 14400 / 237, 1e-12);
  });

  // February holds 9 events over 3 Februaries. Exact 95% limits of 9 from
  // generated-and-fingertips-vectors.json rates "nine" (per 1,000 of 250,000, so × 250).
  it('seasonal index, 95%, February (O = 9): exact limits, significantly low', () => {
    const february = rows[1];
    const scale = (limit: number) => (100 * (limit / 3)) / (237 / 36);
    expectClose(february?.lower ?? null, scale(0.0164614923895133 * 250), 1e-9);
    expectClose(february?.upper ?? null, scale(0.0683392138056767 * 250), 1e-9);
    expect(february?.significance).toBe('lower');
  });

  it('seasonal index, 95%, March (O = 15) contains 100: similar', () => {
    expect(rows[2]?.significance).toBe('similar');
  });
});

describe('seasonal index, other histories', () => {
  // A flat series: 15 in every month. Exact 95% limits of 15 from DescTools PoissonCI
  // (DescTools `PoissonCI`, 15/400, × 400).
  it('seasonal index, 95%, a flat series of 15 a month', () => {
    const rows = seasonalIndices({
      monthTotals: Array.from({ length: 12 }, () => 15),
      monthCounts: Array.from({ length: 12 }, () => 1),
    });
    for (const row of rows) {
      expectClose(row.value, 100, 1e-12);
      expectClose(row.lower, (100 * 0.0209884653319583 * 400) / 15, 1e-9);
      expectClose(row.upper, (100 * 0.0618505471787146 * 400) / 15, 1e-9);
      expect(row.significance).toBe('similar');
    }
  });

  // 18 months (Jan–Jun twice, Jul–Dec once) at 10 a month: every index is exactly 100.
  it('seasonal index divides by how many of each month the history holds', () => {
    const monthCounts = [2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1];
    const rows = seasonalIndices({ monthTotals: monthCounts.map((n) => 10 * n), monthCounts });
    for (const row of rows) expectClose(row.value, 100, 1e-12);
  });

  // 400 Januaries against 100 in each other month: index 320 for January, 80 elsewhere; with
  // 100+ events per month the intervals are narrow enough (±20%) to separate both from 100.
  it('a peak month well above the rest is significantly high, the rest low', () => {
    const monthTotals = [400, ...Array.from({ length: 11 }, () => 100)];
    const rows = seasonalIndices({ monthTotals, monthCounts: THREE_OF_EACH });
    expectClose(rows[0]?.value ?? null, 320, 1e-12);
    expect(rows[0]?.significance).toBe('higher');
    expectClose(rows[1]?.value ?? null, 80, 1e-12);
    expect(rows[1]?.significance).toBe('lower');
  });

  it('a month the history does not hold has no index', () => {
    const monthCounts = [0, ...Array.from({ length: 11 }, () => 1)];
    const rows = seasonalIndices({ monthTotals: [0, ...KC.slice(1)], monthCounts });
    expect(rows[0]).toEqual({
      month: 1,
      value: null,
      lower: null,
      upper: null,
      significance: null,
      note: 'the history holds no such month',
    });
    expect(rows[1]?.value).not.toBeNull();
  });

  it('a history without events has no indices', () => {
    const rows = seasonalIndices({
      monthTotals: Array.from({ length: 12 }, () => 0),
      monthCounts: THREE_OF_EACH,
    });
    expect(rows.every((r) => r.value === null && r.note === 'no events in the history')).toBe(true);
  });
});

describe('χ² goodness of fit across months, kc series (R chisq.test)', () => {
  it('chi-square, equal months: 28.06329, df 11, p 0.003165853', () => {
    const result = seasonalityChiSquare(KC, THREE_OF_EACH);
    expectClose(result.statistic, 28.06329, 1e-6);
    expect(result.df).toBe(11);
    expectClose(result.p, 0.003165853, 1e-6);
    expect(result.note).toBeUndefined();
  });

  it('chi-square, p ∝ days (non-leap): 26.35171, df 11, p 0.005751285', () => {
    const result = seasonalityChiSquare(
      KC,
      DAYS.map((d) => 3 * d),
    );
    expectClose(result.statistic, 26.35171, 1e-6);
    expect(result.df).toBe(11);
    expectClose(result.p, 0.005751285, 1e-6);
  });

  it('warns when an expected count is below 5', () => {
    const result = seasonalityChiSquare([3, 1, 2, 4, 6, 5, 3, 2, 1, 4, 3, 2], THREE_OF_EACH);
    expect(result.note).toBe('an expected count is below 5: the χ² approximation is unreliable');
  });

  it('no events: no statistic', () => {
    const result = seasonalityChiSquare(
      Array.from({ length: 12 }, () => 0),
      THREE_OF_EACH,
    );
    expect(result).toEqual({ statistic: null, df: 11, p: null, note: 'no events' });
  });
});

describe('seasonal index, argument validation', () => {
  it('rejects a month list that is not 12 long', () => {
    expect(() => seasonalIndices({ monthTotals: KC.slice(1), monthCounts: THREE_OF_EACH })).toThrow(
      new RangeError('monthTotals must hold 12 non-negative numbers'),
    );
  });

  it('rejects a negative month total', () => {
    expect(() => seasonalityChiSquare([-1, ...KC.slice(1)], THREE_OF_EACH)).toThrow(
      new RangeError('monthTotals must hold 12 non-negative numbers'),
    );
  });

  it('rejects fractional month counts', () => {
    const monthCounts = [2.5, ...THREE_OF_EACH.slice(1)];
    expect(() => seasonalIndices({ monthTotals: KC, monthCounts })).toThrow(
      new RangeError('monthCounts must be integers'),
    );
  });

  it('rejects events in a month the history does not hold', () => {
    const monthCounts = [0, ...THREE_OF_EACH.slice(1)];
    expect(() => seasonalIndices({ monthTotals: KC, monthCounts })).toThrow(
      new RangeError('monthTotals must be 0 where monthCounts is 0'),
    );
  });

  it('rejects confidence 0.8', () => {
    expect(() =>
      seasonalIndices({ monthTotals: KC, monthCounts: THREE_OF_EACH, confidence: 0.8 }),
    ).toThrow(new RangeError('confidence must be between 0.9 and 1'));
  });
});
