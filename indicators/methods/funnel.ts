/**
 * Funnel plots for crude rates, as PHEindicatormethods draws and labels them
 * (`calculate_funnel_limits`, `assign_funnel_significance`, statistic "rate", rate_type "crude"):
 * - the centre line is the pooled average of the plotted areas, Σ events ÷ Σ denominators;
 * - the limits at a number of events are exact Poisson, found by the package's bisection (the
 *   fixtures depend on it to about 1e-7; the χ² closed form differs by that much);
 * - an area is significant where its own interval (exact below 10 events, Byar's from 10)
 *   excludes the average: at 99.8% "(0.001)", else at 95% "(0.025)".
 *
 * @see docs/methods.md#funnel-plot-limits-and-labels
 */
import { checkNonNegative, checkPositive } from './estimate.js';
import { poissonLimits } from './poisson-limits.js';

/** P(xa ≤ X ≤ xb) for X ~ Poisson(z), by normalised term summation (utils.R `poisson_cis`). */
export function poissonCis(z: number, xa: number, xb: number): number {
  let q = 1;
  let total = 0;
  let sum = 0;
  let k = 0;
  while (k <= z || q > total * 1e-10) {
    total += q;
    if (k >= xa && k <= xb) sum += q;
    if (total > 1e30) {
      sum /= 1e30;
      total /= 1e30;
      q /= 1e30;
    }
    k += 1;
    q = (q * z) / k;
  }
  return sum / total;
}

/**
 * The Poisson mean λ whose tail at `observed` has probability `p` (utils.R `poisson_funnel`):
 * side "low" solves P(X ≥ observed) = p (the lower λ), "high" solves P(X ≤ observed) = p.
 */
export function poissonFunnel(observed: number, p: number, side: 'low' | 'high'): number {
  checkNonNegative(observed, 'observed');
  if (!(p > 0 && p < 1)) throw new RangeError('p must be between 0 and 1');
  let v = 0.5;
  let dv = 0.5;
  while (dv > 1e-7) {
    dv /= 2;
    const lambda = ((1 + observed) * v) / (1 - v);
    const tail =
      side === 'low' ? poissonCis(lambda, observed, 1e10) > p : poissonCis(lambda, 0, observed) < p;
    v += tail ? -dv : dv;
  }
  return ((1 + observed) * v) / (1 - v);
}

/** The four funnel limits, as rates per `multiplier`, at one number of events. */
export interface FunnelLimits {
  events: number;
  /** Denominators at which `events` sit on each limit (the x of the funnel's curves). */
  lower95Denominator: number;
  upper95Denominator: number;
  lower998Denominator: number;
  upper998Denominator: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export interface FunnelRateInput {
  /** Numbers of events at which to draw the limits (1, 2, …: an event count of 0 has none). */
  events: readonly number[];
  /** The pooled average Σ events ÷ Σ denominators (a rate per 1, not per multiplier). */
  average: number;
  multiplier?: number;
}

/** Crude-rate funnel limits at each number of events (PHE's exact Poisson bisection). */
export function funnelRateLimits({
  events,
  average,
  multiplier = 1000,
}: FunnelRateInput): FunnelLimits[] {
  checkPositive(average, 'average');
  checkPositive(multiplier, 'multiplier');
  return events.map((e) => {
    if (!(Number.isInteger(e) && e >= 1)) {
      throw new RangeError(`events must be whole numbers from 1, got ${e}`);
    }
    const at = (p: number, side: 'low' | 'high') => poissonFunnel(e, p, side) / average;
    const lower95Denominator = at(0.025, 'high');
    const upper95Denominator = at(0.025, 'low');
    const lower998Denominator = at(0.001, 'high');
    const upper998Denominator = at(0.001, 'low');
    const rate = (denominator: number) => (e / denominator) * multiplier;
    return {
      events: e,
      lower95Denominator,
      upper95Denominator,
      lower998Denominator,
      upper998Denominator,
      lower95: rate(lower95Denominator),
      upper95: rate(upper95Denominator),
      lower998: rate(lower998Denominator),
      upper998: rate(upper998Denominator),
    };
  });
}

export type FunnelSignificance =
  | 'High (0.001)'
  | 'High (0.025)'
  | 'Low (0.001)'
  | 'Low (0.025)'
  | 'Not significant';

/**
 * PHE's label for one area's crude rate against the funnel's average (`funnel_ratio_significance`
 * with reference = average): High where the average lies below the area's lower limit, Low where
 * above its upper limit, first at 99.8% and then at 95%.
 */
export function funnelRateSignificance({
  count,
  denominator,
  average,
}: {
  count: number;
  denominator: number;
  average: number;
}): FunnelSignificance {
  checkNonNegative(count, 'count');
  checkPositive(denominator, 'denominator');
  checkNonNegative(average, 'average');
  for (const [confidence, label] of [
    [0.998, '0.001'],
    [0.95, '0.025'],
  ] as const) {
    const limits = poissonLimits(count, confidence);
    const low = count === 0 ? 0 : (limits.lower ?? 0) / denominator;
    const high = limits.upper / denominator;
    if (average < low) return `High (${label})`;
    if (average > high) return `Low (${label})`;
  }
  return 'Not significant';
}
