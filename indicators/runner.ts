/**
 * The generic runner: computes every indicator whose numerator counts a mart's rows from its
 * declaration alone. The measures of all such indicators over one mart compile into one query,
 * a single scan grouped by category with one `count(*) filter (where …)` per distinct measure;
 * a denominator read from a dimension (`sum(population)` of `dim_area_population`) is one
 * scalar subquery. The declared method then turns each category's numbers into a row.
 */
import type { Row } from '../core/database.js';
import type {
  IndicatorContext,
  IndicatorDefinition,
  IndicatorRow,
  Measure,
  Period,
  Unit,
} from './define.js';
import { crudeRate, proportion, rateRatioExact } from './methods/index.js';
import { fromEstimate, indicatorRow, noResidentsNote, percentChange } from './rows.js';

/**
 * The marts the runner counts: the date a row counts on, and its category: a column (one row
 * per category in the result, every category the mart holds) or one category for the whole
 * mart (always one row, zeros when the mart is empty).
 */
export const COUNTED_MARTS: Readonly<
  Record<
    string,
    {
      date: string;
      category: { column: string } | { constant: string };
      /** SQL that must hold for the mart to give any row (a one-category mart's row too). */
      when?: string;
    }
  >
> = {
  fct_crime_categories: { date: 'offence_date', category: { column: 'category' } },
  fct_ae_attendances: { date: 'arrival_date', category: { constant: 'ae_assault' } },
  // police.uk's anti-social behaviour counts only when police.uk is the police source.
  fct_street_asb: {
    date: 'offence_date',
    category: { constant: 'anti_social_behaviour' },
    when: "(select police_source from int_police_source) = 'police_uk_street'",
  },
};

const PERIOD_BOUNDS: Readonly<Record<Period, readonly [string, string]>> = {
  assessment: ['period_start', 'period_end'],
  previous: ['previous_start', 'previous_end'],
  history: ['history_start', 'period_end'],
};

const MULTIPLIERS: Partial<Record<Unit, number>> = { per_1000: 1000, per_100000: 100_000 };

/** What in a declaration the runner cannot compile, or undefined. */
export function runnerProblem(indicator: IndicatorDefinition): string | undefined {
  const { numerator, denominator } = indicator;
  if (!COUNTED_MARTS[numerator.from]) {
    return `numerator.from: the runner counts ${Object.keys(COUNTED_MARTS).join(', ')}, not ${numerator.from}`;
  }
  if (numerator.measure !== 'count') return `numerator.measure: the runner counts rows (count)`;
  if (denominator && denominator.period !== undefined && denominator.from !== numerator.from) {
    return 'denominator: a counted denominator counts the numerator’s mart';
  }
  if (
    denominator &&
    denominator.period === undefined &&
    !/^sum\(\w+\)$/.test(denominator.measure)
  ) {
    return 'denominator.measure: sum(<column>) of a dimension, or a count with a period';
  }
  if (
    !(['count', 'byar', 'rate_ratio_exact', 'wilson'] as const).some((m) => m === indicator.method)
  ) {
    return `method: the runner applies count, byar, rate_ratio_exact and wilson, not ${indicator.method}`;
  }
  if (indicator.method === 'byar' && !MULTIPLIERS[indicator.unit]) {
    return `unit: a rate is per_1000 or per_100000, not ${indicator.unit}`;
  }
  return undefined;
}

/** The SQL of one measure: a filtered count over the mart, or a scalar over a dimension. */
function measureSql(measure: Measure): string {
  if (measure.period === undefined) {
    return `(select ${measure.measure} from ${measure.from})::double`;
  }
  const date = `${measure.from}.${COUNTED_MARTS[measure.from]?.date}`;
  const [start, end] = PERIOD_BOUNDS[measure.period];
  const where = [`${date} between run_config.${start} and run_config.${end}`];
  if (measure.where) where.push(`(${measure.where})`);
  return `count(*) filter (where ${where.join(' and ')})::integer`;
}

/** One query per mart: a row per category, a column per distinct measure (`m0`, `m1`, …). */
export function compileMart(
  mart: string,
  indicators: readonly IndicatorDefinition[],
): { sql: string; column: (measure: Measure) => string } {
  const columns = new Map<string, string>();
  const keyOf = (m: Measure) => measureSql(m);
  for (const indicator of indicators) {
    for (const measure of [indicator.numerator, indicator.denominator]) {
      if (measure && !columns.has(keyOf(measure))) {
        columns.set(keyOf(measure), `m${columns.size}`);
      }
    }
  }
  const select = [...columns].map(([sql, name]) => `${sql} as ${name}`);
  const counted = COUNTED_MARTS[mart];
  const category = counted?.category ?? { column: 'category' };
  const having = counted?.when ? `\n    having ${counted.when}` : '';
  const sql =
    'column' in category
      ? `select ${mart}.${category.column} as category, ${select.join(', ')}
    from ${mart} cross join run_config
    group by ${mart}.${category.column}${having}
    order by ${mart}.${category.column}`
      : `select '${category.constant}' as category, ${select.join(', ')}
    from ${mart} cross join run_config${having}`;
  return { sql, column: (measure) => columns.get(keyOf(measure)) ?? '' };
}

const numberOf = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/** A category's row of an indicator, from its numbers, by the declared method. */
function applyMethod(
  context: IndicatorContext,
  indicator: IndicatorDefinition,
  category: string,
  count: number,
  denominator: number | null,
): IndicatorRow {
  const base = { category, numerator: count };
  switch (indicator.method) {
    case 'count':
      return indicatorRow(context, indicator, { ...base, value: count });
    case 'byar': {
      if (denominator === null)
        return indicatorRow(context, indicator, { ...base, note: noResidentsNote() });
      const rate = crudeRate({
        count,
        denominator,
        multiplier: MULTIPLIERS[indicator.unit] ?? 1000,
      });
      return indicatorRow(context, indicator, { ...base, denominator, ...fromEstimate(rate) });
    }
    case 'rate_ratio_exact': {
      const previousCount = denominator ?? 0;
      const ratio = rateRatioExact({ count, previousCount });
      return indicatorRow(context, indicator, {
        ...base,
        denominator: previousCount,
        ...percentChange(ratio),
      });
    }
    case 'wilson': {
      const share = proportion({ count, denominator: denominator ?? 0 });
      return indicatorRow(context, indicator, { ...base, denominator, ...fromEstimate(share) });
    }
    default:
      throw new Error(`${indicator.id}: the runner does not apply ${indicator.method}`);
  }
}

/** The rows of the runnable generic indicators, one query per mart. */
export async function runGeneric(
  context: IndicatorContext,
  indicators: readonly IndicatorDefinition[],
): Promise<IndicatorRow[]> {
  const byMart = new Map<string, IndicatorDefinition[]>();
  for (const indicator of indicators) {
    byMart.set(indicator.numerator.from, [
      ...(byMart.get(indicator.numerator.from) ?? []),
      indicator,
    ]);
  }
  const rows: IndicatorRow[] = [];
  for (const [mart, declared] of byMart) {
    const { sql, column } = compileMart(mart, declared);
    const categories = await context.db.all<Row>(sql);
    for (const indicator of declared) {
      for (const found of categories) {
        const category = String(found.category);
        if (indicator.categories && !indicator.categories.includes(category)) continue;
        const count = numberOf(found[column(indicator.numerator)]) ?? 0;
        const denominator = indicator.denominator
          ? numberOf(found[column(indicator.denominator)])
          : null;
        rows.push(applyMethod(context, indicator, category, count, denominator));
      }
    }
  }
  return rows;
}
