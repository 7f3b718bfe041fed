/** The report's opening: title, area, periods, the SYNTHETIC DATA banner and the contents. */

import type { ReportData } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { formatDate } from '../format.js';

/** The sections of the page, in order, with their anchors. */
export const CONTENTS = [
  ['headline', 'Headline table'],
  ['charts', 'Charts'],
  ['indicators', 'Indicators'],
  ['methods', 'Methods and definitions'],
  ['provenance', 'Data sources and provenance'],
] as const;

export function syntheticBanner(): string {
  return `<div class="synthetic-banner" role="note"><strong>SYNTHETIC DATA</strong>
  This report was built from generated, fictional extracts. It describes no real place, crime or
  person, and none of its figures may be quoted as fact.</div>`;
}

export function coverSection(data: ReportData): string {
  const { period } = data;
  const items = CONTENTS.map(([id, title]) => `<li><a href="#${id}">${title}</a></li>`).join('');
  return `${data.synthetic ? syntheticBanner() : ''}
<header class="cover">
  <p class="kicker">Serious Violence Duty · Strategic Needs Assessment</p>
  <h1>${escapeHtml(data.area.name)}</h1>
  <dl class="periods">
    <div><dt>Assessment period</dt><dd>${formatDate(period.start)} to ${formatDate(period.end)}</dd></div>
    <div><dt>Compared with</dt><dd>${formatDate(period.previousStart)} to ${formatDate(period.previousEnd)}</dd></div>
    <div><dt>Trends from</dt><dd>${formatDate(period.historyStart)}</dd></div>
    <div><dt>Area code${data.area.codes.length > 1 ? 's' : ''}</dt><dd>${escapeHtml(data.area.codes.join(', '))}</dd></div>
  </dl>
</header>
<nav class="contents" aria-label="Contents"><h2>Contents</h2><ol>${items}</ol></nav>`;
}
