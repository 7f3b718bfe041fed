/**
 * Sentences for the two non-police rows: A&E assault attendances (ISTV) and youth justice.
 * Count, change and rate sentences reuse the police builders with their own nouns.
 */

import { formatNumber, UNIT_LABELS } from '../../format/numbers.js';
import type { HeadlineSentence, PublishedRow } from '../../types.js';
import { hasValue, held, isSuppressed, suppressedAmong } from '../facts.js';
import { formatCount, formatPercent, type PeriodWords } from '../format.js';
import { sentence } from './sentence.js';

function share(
  row: PublishedRow | undefined,
  text: (percent: string) => string,
): HeadlineSentence | null {
  return hasValue(row) ? sentence(text(`${formatPercent(row.value)}%`), [row]) : null;
}

export const aeKnife = (row: PublishedRow | undefined) =>
  share(row, (p) => `${p} of assaults with a known method involved a knife or sharp object`);

export const aeHome = (row: PublishedRow | undefined) =>
  share(row, (p) => `${p} of assaults with a known location happened at home`);

export const aeOutsideArea = (row: PublishedRow | undefined) =>
  share(row, (p) => `${p} of patients with a known home address live outside the area`);

export const aeUnder25 = (row: PublishedRow | undefined) =>
  share(row, (p) => `${p} of patients are under the age of 25`);

export const aeMale = (row: PublishedRow | undefined) =>
  share(row, (p) => `${p} of patients are male`);

const OFFENCE_WORDS: Readonly<Record<string, string>> = {
  violence_against_person: 'violence against the person',
  robbery: 'robbery',
  possession_of_weapon: 'possession of a weapon',
  drugs: 'drugs offences',
  sexual: 'sexual offences',
  theft: 'theft',
  criminal_damage: 'criminal damage',
  public_order: 'public order offences',
  motoring: 'motoring offences',
  other: 'other offences',
};

/** The published row of a breakdown with the largest value (the first of equals). */
function largest(rows: readonly PublishedRow[]): (PublishedRow & { value: number }) | undefined {
  return rows
    .filter(hasValue)
    .reduce<(PublishedRow & { value: number }) | undefined>(
      (best, r) => (best === undefined || r.value > best.value ? r : best),
      undefined,
    );
}

/** "The most common offence type is violence against the person (30% of offences)." */
export function commonestOffence(rows: readonly PublishedRow[]): HeadlineSentence | null {
  const top = largest(rows);
  if (!top?.breakdown_value) return null;
  const what = OFFENCE_WORDS[top.breakdown_value] ?? top.breakdown_value.replaceAll('_', ' ');
  return sentence(
    `The most common offence type is ${what} (${formatPercent(top.value)}% of offences)`,
    [top],
  );
}

/** "50% of offences were by children in the North locality." */
export function busiestLocality(rows: readonly PublishedRow[]): HeadlineSentence | null {
  const top = largest(rows);
  if (!top?.breakdown_value) return null;
  return sentence(
    `${formatPercent(top.value)}% of offences were by children in the ${top.breakdown_value} locality`,
    [top],
  );
}

export const outOfCourt = (row: PublishedRow | undefined) =>
  share(row, (p) => `${p} of offences with a known outcome were dealt with out of court`);

/**
 * "71 children committed 115 offences in 2024/25; mean age at offence 14.9", from
 * `yj.children`, `yj.offences` and `yj.mean_age` (years, to one decimal).
 */
export function childrenAndOffences(
  children: PublishedRow | undefined,
  offences: PublishedRow | undefined,
  meanAge: PublishedRow | undefined,
  period: PeriodWords,
): HeadlineSentence | null {
  if (isSuppressed(children) || isSuppressed(offences)) {
    const facts = suppressedAmong([children, offences]);
    return sentence(`Too few children offended in ${period.label} to publish the numbers`, facts);
  }
  if (!hasValue(children) || !hasValue(offences)) return null;
  const who = `${formatCount(children.value)} ${children.value === 1 ? 'child' : 'children'}`;
  const what = `${formatCount(offences.value)} ${offences.value === 1 ? 'offence' : 'offences'}`;
  const text = `${who} committed ${what} in ${period.label}`;
  if (!hasValue(meanAge)) return sentence(text, [children, offences]);
  return sentence(`${text}; mean age at offence ${formatNumber(meanAge.value, 'years')}`, [
    children,
    offences,
    meanAge,
  ]);
}

export const childrenMale = (row: PublishedRow | undefined) =>
  share(row, (p) => `${p} of the children are male`);

/** "53 first-time entrants: 531.9 per 100,000 residents aged 10–17." */
export function firstTimeEntrants(row: PublishedRow | undefined): HeadlineSentence | null {
  if (!hasValue(row)) return null;
  const n = held(row.numerator);
  return sentence(
    `${formatCount(n)} first-time ${n === 1 ? 'entrant' : 'entrants'} to the youth justice system: ${formatNumber(row.value, 'per_100000')} ${UNIT_LABELS.per_100000} aged 10–17`,
    [row],
  );
}
