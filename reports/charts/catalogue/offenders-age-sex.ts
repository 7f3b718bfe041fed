/** Offenders of each category's crimes by age band and sex. */
import { defineChart, rowsOf } from '../define.js';
import { ageSexSpec } from './age-sex-bars.js';

const TITLE = 'offenders by age and sex';

export const offendersAgeSex = defineChart({
  name: 'offenders-age-sex',
  title: TITLE,
  description:
    'Offenders linked to the period’s crimes in each serious violence category by age band and sex, counted once per crime–offender pair, known age and sex only.',
  howToRead:
    'Each pair of bars is one age band, one bar for each sex: a longer bar means more offenders linked to the period’s crimes, and a bar marked “suppressed” hides a small count, not a zero.',
  indicators: ['offenders.by_age_sex'],
  spec: (rows, data) =>
    ageSexSpec(rowsOf(rows, 'offenders.by_age_sex'), data, {
      title: TITLE,
      valueTitle: 'Offenders (crime–offender pairs)',
    }),
});
