/** Police crimes by month over the history, one panel per serious violence category. */
import { defineChart, rowsOf } from '../define.js';
import { monthlyTrendSpec } from './monthly-trend.js';

export const policeMonthly = defineChart({
  name: 'police-monthly',
  title: 'crimes by month, this year and the previous years',
  description:
    'Police recorded crimes in each month of the history for each serious violence category, with the assessment period shaded and suppressed months marked.',
  howToRead:
    'Follow each category’s line from left to right: each point is one month’s crimes, the shaded stretch is the assessment period, and a grey band is a month whose count is suppressed, not a month with none.',
  indicators: ['police.monthly'],
  spec: (rows, data) =>
    monthlyTrendSpec(rowsOf(rows, 'police.monthly'), data, {
      title: 'crimes by month, this year and the previous years',
      valueTitle: 'Crimes per month',
    }),
});
