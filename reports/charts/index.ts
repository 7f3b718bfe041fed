/**
 * The report's charts: every chart declaration in display order, and the two steps the report
 * stage calls — build (spec + SVG, in memory) and write (`charts/<name>.vl.json|.svg|.png`).
 *
 *   ReportData ──selectRows──▶ IndicatorRows ──definition.spec──▶ Vega-Lite spec
 *              ──renderSvg──▶ RenderedChart ──writeCharts──▶ .vl.json, .svg, .png (2x)
 */
import { createLogger, type Logger } from '../../core/log.js';
import type { RenderedChart, ReportData } from '../types.js';
import { aeAgeSex } from './catalogue/ae-age-sex.js';
import { aeMonthly } from './catalogue/ae-monthly.js';
import { mapHexDensity } from './catalogue/map-hex-density.js';
import { mapHotspots } from './catalogue/map-hotspots.js';
import { mapNightTimeEconomy } from './catalogue/map-night-time-economy.js';
import { mapRateByLsoa } from './catalogue/map-rate-by-lsoa.js';
import { mapRateByWard } from './catalogue/map-rate-by-ward.js';
import { offendersAgeSex } from './catalogue/offenders-age-sex.js';
import { policeEnglandFunnel } from './catalogue/police-england-funnel.js';
import { policeHourWeekday } from './catalogue/police-hour-weekday.js';
import { policeMonthly } from './catalogue/police-monthly.js';
import { policeRateByImd } from './catalogue/police-rate-by-imd.js';
import { policeRateComparators } from './catalogue/police-rate-comparators.js';
import { policeSeasonalIndex } from './catalogue/police-seasonal-index.js';
import { policeTopBeats } from './catalogue/police-top-beats.js';
import { policeWardFunnel } from './catalogue/police-ward-funnel.js';
import { repeatAddresses } from './catalogue/repeat-addresses.js';
import { victimsAgeSex } from './catalogue/victims-age-sex.js';
import { yjOffenceMix } from './catalogue/yj-offence-mix.js';
import { coverageLines, withSubtitleLines } from './coverage-line.js';
import type { ChartDefinition } from './define.js';
import { renderSvg } from './render.js';
import { selectRows } from './select-rows.js';

export type { ChartDefinition } from './define.js';
export { renderPng } from './render.js';
export { writeCharts } from './write.js';

/** Every chart, in the order the report shows them. */
export const CHARTS: readonly ChartDefinition[] = [
  policeMonthly,
  policeSeasonalIndex,
  policeHourWeekday,
  mapNightTimeEconomy,
  policeRateComparators,
  policeEnglandFunnel,
  policeRateByImd,
  mapRateByLsoa,
  mapRateByWard,
  policeWardFunnel,
  mapHotspots,
  mapHexDensity,
  policeTopBeats,
  repeatAddresses,
  victimsAgeSex,
  offendersAgeSex,
  aeMonthly,
  aeAgeSex,
  yjOffenceMix,
];

export interface BuildChartsOptions {
  /** Receives Vega-Lite's and Vega's warnings, each naming its chart. */
  log?: Logger;
  /** The charts to build; every chart by default. */
  charts?: readonly ChartDefinition[];
}

/** Builds every chart that has rows to draw; a chart whose indicators are absent is left out. */
export async function buildCharts(
  data: ReportData,
  options: BuildChartsOptions = {},
): Promise<RenderedChart[]> {
  const log = options.log ?? createLogger();
  const rendered: RenderedChart[] = [];
  for (const chart of options.charts ?? CHARTS) {
    const rows = selectRows(data, chart.indicators);
    if (rows.size === 0) continue;
    const drawn = chart.spec(rows, data);
    if (!drawn) continue;
    const spec = withSubtitleLines(drawn, coverageLines(chart.indicators, data));
    rendered.push({
      name: chart.name,
      title: `${data.area.name}: ${chart.title}`,
      description: chart.description,
      howToRead: chart.howToRead,
      // The ids the run has rows of: the source line names no indicator the chart drew nothing
      // from (national mode's England rate beside a comparators file's rates).
      indicators: chart.indicators.filter((id) => data.rows.some((r) => r.indicator_id === id)),
      spec: JSON.parse(JSON.stringify(spec)) as Record<string, unknown>,
      svg: await renderSvg(spec, (message) => log.warn(`chart ${chart.name}: ${message}`)),
    });
  }
  return rendered;
}
