/**
 * The seasonal index by calendar month, 100 marked, peak months (CI above 100) highlighted:
 * which months carry more crime than an average month, over the whole history.
 */
import { defineChart, rowsOf } from '../define.js';
import { historyLine, monthName } from '../format.js';
import {
  categoryPanels,
  chartTitle,
  intervalLayer,
  suppressedLayer,
  topLevel,
  valueTooltip,
} from '../layout.js';
import { toDatum } from '../select-rows.js';
import { COLOURS } from '../theme.js';

const TITLE = 'seasonal index and peak months';
const VALUE_TITLE = 'Index (100 = average month)';
const PEAK = 'Peak month (95% CI above 100)';
const LOW = 'Low month (95% CI below 100)';
const AVERAGE = 'Not different from 100';

const status = (significance: string | null) =>
  significance === 'higher' ? PEAK : significance === 'lower' ? LOW : AVERAGE;

export const policeSeasonalIndex = defineChart({
  name: 'police-seasonal-index',
  title: TITLE,
  description:
    'For each serious violence category, the seasonal index of each calendar month over the history (100 = an average month) with 95% confidence intervals; peak months, whose interval lies above 100, are highlighted.',
  howToRead:
    'Each bar is a calendar month against an average month (the dashed line at 100): orange bars are months significantly above it, light blue ones significantly below it.',
  indicators: ['police.seasonal_index'],
  spec(rows, data) {
    const values = rowsOf(rows, 'police.seasonal_index').map((row) => {
      const month = Number(row.breakdown_value);
      return toDatum(row, {
        month,
        month_name: monthName(month),
        status: row.suppressed ? null : status(row.significance),
      });
    });
    const panels = categoryPanels(data, values);
    if (panels.order.length === 0) return undefined;
    const x = {
      x: {
        field: 'month_name',
        type: 'ordinal',
        title: null,
        sort: { field: 'month', op: 'min' },
        axis: { labelAngle: 0 },
      },
    };
    return topLevel(
      chartTitle(data, TITLE, [historyLine(data), ...panels.notes]),
      panels.values,
      {
        width: 280,
        height: 170,
        layer: [
          {
            mark: { type: 'bar', opacity: 0.9 },
            encoding: {
              ...x,
              y: { field: 'value', type: 'quantitative', title: VALUE_TITLE },
              color: {
                field: 'status',
                type: 'nominal',
                title: null,
                scale: {
                  domain: [PEAK, AVERAGE, LOW],
                  range: [COLOURS.highlight, COLOURS.muted, COLOURS.low],
                },
                legend: { orient: 'top', direction: 'horizontal', labelLimit: 0 },
              },
              tooltip: [{ field: 'month_name', title: 'Month' }, ...valueTooltip('Index')],
            },
          },
          intervalLayer('y', x, VALUE_TITLE),
          {
            // One reference rule per panel, not one per month.
            transform: [{ aggregate: [{ op: 'count', as: 'months' }] }],
            mark: { type: 'rule', color: COLOURS.reference, strokeDash: [4, 3] },
            encoding: { y: { datum: 100 } },
          },
          suppressedLayer('y', x),
        ],
      },
      { field: 'category_title', order: panels.order, columns: 3 },
    );
  },
});
