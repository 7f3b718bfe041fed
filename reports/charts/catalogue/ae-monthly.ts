/** A&E assault attendances by month over the history. */
import { defineChart, rowsOf } from '../define.js';
import { monthlyTrendSpec } from './monthly-trend.js';

export const aeMonthly = defineChart({
  name: 'ae-monthly',
  title: 'A&E assault attendances by month',
  description:
    'Assault attendances at A&E in each month of the history, with the assessment period shaded and suppressed months marked.',
  indicators: ['ae.monthly'],
  spec: (rows, data) =>
    monthlyTrendSpec(rowsOf(rows, 'ae.monthly'), data, {
      title: 'A&E assault attendances by month',
      valueTitle: 'Attendances per month',
    }),
});
