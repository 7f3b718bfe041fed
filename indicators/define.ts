/**
 * What an indicator is: a typed declaration (id, title, definition, numerator, denominator,
 * unit, method, polarity, breakdowns, the sources it needs, how it is disclosure-controlled)
 * and the tidy row every indicator produces (contract §5.1). A family module declares its
 * indicators and computes them together, because they share one scan of a mart.
 */
import type { SnaConfig, Source } from '../core/config.js';
import type { Database } from '../core/database.js';
import type { Logger } from '../core/log.js';

export const UNITS = [
  'count',
  'per_1000',
  'per_100000',
  'percent',
  'ratio',
  'index',
  'rank',
  'rho',
  'years',
] as const;
export type Unit = (typeof UNITS)[number];

export const BREAKDOWNS = [
  'none',
  'month',
  'month_of_year',
  'beat',
  'ward',
  'lsoa',
  'age_band',
  'sex',
  'ethnic_group',
  'imd_decile',
  'locality',
  'offence_category',
  'hour_weekday',
] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** Which way is worse; `none` where the number carries no judgement (a share, a rank). */
export const POLARITIES = ['higher_is_worse', 'lower_is_worse', 'none'] as const;
export type Polarity = (typeof POLARITIES)[number];

/**
 * The published columns that hold a count of people, households, addresses or events, each
 * blanked (with the whole row) when it is 1 to suppress_below − 1:
 * - `value`: the value itself is such a count (every indicator whose unit is `count`, and
 *   only those: a registry check holds the two together);
 * - `numerator`: the numerator is;
 * - `denominator`: the denominator is too (the previous period of a change, the crimes with a
 *   known address), so it is also blanked whenever the row is suppressed, since it bounds the
 *   suppressed count;
 * - `complement`: denominator − numerator, the rest of a share of people, is.
 * Residents, areas and LSOAs are not listed: an empty list is a rank or a correlation.
 */
export const COUNTED_COLUMNS = ['value', 'numerator', 'denominator', 'complement'] as const;
export type CountedColumn = (typeof COUNTED_COLUMNS)[number];
export type Disclosure = readonly CountedColumn[];

export const SIGNIFICANCES = ['higher', 'similar', 'lower'] as const;
export type Significance = (typeof SIGNIFICANCES)[number];

/**
 * A source an indicator needs, or alternatives any one of which will do: police crimes come
 * from the force's extracts or from public police.uk street files.
 */
export type Need = Source | readonly Source[];

/** Police crimes from either source (`fct_crime_categories` takes whichever is loaded). */
export const POLICE_CRIMES: Need = ['police_crimes', 'police_uk_street'];

/** How a need reads in a note: `police_crimes or police_uk_street`. */
export const describeNeed = (need: Need): string =>
  typeof need === 'string' ? need : need.join(' or ');

export interface IndicatorDefinition {
  id: string;
  title: string;
  /** One or two sentences, shown in the report's methods section. */
  definition: string;
  numerator: string;
  denominator: string;
  unit: Unit;
  /** The statistic's method label as written in `indicators.csv` (`byar`, `wilson`, …). */
  method: string;
  polarity: Polarity;
  breakdowns: readonly Breakdown[];
  /** Sources without which the indicator is "not available". */
  needs: readonly Need[];
  /** Which published columns are counts of people, addresses or events (see COUNTED_COLUMNS). */
  disclosure: Disclosure;
  /**
   * What the area's value is set against, when that has to cover the whole period too: the
   * previous period (a change), or other areas' full periods (a rank, a benchmark). Over a period
   * the area's data do not fully cover, such a row is blanked rather than compare part with whole.
   */
  comparison?: 'previous_period' | 'other_areas';
}

/** One row of `indicators.csv` (contract §5.1), before suppression. */
export interface IndicatorRow {
  indicator_id: string;
  category: string;
  area_code: string;
  period_start: string;
  period_end: string;
  breakdown: Breakdown;
  breakdown_value: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  lower_ci95: number | null;
  upper_ci95: number | null;
  unit: Unit;
  significance: Significance | null;
  method: string;
  /** Why a value is missing ("not available: needs police_victims", "denominator is 0"). */
  note: string | null;
}

/** What a family's compute function gets. */
export interface IndicatorContext {
  db: Database;
  config: SnaConfig;
  /** The area's code as written in every row: the LAD codes joined with `+`. */
  areaCode: string;
  period: {
    start: string;
    end: string;
    previousStart: string;
    previousEnd: string;
    /** First day of the monthly history (history_years × 12 months ending with the period). */
    historyStart: string;
  };
  log: Logger;
}

export interface IndicatorFamily {
  name: string;
  indicators: readonly IndicatorDefinition[];
  compute(context: IndicatorContext): Promise<IndicatorRow[]>;
}
