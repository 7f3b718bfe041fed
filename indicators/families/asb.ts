/**
 * Anti-social behaviour from police.uk street files: not crime (its rows stay set aside from
 * the crime counts), but what every community safety plan reports, so counted on its own —
 * count, rate per 1,000, change on the previous period and the LSOAs with most. Only when
 * police.uk is the run's police source (see fct_street_asb.sql): otherwise no rows.
 */
import {
  defineFamily,
  type IndicatorContext,
  type IndicatorDefinition,
  type IndicatorRow,
} from '../define.js';
import { crudeRate, rateRatioExact } from '../methods/index.js';
import {
  aggregate,
  fromEstimate,
  indicatorRow,
  noResidentsNote,
  num,
  percentChange,
} from '../rows.js';
import { ASB_CATEGORY, TOP_LSOAS, type TopLsoa, topLsoaRows } from './police-top-lsoas.js';

const DATED =
  'police.uk anti-social behaviour incidents in the area in the period, each dated on the first day of its month';

export const asbCount: IndicatorDefinition = {
  id: 'asb.count',
  title: 'Anti-social behaviour incidents',
  definition: `${DATED}. Counted apart from crime.`,
  numerator: {
    from: 'agg_asb_period_counts',
    measure: 'count',
    text: 'ASB incidents in the period',
  },
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
  numerator: {
    from: 'agg_asb_period_counts',
    measure: 'count',
    text: 'ASB incidents in the period',
  },
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
  numerator: {
    from: 'agg_asb_period_counts',
    measure: 'count',
    text: 'ASB incidents in the period',
  },
  denominator: {
    from: 'agg_asb_period_counts',
    measure: 'count',
    text: 'ASB incidents in the previous period',
  },
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
    from: 'agg_asb_period_counts',
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

interface AsbCounts extends Record<string, unknown> {
  period_count: number;
  previous_count: number;
  residents: number | null;
}

function periodRows(context: IndicatorContext, row: AsbCounts): IndicatorRow[] {
  const category = ASB_CATEGORY;
  const count = num(row.period_count);
  const previous = num(row.previous_count);
  const rows = [indicatorRow(context, asbCount, { category, numerator: count, value: count })];
  const residents = row.residents === null ? null : num(row.residents);
  rows.push(
    residents === null
      ? indicatorRow(context, asbRate, { category, numerator: count, note: noResidentsNote() })
      : indicatorRow(context, asbRate, {
          category,
          numerator: count,
          denominator: residents,
          ...fromEstimate(crudeRate({ count, denominator: residents, multiplier: 1000 })),
        }),
  );
  rows.push(
    indicatorRow(context, asbChange, {
      category,
      numerator: count,
      denominator: previous,
      ...percentChange(rateRatioExact({ count, previousCount: previous })),
    }),
  );
  return rows;
}

export const family = defineFamily({
  name: 'asb',
  order: 120,
  indicators: [asbCount, asbRate, asbChange, asbTopLsoas],
  async compute(context) {
    const counts = await aggregate<AsbCounts>(context, 'asb_period_counts');
    const lsoas = await aggregate<TopLsoa>(context, 'top_lsoas');
    return [
      ...counts.flatMap((row) => periodRows(context, row)),
      ...topLsoaRows(
        context,
        asbTopLsoas,
        lsoas.filter((l) => l.category === ASB_CATEGORY),
      ),
    ];
  },
});
