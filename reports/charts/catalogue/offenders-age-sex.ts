/** Offenders of each category's crimes by age band and sex. */
import { defineChart, rowsOf } from '../define.js';
import { ageSexSpec } from './age-sex-bars.js';

const TITLE = 'offenders by age and sex';

export const offendersAgeSex = defineChart({
  name: 'offenders-age-sex',
  title: TITLE,
  description:
    'Offenders linked to the period’s crimes in each serious violence category by age band and sex, counted once per crime–offender pair, known age and sex only.',
  indicators: ['offenders.by_age_sex'],
  spec: (rows, data) =>
    ageSexSpec(rowsOf(rows, 'offenders.by_age_sex'), data, {
      title: TITLE,
      valueTitle: 'Offenders (crime–offender pairs)',
    }),
});
