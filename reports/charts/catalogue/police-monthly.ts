/** Police crimes by month over the history, one panel per serious violence category. */
import { defineChart, rowsOf } from '../define.js';
import { monthlyTrendSpec } from './monthly-trend.js';

export const policeMonthly = defineChart({
  name: 'police-monthly',
  title: 'crimes by month, this year and the previous years',
  description:
    'Police recorded crimes in each month of the history for each serious violence category, with the assessment period shaded and suppressed months marked.',
  indicators: ['police.monthly'],
  spec: (rows, data) =>
    monthlyTrendSpec(rowsOf(rows, 'police.monthly'), data, {
      title: 'crimes by month, this year and the previous years',
      valueTitle: 'Crimes per month',
    }),
});
