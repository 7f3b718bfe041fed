/**
 * Every chart as a figure: a container vega-embed draws into, the spec inlined as JSON, and the
 * SVG drawn at build time inside <noscript> for readers without JavaScript (and as the fallback
 * when a chart cannot be drawn). Under it, what it shows, how to read it and its sources.
 */
import { chartsNotDrawn } from '../../charts/define.js';
import { CHARTS } from '../../charts/index.js';
import type { Provenance, RenderedChart, ReportData } from '../../types.js';
import { escapeHtml, jsonForScript, slug } from '../escape.js';
import { inputsOf, readingNotes, sourceLine } from '../sources.js';

/** The spec the browser draws: `$schema` is dropped because vega-embed is told the mode. */
function browserSpec(spec: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _schema, ...rest } = spec;
  return rest;
}

/**
 * The build-time SVG, safe inside <noscript>: vega escapes the text it draws, and this makes
 * sure no element could end the <noscript> or start a script even if it did not. It is named
 * as an image with the chart's text alternative, as the embed script names the drawn one.
 */
function svgForNoscript(svg: string, label: string): string {
  return svg
    .replace(/<(\/?)(noscript|script)/gi, '&lt;$1$2')
    .replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(label)}"`);
}

/** A map's boundaries are inputs too: its named datasets are the LSOAs' or wards' outlines. */
function boundaryInputs(spec: Record<string, unknown>): string[] {
  const datasets = Object.keys((spec.datasets as Record<string, unknown> | undefined) ?? {});
  return datasets.filter((d) => d === 'lsoa' || d === 'ward').map((d) => `boundaries_${d}`);
}

/** "Crimes by month, …": the chart's own title without the area, for the contents. */
function shortTitle(chart: RenderedChart, data: ReportData): string {
  const prefix = `${data.area.name}: `;
  const title = chart.title.startsWith(prefix) ? chart.title.slice(prefix.length) : chart.title;
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/**
 * The heading is for navigation and screen readers: the chart draws its own title. The text
 * alternative ("<title>: <what it shows>") is put on the drawn SVG by embed-charts.js.
 */
export function chartFigure(
  chart: RenderedChart,
  index: number,
  data: ReportData,
  provenance: Provenance,
): string {
  const id = `chart-${index + 1}-${slug(chart.name)}`;
  const label = `${chart.title}. ${chart.description}`;
  const inputs = inputsOf(chart.indicators, data, provenance, boundaryInputs(chart.spec));
  return `<figure class="chart" id="${id}" data-toc="${escapeHtml(shortTitle(chart, data))}" data-chart="${escapeHtml(chart.name)}" aria-labelledby="${id}-title">
<h3 class="visually-hidden" id="${id}-title">${escapeHtml(chart.title)}</h3>
<div class="chart-view" data-spec="${id}-spec" data-label="${escapeHtml(label)}"></div>
<noscript>${svgForNoscript(chart.svg, label)}</noscript>
<figcaption><p class="description">${escapeHtml(chart.description)}</p>
${readingNotes(chart.howToRead, sourceLine(inputs, chart.indicators))}</figcaption>
<script type="application/json" id="${id}-spec">${jsonForScript(browserSpec(chart.spec))}</script>
</figure>`;
}

/**
 * The maps a run could not draw, each with why (boundaries of another vintage): a map left out
 * is said, never silently missing.
 */
export function mapsNotDrawn(data: ReportData): string {
  const refused = (['lsoa', 'ward'] as const).flatMap((level) => {
    const reason = data.maps?.[level]?.refused;
    return reason
      ? [`<li>${level === 'lsoa' ? 'LSOA' : 'Ward'} maps: ${escapeHtml(reason)}</li>`]
      : [];
  });
  return refused.length
    ? `<div class="note maps-not-drawn"><p>Maps not drawn:</p><ul>${refused.join('')}</ul></div>`
    : '';
}

/** The charts a run of their kind would have and this one could not draw, each with why. */
export function chartsNotDrawnNote(charts: readonly RenderedChart[], data: ReportData): string {
  const drawn = new Set(charts.map((c) => c.name));
  const lines = chartsNotDrawn(CHARTS, drawn, data).map((l) => `<li>${escapeHtml(l)}</li>`);
  return lines.length
    ? `<div class="note charts-not-drawn"><p>Charts not drawn:</p><ul>${lines.join('')}</ul></div>`
    : '';
}

export function chartsSection(
  charts: readonly RenderedChart[],
  data: ReportData,
  provenance: Provenance,
): string {
  const figures = charts.length
    ? charts.map((chart, index) => chartFigure(chart, index, data, provenance)).join('\n')
    : '<p class="none">No charts: there was no data to draw.</p>';
  return `<section id="charts">
<h2>Charts</h2>
<p class="lead"><span class="screen-only">Hover over a chart for its values. </span>Under each chart, a sentence on how to read it
and its sources, linked to the files in <a href="#provenance">Data sources and provenance</a>.
Each chart is also saved as <code>charts/&lt;name&gt;.svg</code>, <code>.png</code> and its
Vega-Lite specification <code>.vl.json</code>.</p>
${mapsNotDrawn(data)}${chartsNotDrawnNote(charts, data)}
${figures}
</section>`;
}
