/** A&E assault attendances (ISTV): volume, rate for residents, change, and who and how. */
import { AE_CATEGORY } from '../categories.js';
import {
  defineFamily,
  type IndicatorDefinition,
  type IndicatorRow,
  type Measure,
  type Period,
} from '../define.js';
import { aggregate, indicatorRow, NO_DATA_FOR_MONTH, num } from '../rows.js';

const CATEGORY = AE_CATEGORY;

/** Attendances in a period, chosen by `where`: the generic runner counts them. */
const attendances = (text: string, where?: string, period: Period = 'assessment'): Measure => ({
  from: 'fct_ae_attendances',
  measure: 'count',
  period,
  ...(where ? { where } : {}),
  text,
});

const base = {
  categories: [AE_CATEGORY],
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
  numerator: attendances('attendances'),
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
  numerator: attendances('attendances by residents', 'is_area_resident'),
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
  numerator: attendances('attendances in the period'),
  denominator: attendances('attendances in the previous period', undefined, 'previous'),
  method: 'rate_ratio_exact',
  polarity: 'higher_is_worse',
  disclosure: ['numerator', 'denominator'],
};
/** A share of the period's attendances: those `where` over those `known`. */
const aeShare = (
  id: string,
  title: string,
  [numerator, where]: readonly [string, string],
  [denominator, known]: readonly [string, string],
  extra: Partial<IndicatorDefinition> = {},
): IndicatorDefinition => ({
  ...base,
  id,
  title,
  definition: `Share (%) of attendances in the period ${numerator}, over those ${denominator}; Wilson 95% CI.`,
  numerator: attendances(`attendances ${numerator}`, where),
  denominator: attendances(`attendances ${denominator}`, known),
  ...extra,
});
export const aeMale = aeShare(
  'ae.male_pct',
  'A&E attendances: male',
  ['by males', "sex = 'M'"],
  ['of known sex', "sex <> 'U'"],
);
export const aeUnder25 = aeShare(
  'ae.under_25_pct',
  'A&E attendances: under 25',
  ['aged under 25', 'age < 25'],
  ['of known age', 'age is not null'],
);
export const aeKnife = aeShare(
  'ae.knife_pct',
  'A&E attendances: knife or sharp object',
  ['assaulted with a knife or sharp object', "assault_method = 'knife_sharp'"],
  ['with a known method', "assault_method <> 'unknown'"],
);
export const aeHome = aeShare(
  'ae.home_pct',
  'A&E attendances: assault at home',
  ['assaulted at home', "assault_location_type = 'home'"],
  ['with a known location', "assault_location_type <> 'unknown'"],
);
export const aeOutside = aeShare(
  'ae.outside_area_pct',
  'A&E attendances: living outside the area',
  ['by people living outside the area', 'not is_area_resident'],
  ['with a known home LSOA', 'is_area_resident is not null'],
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
  numerator: { from: 'agg_ae_by_age_sex', measure: 'attendances', text: 'attendances' },
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
  numerator: { from: 'agg_ae_monthly', measure: 'attendances', text: 'attendances' },
  denominator: null,
  unit: 'count',
  method: 'count',
  breakdowns: ['month'],
  disclosure: ['value', 'numerator'],
};

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
    // Volume, rate, change and the shares are the generic runner's; the profiles are these.
    const category = CATEGORY;
    const rows: IndicatorRow[] = [];
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
