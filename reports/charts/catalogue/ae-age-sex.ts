/** A&E assault attendances by age band and sex. */
import { defineChart, rowsOf } from '../define.js';
import { ageSexSpec } from './age-sex-bars.js';

const TITLE = 'A&E assault attendances by age and sex';

export const aeAgeSex = defineChart({
  name: 'ae-age-sex',
  title: TITLE,
  description:
    'Assault attendances at A&E in the period by age band and sex, known age and sex only.',
  howToRead:
    'Each pair of bars is one age band, one bar for each sex: a longer bar means more attendances, and a bar marked “suppressed” hides a small count, not a zero.',
  indicators: ['ae.by_age_sex'],
  spec: (rows, data) =>
    ageSexSpec(rowsOf(rows, 'ae.by_age_sex'), data, { title: TITLE, valueTitle: 'Attendances' }),
});
