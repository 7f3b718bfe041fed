/**
 * The words key findings and category paragraphs share: a change as "rose 13% to 380 crimes",
 * a 95% interval as "95% CI 2.3 to 4.6", and what part of the period the data cover. Numbers
 * are rounded by the headline's formatters (reports/headline/format.ts), as every output rounds
 * them.
 */
import { formatLimits } from '../format/numbers.js';
import { formatCount, formatPercent } from '../headline/format.js';
import type { EventWords } from '../headline/sentences/sentence.js';
import type { PublishedRow } from '../types.js';

/** "380 crimes", "1 crime". */
export const countWords = (count: number, events: EventWords): string =>
  `${formatCount(count)} ${count === 1 ? events.one : events.many}`;

/**
 * A count and its % change on the period before: "rose 13% to 380 crimes", "fell 8% to 62
 * crimes", "was unchanged at 40 crimes". Words of direction only: whether the change is
 * significant is for the caller to say.
 */
export function changeWords(count: number, change: number, events: EventWords): string {
  const counted = countWords(count, events);
  if (change === 0) return `was unchanged at ${counted}`;
  return `${change > 0 ? 'rose' : 'fell'} ${formatPercent(Math.abs(change))}% to ${counted}`;
}

/**
 * A row's 95% interval in words, with the value's decimals: "95% CI 2.3 to 4.6", "95% CI 30% to
 * 39%"; empty when the row has none.
 */
export function intervalWords(row: PublishedRow): string {
  if (row.lower_ci95 === null || row.upper_ci95 === null) return '';
  const [lower, upper] = formatLimits(row.value, row.lower_ci95, row.upper_ci95, row.unit);
  const sign = row.unit === 'percent' ? '%' : '';
  return `95% CI ${lower}${sign} to ${upper}${sign}`;
}

/**
 * A % change's interval as sizes in its direction: a rise of 4% to 23% is "95% CI 4% to 23%
 * more", a fall whose limits are −40% and −8% is "95% CI 8% to 40% fewer". Only a significant
 * change is worded so, its limits on one side of 0.
 */
export function changeIntervalWords(change: PublishedRow): string {
  if (change.lower_ci95 === null || change.upper_ci95 === null) return '';
  const sizes = [Math.abs(change.lower_ci95), Math.abs(change.upper_ci95)].sort((a, b) => a - b);
  const more = (change.value ?? 0) > 0;
  return `95% CI ${formatPercent(sizes[0] ?? 0)}% to ${formatPercent(sizes[1] ?? 0)}% ${more ? 'more' : 'fewer'}`;
}

/**
 * What the data cover of the period, as the row's note says it ("data cover 3 of 12 months:
 * January to March 2025"), or null when they cover all of it.
 */
export function coverageOf(row: PublishedRow | undefined): string | null {
  return row?.note?.match(/data cover [^;]*/)?.[0] ?? null;
}
