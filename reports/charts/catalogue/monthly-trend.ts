/**
 * The monthly history as a line per category, the assessment period shaded and suppressed
 * months marked by a grey band, so a hidden month is seen as hidden rather than as a dip.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PublishedRow, ReportData } from '../../types.js';
import { historyLine, periodLine } from '../format.js';
import { categoryPanels, chartTitle, topLevel } from '../layout.js';
import { toDatum } from '../select-rows.js';
import { COLOURS } from '../theme.js';

export interface MonthlyTrendOptions {
  title: string;
  /** The y axis title, with its unit ("Crimes per month"). */
  valueTitle: string;
}

/** Most month labels a panel's axis holds before they crowd (a panel is 250 pixels wide). */
const MAX_LABELS = 5;
/** Label steps in months, each dividing the year, so labels fall on the same months every year. */
const STEPS = [1, 2, 3, 6, 12] as const;

/**
 * Which months (`YYYY-MM`) the axis labels, and how: every n-th month of the year, n the
 * smallest step giving at most five labels, as "Sep 2022"; every January as "2022" once the
 * span needs a step of a year. Any span has labels: three months get all three.
 */
export function monthAxis(months: readonly string[]): { values: string[]; labelExpr: string } {
  const all = [...new Set(months)].sort();
  const monthOf = (m: string) => Number(m.slice(5, 7)) - 1;
  const labelled = (step: number) => all.filter((m) => monthOf(m) % step === 0);
  const step = STEPS.find((s) => labelled(s).length <= MAX_LABELS) ?? 12;
  return {
    values: labelled(step),
    // The month's first day read as UTC and written as UTC, so no time zone shifts the month.
    labelExpr:
      step === 12 ? 'slice(datum.value, 0, 4)' : "utcFormat(toDate(datum.value + '-01'), '%b %Y')",
  };
}

export function monthlyTrendSpec(
  rows: readonly PublishedRow[],
  data: ReportData,
  { title, valueTitle }: MonthlyTrendOptions,
): TopLevelSpec | undefined {
  const periodStart = data.period.start.slice(0, 7);
  const periodEnd = data.period.end.slice(0, 7);
  const values = rows.map((row) => {
    const month = String(row.breakdown_value);
    return toDatum(row, { in_period: month >= periodStart && month <= periodEnd });
  });
  const panels = categoryPanels(data, values, 'Grey band: a suppressed month');
  if (panels.order.length === 0) return undefined;
  // Months as an ordinal axis: a band per month for the shading, no time zones.
  const x = {
    field: 'breakdown_value',
    type: 'ordinal',
    title: null,
    scale: { paddingInner: 0, paddingOuter: 0 },
    axis: {
      ...monthAxis(values.map((v) => String(v.breakdown_value))),
      labelAngle: 0,
      grid: false,
    },
  };
  // Never shorter than the suppression threshold, so a grey band reads against a real scale.
  const y = {
    field: 'value',
    type: 'quantitative',
    title: valueTitle,
    scale: { domain: { unionWith: [0, data.suppressBelow] } },
  };
  return topLevel(
    chartTitle(data, title, [
      `${historyLine(data)}; shaded: the assessment period`,
      periodLine(data),
      ...panels.notes,
    ]),
    panels.values,
    {
      width: 250,
      height: 130,
      layer: [
        {
          transform: [{ filter: 'datum.in_period' }],
          mark: { type: 'rect', color: COLOURS.periodShade },
          encoding: { x },
        },
        {
          transform: [{ filter: 'datum.suppressed' }],
          mark: { type: 'rect', color: COLOURS.suppressed, opacity: 0.45 },
          encoding: { x },
        },
        {
          mark: { type: 'line', color: COLOURS.main, strokeWidth: 1.5, point: false },
          encoding: {
            x,
            y,
          },
        },
        {
          transform: [{ filter: 'datum.in_period && !datum.suppressed' }],
          mark: { type: 'point', color: COLOURS.main, filled: true, size: 14 },
          encoding: {
            x,
            y: { field: 'value', type: 'quantitative' },
            tooltip: [
              { field: 'category_title', title: 'Category' },
              { field: 'breakdown_value', title: 'Month' },
              { field: 'value_text', title: valueTitle },
            ],
          },
        },
      ],
    },
    { field: 'category_title', order: panels.order, columns: 3 },
  );
}
