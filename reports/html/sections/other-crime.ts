/**
 * "Other crime and anti-social behaviour": in a police.uk-only run, the crime types the headline
 * table leaves out (shoplifting, burglary, …) and police.uk's anti-social behaviour, each with
 * its count, rate, change on the previous period and the LSOAs with most. Community safety plans
 * report them all; the serious violence table should not carry them.
 */

import { coverageWords, dayRangeWords, NOT_COMPUTED } from '../../../indicators/coverage.js';
import type { IndicatorId } from '../../../indicators/generated/ids.js';
import { formatNumber } from '../../format/numbers.js';
import { ASB_CATEGORY, categoryNames, inPoliceUkHeadline } from '../../headline/categories.js';
import { hasValue } from '../../headline/facts.js';
import type { PublishedRow, ReportData } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { formatInterval, formatValue } from '../format.js';
import { readingNotes, sourceAnchor } from '../sources.js';

export const OTHER_CRIME_ID = 'other-crime';
export const OTHER_CRIME_TITLE = 'Other crime and anti-social behaviour';

/** The indicator ids of one line of the table: crimes or anti-social behaviour. */
const IDS: Record<'crime' | 'asb', Record<'count' | 'rate' | 'change' | 'top', IndicatorId>> = {
  crime: {
    count: 'police.count',
    rate: 'police.rate_per_1000',
    change: 'police.change',
    top: 'police.top_lsoas',
  },
  asb: {
    count: 'asb.count',
    rate: 'asb.rate_per_1000',
    change: 'asb.change',
    top: 'asb.top_lsoas',
  },
};

const WORDS = {
  higher: 'a significant rise',
  lower: 'a significant fall',
  similar: 'not significant',
};

function rowsOf(data: ReportData, id: IndicatorId, category: string): PublishedRow[] {
  return data.rows.filter((r) => r.indicator_id === id && r.category === category);
}

/** "suppressed", "–", or the note saying why there is no value. */
function missing(row: PublishedRow | undefined): string {
  if (!row) return '–';
  if (row.suppressed) return 'suppressed';
  return row.note ?? '–';
}

function rateCell(row: PublishedRow | undefined): string {
  if (!hasValue(row)) return `<span class="note">${escapeHtml(missing(row))}</span>`;
  const interval = formatInterval(row);
  return `${escapeHtml(formatValue(row))}${interval ? ` <span class="ci">(${escapeHtml(interval)})</span>` : ''}`;
}

function changeCell(row: PublishedRow | undefined): string {
  // The long coverage note is said once under the table, not in every row.
  if (!hasValue(row) && row && !row.suppressed && row.note?.includes(NOT_COMPUTED)) {
    return '<span class="note">not computed: the data do not cover both periods</span>';
  }
  if (!hasValue(row)) return `<span class="note">${escapeHtml(missing(row))}</span>`;
  const sign = row.value > 0 ? '+' : row.value < 0 ? '−' : '';
  const words = row.significance ? ` <span class="ci">(${WORDS[row.significance]})</span>` : '';
  return `${sign}${escapeHtml(formatNumber(Math.abs(row.value), 'percent'))}%${words}`;
}

/** The LSOAs with most, largest first; a suppressed count keeps its place at the end. */
function topCell(rows: readonly PublishedRow[]): string {
  if (rows.length === 0) return '<span class="none">None</span>';
  const sorted = [...rows].sort(
    (a, b) =>
      (b.value ?? -1) - (a.value ?? -1) ||
      (a.breakdown_value ?? '').localeCompare(b.breakdown_value ?? ''),
  );
  const items = sorted.map(
    (r) =>
      `<li><span class="num">${escapeHtml(formatValue(r))}</span> ${escapeHtml(r.breakdown_value ?? '')}</li>`,
  );
  return `<ol class="top-lsoas">${items.join('')}</ol>`;
}

function line(data: ReportData, category: string, ids: (typeof IDS)[keyof typeof IDS]): string {
  const one = (id: IndicatorId) => rowsOf(data, id, category)[0];
  const count = one(ids.count);
  return `<tr>
  <th scope="row">${escapeHtml(categoryNames(category).title)}</th>
  <td class="num">${hasValue(count) ? escapeHtml(formatValue(count)) : `<span class="note">${escapeHtml(missing(count))}</span>`}</td>
  <td class="num">${rateCell(one(ids.rate))}</td>
  <td>${changeCell(one(ids.change))}</td>
  <td>${topCell(rowsOf(data, ids.top, category))}</td>
</tr>`;
}

/** The crime types a police.uk-only headline leaves out, most crimes first. */
export function otherCrimeCategories(data: ReportData): string[] {
  if (data.crimeSource !== 'police_uk_street') return [];
  const counts = data.rows.filter(
    (r) =>
      r.indicator_id === IDS.crime.count &&
      r.breakdown === 'none' &&
      !inPoliceUkHeadline(r.category),
  );
  return counts
    .sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.category.localeCompare(b.category))
    .map((r) => r.category);
}

/** What the source covers of the previous period, when it does not cover all of it. */
function previousCoverage(data: ReportData): string {
  const previous = data.coverage.find((c) => c.period === 'previous' && !c.complete);
  return previous ? `; ${escapeHtml(coverageWords(previous))}` : '';
}

const HOW_TO_READ =
  'Each row is one type, anti-social behaviour first and then the crime types with most; the bracket after a rate is its 95% confidence interval, and a change is a real rise or fall only where it says significant.';

const SOURCE = `<p class="source"><span class="label">Source:</span> <a href="#${sourceAnchor('police_uk_street')}">police.uk street files</a>; indicators <code>police.count</code>, <code>police.rate_per_1000</code>, <code>police.change</code>, <code>police.top_lsoas</code> and their <code>asb.*</code> counterparts.</p>`;

/** The section, or nothing when the run's crimes are the force's (no such crime types). */
export function otherCrimeSection(data: ReportData): string {
  if (data.crimeSource !== 'police_uk_street') return '';
  const categories = otherCrimeCategories(data);
  const asb = rowsOf(data, IDS.asb.count, ASB_CATEGORY).length > 0;
  if (categories.length === 0 && !asb) return '';
  const lines = [
    ...(asb ? [line(data, ASB_CATEGORY, IDS.asb)] : []),
    ...categories.map((c) => line(data, c, IDS.crime)),
  ];
  return `<section id="${OTHER_CRIME_ID}">
<h2>${OTHER_CRIME_TITLE}</h2>
<p class="lead">police.uk's crime types that do not bear on serious violence, and its anti-social
behaviour, which community safety plans report too. Anti-social behaviour incidents are not
crimes: they are counted here on their own and in no crime figure. The LSOAs listed are those with
most in the period, by count rather than rate, so a centre with many visitors and few residents
comes first.</p>
<table class="other-crime-table" aria-describedby="other-crime-how-to-read">
<caption>Other crime types and anti-social behaviour in the period: count, rate, change and the LSOAs with most</caption>
<thead><tr><th scope="col">Type</th><th scope="col" class="num">Count</th><th scope="col" class="num">Per 1,000 residents (95% CI)</th><th scope="col">Change on the previous period</th><th scope="col">LSOAs with most</th></tr></thead>
<tbody>
${lines.join('\n')}
</tbody>
</table>
<p class="note">Change compares the period with ${escapeHtml(dayRangeWords(data.period.previousStart, data.period.previousEnd))}${previousCoverage(data)}.</p>
${readingNotes(HOW_TO_READ, SOURCE, 'other-crime-how-to-read')}
</section>`;
}
