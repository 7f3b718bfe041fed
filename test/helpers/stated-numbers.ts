/**
 * The numbers a sentence states, and whether each is a number of the rows it cites (its facts),
 * rounded as the outputs round (reports/format/numbers.ts): the headline's, the key findings'
 * and the category paragraphs' honesty tests read sentences with these.
 */
import type { Fact } from '../../reports/types.js';

/** Phrases that are part of an indicator's definition, not data: their numbers are not facts. */
export const DEFINITION_PHRASES: Readonly<Record<string, readonly string[]>> = {
  'police.rate_per_1000': ['per 1,000'],
  'ae.rate_per_1000': ['per 1,000'],
  'police.rate_by_ward': ['per 1,000'],
  'police.district_rate_per_1000': ['per 1,000'],
  'police.england_rate_per_1000': ['per 1,000'],
  'yj.fte_rate_per_100000': ['per 100,000', 'aged 10–17'],
  'victims.under_25_pct': ['under the age of 25'],
  'offenders.under_25_pct': ['under the age of 25'],
  'ae.under_25_pct': ['under the age of 25'],
  'victims.under_18_pct': ['under 18'],
  'offenders.under_18_pct': ['under 18'],
  'police.top10pct_lsoa_share': ['the 10% of'],
};

/** Words of method in any sentence, not data: the interval's level, the funnel's outer limits. */
const METHOD_PHRASES = ['95% CI', 'outside the 99.8% funnel limits'];

/** The numbers a sentence states, once definitions, names from data and period labels are removed. */
export function statedNumbers(text: string, facts: readonly Fact[]): string[] {
  let rest = text;
  for (const phrase of METHOD_PHRASES) rest = rest.replaceAll(phrase, ' ');
  for (const fact of facts) {
    for (const phrase of DEFINITION_PHRASES[fact.indicator_id] ?? []) {
      rest = rest.replaceAll(phrase, ' ');
    }
    // A beat or group name is quoted from the row; numeric breakdown values stay numbers.
    if (fact.breakdown_value && /[A-Za-z]/.test(fact.breakdown_value)) {
      rest = rest.replaceAll(fact.breakdown_value, ' ');
    }
    rest = rest.replaceAll(`${fact.period_start.slice(0, 4)}/${fact.period_end.slice(2, 4)}`, ' ');
  }
  return rest.match(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g) ?? [];
}

/** Whether `shown` is some number of the facts rounded to the decimals it is shown with. */
export function isFactNumber(shown: string, facts: readonly Fact[]): boolean {
  const decimals = shown.split('.')[1]?.length ?? 0;
  const x = Number(shown.replaceAll(',', ''));
  const candidates = facts.flatMap((f) => [
    f.value,
    f.numerator,
    f.denominator,
    f.lower_ci95,
    f.upper_ci95,
    f.breakdown_value === null ? null : Number(f.breakdown_value),
  ]);
  // A rank (1 = lowest) may be said from the other end: the ranked count less it, plus one.
  const fromTop = facts
    .filter((f) => f.unit === 'rank' && f.value !== null && f.denominator !== null)
    .map((f) => (f.denominator ?? 0) - (f.value ?? 0) + 1);
  return [...candidates, ...fromTop].some(
    (c) =>
      c !== null && Number.isFinite(c) && Math.abs(Math.abs(c) - x) <= 0.5 * 10 ** -decimals + 1e-9,
  );
}
