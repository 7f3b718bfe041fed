/**
 * A category paragraph's first sentence: how many, and how that compares with the period before
 * ("Violence with injury rose 13% to 380 crimes in 2024/25, not a significant change on the
 * year before (336)"). A rise or fall is called significant only when its change row is; the
 * part of the period the data cover is said whenever it is not all of it.
 */
import { NOT_COMPUTED } from '../../../indicators/coverage.js';
import { formatCount, type PeriodWords } from '../../headline/format.js';
import type { HeadlineSentence, PublishedRow } from '../../types.js';
import { eventsOf } from '../candidate.js';
import { isStatable } from '../gate.js';
import { countAndChangeIds } from '../rules/change.js';
import { changeWords, countWords, coverageOf } from '../words.js';
import type { RowFacts } from './row-facts.js';

/** How a change row's verdict reads after the change itself. */
function verdict(change: PublishedRow, previous: string): string {
  switch (change.significance) {
    case 'higher':
      return `a significant increase on ${previous}`;
    case 'lower':
      return `a significant decrease on ${previous}`;
    case 'similar':
      return `not a significant change on ${previous}`;
    default:
      return `compared with ${previous}`;
  }
}

/** The period as a paragraph names it, with what the data cover when short of it. */
export function periodPhrase(period: PeriodWords, count: PublishedRow | undefined): string {
  const covered = coverageOf(count);
  return `in ${period.label}${covered ? ` (${covered})` : ''}`;
}

export function volumeSentence(
  facts: RowFacts,
  category: string,
  title: string,
  period: PeriodWords,
): HeadlineSentence | null {
  const ids = countAndChangeIds(category);
  const count = facts.one(ids.count);
  const change = ids.change ? facts.one(ids.change) : undefined;
  const events = eventsOf(category);
  const when = periodPhrase(period, count);
  if (count?.suppressed) {
    return {
      text: `${title}: too few ${events.many} ${when} to publish the number`,
      facts: [count],
    };
  }
  if (!isStatable(count)) return null;
  const counted = `${title}: ${countWords(count.value, events)} ${when}`;
  if (!change || change.status === 'not_available') return { text: counted, facts: [count] };
  if (change.suppressed) {
    return {
      text: `${counted}; too few in ${period.previous} to publish a change`,
      facts: [count, change],
    };
  }
  if (!isStatable(change) || change.denominator === null) {
    if (change.note?.includes(NOT_COMPUTED)) {
      return {
        text: `${counted}; the data do not cover ${period.previous}, so no change is given`,
        facts: [count, change],
      };
    }
    return change.denominator === 0
      ? { text: `${counted}, none in ${period.previous}`, facts: [count, change] }
      : { text: counted, facts: [count] };
  }
  return {
    text: `${title} ${changeWords(count.value, change.value, events)} ${when}, ${verdict(change, period.previous)} (${formatCount(change.denominator)})`,
    facts: [count, change],
  };
}
