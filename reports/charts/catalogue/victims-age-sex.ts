/** Victims of each category's crimes by age band and sex. */
import { defineChart, rowsOf } from '../define.js';
import { ageSexSpec } from './age-sex-bars.js';

const TITLE = 'victims by age and sex';

export const victimsAgeSex = defineChart({
  name: 'victims-age-sex',
  title: TITLE,
  description:
    'Victims of the period’s crimes in each serious violence category by age band and sex, counted once per crime–victim pair, known age and sex only.',
  howToRead:
    'Each pair of bars is one age band, one bar for each sex: a longer bar means more victims, and a bar marked “suppressed” hides a small count, not a zero.',
  indicators: ['victims.by_age_sex'],
  spec: (rows, data) =>
    ageSexSpec(rowsOf(rows, 'victims.by_age_sex'), data, {
      title: TITLE,
      valueTitle: 'Victims (crime–victim pairs)',
    }),
});
