/**
 * Victims and offenders by sex and age band: counts of crime–person pairs in the period, in the
 * bands of `ae.by_age_sex`, for the report's age-by-sex charts.
 */
import type { Source } from '../../core/config.js';
import { defineFamily, type IndicatorDefinition } from '../define.js';
import { aggregate, indicatorRow, num } from '../rows.js';

type Role = 'victim' | 'offender';

function byAgeSex(role: Role, source: Source): IndicatorDefinition {
  const plural = `${role}s`;
  return {
    id: `${plural}.by_age_sex`,
    title: `${role === 'victim' ? 'Victims' : 'Offenders'} by age and sex`,
    definition: `${role === 'victim' ? 'Victims' : 'Offenders'} of the category’s crimes in the period (one per crime–${role} pair) by sex and age band (0-9, 10-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65+), known age and sex only; breakdown_value is sex:band, e.g. M:18-24.`,
    numerator: { from: 'agg_people_by_age_sex', measure: 'count', text: `${role}–crime pairs` },
    denominator: null,
    unit: 'count',
    method: 'count',
    polarity: 'none',
    breakdowns: ['age_band'],
    needs: ['police_crimes', 'geography', source],
    disclosure: ['value', 'numerator'],
  };
}

export const victimsByAgeSex = byAgeSex('victim', 'police_victims');
export const offendersByAgeSex = byAgeSex('offender', 'police_offenders');

interface BandCount extends Record<string, unknown> {
  role: Role;
  category: string;
  age_band: string;
  pairs: number;
}

export const family = defineFamily({
  name: 'people-by-age-sex',
  order: 70,
  indicators: [victimsByAgeSex, offendersByAgeSex],
  async compute(context) {
    const bands = await aggregate<BandCount>(context, 'people_by_age_sex');
    return bands.map((band) =>
      indicatorRow(context, band.role === 'victim' ? victimsByAgeSex : offendersByAgeSex, {
        category: band.category,
        breakdown: 'age_band',
        breakdown_value: band.age_band,
        numerator: num(band.pairs),
        value: num(band.pairs),
      }),
    );
  },
});
