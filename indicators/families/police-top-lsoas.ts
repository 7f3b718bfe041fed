/**
 * The neighbourhoods where most happens: for each police crime category (and, in the ASB
 * family, for anti-social behaviour), the five LSOAs with most in the assessment period.
 */
import { ASB_CATEGORY } from '../categories.js';
import {
  defineFamily,
  type IndicatorContext,
  type IndicatorDefinition,
  type IndicatorRow,
  POLICE_CRIMES,
} from '../define.js';
import { aggregate, indicatorRow, num } from '../rows.js';

/** The category `top_lsoas.sql` gives police.uk anti-social behaviour. */
export { ASB_CATEGORY };

export const TOP_LSOAS = 5;

export const policeTopLsoas: IndicatorDefinition = {
  id: 'police.top_lsoas',
  title: 'LSOAs with most crimes',
  definition: `The ${TOP_LSOAS} LSOAs of the area with most crimes in the category in the period (ties broken by LSOA code), by count, not rate; each labelled with its name from the geography lookup and its code.`,
  numerator: { from: 'agg_top_lsoas', measure: 'count', text: 'crimes in the period in the LSOA' },
  denominator: null,
  unit: 'count',
  method: 'count',
  polarity: 'higher_is_worse',
  breakdowns: ['lsoa'],
  needs: [POLICE_CRIMES, 'geography'],
  disclosure: ['value', 'numerator'],
};

export interface TopLsoa extends Record<string, unknown> {
  category: string;
  lsoa_code: string;
  lsoa_name: string | null;
  events: number;
  position: number;
}

/** "Liverpool 060A (E01006512)", or the code alone when the lookup gives no name. */
export const lsoaLabel = (lsoa: Pick<TopLsoa, 'lsoa_code' | 'lsoa_name'>): string =>
  lsoa.lsoa_name ? `${lsoa.lsoa_name} (${lsoa.lsoa_code})` : lsoa.lsoa_code;

/** One row per top LSOA, in rank order, for the given indicator. */
export function topLsoaRows(
  context: IndicatorContext,
  definition: IndicatorDefinition,
  lsoas: readonly TopLsoa[],
): IndicatorRow[] {
  return lsoas.map((lsoa) =>
    indicatorRow(context, definition, {
      category: lsoa.category,
      breakdown: 'lsoa',
      breakdown_value: lsoaLabel(lsoa),
      numerator: num(lsoa.events),
      value: num(lsoa.events),
    }),
  );
}

export const family = defineFamily({
  name: 'police-top-lsoas',
  order: 40,
  indicators: [policeTopLsoas],
  async compute(context) {
    const lsoas = await aggregate<TopLsoa>(context, 'top_lsoas');
    return topLsoaRows(
      context,
      policeTopLsoas,
      lsoas.filter((l) => l.category !== ASB_CATEGORY),
    );
  },
});
