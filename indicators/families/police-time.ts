/**
 * Police crime by weekday and time of day, where the extract carries committed times: the
 * period's crimes in each weekday × three-hour cell, for the report's heatmap.
 */
import { defineFamily, type IndicatorDefinition } from '../define.js';
import { aggregate, indicatorRow, num } from '../rows.js';

export const policeByHourWeekday: IndicatorDefinition = {
  id: 'police.by_hour_weekday',
  title: 'Crimes by weekday and time of day',
  definition:
    'Crimes in the period with a known committed time, by weekday of the crime’s date (committed date, else recorded date) and three-hour band of the committed time; breakdown_value is weekday:first-last hour, e.g. Sat:21-23 for Saturday 21:00–23:59. Three-hour bands, not single hours, so that most cells of a borough’s year stay above the suppression threshold.',
  numerator: { from: 'agg_police_by_hour_weekday', measure: 'count', text: 'crimes in the cell' },
  denominator: null,
  unit: 'count',
  method: 'count',
  polarity: 'higher_is_worse',
  breakdowns: ['hour_weekday'],
  needs: ['police_crimes', 'geography'],
  disclosure: ['value', 'numerator'],
};

interface CellCount extends Record<string, unknown> {
  category: string;
  hour_weekday: string;
  crimes: number;
}

export const family = defineFamily({
  name: 'police-time',
  order: 20,
  indicators: [policeByHourWeekday],
  async compute(context) {
    const cells = await aggregate<CellCount>(context, 'police_by_hour_weekday');
    return cells.map((cell) =>
      indicatorRow(context, policeByHourWeekday, {
        category: cell.category,
        breakdown: 'hour_weekday',
        breakdown_value: cell.hour_weekday,
        numerator: num(cell.crimes),
        value: num(cell.crimes),
      }),
    );
  },
});
