/**
 * Seasonal indices by calendar month, with exact Poisson intervals, and a χ² goodness-of-fit
 * screen for seasonality across the whole series.
 *
 * @see docs/contract.md#indicators (`police.seasonal_index`)
 * @see docs/methods.md#seasonal-index, docs/methods.md#seasonality-chi-squared-screen
 */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import {
  checkConfidence,
  DEFAULT_CONFIDENCE,
  type Significance,
  significanceAgainst,
} from './estimate.js';
import { exactPoissonLimits } from './poisson-limits.js';

const MONTHS = 12;

/** Inputs of `seasonalIndices`, indexed January (0) to December (11). */
export interface SeasonalIndexInput {
  /** Events in each calendar month, summed over the history. */
  monthTotals: readonly number[];
  /** How many of each calendar month the history holds (3 Januaries in 3 years). */
  monthCounts: readonly number[];
  confidence?: number;
}

/** One calendar month's index (100 = an average month) and its interval. */
export interface SeasonalIndexRow {
  /** 1 = January … 12 = December. */
  month: number;
  value: number | null;
  lower: number | null;
  upper: number | null;
  significance: Significance | null;
  note?: string;
}

function checkMonthly(values: readonly number[], name: string): void {
  const valid = values.length === MONTHS && values.every((v) => Number.isFinite(v) && v >= 0);
  if (!valid) throw new RangeError(`${name} must hold 12 non-negative numbers`);
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Index_m = 100 × (total_m / n_m) ÷ (Σ total / Σ n); limits = the exact Poisson (χ²) limits of
 * total_m scaled the same way, the overall mean being treated as fixed. `significance` is
 * `higher` when the lower limit is above 100, `lower` when the upper limit is below 100.
 * Exact limits at every count, as the contract says (not PHE's switch to Byar's at 10).
 * - A month the history does not hold (n_m = 0): null with a note.
 * - No events at all: every month null with a note.
 * @see docs/methods.md#seasonal-index (per month, not per day)
 */
export function seasonalIndices({
  monthTotals,
  monthCounts,
  confidence = DEFAULT_CONFIDENCE,
}: SeasonalIndexInput): SeasonalIndexRow[] {
  checkMonthly(monthTotals, 'monthTotals');
  checkMonthly(monthCounts, 'monthCounts');
  if (!monthCounts.every(Number.isInteger)) throw new RangeError('monthCounts must be integers');
  checkConfidence(confidence);
  const overallMean = sum(monthTotals) / sum(monthCounts);
  return monthTotals.map((total, index): SeasonalIndexRow => {
    const month = index + 1;
    const held = monthCounts[index] ?? 0;
    const empty = { month, value: null, lower: null, upper: null, significance: null };
    if (held === 0) {
      if (total > 0) throw new RangeError('monthTotals must be 0 where monthCounts is 0');
      return { ...empty, note: 'the history holds no such month' };
    }
    if (!(overallMean > 0)) return { ...empty, note: 'no events in the history' };
    const scale = (x: number) => (100 * (x / held)) / overallMean;
    const limits = exactPoissonLimits(total, confidence);
    const lower = scale(limits.lower ?? 0);
    const upper = scale(limits.upper);
    return {
      month,
      value: scale(total),
      lower,
      upper,
      significance: significanceAgainst(lower, upper, 100),
    };
  });
}

/** A χ² goodness-of-fit result; `statistic` and `p` are null when there are no events. */
export interface ChiSquareResult {
  statistic: number | null;
  df: number;
  p: number | null;
  note?: string;
}

/**
 * χ² goodness of fit of the month totals to "no seasonality": X² = Σ(O_m − N·p_m)²/(N·p_m) with
 * p_m proportional to `monthExposure` (how many of each month the history holds for equal months,
 * or the days they span to allow for month length); df = months with exposure − 1; p = 1 − CDF.
 * It pools years, so trend and over-dispersion inflate it: a screen only. A note warns when an
 * expected count is below 5, where a Monte Carlo or exact p would be needed instead.
 * @see docs/methods.md#seasonality-chi-squared-screen
 */
export function seasonalityChiSquare(
  monthTotals: readonly number[],
  monthExposure: readonly number[],
): ChiSquareResult {
  checkMonthly(monthTotals, 'monthTotals');
  checkMonthly(monthExposure, 'monthExposure');
  const months = monthExposure.filter((e) => e > 0).length;
  const df = months - 1;
  const events = sum(monthTotals);
  const exposure = sum(monthExposure);
  if (events === 0 || df < 1) {
    return {
      statistic: null,
      df,
      p: null,
      note: events === 0 ? 'no events' : 'fewer than 2 months',
    };
  }
  let statistic = 0;
  let smallestExpected = Number.POSITIVE_INFINITY;
  monthTotals.forEach((observed, index) => {
    const share = (monthExposure[index] ?? 0) / exposure;
    if (share === 0) {
      if (observed > 0) throw new RangeError('monthTotals must be 0 where monthExposure is 0');
      return;
    }
    const expected = events * share;
    smallestExpected = Math.min(smallestExpected, expected);
    statistic += (observed - expected) ** 2 / expected;
  });
  // 1 − CDF is exact to ~1e-16 absolute: ample for a screen, though p < 1e-15 reads as 0.
  const result: ChiSquareResult = { statistic, df, p: 1 - chisquareCdf(statistic, df) };
  if (smallestExpected < 5) {
    result.note = 'an expected count is below 5: the χ² approximation is unreliable';
  }
  return result;
}
