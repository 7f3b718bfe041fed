/**
 * Anti-social behaviour from police.uk street files: not crime (its rows stay set aside from
 * the crime counts), but what every community safety plan reports, so counted on its own —
 * count, rate per 1,000, change on the previous period and the LSOAs with most. Only when
 * police.uk is the run's police source (the runner's `when` for fct_street_asb): otherwise no
 * rows.
 */
import { defineFamily, type IndicatorDefinition, type Measure, type Period } from '../define.js';
import { aggregate } from '../rows.js';
import { ASB_CATEGORY, TOP_LSOAS, type TopLsoa, topLsoaRows } from './police-top-lsoas.js';

/** ASB incidents in the area in a period: the generic runner counts them. */
const incidents = (text: string, period: Period = 'assessment'): Measure => ({
  from: 'fct_street_asb',
  measure: 'count',
  period,
  text,
});

const DATED =
  'police.uk anti-social behaviour incidents in the area in the period, each dated on the first day of its month';

export const asbCount: IndicatorDefinition = {
  id: 'asb.count',
  title: 'Anti-social behaviour incidents',
  definition: `${DATED}. Counted apart from crime.`,
  numerator: incidents('ASB incidents in the period'),
  denominator: null,
  unit: 'count',
  method: 'count',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs: ['police_uk_street', 'geography'],
  categories: [ASB_CATEGORY],
  disclosure: ['value', 'numerator'],
};

export const asbRate: IndicatorDefinition = {
  id: 'asb.rate_per_1000',
  title: 'Anti-social behaviour incidents per 1,000 residents',
  definition:
    'ASB incidents in the period per 1,000 residents of all ages; 95% CI exact Poisson below 10 incidents, Byar’s from 10.',
  numerator: incidents('ASB incidents in the period'),
  denominator: {
    from: 'dim_area_population',
    measure: 'sum(population)',
    text: 'residents (population of the year the period ends)',
  },
  unit: 'per_1000',
  method: 'byar',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs: ['police_uk_street', 'geography', 'population'],
  categories: [ASB_CATEGORY],
  disclosure: ['numerator'],
};

export const asbChange: IndicatorDefinition = {
  id: 'asb.change',
  comparison: 'previous_period',
  title: 'Change in anti-social behaviour on the previous period',
  definition:
    'Percentage change in ASB incidents against the previous period of equal length; significant when the exact conditional 95% CI of the count ratio excludes 1.',
  numerator: incidents('ASB incidents in the period'),
  denominator: incidents('ASB incidents in the previous period', 'previous'),
  unit: 'percent',
  method: 'rate_ratio_exact',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs: ['police_uk_street', 'geography'],
  categories: [ASB_CATEGORY],
  disclosure: ['numerator', 'denominator'],
};

export const asbTopLsoas: IndicatorDefinition = {
  id: 'asb.top_lsoas',
  title: 'LSOAs with most anti-social behaviour',
  definition: `The ${TOP_LSOAS} LSOAs of the area with most ASB incidents in the period (ties broken by LSOA code), by count, not rate; each labelled with its name and code.`,
  numerator: {
    from: 'agg_top_lsoas',
    measure: 'count',
    text: 'ASB incidents in the period in the LSOA',
  },
  denominator: null,
  unit: 'count',
  method: 'count',
  polarity: 'higher_is_worse',
  breakdowns: ['lsoa'],
  needs: ['police_uk_street', 'geography'],
  categories: [ASB_CATEGORY],
  disclosure: ['value', 'numerator'],
};

export const family = defineFamily({
  name: 'asb',
  order: 120,
  indicators: [asbCount, asbRate, asbChange, asbTopLsoas],
  async compute(context) {
    // Count, rate and change are the generic runner's; the top LSOAs are this family's own.
    const lsoas = await aggregate<TopLsoa>(context, 'top_lsoas');
    return topLsoaRows(
      context,
      asbTopLsoas,
      lsoas.filter((l) => l.category === ASB_CATEGORY),
    );
  },
});
