/**
 * What an indicator is: a typed declaration (id, title, definition, numerator, denominator,
 * unit, method, polarity, breakdowns, the sources it needs, how it is disclosure-controlled)
 * and the tidy row every indicator produces (docs/contract.md#indicators-csv). A family module declares its
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
  'z',
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
  'space_time_band',
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
 * The statistical methods, by the label `indicators.csv` writes (docs/methods.md has each).
 * A row may name a method its declared one falls back to (`METHOD_FALLBACKS`): a crude rate is
 * declared `byar` and its rows with fewer than 10 events say `exact_poisson`.
 */
export const METHODS = [
  'count',
  'byar',
  'exact_poisson',
  'rate_ratio_exact',
  'wilson',
  'katz_log',
  'spearman',
  't',
  'rank',
  'getis_ord_gi_star',
  'knox_monte_carlo',
] as const;
export type Method = (typeof METHODS)[number];
export const METHOD_FALLBACKS: Readonly<Partial<Record<Method, readonly Method[]>>> = {
  byar: ['exact_poisson'],
};

/**
 * The settings of the config an indicator may need, by their path in the config file, each
 * with the test of whether a run gives it.
 */
export const CONFIG_NEEDS = {
  'area.town_centre_wards': (config: SnaConfig) => config.area.townCentreWards.length > 0,
  'reference.boundaries.lsoa': (config: SnaConfig) => config.boundaries.lsoa !== undefined,
} as const;
export type ConfigNeed = { config: keyof typeof CONFIG_NEEDS };

/**
 * Optional columns of a source an indicator needs, by `<source>.<column>`: each with its source
 * and the SQL (over the marts) that is true when any loaded row gives the column a value. An
 * extract may leave an optional column out, or send it blank on every row; an indicator counting
 * by it then has nothing to count, and says so rather than publish a share of nothing.
 */
export const COLUMN_NEEDS = {
  'police_crimes.location_type': {
    source: 'police_crimes',
    sql: 'select count(*) > 0 from fct_crimes where location_type is not null',
  },
} as const satisfies Record<string, { source: Source; sql: string }>;
export type ColumnNeed = { column: keyof typeof COLUMN_NEEDS };

/**
 * A source an indicator needs, or alternatives any one of which will do (police crimes come
 * from the force's extracts or from public police.uk street files), a setting of the config,
 * or an optional column of a source holding a value.
 */
export type Need = Source | readonly Source[] | ConfigNeed | ColumnNeed;

/** The period a measure counts over; `run_config` holds each one's first and last day. */
export type Period = 'assessment' | 'previous' | 'history';

/**
 * What a numerator or denominator is: which model it reads, what it takes from it, which rows.
 * A measure with a `period` counts rows of a mart and is computed by the generic runner
 * (`runner.ts`); one without is read from the family's registered `agg_` model.
 */
export interface Measure {
  /** The registered model read: a mart (`fct_…`, `dim_…`) or an aggregate (`agg_…`). */
  from: string;
  /** `count` (rows), `sum(<column>)`, or the aggregate's column holding the number. */
  measure: string;
  /** The period counted over (a generic count). */
  period?: Period;
  /** SQL over the model's columns and `run_config`'s, choosing the rows counted. */
  where?: string;
  /** In words, for the methods section and docs/indicators.md. */
  text: string;
  /**
   * What a count measure counts when it is not people, addresses or events: `areas` (LSOAs),
   * each published on its own elsewhere, so their number discloses no one and is not suppressed.
   */
  counts?: 'areas';
}

/** Police crimes from either source (`fct_crime_categories` takes whichever is loaded). */
export const POLICE_CRIMES: Need = ['police_crimes', 'police_uk_street'];

/**
 * How a need reads in a note: `police_crimes or police_uk_street`, `area.town_centre_wards`,
 * `police_crimes.location_type`.
 */
export const describeNeed = (need: Need): string =>
  typeof need === 'string'
    ? need
    : 'config' in need
      ? need.config
      : 'column' in need
        ? need.column
        : need.join(' or ');

/** The sources of a need (none for a setting of the config). */
export const sourcesOfNeed = (need: Need): readonly Source[] =>
  typeof need === 'string'
    ? [need]
    : 'config' in need
      ? []
      : 'column' in need
        ? [COLUMN_NEEDS[need.column].source]
        : need;

export interface IndicatorDefinition {
  id: string;
  title: string;
  /** One or two sentences, shown in the report's methods section. */
  definition: string;
  numerator: Measure;
  /** Null where the value is the numerator itself (a count). */
  denominator: Measure | null;
  unit: Unit;
  /** The statistic, from the closed METHODS list. */
  method: Method;
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
  /**
   * The categories the indicator is computed for, when not every category of its mart (the
   * night-time economy share is violence with injury only). The first names its rows when the
   * indicator is not available.
   */
  categories?: readonly string[];
}

/**
 * Whether a row has a value to read: `suppressed` is decided at publication (indicators.csv);
 * before that a row is `published`, `not_available` (a source or setting it needs is absent)
 * or `not_applicable` (no value for a reason its note gives: a zero denominator, a month with
 * no data, a period the data do not cover).
 */
export const STATUSES = ['published', 'suppressed', 'not_available', 'not_applicable'] as const;
export type Status = (typeof STATUSES)[number];

/** One row of `indicators.csv` (docs/contract.md#indicators-csv), before suppression. */
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
  /** Set on rows whose needs are absent; the others' status follows from their value. */
  status?: Status;
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

/**
 * One file's indicators. Those whose numerator has a `period` are computed by the generic
 * runner; `compute` gives the rows of the others (from the family's `agg_` models).
 */
export interface IndicatorFamily {
  name: string;
  /** Where the family's rows come in a run (the registry sorts by it). */
  order: number;
  indicators: readonly IndicatorDefinition[];
  /** Whether the run computes the family at all (none: always); otherwise it writes no row. */
  when?(config: SnaConfig): boolean;
  compute?(context: IndicatorContext): Promise<IndicatorRow[]>;
}

/** Types a family file's declaration: `export const family = defineFamily({ … })`. */
export const defineFamily = (family: IndicatorFamily): IndicatorFamily => family;

/** Whether the generic runner computes the indicator (its numerator counts a mart's rows). */
export const isGeneric = (indicator: IndicatorDefinition): boolean =>
  indicator.numerator.period !== undefined;
