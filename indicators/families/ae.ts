/** A&E assault attendances (ISTV): volume, rate for residents, change, and who and how. */
import { defineFamily, type IndicatorDefinition } from '../define.js';
import { crudeRate, proportion, rateRatioExact } from '../methods/index.js';
import {
  aggregate,
  fromEstimate,
  indicatorRow,
  NO_DATA_FOR_MONTH,
  noResidentsNote,
  num,
  percentChange,
} from '../rows.js';

const CATEGORY = 'ae_assault';

const base = {
  polarity: 'none',
  breakdowns: ['none'],
  needs: ['ae_assaults'],
  disclosure: ['numerator', 'complement'],
  method: 'wilson',
  unit: 'percent',
} as const;

export const aeCount: IndicatorDefinition = {
  ...base,
  id: 'ae.count',
  title: 'A&E assault attendances',
  definition: 'All assault attendances in the A&E extracts in the period, by arrival date.',
  numerator: { from: 'agg_ae_summary', measure: 'count', text: 'attendances' },
  denominator: null,
  unit: 'count',
  method: 'count',
  polarity: 'higher_is_worse',
  disclosure: ['value', 'numerator'],
};
export const aeRate: IndicatorDefinition = {
  ...base,
  id: 'ae.rate_per_1000',
  title: 'A&E assault attendances per 1,000 residents',
  definition:
    'Attendances by the area’s residents (home LSOA in the area) per 1,000 residents; exact Poisson / Byar’s 95% CI.',
  numerator: {
    from: 'dim_area_population',
    measure: 'sum(population)',
    text: 'attendances by residents',
  },
  denominator: { from: 'dim_area_population', measure: 'sum(population)', text: 'residents' },
  unit: 'per_1000',
  method: 'byar',
  polarity: 'higher_is_worse',
  needs: ['ae_assaults', 'geography', 'population'],
  disclosure: ['numerator'],
};
export const aeChange: IndicatorDefinition = {
  ...base,
  id: 'ae.change',
  comparison: 'previous_period',
  title: 'Change in A&E assault attendances',
  definition:
    'Percentage change in attendances against the previous period; exact conditional 95% CI of the count ratio.',
  numerator: { from: 'agg_ae_summary', measure: 'count', text: 'attendances in the period' },
  denominator: {
    from: 'agg_ae_summary',
    measure: 'count',
    text: 'attendances in the previous period',
  },
  method: 'rate_ratio_exact',
  polarity: 'higher_is_worse',
  disclosure: ['numerator', 'denominator'],
};
const aeShare = (
  id: string,
  title: string,
  numerator: string,
  denominator: string,
  extra: Partial<IndicatorDefinition> = {},
): IndicatorDefinition => ({
  ...base,
  id,
  title,
  definition: `Share (%) of attendances in the period ${numerator}, over those ${denominator}; Wilson 95% CI.`,
  numerator: { from: 'agg_ae_summary', measure: 'count', text: `attendances ${numerator}` },
  denominator: { from: 'agg_ae_summary', measure: 'count', text: `attendances ${denominator}` },
  ...extra,
});
export const aeMale = aeShare('ae.male_pct', 'A&E attendances: male', 'by males', 'of known sex');
export const aeUnder25 = aeShare(
  'ae.under_25_pct',
  'A&E attendances: under 25',
  'aged under 25',
  'of known age',
);
export const aeKnife = aeShare(
  'ae.knife_pct',
  'A&E attendances: knife or sharp object',
  'assaulted with a knife or sharp object',
  'with a known method',
);
export const aeHome = aeShare(
  'ae.home_pct',
  'A&E attendances: assault at home',
  'assaulted at home',
  'with a known location',
);
export const aeOutside = aeShare(
  'ae.outside_area_pct',
  'A&E attendances: living outside the area',
  'by people living outside the area',
  'with a known home LSOA',
  {
    needs: ['ae_assaults', 'geography'],
  },
);
export const aeByAgeSex: IndicatorDefinition = {
  ...base,
  id: 'ae.by_age_sex',
  title: 'A&E attendances by age and sex',
  definition:
    'Attendances in the period by sex and age band (0-9, 10-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65+).',
  numerator: { from: 'agg_ae_summary', measure: 'count', text: 'attendances' },
  denominator: null,
  unit: 'count',
  method: 'count',
  breakdowns: ['age_band'],
  disclosure: ['value', 'numerator'],
};
export const aeMonthly: IndicatorDefinition = {
  ...base,
  id: 'ae.monthly',
  title: 'A&E attendances by month',
  definition: 'Attendances in each month of the history.',
  numerator: { from: 'agg_ae_summary', measure: 'count', text: 'attendances' },
  denominator: null,
  unit: 'count',
  method: 'count',
  breakdowns: ['month'],
  disclosure: ['value', 'numerator'],
};

interface Summary extends Record<string, number | null> {
  attendances: number;
  previous_attendances: number;
  resident_attendances: number;
  residents: number | null;
}

export const family = defineFamily({
  name: 'ae',
  order: 90,
  indicators: [
    aeCount,
    aeRate,
    aeChange,
    aeMale,
    aeUnder25,
    aeByAgeSex,
    aeKnife,
    aeHome,
    aeOutside,
    aeMonthly,
  ],
  async compute(context) {
    const [s] = await aggregate<Summary>(context, 'ae_summary');
    if (!s) return [];
    const category = CATEGORY;
    const count = num(s.attendances);
    const share = (definition: IndicatorDefinition, n: unknown, d: unknown) =>
      indicatorRow(context, definition, {
        category,
        numerator: num(n),
        denominator: num(d),
        ...fromEstimate(proportion({ count: num(n), denominator: num(d) })),
      });
    const ratio = rateRatioExact({ count, previousCount: num(s.previous_attendances) });
    const rows = [
      indicatorRow(context, aeCount, { category, numerator: count, value: count }),
      indicatorRow(context, aeRate, {
        category,
        numerator: num(s.resident_attendances),
        denominator: s.residents,
        ...(s.residents
          ? fromEstimate(
              crudeRate({
                count: num(s.resident_attendances),
                denominator: s.residents,
                multiplier: 1000,
              }),
            )
          : { note: noResidentsNote() }),
      }),
      indicatorRow(context, aeChange, {
        category,
        numerator: count,
        denominator: num(s.previous_attendances),
        ...percentChange(ratio),
      }),
      share(aeMale, s.male, s.sexed),
      share(aeUnder25, s.under_25, s.aged),
      share(aeKnife, s.knife, s.methods_known),
      share(aeHome, s.home, s.places_known),
      share(aeOutside, s.outside_area, s.homes_known),
    ];
    for (const band of await aggregate<{ age_band: string; attendances: number }>(
      context,
      'ae_by_age_sex',
    )) {
      rows.push(
        indicatorRow(context, aeByAgeSex, {
          category,
          breakdown: 'age_band',
          breakdown_value: band.age_band,
          numerator: num(band.attendances),
          value: num(band.attendances),
        }),
      );
    }
    for (const month of await aggregate<{ month: string; attendances: number | null }>(
      context,
      'ae_monthly',
    )) {
      rows.push(
        indicatorRow(context, aeMonthly, {
          category,
          breakdown: 'month',
          period_start: context.period.historyStart,
          breakdown_value: month.month,
          ...(month.attendances === null
            ? { note: NO_DATA_FOR_MONTH }
            : { numerator: num(month.attendances), value: num(month.attendances) }),
        }),
      );
    }
    return rows;
  },
});
