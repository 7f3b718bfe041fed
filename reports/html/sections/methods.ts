/**
 * Methods and definitions, generated from the indicator registry: each indicator's definition,
 * numerator, denominator and method, then the statistical methods, the periods and the
 * small-number rule the run used.
 */
import { describeMethod } from '../../../indicators/method-descriptions.js';
import { populationGap } from '../../../indicators/population-year.js';
import { unitLabel } from '../../format/numbers.js';
import type { ReportData } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { formatDate } from '../format.js';

function definitionEntries(data: ReportData): string {
  return data.definitions
    .map((d) => {
      const parts = [
        `<p>${escapeHtml(d.definition)}</p>`,
        '<dl class="definition-parts">',
        d.numerator.text ? `<dt>Numerator</dt><dd>${escapeHtml(d.numerator.text)}</dd>` : '',
        d.denominator?.text ? `<dt>Denominator</dt><dd>${escapeHtml(d.denominator.text)}</dd>` : '',
        `<dt>Unit</dt><dd>${escapeHtml(unitLabel(d.unit))}</dd>`,
        `<dt>Method</dt><dd><code>${escapeHtml(d.method)}</code> — ${escapeHtml(describeMethod(d.method))}</dd>`,
        '</dl>',
      ];
      return `<div class="definition" id="definition-${escapeHtml(d.id)}"><h4>${escapeHtml(d.title)} <code>${escapeHtml(d.id)}</code></h4>${parts.join('')}</div>`;
    })
    .join('\n');
}

function populationWords(data: ReportData): string {
  const { year } = data.population;
  if (year === null)
    return 'no residents of the area were found in the population file, so no rate is given.';
  const gap = populationGap(data.population);
  return gap === 0
    ? `this run uses mid-${year}.`
    : `this run uses <strong>mid-${year}</strong>, ${gap} year${gap === 1 ? '' : 's'} before the period ends.`;
}

export function methodsSection(data: ReportData): string {
  const { period } = data;
  const below = data.suppressBelow;
  return `<section id="methods">
<h2>Methods and definitions</h2>
<h3>Periods</h3>
<ul>
  <li>The assessment period runs from ${formatDate(period.start)} to ${formatDate(period.end)}.</li>
  <li>The previous period, for change, runs from ${formatDate(period.previousStart)} to ${formatDate(period.previousEnd)}.</li>
  <li>Monthly trends and seasonality use the history from ${formatDate(period.historyStart)} to ${formatDate(period.end)}.</li>
  <li>Police crimes are dated by the date committed (else the date recorded), A&amp;E attendances by arrival date, and youth justice offences by offence date. Rates use the population of the year in which the period ends, or the latest year before it that the population file holds: ${populationWords(data)}</li>
  <li>Counts over months a source does not cover are not scaled up: each such figure says “data cover N of M months”, and no change is computed unless both periods are fully covered.</li>
</ul>
<h3>Small numbers</h3>
<p>To protect the people behind the figures, a published count from 1 to ${below - 1} is suppressed (a count of 0 is shown). The value and confidence limits that would reveal it are suppressed too: a share whose remainder is that small, and a change whose previous count is. Where one value of a breakdown is suppressed, the next smallest is suppressed as well, so it cannot be worked out by subtraction. No figure in this report is about an identifiable person or address.</p>
<h3>Significance</h3>
<p>“Higher” or “lower” means the 95% confidence interval excludes the comparison value (the previous period, the comparator areas, 1 for a ratio, or 100 for the seasonal index); “similar” means it does not. Chance alone would produce a “higher” or “lower” about once in twenty comparisons.</p>
<h3>Repeat addresses</h3>
<p>An address is a repeat address when ${data.repeatAddressMin} or more of the category’s crimes in the period took place there.</p>
<h3>Indicators</h3>
${definitionEntries(data)}
</section>`;
}
