/**
 * Every chart as a figure: a container vega-embed draws into, the spec inlined as JSON, and the
 * SVG drawn at build time inside <noscript> for readers without JavaScript (and as the fallback
 * when a chart cannot be drawn).
 */
import type { RenderedChart, ReportData } from '../../types.js';
import { escapeHtml, jsonForScript, slug } from '../escape.js';

/** The spec the browser draws: `$schema` is dropped because vega-embed is told the mode. */
function browserSpec(spec: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _schema, ...rest } = spec;
  return rest;
}

/**
 * The build-time SVG, safe inside <noscript>: vega escapes the text it draws, and this makes
 * sure no element could end the <noscript> or start a script even if it did not.
 */
function svgForNoscript(svg: string): string {
  return svg.replace(/<(\/?)(noscript|script)/gi, '&lt;$1$2');
}

/** The heading is for navigation and screen readers: the chart draws its own title. */
export function chartFigure(chart: RenderedChart, index: number): string {
  const id = `chart-${index + 1}-${slug(chart.name)}`;
  return `<figure class="chart" id="${id}" data-chart="${escapeHtml(chart.name)}">
<h3 class="visually-hidden">${escapeHtml(chart.title)}</h3>
<div class="chart-view" data-spec="${id}-spec" role="img" aria-label="${escapeHtml(chart.description)}"></div>
<noscript>${svgForNoscript(chart.svg)}</noscript>
<figcaption>${escapeHtml(chart.description)}</figcaption>
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

export function chartsSection(charts: readonly RenderedChart[], data?: ReportData): string {
  const figures = charts.length
    ? charts.map(chartFigure).join('\n')
    : '<p class="none">No charts: there was no data to draw.</p>';
  return `<section id="charts">
<h2>Charts</h2>
<p class="lead">Hover over a chart for its values. Each chart is also saved as
<code>charts/&lt;name&gt;.svg</code>, <code>.png</code> and its Vega-Lite specification
<code>.vl.json</code>.</p>
${data ? mapsNotDrawn(data) : ''}
${figures}
</section>`;
}
