/**
 * What a chart is: a small declaration (name, title, description, the indicators it reads) and
 * a function from those indicators' published rows to a Vega-Lite spec. The index lists them.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { IndicatorId } from '../../indicators/generated/ids.js';
import { checkIndicatorIds } from '../../indicators/registry.js';
import type { PublishedRow, ReportData } from '../types.js';

/** A chart's published rows, by indicator id: only the ids it declared, only available rows. */
export type IndicatorRows = ReadonlyMap<IndicatorId, readonly PublishedRow[]>;

export interface ChartDefinition {
  /** File name under `charts/` (kebab-case). */
  name: string;
  /** Short title; the chart itself prefixes the area's name. */
  title: string;
  /** One sentence saying what the chart shows, used as alt text and caption. */
  description: string;
  /**
   * One sentence telling a reader how to read it: what the marks and their lengths, colours or
   * lines mean, and what to look for. Shown under the chart with its source line.
   */
  howToRead: string;
  /** Indicator ids the chart reads; it is left out when none of them has rows to draw. */
  indicators: readonly IndicatorId[];
  /** The spec with data inlined, or undefined when the rows hold nothing this chart can draw. */
  spec(rows: IndicatorRows, data: ReportData): TopLevelSpec | undefined;
  /**
   * Why the chart is not drawn when a run of its kind would have it (national mode's England
   * funnel when no district is ranked), said under "Charts not drawn"; null when the run is not
   * of its kind, so other runs' reports say nothing of it. Charts without it are left out silently.
   */
  notDrawn?(data: ReportData): string | null;
}

/** The charts a run should have had and did not draw, each with why ("England funnel: …"). */
export function chartsNotDrawn(
  charts: readonly ChartDefinition[],
  drawn: ReadonlySet<string>,
  data: ReportData,
): string[] {
  return charts.flatMap((chart) => {
    if (drawn.has(chart.name) || !chart.notDrawn) return [];
    const why = chart.notDrawn(data);
    return why ? [`${chart.title.charAt(0).toUpperCase()}${chart.title.slice(1)}: ${why}`] : [];
  });
}

/**
 * Types a chart declaration and checks the ids it reads against the registry: a chart naming
 * an id no indicator declares is an error when the chart loads, never a chart left out.
 */
export function defineChart(definition: ChartDefinition): ChartDefinition {
  checkIndicatorIds(definition.indicators, `chart "${definition.name}"`);
  return definition;
}

/** The rows of one indicator from a chart's selection (none when it has no available rows). */
export function rowsOf(rows: IndicatorRows, indicatorId: IndicatorId): readonly PublishedRow[] {
  return rows.get(indicatorId) ?? [];
}
