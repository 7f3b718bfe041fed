/** Crime rates per 1,000 residents by deprivation decile, with 95% intervals, per category. */
import { defineChart, rowsOf } from '../define.js';
import { periodLine } from '../format.js';
import { barWithIntervalLayers, categoryPanels, chartTitle, topLevel } from '../layout.js';
import { toDatum } from '../select-rows.js';

const TITLE = 'crime rate by deprivation decile';
const VALUE_TITLE = 'Crimes per 1,000 residents';

export const policeRateByImd = defineChart({
  name: 'police-rate-by-imd-decile',
  title: TITLE,
  description:
    'For each serious violence category, crimes in the period per 1,000 residents of the area’s LSOAs in each IMD 2019 decile (1 = most deprived), with 95% confidence intervals.',
  indicators: ['police.rate_by_imd_decile'],
  spec(rows, data) {
    const values = rowsOf(rows, 'police.rate_by_imd_decile').map((row) =>
      toDatum(row, { decile: Number(row.breakdown_value) }),
    );
    const panels = categoryPanels(data, values);
    if (panels.order.length === 0) return undefined;
    const x = {
      x: {
        field: 'decile',
        type: 'ordinal',
        title: 'IMD decile (1 = most deprived)',
        axis: { labelAngle: 0 },
      },
    };
    return topLevel(
      chartTitle(data, TITLE, [periodLine(data), ...panels.notes]),
      panels.values,
      {
        width: 250,
        height: 170,
        layer: [
          ...barWithIntervalLayers(
            'y',
            x,
            VALUE_TITLE,
            { field: 'decile', title: 'IMD decile' },
            { title: 'Rate', format: '.2f' },
          ),
        ],
      },
      { field: 'category_title', order: panels.order, columns: 3 },
    );
  },
});
