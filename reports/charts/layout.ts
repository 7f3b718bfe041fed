/**
 * Building blocks shared by the charts: the title block, the top-level spec (one view, or small
 * multiples by category), and the layers every chart draws the same way — confidence intervals
 * and suppressed values.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ReportData } from '../types.js';
import { categoryTitle, SYNTHETIC_LINE, sortCategories, suppressedNote } from './format.js';
import type { Datum } from './select-rows.js';
import { CHART_CONFIG, COLOURS, VEGA_LITE_V5_SCHEMA } from './theme.js';

type Json = Record<string, unknown>;

export interface ChartTitle {
  text: string;
  subtitle: string[];
}

/** Longest subtitle line: longer notes wrap, so a list of categories never widens the chart. */
const SUBTITLE_WIDTH = 100;

/** Breaks a line into lines of at most `width` characters, at spaces. */
export function wrapLine(line: string, width = SUBTITLE_WIDTH): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = `  ${word}`;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** "<area>: <title>", with "SYNTHETIC DATA" first on demo data, then the given lines. */
export function chartTitle(data: ReportData, title: string, lines: readonly string[]): ChartTitle {
  return {
    text: `${data.area.name}: ${title}`,
    subtitle: [...(data.synthetic ? [SYNTHETIC_LINE] : []), ...lines].flatMap((l) => wrapLine(l)),
  };
}

export interface Panels {
  /** The datum field naming each panel. */
  field: string;
  /** Panel names in display order. */
  order: readonly string[];
  columns: number;
  /** Scales every panel shares (each panel keeps its own scales otherwise). */
  shared?: ReadonlyArray<'x' | 'y' | 'color'>;
}

/**
 * The whole spec: one view drawn from `view` (a unit or layer spec with width and height), or,
 * when `panels` name more than one panel, a grid of that view, one per panel, each titled.
 * `view` may be a function of the panel's name, for panels whose layers differ (a funnel's
 * limits are each category's own).
 * A concatenation rather than a facet: Vega-Lite cannot size a facet whose panels keep their
 * own step-sized band scales, and warns about faceted layers with independent scales.
 */
export function topLevel(
  title: ChartTitle,
  values: readonly Datum[],
  view: Json | ((panel: string) => Json),
  panels?: Panels,
): TopLevelSpec {
  const head = { $schema: VEGA_LITE_V5_SCHEMA, title, config: CHART_CONFIG };
  const viewOf = typeof view === 'function' ? view : () => view;
  if (!panels || panels.order.length <= 1) {
    const only = viewOf(panels?.order[0] ?? '');
    return { ...head, data: { values: [...values] }, ...only } as TopLevelSpec;
  }
  const shared = Object.fromEntries((panels.shared ?? []).map((c) => [c, 'shared']));
  return {
    ...head,
    columns: panels.columns,
    // Each panel carries its own rows: no panel scans and filters every other panel's data.
    concat: panels.order.map((panel) => ({
      title: { text: panel, ...PANEL_TITLE },
      data: { values: values.filter((v) => v[panels.field] === panel) },
      ...viewOf(panel),
    })),
    ...(panels.shared ? { resolve: { scale: shared } } : {}),
  } as TopLevelSpec;
}

const PANEL_TITLE = { fontSize: 12.5, fontWeight: 'bold', anchor: 'start', offset: 6 } as const;

/**
 * Tooltip fields every value mark shows: the value and its limits as the report writes them
 * (`toDatum`'s texts, rounded by format/numbers.ts).
 */
export function valueTooltip(valueTitle: string): Json[] {
  return [
    { field: 'category_title', title: 'Category' },
    { field: 'value_text', title: valueTitle },
    { field: 'lower_text', title: 'Lower 95% limit' },
    { field: 'upper_text', title: 'Upper 95% limit' },
  ];
}

/**
 * A value drawn as a bar with its 95% interval, and "suppressed" where it is hidden: the three
 * layers of every bar chart of estimates. `axis` is the value axis, `position` the other one.
 */
export function barWithIntervalLayers(
  axis: 'x' | 'y',
  position: Json,
  valueTitle: string,
  label: { field: string; title: string },
  tooltipTitle: string,
): Json[] {
  return [
    {
      mark: { type: 'bar', color: COLOURS.main, opacity: 0.85 },
      encoding: {
        ...position,
        [axis]: { field: 'value', type: 'quantitative', title: valueTitle },
        tooltip: [label, ...valueTooltip(tooltipTitle)],
      },
    },
    intervalLayer(axis, position, valueTitle),
    suppressedLayer(axis, position),
  ];
}

/** The 95% confidence interval as a thin rule along the value axis. */
export function intervalLayer(axis: 'x' | 'y', position: Json, valueTitle: string): Json {
  const along = axis === 'x' ? 'x' : 'y';
  return {
    mark: { type: 'rule', color: COLOURS.interval, strokeWidth: 1.2 },
    encoding: {
      ...position,
      [along]: { field: 'lower_ci95', type: 'quantitative', title: valueTitle },
      [`${along}2`]: { field: 'upper_ci95' },
    },
  };
}

/**
 * Bars with their 95% intervals where the value axis is set by the bars with crimes and their
 * intervals: the interval of an empty bar (0 crimes among a few hundred residents, an upper
 * limit of 3.7 crimes' rate) reaching above every such interval is cut there and marked with a
 * triangle, so it cannot squash the real bars. The tooltip keeps the real limits. Vertical.
 */
export function barWithCappedIntervalLayers(
  position: Json,
  valueTitle: string,
  label: { field: string; title: string },
  tooltipTitle: string,
): Json[] {
  const [bar, , suppressed] = barWithIntervalLayers('y', position, valueTitle, label, tooltipTitle);
  // Per panel: each panel carries its own data, so the cap is the panel's.
  const cap = [
    { calculate: 'datum.value > 0 ? datum.upper_ci95 : null', as: 'bar_upper' },
    { joinaggregate: [{ op: 'max', field: 'bar_upper', as: 'interval_cap' }] },
    { calculate: 'min(datum.upper_ci95, datum.interval_cap)', as: 'upper_shown' },
  ];
  return [
    bar as Json,
    {
      transform: [...cap, { filter: 'isValid(datum.upper_ci95)' }],
      mark: { type: 'rule', color: COLOURS.interval, strokeWidth: 1.2 },
      encoding: {
        ...position,
        y: { field: 'lower_ci95', type: 'quantitative', title: valueTitle },
        y2: { field: 'upper_shown' },
      },
    },
    {
      // Drawn on every interval's top, seen only where it is cut: a layer filtered down to
      // nothing would give Vega an empty extent for the panel's scale.
      transform: [...cap, { filter: 'isValid(datum.upper_ci95)' }],
      mark: {
        type: 'point',
        shape: 'triangle-up',
        filled: true,
        size: 40,
        color: COLOURS.interval,
      },
      encoding: {
        ...position,
        y: { field: 'upper_shown', type: 'quantitative' },
        opacity: {
          condition: { test: 'datum.upper_ci95 > datum.interval_cap', value: 1 },
          value: 0,
        },
        tooltip: [label, ...valueTooltip(tooltipTitle)],
      },
    },
    suppressed as Json,
  ];
}

/** Whether `barWithCappedIntervalLayers` cuts any interval of these values (panels by field). */
export function cutsAnInterval(values: readonly Datum[], panelField: string): boolean {
  return values.some((v) => {
    const uppers = values
      .filter((w) => w[panelField] === v[panelField] && w.value !== null && w.value > 0)
      .map((w) => w.upper_ci95 ?? 0);
    return uppers.length > 0 && v.upper_ci95 !== null && v.upper_ci95 > Math.max(...uppers);
  });
}

/**
 * Suppressed values as a grey "suppressed" label starting at the value axis's zero, on the
 * category or band they belong to, so a hidden value never reads as a gap or a zero.
 */
export function suppressedLayer(axis: 'x' | 'y', position: Json): Json {
  const vertical = axis === 'y';
  return {
    mark: {
      type: 'text',
      color: COLOURS.suppressedText,
      fontStyle: 'italic',
      fontSize: 10,
      align: 'left',
      baseline: 'middle',
      ...(vertical ? { angle: 270, dx: 4 } : { dx: 4 }),
    },
    encoding: {
      ...position,
      [axis]: { datum: 0, type: 'quantitative' },
      text: { field: 'suppressed_label' },
    },
  };
}

export interface CategoryPanels {
  /** Categories drawn, in report order, as panel titles. */
  order: string[];
  /** The data of those categories only. */
  values: Datum[];
  /** Subtitle lines: what "suppressed" means (when shown) and which categories are left out. */
  notes: string[];
}

/**
 * Splits a chart's data into one panel per category, leaving out categories with nothing to
 * see — every value suppressed or zero — and saying which in a note.
 */
export function categoryPanels(
  data: ReportData,
  values: readonly Datum[],
  suppressedShownAs?: string,
): CategoryPanels {
  const categories = sortCategories(values.map((v) => v.category));
  const shown = categories.filter((c) =>
    values.some((v) => v.category === c && !v.suppressed && v.value !== 0),
  );
  const hidden = categories.filter((c) => !shown.includes(c));
  const kept = values.filter((v) => shown.includes(v.category));
  const notes: string[] = [];
  if (kept.some((v) => v.suppressed)) notes.push(suppressedNote(data, suppressedShownAs));
  if (hidden.length > 0) {
    notes.push(
      `Not shown, every value suppressed or zero: ${hidden.map(categoryTitle).join(', ')}`,
    );
  }
  return { order: shown.map(categoryTitle), values: kept, notes };
}
