/**
 * The report's opening: title, area, periods and warnings, and the SYNTHETIC DATA banner the
 * page puts above everything (the contents are read from the sections: contents.ts).
 */

import { coverageWords, monthRangeWords, SOURCE_NAMES } from '../../../indicators/coverage.js';
import { populationGap, populationWarning } from '../../../indicators/population-year.js';
import { capitalise } from '../../headline/format.js';
import type { ReportData } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { formatDate } from '../format.js';

export function syntheticBanner(): string {
  return `<div class="synthetic-banner" role="note"><strong>SYNTHETIC DATA</strong>
  This report was built from generated, fictional extracts. It describes no real place, crime or
  person, and none of its figures may be quoted as fact.</div>`;
}

/** How sources are named to a reader. */

/**
 * What the data cover of the assessment period, said on the cover: a source short of it is
 * named with its months, so a part is never read as the whole.
 */
function coverageItem(data: ReportData): string {
  const assessment = data.coverage.filter((c) => c.period === 'assessment');
  if (assessment.length === 0) return '';
  const short = assessment.filter((c) => !c.complete);
  const said =
    short.length === 0
      ? `every month of the period (${assessment.map((c) => escapeHtml(SOURCE_NAMES[c.source] ?? c.source)).join(', ')})`
      : short
          .map((c) => {
            const words = coverageWords(c).replace(/^data cover /, '');
            return `<strong>${escapeHtml(SOURCE_NAMES[c.source] ?? c.source)}: ${escapeHtml(words)}</strong>`;
          })
          .join('; ');
  return `<div class="${short.length > 0 ? 'coverage-short' : ''}"><dt>Data cover</dt><dd>${said}</dd></div>`;
}

/** The warnings a reader must see before any figure: short coverage, an old population. */
function dataWarnings(data: ReportData): string {
  const short = data.coverage.filter((c) => c.period === 'assessment' && !c.complete);
  const covered = (c: (typeof short)[number]) =>
    c.coveredMonths.length > 0 ? ` (${monthRangeWords(c.coveredMonths)})` : '';
  const population = data.population;
  const warnings = [
    ...short.map(
      (c) =>
        `${capitalise(SOURCE_NAMES[c.source] ?? c.source)} cover ${c.monthsCovered} of the assessment period’s ${c.monthsExpected} months${covered(c)}. Their counts and rates are for those months only, not scaled up, and neither a change on the previous period nor a rank among other areas is computed from them.`,
    ),
    ...(populationWarning(population)
      ? [
          `Rates use the population of mid-${population.year}, ${populationGap(population)} years before the period ends. A newer population file (ONS mid-year estimates) would give rates of the period.`,
        ]
      : []),
  ];
  if (warnings.length === 0) return '';
  return `<div class="data-warnings" role="note"><p class="data-warnings-title"><strong>Before reading the figures</strong></p><ul>${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></div>`;
}

export function coverSection(data: ReportData): string {
  const { period } = data;
  return `<header class="cover">
  <p class="kicker">Serious Violence Duty · Strategic Needs Assessment</p>
  <h1>${escapeHtml(data.area.name)}</h1>
  <dl class="periods">
    <div><dt>Assessment period</dt><dd>${formatDate(period.start)} to ${formatDate(period.end)}</dd></div>
    <div><dt>Compared with</dt><dd>${formatDate(period.previousStart)} to ${formatDate(period.previousEnd)}</dd></div>
    <div><dt>Trends from</dt><dd>${formatDate(period.historyStart)}</dd></div>
    <div><dt>Area code${data.area.codes.length > 1 ? 's' : ''}</dt><dd>${escapeHtml(data.area.codes.join(', '))}</dd></div>
    ${coverageItem(data)}
  </dl>
  ${dataWarnings(data)}
</header>`;
}
