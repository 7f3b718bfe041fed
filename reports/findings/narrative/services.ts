/**
 * The paragraphs' sentences for the two rows that are not police crimes: who comes to A&E after
 * an assault, and the children in the youth justice system.
 */
import { formatNumber, UNIT_LABELS } from '../../format/numbers.js';
import { formatCount, formatPercent, joinWords, type PeriodWords } from '../../headline/format.js';
import type { HeadlineSentence, PublishedRow } from '../../types.js';
import { isStatable } from '../gate.js';
import type { RowFacts } from './row-facts.js';
import { periodPhrase } from './volume.js';

/** "41% of patients are under the age of 25, and 15% of assaults with a known method involved a knife". */
export function aePatientsSentence(facts: RowFacts): HeadlineSentence | null {
  const said: Array<[PublishedRow | undefined, (p: string) => string]> = [
    [facts.one('ae.under_25_pct'), (p) => `${p}% of patients are under the age of 25`],
    [
      facts.one('ae.knife_pct'),
      (p) => `${p}% of assaults with a known method involved a knife or sharp object`,
    ],
  ];
  const stated = said.filter((s): s is [PublishedRow & { value: number }, (p: string) => string] =>
    isStatable(s[0]),
  );
  if (stated.length === 0) return null;
  return {
    text: joinWords(stated.map(([row, words]) => words(formatPercent(row.value)))),
    facts: stated.map(([row]) => row),
  };
}

/**
 * "Youth justice: 71 children committed 115 offences in 2024/25, at a mean age of 14.9; 53 were
 * first-time entrants to the youth justice system (531.9 per 100,000 residents aged 10–17)".
 */
export function youthJusticeSentence(
  facts: RowFacts,
  title: string,
  period: PeriodWords,
): HeadlineSentence | null {
  const children = facts.one('yj.children');
  const offences = facts.one('yj.offences');
  const when = periodPhrase(period, offences);
  if (children?.suppressed || offences?.suppressed) {
    const blank = [children, offences].filter((r): r is PublishedRow => r?.suppressed === true);
    return {
      text: `${title}: too few children offended ${when} to publish the numbers`,
      facts: blank,
    };
  }
  if (!isStatable(children) || !isStatable(offences)) return null;
  const who = `${formatCount(children.value)} ${children.value === 1 ? 'child' : 'children'}`;
  const what = `${formatCount(offences.value)} ${offences.value === 1 ? 'offence' : 'offences'}`;
  const age = facts.one('yj.mean_age');
  const parts = [`${title}: ${who} committed ${what} ${when}`];
  const used: PublishedRow[] = [children, offences];
  if (isStatable(age)) {
    parts[0] += `, at a mean age of ${formatNumber(age.value, 'years')}`;
    used.push(age);
  }
  const fte = facts.one('yj.fte_rate_per_100000');
  if (isStatable(fte) && fte.numerator !== null) {
    parts.push(
      `${formatCount(fte.numerator)} ${fte.numerator === 1 ? 'was a first-time entrant' : 'were first-time entrants'} to the youth justice system (${formatNumber(fte.value, 'per_100000')} ${UNIT_LABELS.per_100000} aged 10–17)`,
    );
    used.push(fte);
  }
  return { text: parts.join('; '), facts: used };
}
