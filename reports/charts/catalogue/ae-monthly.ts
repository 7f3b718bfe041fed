/** A&E assault attendances by month over the history. */
import { defineChart, rowsOf } from '../define.js';
import { monthlyTrendSpec } from './monthly-trend.js';

export const aeMonthly = defineChart({
  name: 'ae-monthly',
  title: 'A&E assault attendances by month',
  description:
    'Assault attendances at A&E in each month of the history, with the assessment period shaded and suppressed months marked.',
  howToRead:
    'Follow the line from left to right: each point is one month’s attendances, the shaded stretch is the assessment period, and a grey band is a month whose count is suppressed, not a month with none.',
  indicators: ['ae.monthly'],
  spec: (rows, data) =>
    monthlyTrendSpec(rowsOf(rows, 'ae.monthly'), data, {
      title: 'A&E assault attendances by month',
      valueTitle: 'Attendances per month',
    }),
});
