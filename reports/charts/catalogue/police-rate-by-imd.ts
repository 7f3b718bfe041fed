/** Crime rates per 1,000 residents by deprivation decile, with 95% intervals, per category. */
import { UNIT_LABELS } from '../../format/numbers.js';
import { defineChart, rowsOf } from '../define.js';
import { periodLine } from '../format.js';
import {
  barWithCappedIntervalLayers,
  categoryPanels,
  chartTitle,
  cutsAnInterval,
  topLevel,
} from '../layout.js';
import { toDatum } from '../select-rows.js';

const TITLE = 'crime rate by deprivation decile';
const VALUE_TITLE = `Crimes ${UNIT_LABELS.per_1000}`;

export const policeRateByImd = defineChart({
  name: 'police-rate-by-imd-decile',
  title: TITLE,
  description:
    'For each serious violence category, crimes in the period per 1,000 residents of the area’s LSOAs in each IMD 2019 decile (1 = most deprived), with 95% confidence intervals; the scale is set by the deciles with crimes, so the interval of a decile with none (wide when it has few residents) is cut at the top of theirs and marked with a triangle.',
  howToRead:
    'Each bar is a tenth of the area’s neighbourhoods by deprivation, most deprived on the left; bars falling from left to right mean more crime where deprivation is higher, and the black line is each rate’s 95% confidence interval.',
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
    const cut = cutsAnInterval(panels.values, 'category_title')
      ? [
          'Triangle: the 95% interval of a decile with no crimes, cut at the top of the others’ (it runs higher: see the tooltip or the indicator table)',
        ]
      : [];
    return topLevel(
      chartTitle(data, TITLE, [periodLine(data), ...cut, ...panels.notes]),
      panels.values,
      {
        width: 250,
        height: 170,
        layer: [
          ...barWithCappedIntervalLayers(
            x,
            VALUE_TITLE,
            { field: 'decile', title: 'IMD decile' },
            'Rate',
          ),
        ],
      },
      { field: 'category_title', order: panels.order, columns: 3 },
    );
  },
});
