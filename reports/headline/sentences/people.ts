/**
 * Sentences about victims and offenders: age and sex profiles, repeat victims, the sex of
 * repeat offenders, and the ethnic groups over-represented among offenders.
 */
import type { HeadlineSentence, PublishedRow } from '../../types.js';
import { hasValue } from '../facts.js';
import { formatPercent, formatRate, fractionWords, type PeriodWords } from '../format.js';
import { sentence } from './sentence.js';

/** A share row as "<pct>% of <whole>"; null when the row cannot be stated. */
function share(
  row: PublishedRow | undefined,
  text: (percent: string) => string,
): HeadlineSentence | null {
  return hasValue(row) ? sentence(text(`${formatPercent(row.value)}%`), [row]) : null;
}

export const victimsUnder25 = (row: PublishedRow | undefined) =>
  share(row, (p) => `${p} of victims are under the age of 25`);

export const victimsUnder18 = (row: PublishedRow | undefined) =>
  share(row, (p) => `${p} of victims are under 18`);

export const victimsMale = (row: PublishedRow | undefined) =>
  share(row, (p) => `${p} of victims are male`);

/** "13% of victims were victims more than once in 2024/25"; "No repeat victims…" when none. */
export function repeatVictims(
  row: PublishedRow | undefined,
  period: PeriodWords,
): HeadlineSentence | null {
  if (hasValue(row) && row.value === 0) {
    return sentence(`No repeat victims in ${period.label}`, [row]);
  }
  return share(row, (p) => `${p} of victims were victims more than once in ${period.label}`);
}

export const offendersUnder18 = (row: PublishedRow | undefined) =>
  share(row, (p) => `${p} of offenders are under 18`);

export const offendersUnder25 = (row: PublishedRow | undefined) =>
  share(row, (p) => `${p} of offenders are under the age of 25`);

export const offendersMale = (row: PublishedRow | undefined) =>
  share(row, (p) => `${p} of offenders are male`);

/**
 * "68% of repeat offenders are male (about two thirds)": the fraction is added only when the
 * exact percentage, and the number printed, are within 2 points of it (`fractionWords`).
 */
export function repeatOffendersMale(row: PublishedRow | undefined): HeadlineSentence | null {
  if (!hasValue(row)) return null;
  const fraction = fractionWords(row.value);
  const about = fraction ? ` (about ${fraction})` : '';
  return sentence(`${formatPercent(row.value)}% of repeat offenders are male${about}`, [row]);
}

// Written as inside a sentence: `sentence` capitalises the one a sentence begins with.
const GROUP_WORDS: Readonly<Record<string, string>> = {
  Asian: 'Asian offenders',
  Black: 'Black offenders',
  Mixed: 'offenders of mixed ethnicity',
  White: 'White offenders',
  Other: 'offenders of other ethnic groups',
};

/** The offenders of an ethnic group, as a sentence names them ("Black offenders"). */
export const offendersOfGroup = (group: string): string =>
  GROUP_WORDS[group] ?? `offenders in the ${group} ethnic group`;

/**
 * "Black offenders are 3.2 times what the area's population would suggest", one sentence per
 * ethnic group of `offenders.disproportionality` whose 95% CI lies wholly above 1, largest
 * first. Groups not significantly over-represented give no sentence.
 */
export function disproportionality(rows: readonly PublishedRow[]): HeadlineSentence[] {
  return rows
    .filter(hasValue)
    .filter((r) => r.lower_ci95 !== null && r.lower_ci95 > 1 && r.breakdown_value)
    .sort((a, b) => b.value - a.value)
    .map((r) => {
      const who = offendersOfGroup(r.breakdown_value ?? '');
      return sentence(
        `${who} are ${formatRate(r.value)} times what the area’s population would suggest`,
        [r],
      );
    });
}
