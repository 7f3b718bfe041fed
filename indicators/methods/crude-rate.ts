/**
 * Crude rate O/n × m with PHE's confidence interval (`phe_rate`): the count's Poisson limits,
 * exact below 10 events and Byar's from 10, divided by the same denominator.
 *
 * @see docs/methods.md#crude-rate
 */
import {
  checkDenominator,
  checkNonNegative,
  checkPositive,
  DEFAULT_CONFIDENCE,
  type Estimate,
} from './estimate.js';
import { EXACT_BELOW, poissonLimits } from './poisson-limits.js';

/** Inputs of `crudeRate`; a `null` count or denominator is missing data (PHE's NA). */
export interface CrudeRateInput {
  /** Events observed; may be fractional (weighted counts), never negative. */
  count: number | null;
  /** Population-years at risk; 0 is data (no value, with a note), negative is an error. */
  denominator: number | null;
  /** Rate per this many; 1,000 for SNA crime rates (PHE's own default is 100,000). */
  multiplier?: number;
  confidence?: number;
}

/**
 * Crude rate per `multiplier` (default 1,000) with its confidence interval.
 * - A missing count or denominator gives a null value, as PHE gives NA (fixture rows Area09–11).
 * - A denominator of 0 gives a null value with the note `'denominator is 0'`.
 * - O = 0 gives value 0, lower 0, upper ½χ²⁻¹(1 − α/2; 2)/n × m.
 * - A count above its denominator is allowed, as for PHE (fixture row Area12, 250/220).
 * @see docs/methods.md#crude-rate, docs/methods.md#conventions (missing values)
 */
export function crudeRate({
  count,
  denominator,
  multiplier = 1000,
  confidence = DEFAULT_CONFIDENCE,
}: CrudeRateInput): Estimate {
  if (count !== null) checkNonNegative(count, 'count');
  if (denominator !== null) checkDenominator(denominator);
  checkPositive(multiplier, 'multiplier');
  // The label says which method the count selects, so a null row still names its method.
  const method = count !== null && count >= EXACT_BELOW ? 'byar' : 'exact_poisson';
  if (count === null)
    return { value: null, lower: null, upper: null, method, note: 'count is missing' };
  if (denominator === null) {
    return { value: null, lower: null, upper: null, method, note: 'denominator is missing' };
  }
  if (denominator === 0) {
    return { value: null, lower: null, upper: null, method, note: 'denominator is 0' };
  }
  const limits = poissonLimits(count, confidence);
  // O/n × m, in this order, as the package computes it.
  const scale = (x: number) => (x / denominator) * multiplier;
  const estimate: Estimate = {
    value: scale(count),
    lower: limits.lower === null ? null : scale(limits.lower),
    upper: scale(limits.upper),
    method: limits.method,
  };
  // Only Byar's at a confidence near 1 can do this; never at 95% or 99.8% from 10 events.
  if (limits.lower === null) estimate.note = "Byar's lower limit is negative at this confidence";
  return estimate;
}
