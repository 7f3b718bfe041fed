/**
 * Police volume and time: count, rate per 1,000, change on the previous period, monthly
 * history and the seasonal index, for every serious violence category with data.
 */
import {
  defineFamily,
  type IndicatorContext,
  type IndicatorDefinition,
  type IndicatorRow,
  type Measure,
  POLICE_CRIMES,
} from '../define.js';
import { seasonalIndices } from '../methods/index.js';
import { aggregate, indicatorRow, NO_DATA_FOR_MONTH, num } from '../rows.js';

const needs = [POLICE_CRIMES, 'geography', 'population'] as const;

/** The area's crimes in a category over a period: the generic runner counts them. */
const crimesIn = (period: 'assessment' | 'previous', text: string): Measure => ({
  from: 'fct_crime_categories',
  measure: 'count',
  period,
  text,
});

const RESIDENTS: Measure = {
  from: 'dim_area_population',
  measure: 'sum(population)',
  text: 'residents (population of the year the period ends)',
};

export const policeCount: IndicatorDefinition = {
  id: 'police.count',
  title: 'Crimes recorded',
  definition:
    'Police recorded crimes in the category in the assessment period, dated by committed date (else recorded date).',
  numerator: crimesIn('assessment', 'crimes in the period'),
  denominator: null,
  unit: 'count',
  method: 'count',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs: [POLICE_CRIMES, 'geography'],
  disclosure: ['value', 'numerator'],
};

export const policeRate: IndicatorDefinition = {
  id: 'police.rate_per_1000',
  title: 'Crimes per 1,000 residents',
  definition:
    'Crimes in the period per 1,000 residents of all ages; 95% CI exact Poisson below 10 crimes, Byar’s from 10.',
  numerator: crimesIn('assessment', 'crimes in the period'),
  denominator: RESIDENTS,
  unit: 'per_1000',
  method: 'byar',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs,
  disclosure: ['numerator'],
};

export const policeChange: IndicatorDefinition = {
  id: 'police.change',
  comparison: 'previous_period',
  title: 'Change on the previous period',
  definition:
    'Percentage change in crimes against the previous period of equal length; significant when the exact conditional 95% CI of the count ratio excludes 1.',
  numerator: crimesIn('assessment', 'crimes in the period'),
  denominator: crimesIn('previous', 'crimes in the previous period'),
  unit: 'percent',
  method: 'rate_ratio_exact',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs: [POLICE_CRIMES, 'geography'],
  disclosure: ['numerator', 'denominator'],
};

export const policeMonthly: IndicatorDefinition = {
  id: 'police.monthly',
  title: 'Crimes by month',
  definition:
    'Crimes in each month of the history (history_years × 12 months ending with the period).',
  numerator: { from: 'agg_police_monthly', measure: 'count', text: 'crimes in the month' },
  denominator: null,
  unit: 'count',
  method: 'count',
  polarity: 'higher_is_worse',
  breakdowns: ['month'],
  needs: [POLICE_CRIMES, 'geography'],
  disclosure: ['value', 'numerator'],
};

export const policeSeasonalIndex: IndicatorDefinition = {
  id: 'police.seasonal_index',
  title: 'Seasonal index',
  definition:
    '100 × the mean crimes in a calendar month over the history ÷ the mean crimes per month; peak months are those whose exact Poisson 95% CI lies above 100.',
  numerator: {
    from: 'agg_police_monthly',
    measure: 'count',
    text: 'crimes in that calendar month over the history',
  },
  denominator: { from: 'agg_police_monthly', measure: 'count', text: 'crimes over the history' },
  unit: 'index',
  method: 'exact_poisson',
  polarity: 'higher_is_worse',
  breakdowns: ['month_of_year'],
  needs: [POLICE_CRIMES, 'geography'],
  disclosure: ['numerator'],
};

interface MonthlyCount extends Record<string, unknown> {
  category: string;
  month: string;
  month_of_year: number;
  /** Null in a month the police source has no rows for. */
  crimes: number | null;
}

function historyRows(
  context: IndicatorContext,
  category: string,
  months: MonthlyCount[],
): IndicatorRow[] {
  const rows = months.map((m) =>
    indicatorRow(context, policeMonthly, {
      category,
      breakdown: 'month',
      period_start: context.period.historyStart,
      breakdown_value: m.month,
      ...(m.crimes === null
        ? { note: NO_DATA_FOR_MONTH }
        : { numerator: num(m.crimes), value: num(m.crimes) }),
    }),
  );
  const monthTotals = Array.from({ length: 12 }, () => 0);
  const monthCounts = Array.from({ length: 12 }, () => 0);
  for (const m of months) {
    if (m.crimes === null) continue;
    const index = num(m.month_of_year) - 1;
    monthTotals[index] = (monthTotals[index] ?? 0) + num(m.crimes);
    monthCounts[index] = (monthCounts[index] ?? 0) + 1;
  }
  const total = monthTotals.reduce((a, b) => a + b, 0);
  if (total === 0) return rows;
  if (monthCounts.some((n) => n === 0)) {
    // A calendar month the data never reach has no index; a partial year would mislead.
    rows.push(
      indicatorRow(context, policeSeasonalIndex, {
        category,
        breakdown: 'month_of_year',
        period_start: context.period.historyStart,
        note: 'needs at least one full year of data',
      }),
    );
    return rows;
  }
  for (const season of seasonalIndices({ monthTotals, monthCounts })) {
    rows.push(
      indicatorRow(context, policeSeasonalIndex, {
        category,
        breakdown: 'month_of_year',
        period_start: context.period.historyStart,
        breakdown_value: String(season.month),
        numerator: monthTotals[season.month - 1] ?? 0,
        denominator: total,
        value: season.value,
        lower_ci95: season.lower,
        upper_ci95: season.upper,
        significance: season.significance,
      }),
    );
  }
  return rows;
}

export const family = defineFamily({
  name: 'police-counts',
  order: 10,
  indicators: [policeCount, policeRate, policeChange, policeMonthly, policeSeasonalIndex],
  async compute(context) {
    // Count, rate and change are the generic runner's; the history is this family's own.
    const counts = await aggregate<{ category: string }>(context, 'police_period_counts');
    const monthly = await aggregate<MonthlyCount>(context, 'police_monthly');
    return counts.flatMap((row) =>
      historyRows(
        context,
        row.category,
        monthly.filter((m) => m.category === row.category),
      ),
    );
  },
});
