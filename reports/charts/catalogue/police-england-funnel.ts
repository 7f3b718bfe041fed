/**
 * The area among England's districts on a funnel plot (national mode, issue 17), one panel per
 * headline category: every ranked district's published rate against its residents, the England
 * rate and its 95% and 99.8% limits (exact Poisson, PHE's method, as the ward funnel draws
 * them). Only what is ranked is drawn: a district whose force lacks a month, or that has no
 * population, is listed under the chart, never drawn — a gap in the data must not read as safe.
 */
import { UNIT_LABELS } from '../../format/numbers.js';
import { formatCount, formatRate } from '../../headline/format.js';
import {
  areaUnitCode,
  beyond998,
  DISTRICT_RATE,
  ENGLAND_RATE,
  isPlotted,
  rowsIn,
  unitName,
} from '../../national.js';
import type { PublishedRow, ReportData } from '../../types.js';
import { defineChart, rowsOf } from '../define.js';
import { categoryTitle, periodLine } from '../format.js';
import { chartTitle, topLevel } from '../layout.js';
import { type Datum, toDatum } from '../select-rows.js';
import { COLOURS } from '../theme.js';
import { englandRow, headlineCategoriesOf, notDrawnLines } from './england-funnel-rows.js';
import {
  axisTop,
  CENTRE_LINE,
  funnelCurves,
  funnelLabelLayers,
  LIMITS_95,
  LIMITS_998,
} from './funnel-curves.js';

const TITLE = 'crime rate against England’s districts (funnel plot)';
const VALUE_TITLE = `Crimes ${UNIT_LABELS.per_1000}`;
export const THIS_AREA = 'This area';
export const ABOVE = 'Above England (95%)';
export const SIMILAR = 'Similar to England';
export const BELOW = 'Below England (95%)';
export const NOT_COMPARED = 'Not compared';
const STATUS: Readonly<Record<string, string>> = { higher: ABOVE, similar: SIMILAR, lower: BELOW };
const STATUS_COLOURS: ReadonlyArray<readonly [string, string]> = [
  [THIS_AREA, COLOURS.highlight],
  [ABOVE, '#CC79A7'],
  [SIMILAR, COLOURS.muted],
  [BELOW, COLOURS.low],
  [NOT_COMPARED, COLOURS.suppressed],
];
export const ENGLAND_LINE = 'England rate';
const LINES = [ENGLAND_LINE, LIMITS_95, LIMITS_998] as const;
/** Most of the ranked districts whose count may be suppressed for a category's panel to be drawn. */
export const MAX_SUPPRESSED_SHARE = 0.1;
/** Districts beyond the upper 99.8% limit named on the chart, highest rates first: a few. */
export const MAX_NAMED = 3;

/** One category's funnel: the England rate, its drawn districts and the axes' spans. */
interface Panel {
  title: string;
  /** Σ crimes ÷ Σ residents of the complete English districts (a rate per 1). */
  england: number;
  from: number;
  to: number;
  top: number;
  units: Datum[];
}

function unitDatum(
  row: PublishedRow,
  panel: Pick<Panel, 'title' | 'top'>,
  data: ReportData,
  named: Set<string>,
): Datum {
  const isArea = row.area_code === areaUnitCode(data);
  const name = unitName(data, row.area_code);
  const value = row.value ?? 0;
  const offScale = value > panel.top;
  return toDatum(row, {
    panel: panel.title,
    unit_name: name,
    status: isArea ? THIS_AREA : (STATUS[row.significance ?? ''] ?? NOT_COMPARED),
    significance_text: STATUS[row.significance ?? ''] ?? NOT_COMPARED,
    is_area: isArea,
    outside998: beyond998(row),
    // Where the point is drawn: its rate, or the top edge when it is off the scale.
    y_shown: offScale ? panel.top : value,
    off_scale: offScale,
    label: offScale
      ? `${name} (${formatRate(value)}) ▲`
      : isArea || named.has(row.area_code)
        ? name
        : '',
  });
}

/** The few districts named: beyond the upper 99.8% limit, highest rates first. */
function namedAbove(rows: readonly PublishedRow[], area: string): Set<string> {
  const above = rows
    .filter((r) => r.area_code !== area && r.significance === 'higher' && beyond998(r))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.area_code.localeCompare(b.area_code));
  return new Set(above.slice(0, MAX_NAMED).map((r) => r.area_code));
}

/**
 * A category's panel, or why it has none: no England rate, no district to draw, or too many of
 * the ranked districts' counts suppressed. Those are the smallest counts, so a funnel without
 * them is not the districts' spread but its upper part, and the area would look better placed
 * than it is.
 */
function panelOf(
  category: string,
  data: ReportData,
  centre: PublishedRow | undefined,
): Panel | string {
  const rows = rowsIn(data, DISTRICT_RATE, category);
  const drawn = rows.filter(isPlotted);
  const hidden = rows.filter((r) => r.suppressed).length;
  if (!centre || centre.value === null || centre.value <= 0) return 'no England rate';
  if (drawn.length === 0) return 'no district to draw';
  if (hidden > MAX_SUPPRESSED_SHARE * (drawn.length + hidden)) {
    return `${formatCount(hidden)} of the ${formatCount(drawn.length + hidden)} districts ranked have too few crimes to publish`;
  }
  const title = categoryTitle(category);
  const residents = drawn.map((r) => r.denominator ?? 0);
  const named = namedAbove(drawn, areaUnitCode(data));
  const top = axisTop(drawn.map((r) => r.value ?? 0));
  return {
    title,
    england:
      centre.numerator && centre.denominator
        ? centre.numerator / centre.denominator
        : centre.value / 1000,
    from: Math.min(...residents) * 0.8,
    to: Math.max(...residents) * 1.25,
    top,
    units: drawn.map((r) => unitDatum(r, { title, top }, data, named)),
  };
}

function panelView(
  panel: Panel,
  statuses: readonly string[],
  alone: boolean,
): Record<string, unknown> {
  const x = {
    field: 'residents',
    type: 'quantitative',
    title: 'Residents (log scale)',
    scale: { type: 'log', domain: [panel.from, panel.to], nice: false },
    axis: { format: '~s', tickCount: 6 },
  };
  const y = {
    type: 'quantitative',
    title: VALUE_TITLE,
    scale: { domain: [0, panel.top], nice: false },
  };
  const curves = funnelCurves({
    average: panel.england,
    from: panel.from,
    to: panel.to,
    maxEvents: 60,
    spacing: 'ratio',
  }).map((p) => ({ ...p, line: p.line === CENTRE_LINE ? ENGLAND_LINE : p.line }));
  const colours = STATUS_COLOURS.filter(([s]) => statuses.includes(s));
  return {
    // A panel alone has the chart's width: two hundred districts need the room.
    width: alone ? 560 : 330,
    height: alone ? 320 : 220,
    layer: [
      {
        data: { values: curves },
        mark: { type: 'line', color: COLOURS.reference, strokeWidth: 1.1, clip: true },
        encoding: {
          x,
          y: { ...y, field: 'rate' },
          detail: { field: 'curve' },
          strokeDash: {
            field: 'line',
            type: 'nominal',
            title: null,
            scale: {
              domain: [...LINES],
              range: [
                [1, 0],
                [6, 3],
                [2, 2],
              ],
            },
            legend: { orient: 'top', direction: 'horizontal', labelLimit: 0 },
          },
        },
      },
      {
        mark: { type: 'point', filled: true, opacity: 1, stroke: 'white', strokeWidth: 0.6 },
        encoding: {
          x: { ...x, field: 'denominator' },
          y: { ...y, field: 'y_shown' },
          shape: { condition: { test: 'datum.off_scale', value: 'triangle-up' }, value: 'circle' },
          // The area drawn last and largest, on top of the districts around it.
          order: { field: 'is_area', type: 'ordinal' },
          size: { condition: { test: 'datum.is_area', value: 150 }, value: 40 },
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: { domain: colours.map(([s]) => s), range: colours.map(([, c]) => c) },
            legend: { orient: 'top', direction: 'horizontal', labelLimit: 0 },
          },
          tooltip: [
            { field: 'unit_name', title: 'District' },
            { field: 'numerator', title: 'Crimes', format: ',d' },
            { field: 'denominator', title: 'Residents', format: ',d' },
            { field: 'value_text', title: 'Rate per 1,000' },
            { field: 'lower_text', title: 'Lower 95% limit' },
            { field: 'upper_text', title: 'Upper 95% limit' },
            { field: 'significance_text', title: 'Against England' },
          ],
        },
      },
      ...funnelLabelLayers(Math.sqrt(panel.from * panel.to), 'y_shown'),
    ],
  };
}

export const policeEnglandFunnel = defineChart({
  name: 'police-england-funnel',
  title: TITLE,
  description:
    'For each headline category, crimes in the period per 1,000 residents of every district with complete data and a population, against its residents, with the England rate (the complete English districts’ crimes ÷ their residents) and its 95% and 99.8% control limits (exact Poisson, PHE’s funnel plot method). Districts whose force lacks a month of the period, or without a population, are not drawn and are listed under the chart.',
  howToRead:
    'Each dot is a district, placed by its residents (across, on a log scale) and its crime rate (up); the large orange dot is this area. A dot above the dashed 95% line is significantly above England’s rate for a district of its size, and one above the dotted 99.8% line is further above than chance would take it; the few such districts with the highest rates are named.',
  indicators: [DISTRICT_RATE, ENGLAND_RATE],
  notDrawn(data) {
    // Only national mode's reports say why: a run without district rows never had this chart.
    const categories = headlineCategoriesOf(
      data,
      data.rows.filter((r) => r.indicator_id === DISTRICT_RATE),
    );
    if (categories.length === 0) {
      return data.nationalUnits ? 'no district rates for the headline categories' : null;
    }
    const reasons = categories.map((c) => [c, panelOf(c, data, englandRow(data.rows, c))] as const);
    return reasons.map(([c, why]) => `${categoryTitle(c)}: ${why}`).join('; ');
  },
  spec(rows, data) {
    const categories = headlineCategoriesOf(data, rowsOf(rows, DISTRICT_RATE));
    const panels: Panel[] = [];
    const notShown: string[] = [];
    for (const category of categories) {
      const panel = panelOf(category, data, englandRow(rowsOf(rows, ENGLAND_RATE), category));
      if (typeof panel === 'string') notShown.push(`${categoryTitle(category)} (${panel})`);
      else panels.push(panel);
    }
    if (panels.length === 0) return undefined;
    const drawn = categories.filter((c) => panels.some((p) => p.title === categoryTitle(c)));
    const notes = [
      periodLine(data),
      // One panel has no panel title: the category is said here.
      ...(panels.length === 1 ? [`Crime type: ${panels[0]?.title}`] : []),
      'Drawn: every district whose force has every month of the period and that has a population',
      ...notDrawnLines(data, drawn),
    ];
    if (notShown.length > 0) notes.push(`Not shown: ${notShown.join('; ')}`);
    if (panels.some((p) => p.units.some((u) => u.off_scale))) {
      notes.push('▲ on the top edge: a rate off the scale, given beside its name');
    }
    const statuses = new Set(panels.flatMap((p) => p.units.map((u) => String(u.status))));
    const order = STATUS_COLOURS.map(([s]) => s).filter((s) => statuses.has(s));
    const byTitle = new Map(panels.map((p) => [p.title, p]));
    return topLevel(
      chartTitle(data, TITLE, notes),
      panels.flatMap((p) => p.units),
      (title) => panelView(byTitle.get(title) ?? (panels[0] as Panel), order, panels.length === 1),
      { field: 'panel', order: panels.map((p) => p.title), columns: 2 },
    );
  },
});
