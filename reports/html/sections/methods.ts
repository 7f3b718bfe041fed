/**
 * Methods and definitions: the periods and the small-number rule the run used, then, generated
 * from the indicator registry, the statistical methods the run's rows name and each
 * indicator's declaration (definition, numerator, denominator, unit, breakdowns, comparison,
 * method and the inputs it needs, linked to their files).
 */
import { type IndicatorDefinition, METHODS, sourcesOfNeed } from '../../../indicators/define.js';
import { describeMethod } from '../../../indicators/method-descriptions.js';
import { populationGap } from '../../../indicators/population-year.js';
import { unitLabel } from '../../format/numbers.js';
import type { ReportData } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { formatDate } from '../format.js';
import { inputName, sourceAnchor } from '../sources.js';

/** The inputs and settings a declaration needs, each input linked to its files. */
function needsText(definition: IndicatorDefinition): string {
  return definition.needs
    .map((need) => {
      if (typeof need === 'object' && 'config' in need)
        return `the setting <code>${escapeHtml(need.config)}</code>`;
      if (typeof need === 'object' && 'column' in need)
        return `a value in <code>${escapeHtml(need.column)}</code>`;
      return sourcesOfNeed(need)
        .map((source) => `<a href="#${sourceAnchor(source)}">${escapeHtml(inputName(source))}</a>`)
        .join(' or ');
    })
    .join(', ');
}

const COMPARED_WITH: Readonly<Record<string, string>> = {
  previous_period: 'the previous period',
  other_areas: 'the comparator areas',
};

function definitionEntry(d: IndicatorDefinition): string {
  const breakdowns = d.breakdowns.filter((b) => b !== 'none').map((b) => b.replaceAll('_', ' '));
  const parts = [
    `<p>${escapeHtml(d.definition)}</p>`,
    '<dl class="definition-parts">',
    d.numerator.text ? `<dt>Numerator</dt><dd>${escapeHtml(d.numerator.text)}</dd>` : '',
    d.denominator?.text ? `<dt>Denominator</dt><dd>${escapeHtml(d.denominator.text)}</dd>` : '',
    `<dt>Unit</dt><dd>${escapeHtml(unitLabel(d.unit))}</dd>`,
    breakdowns.length ? `<dt>Broken down by</dt><dd>${escapeHtml(breakdowns.join(', '))}</dd>` : '',
    d.comparison ? `<dt>Compared with</dt><dd>${COMPARED_WITH[d.comparison]}</dd>` : '',
    `<dt>Method</dt><dd><code>${escapeHtml(d.method)}</code> — ${escapeHtml(describeMethod(d.method))}</dd>`,
    `<dt>Needs</dt><dd>${needsText(d)}</dd>`,
    '</dl>',
  ];
  return `<div class="definition" id="definition-${escapeHtml(d.id)}"><h4>${escapeHtml(d.title)} <code>${escapeHtml(d.id)}</code></h4>${parts.join('')}</div>`;
}

/**
 * Every declared indicator: those with values in this run in full, then the others by name,
 * so the methods describe the report that was written and still say what else sna computes.
 */
function definitionEntries(data: ReportData): string {
  const withRows = new Set<string>(data.rows.map((r) => r.indicator_id));
  const used = data.definitions.filter((d) => withRows.has(d.id));
  const unused = data.definitions.filter((d) => !withRows.has(d.id));
  const others = unused.length
    ? `<h3>Indicators with no values in this run</h3>
<p>Declared in sna’s registry, with no row in this run’s <code>indicators.csv</code>: ${unused
        .map(
          (d) => `${escapeHtml(d.title)} <code>${escapeHtml(d.id)}</code> (needs ${needsText(d)})`,
        )
        .join('; ')}.</p>`
    : '';
  return `<div class="definitions">${used.map(definitionEntry).join('\n')}</div>\n${others}`;
}

/** The statistical methods the report's indicators use, each once, in the declared order. */
function methodList(data: ReportData): string {
  const used = new Set(data.rows.filter((r) => r.status !== 'not_available').map((r) => r.method));
  const items = METHODS.filter((m) => used.has(m)).map(
    (m) => `<dt><code>${m}</code></dt><dd>${escapeHtml(describeMethod(m))}</dd>`,
  );
  return items.length ? `<dl class="definition-parts methods-list">${items.join('')}</dl>` : '';
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
<h3>Statistical methods used</h3>
${methodList(data)}
<h3>Indicators</h3>
<p>Each indicator as it is declared in sna’s registry (<code>docs/indicators.md</code> lists the same declarations), in the order of the indicator table.</p>
${definitionEntries(data)}
</section>`;
}
