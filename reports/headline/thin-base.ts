/**
 * Sentences resting on too few known values are left out of the headline table. A share
 * ("0% of offenders are under 18") is stated only when more than `suppress_below` people or
 * events have the value known (its denominator): a share of people on a smaller base is already
 * suppressed, since its complement is small, and one on exactly `suppress_below` — 0 of 5, a
 * 95% interval of 0–43% — would read as a finding it is not.
 */
import type { Fact, HeadlineRow, HeadlineSentence } from '../types.js';
import { sentence } from './sentences/sentence.js';

/** A share (Wilson interval) whose known values are no more than `minBase`. */
export function restsOnTooFew(fact: Fact, minBase: number): boolean {
  return fact.method === 'wilson' && fact.denominator !== null && fact.denominator <= minBase;
}

const COLUMNS = ['intelligence', 'victims', 'perpetrators'] as const;

/**
 * The row without its thin sentences. A column they leave empty says "Numbers too small to
 * publish" (their rows as facts), as a column of suppressed numbers does, never a blank that
 * would read as "no data".
 */
export function leaveOutThin<Row extends Omit<HeadlineRow, 'narrative'>>(
  row: Row,
  minBase: number,
): Row {
  const out: Row = { ...row };
  for (const column of COLUMNS) {
    const thin = (s: HeadlineSentence) => s.facts.some((f) => restsOnTooFew(f, minBase));
    const kept = row[column].filter((s) => !thin(s));
    const dropped = row[column].filter(thin);
    out[column] =
      kept.length > 0 || dropped.length === 0
        ? kept
        : [
            sentence(
              'Numbers too small to publish',
              dropped.flatMap((s) => s.facts),
            ),
          ];
  }
  return out;
}
