/**
 * STUB for the report work of issue 17 (branch i17-rep): the declarations of the national
 * indicators the report charts, as the issue 17 design names them, so that the charts
 * and the headline can name their ids. It computes nothing; CORE's family file (same path,
 * same ids) replaces it whole. Its measures name existing models (fct_national_units is CORE's,
 * not yet registered on this branch).
 */
import { defineFamily, type IndicatorDefinition, POLICE_CRIMES } from '../define.js';

export const districtRate: IndicatorDefinition = {
  id: 'police.district_rate_per_1000',
  comparison: 'other_areas',
  title: 'Crimes per 1,000 residents in each district',
  definition:
    'Each district’s (or configured group’s) crimes per 1,000 residents over the period (area_code is the unit’s code); exact Poisson / Byar’s 95% CI. significance is the funnel plot’s against the England rate at 95%, and the note says "outside the 99.8% funnel limits" beyond those. Districts whose force lacks a month of the period, or without a population, are not available, the note saying why.',
  numerator: { from: 'agg_police_comparators', measure: 'crimes', text: 'the district’s crimes' },
  denominator: {
    from: 'agg_police_comparators',
    measure: 'population',
    text: 'the district’s residents',
  },
  unit: 'per_1000',
  method: 'byar',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs: [POLICE_CRIMES, 'population'],
  disclosure: ['numerator'],
};

export const englandRate: IndicatorDefinition = {
  id: 'police.england_rate_per_1000',
  comparison: 'other_areas',
  title: 'England: crimes per 1,000 residents',
  definition:
    'The complete English districts’ crimes per 1,000 residents taken together (all their crimes ÷ all their residents; area_code E92000001), exact Poisson / Byar’s 95% CI: the centre line of the England funnel plot.',
  numerator: {
    from: 'agg_police_comparators',
    measure: 'sum(crimes)',
    text: 'the districts’ crimes',
  },
  denominator: {
    from: 'agg_police_comparators',
    measure: 'sum(population)',
    text: 'the districts’ residents',
  },
  unit: 'per_1000',
  method: 'byar',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs: [POLICE_CRIMES, 'population'],
  disclosure: ['numerator'],
};

export const rankInEngland: IndicatorDefinition = {
  id: 'police.rank_in_england',
  comparison: 'other_areas',
  title: 'Rank among districts with complete data',
  definition:
    'Rank of the area’s rate per 1,000 among the districts with complete data and a population (1 = lowest rate; ties share a rank); denominator the districts ranked; significance the area’s funnel significance against the England rate.',
  numerator: { from: 'agg_police_comparators', measure: 'rank', text: '' },
  denominator: { from: 'agg_police_comparators', measure: 'count', text: 'districts ranked' },
  unit: 'rank',
  method: 'rank',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs: [POLICE_CRIMES, 'population'],
  disclosure: [],
};

export const family = defineFamily({
  name: 'police-national',
  order: 55,
  indicators: [districtRate, englandRate, rankInEngland],
  // The stub computes nothing: no run gets a row of these from it.
  async compute() {
    return [];
  },
});
