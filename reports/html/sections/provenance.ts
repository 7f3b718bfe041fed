/**
 * The run's provenance: version, configuration hash, time; what each dated source covers of
 * the periods; and every input file with its counts and sha256, grouped by source. Each source
 * and each file has an anchor, so a chart's source line links to the files it was made from.
 */
import { INPUT_SOURCES } from '../../../core/config.js';
import {
  coverageWords,
  monthRangeWords,
  type SourceCoverage,
} from '../../../indicators/coverage.js';
import { capitalise } from '../../headline/format.js';
import type { Provenance, ReportData } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { inputAnchor, inputName, readingNotes, sourceAnchor } from '../sources.js';

const count = (n: number) => n.toLocaleString('en-GB');

const PERIODS = ['assessment', 'previous', 'history'] as const;

/**
 * "all 12 months", or, short, "3 of 12 months: January to March 2025" in bold: the column
 * names the period, so the words do not repeat it.
 */
function periodCell(coverage: SourceCoverage | undefined): string {
  if (!coverage) return '<td>–</td>';
  if (coverage.complete) return `<td>all ${coverage.monthsExpected} months</td>`;
  const months = coverage.coveredMonths.length
    ? `: ${monthRangeWords(coverage.coveredMonths)}`
    : '';
  return `<td class="short"><strong>${coverage.monthsCovered} of ${coverage.monthsExpected} months${escapeHtml(months)}</strong></td>`;
}

/** One row per dated source the indicators read: its months in each period and its span. */
function coverageTable(data: ReportData): string {
  const sources = [...new Set(data.coverage.map((c) => c.source))];
  if (sources.length === 0) return '';
  const rows = sources.map((source) => {
    const of = (period: (typeof PERIODS)[number]) =>
      data.coverage.find((c) => c.source === source && c.period === period);
    const any = of('assessment') ?? of('history');
    const span =
      any?.firstMonth && any.lastMonth
        ? `${monthRangeWords([any.firstMonth])} to ${monthRangeWords([any.lastMonth])}${any.gapMonths > 0 ? `, ${any.gapMonths} months missing between` : ''}`
        : 'no rows';
    return `<tr><th scope="row"><a href="#${sourceAnchor(source)}">${escapeHtml(capitalise(inputName(source)))}</a></th>${PERIODS.map((p) => periodCell(of(p))).join('')}<td>${escapeHtml(span)}</td></tr>`;
  });
  return `<table class="coverage-table" aria-describedby="coverage-how-to-read">
<caption>What each dated source covers of the periods the report uses</caption>
<thead><tr><th scope="col">Source</th><th scope="col">Assessment period</th><th scope="col">Previous period</th><th scope="col">History</th><th scope="col">Rows from</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${readingNotes(
  'Each row is a source dated by its events, with the months of each period it has rows for (a shortfall in bold): counts over a period a source does not fully cover are for its months only, and no change or comparison is made from them.',
  '<p class="source"><span class="label">Source:</span> <code>manifest.json</code> (<code>coverage</code>), from the dates of the rows loaded.</p>',
  'coverage-how-to-read',
)}`;
}

/** What the group heading says of a source's coverage: its months, or why it has none. */
function coverageNote(source: string, data: ReportData): string {
  const assessment = data.coverage.find((c) => c.source === source && c.period === 'assessment');
  if (assessment) return escapeHtml(coverageWords(assessment));
  if (source === 'police_victims' || source === 'police_offenders')
    return 'dated by their crimes (police crime extracts)';
  if (!(INPUT_SOURCES as readonly string[]).includes(source)) return 'reference data';
  return source === 'police_uk_street' && data.crimeSource === 'police_crimes'
    ? 'not counted: the police crime extracts hold the same crimes'
    : 'not read by the indicators of this run';
}

function inputRows(provenance: Provenance, data: ReportData): string {
  const sources = [...new Set(provenance.inputs.map((input) => input.source))];
  return sources
    .map((source) => {
      const files = provenance.inputs.filter((input) => input.source === source);
      const head = `<tr class="source-head"><th scope="rowgroup" colspan="6">${escapeHtml(capitalise(inputName(source)))} <code>${escapeHtml(source)}</code> <span class="coverage">· ${coverageNote(source, data)}</span></th></tr>`;
      const rows = files.map(
        (input, index) =>
          `<tr><td class="path">${escapeHtml(input.path)}</td><td class="num">${count(input.rows_read)}</td><td class="num">${count(input.rows_loaded)}</td><td class="num">${count(input.rows_set_aside)}</td><td class="num">${count(input.rows_rejected)}</td><td class="hash"><code id="${inputAnchor(source, index)}">${escapeHtml(input.sha256)}</code></td></tr>`,
      );
      return `<tbody id="${sourceAnchor(source)}">\n${head}\n${rows.join('\n')}\n</tbody>`;
    })
    .join('\n');
}

export function provenanceSection(provenance: Provenance, data: ReportData): string {
  return `<section id="provenance">
<h2>Data sources and provenance</h2>
<dl class="provenance">
  <div><dt>Generated</dt><dd>${escapeHtml(provenance.generatedAt)}</dd></div>
  <div><dt>sna version</dt><dd>${escapeHtml(provenance.version)}</dd></div>
  <div><dt>Configuration (sha256)</dt><dd><code>${escapeHtml(provenance.configSha256)}</code></dd></div>
</dl>
${coverageTable(data)}
<table class="inputs-table" aria-describedby="inputs-how-to-read">
<caption>Every input file read for this run, by source</caption>
<thead><tr><th scope="col">File</th><th scope="col" class="num">Read</th><th scope="col" class="num">Loaded</th><th scope="col" class="num">Set aside</th><th scope="col" class="num">Rejected</th><th scope="col">sha256</th></tr></thead>
${inputRows(provenance, data)}
</table>
${readingNotes(
  'Each file’s rows were read, then loaded, set aside (kept apart, such as rows outside the area or superseded by a later version) or rejected (listed in rejects.csv); its sha256 identifies the exact file, so the same file gives the same figures.',
  '<p class="source"><span class="label">Source:</span> <code>manifest.json</code> (<code>inputs</code>), written by this run.</p>',
  'inputs-how-to-read',
)}
</section>`;
}
