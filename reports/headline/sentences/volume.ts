/**
 * Sentences about volume and time: the period's count and its change on the period before,
 * the rate per head and the rank among comparator areas, and the seasonal peaks.
 */

import { NOT_COMPUTED } from '../../../indicators/coverage.js';
import { formatNumber, unitLabel } from '../../format/numbers.js';
import type { HeadlineSentence, PublishedRow } from '../../types.js';
import { hasValue, held, isNotAvailable, isSuppressed } from '../facts.js';
import {
  formatCount,
  formatPercent,
  formatRate,
  MONTH_NAMES,
  monthRanges,
  type PeriodWords,
  rankWords,
} from '../format.js';
import { CRIMES, type EventWords, sentence } from './sentence.js';

/**
 * "380 crimes in 2024/25, 13% more than the year before (a significant increase)", or
 * "…, similar to the year before (336)" when the change is not significant. A suppressed count
 * says the number is too small to publish; a suppressed change says it cannot be published.
 */
export function countAndChange(
  count: PublishedRow | undefined,
  change: PublishedRow | undefined,
  period: PeriodWords,
  events: EventWords = CRIMES,
): HeadlineSentence | null {
  if (!count || isNotAvailable(count)) return null;
  if (isSuppressed(count)) {
    return sentence(`Too few ${events.many} in ${period.label} to publish the number`, [count]);
  }
  if (!hasValue(count)) return null;
  const n = count.value;
  const counted = `${formatCount(n)} ${n === 1 ? events.one : events.many} in ${period.label}`;
  if (!change || isNotAvailable(change)) return sentence(counted, [count]);
  if (isSuppressed(change)) {
    return sentence(
      `${counted}; too few ${events.many} in ${period.previous} to publish the change`,
      [count, change],
    );
  }
  if (!hasValue(change)) {
    // Not computed when the data do not cover both periods: said, so no one reads "no change".
    if (change.note?.includes(NOT_COMPUTED)) {
      return sentence(
        `${counted}; the data do not cover ${period.previous}, so no change is given`,
        [count, change],
      );
    }
    // The change is undefined when the previous period had none.
    return change.denominator === 0
      ? sentence(`${counted}, none in ${period.previous}`, [count, change])
      : sentence(counted, [count]);
  }
  const size = `${formatPercent(Math.abs(change.value))}%`;
  const direction = change.value >= 0 ? 'more' : 'fewer';
  switch (change.significance) {
    case 'higher':
      return sentence(`${counted}, ${size} more than ${period.previous} (a significant increase)`, [
        count,
        change,
      ]);
    case 'lower':
      return sentence(
        `${counted}, ${size} fewer than ${period.previous} (a significant decrease)`,
        [count, change],
      );
    case 'similar':
      return sentence(
        `${counted}, similar to ${period.previous} (${formatCount(held(change.denominator))})`,
        [count, change],
      );
    default:
      return sentence(`${counted}, ${size} ${direction} than ${period.previous}`, [count, change]);
  }
}

/**
 * "3.9 crimes per 1,000 residents: the third lowest rate of the 10 areas compared, and
 * significantly lower than the comparator areas together (5.1)", from `police.rate_per_1000`,
 * `police.rank_among_comparators` (value = rank, 1 = lowest; denominator = areas ranked, the
 * area included) and `police.comparators_combined_rate_per_1000` (its significance: the area's
 * rate against the comparators' pooled rate).
 */
export function rateAndRank(
  rate: PublishedRow | undefined,
  rank: PublishedRow | undefined,
  what = 'crimes',
  combined?: PublishedRow,
): HeadlineSentence | null {
  const ranked =
    hasValue(rank) && rank.denominator !== null && rank.denominator >= 2 ? rank : undefined;
  const rankText = ranked
    ? `${rankWords(ranked.value, held(ranked.denominator))} rate of the ${formatCount(held(ranked.denominator))} areas compared`
    : null;
  if (!hasValue(rate)) {
    return ranked && rankText ? sentence(`${what}: ${rankText}`, [ranked]) : null;
  }
  const text = `${formatNumber(rate.value, rate.unit)} ${what} ${unitLabel(rate.unit)}`;
  const against = hasValue(combined) ? comparedWithPeers(combined) : null;
  const parts = [rankText, against].filter((part): part is string => part !== null);
  const facts = [rate, ...(ranked ? [ranked] : []), ...(against && combined ? [combined] : [])];
  return sentence(parts.length > 0 ? `${text}: ${parts.join(', and ')}` : text, facts);
}

/** How the area's rate stands against the comparators' combined rate, if it was compared. */
function comparedWithPeers(combined: PublishedRow & { value: number }): string | null {
  const value = formatRate(combined.value);
  if (combined.significance === 'similar')
    return `similar to the comparator areas together (${value})`;
  if (combined.significance === 'higher' || combined.significance === 'lower') {
    return `significantly ${combined.significance} than the comparator areas together (${value})`;
  }
  return null;
}

/**
 * "Seasonal increases in May–July and October–December" from the `police.seasonal_index`
 * months whose significance is `higher` (their CI lies above 100). "No significant seasonal
 * pattern" only when all twelve months are published and none is a peak.
 */
export function seasonality(rows: readonly PublishedRow[]): HeadlineSentence | null {
  const published = rows.filter(hasValue);
  const peaks = published.filter((r) => r.significance === 'higher');
  if (peaks.length > 0) {
    const months = peaks.map((r) => Number(r.breakdown_value));
    const words = monthRanges(months);
    const single = peaks.length === 1 ? MONTH_NAMES[(months[0] ?? 1) - 1] : null;
    return sentence(
      single ? `Seasonal increase in ${single}` : `Seasonal increases in ${words}`,
      peaks,
    );
  }
  if (published.length === 12 && rows.length === 12) {
    return sentence('No significant seasonal pattern', published);
  }
  return null;
}
