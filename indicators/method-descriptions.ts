/** What each method of the closed METHODS list computes, in plain English (report and docs). */
import type { Method } from './define.js';

/** The method labels of `indicators.csv` in plain English (OHID/PHE methods). */
export const METHOD_DESCRIPTIONS: Readonly<Record<Method, string>> = {
  count: 'A count; no confidence interval.',
  byar: 'Rate with a 95% confidence interval by Byar’s approximation to the Poisson distribution (10 or more events).',
  exact_poisson:
    'Rate or index with an exact Poisson 95% confidence interval (used below 10 events, and for the seasonal index).',
  wilson: 'Proportion with a Wilson score 95% confidence interval.',
  rate_ratio_exact:
    'Change against the previous period: the exact conditional (binomial) 95% confidence interval of the ratio of the two counts; “higher” or “lower” when it excludes 1, else “similar”.',
  katz_log:
    'Ratio of two proportions with Katz’s log 95% confidence interval; “higher” or “lower” when it excludes 1.',
  spearman: 'Spearman’s rank correlation, ties given their average rank.',
  t: 'Mean with a Student’s t 95% confidence interval.',
  knox_monte_carlo:
    'Knox near-repeat test as Ratcliffe’s Near Repeat Calculator runs it: pairs of crimes close in both space and time, against the mean over permutations of the dates (a fixed seed); p = (1 + permutations with as many pairs or more) ÷ (permutations + 1); “higher” when p ≤ 0.05, “lower” when the same for as few pairs or fewer is.',
  rank: 'Rank among the areas compared, 1 being the lowest rate; no confidence interval.',
  getis_ord_gi_star:
    'Getis–Ord Gi* z-score of an LSOA and its queen neighbours (binary weights, analytical variance), with a two-sided normal p-value; hot or cold spot when the Benjamini–Hochberg adjusted p-value across the area’s LSOAs is at most 5%.',
};

export function describeMethod(method: string): string {
  return METHOD_DESCRIPTIONS[method as Method] ?? 'See the indicator’s definition.';
}
