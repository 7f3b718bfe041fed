/** The Home Office measures of success, as counts; their rates and change are police.* / ae.* rows. */
import { HEADLINE_MEASURES_CATEGORY } from '../categories.js';
import { defineFamily, type IndicatorDefinition } from '../define.js';
import { aggregate, indicatorRow, num } from '../rows.js';

const CATEGORY = HEADLINE_MEASURES_CATEGORY;
const measure = (
  id: string,
  title: string,
  definition: string,
  needs: IndicatorDefinition['needs'],
): IndicatorDefinition => ({
  id,
  title,
  definition,
  categories: [HEADLINE_MEASURES_CATEGORY],
  numerator: { from: 'agg_headline_measures', measure: id.replace('hm.', ''), text: definition },
  denominator: null,
  unit: 'count',
  method: 'count',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs,
  disclosure: ['value', 'numerator'],
});

export const hmKnifeVictimsUnder25 = measure(
  'hm.knife_victims_under_25',
  'Knife crimes with a victim under 25',
  'knife_crime crimes in the period with at least one victim under 25',
  ['police_crimes', 'geography', 'police_victims'],
);
export const hmNonDomesticHomicide = measure(
  'hm.non_domestic_homicide',
  'Non-domestic homicides',
  'homicide_non_domestic crimes in the period',
  ['police_crimes', 'geography'],
);
export const hmAeAssaultUnder25 = measure(
  'hm.ae_assault_under_25',
  'A&E assault attendances under 25',
  'A&E assault attendances aged under 25 in the period',
  ['ae_assaults'],
);
export const hmRobbery = measure(
  'hm.robbery',
  'Personal robbery',
  'robbery_personal crimes in the period',
  ['police_crimes', 'geography'],
);

const COLUMNS = {
  'hm.knife_victims_under_25': 'knife_victims_under_25',
  'hm.non_domestic_homicide': 'non_domestic_homicide',
  'hm.ae_assault_under_25': 'ae_assault_under_25',
  'hm.robbery': 'robbery',
} as const;

export const family = defineFamily({
  name: 'headline-measures',
  order: 110,
  indicators: [hmKnifeVictimsUnder25, hmNonDomesticHomicide, hmAeAssaultUnder25, hmRobbery],
  async compute(context) {
    const [counts] = await aggregate<Record<string, number>>(context, 'headline_measures');
    return this.indicators.map((definition) => {
      const n = num(counts?.[COLUMNS[definition.id as keyof typeof COLUMNS]]);
      return indicatorRow(context, definition, { category: CATEGORY, numerator: n, value: n });
    });
  },
});
