/**
 * What the data cover: per event source, the months of the assessment period, the previous
 * period and the history it has rows for (`agg_source_coverage`), and the words that say so on
 * every indicator row computed over a period its source does not fully cover. Counts over a
 * partial period are never scaled up: the row says `data cover N of M months` instead.
 */
import type { Source } from '../core/config.js';
import type { Database } from '../core/database.js';
import {
  type IndicatorContext,
  type IndicatorDefinition,
  type IndicatorRow,
  type Need,
  sourcesOfNeed,
} from './define.js';
import {
  POPULATION_GAP_WARN_YEARS,
  type PopulationYear,
  populationGap,
} from './population-year.js';

export type CoveragePeriod = 'assessment' | 'previous' | 'history';

/** Sources whose rows are dated, so that a period can be covered or not. */
export type EventSource = 'police_crimes' | 'police_uk_street' | 'ae_assaults' | 'youth_justice';

export interface SourceCoverage {
  source: EventSource;
  period: CoveragePeriod;
  /** The period's first and last day, `YYYY-MM-DD`. */
  start: string;
  end: string;
  monthsExpected: number;
  monthsCovered: number;
  complete: boolean;
  /** `YYYY-MM` months of the period with rows, and without. */
  coveredMonths: string[];
  missingMonths: string[];
  /** The source's first and last month with rows, whatever the period; null with no rows. */
  firstMonth: string | null;
  lastMonth: string | null;
  /** Months between its first and last with no row at all. */
  gapMonths: number;
}

export async function loadCoverage(db: Database): Promise<SourceCoverage[]> {
  const rows = await db.all<Record<string, unknown>>(
    `SELECT source, period, strftime(start_date, '%Y-%m-%d') AS start_date,
            strftime(end_date, '%Y-%m-%d') AS end_date, months_expected, months_covered,
            is_complete, covered_months, missing_months, first_month, last_month, gap_months
     FROM agg_source_coverage ORDER BY source, period`,
  );
  return rows.map((r) => ({
    source: r.source as EventSource,
    period: r.period as CoveragePeriod,
    start: String(r.start_date),
    end: String(r.end_date),
    monthsExpected: Number(r.months_expected),
    monthsCovered: Number(r.months_covered),
    complete: r.is_complete === true,
    coveredMonths: (r.covered_months as string[] | null) ?? [],
    missingMonths: (r.missing_months as string[] | null) ?? [],
    firstMonth: (r.first_month as string | null) ?? null,
    lastMonth: (r.last_month as string | null) ?? null,
    gapMonths: Number(r.gap_months ?? 0),
  }));
}

export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const monthIndex = (month: string): number =>
  Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/**
 * `YYYY-MM` months as words, runs joined: "September to November 2022", "December 2021 to
 * February 2022", "January to March and June 2022". The year is said once per run, or once at the
 * end when every run falls in the same year.
 */
export function monthRangeWords(months: readonly string[]): string {
  const sorted = [...new Set(months)].sort();
  const runs: Array<[string, string]> = [];
  for (const month of sorted) {
    const last = runs.at(-1);
    if (last && monthIndex(month) === monthIndex(last[1]) + 1) last[1] = month;
    else runs.push([month, month]);
  }
  const years = new Set(sorted.map((m) => m.slice(0, 4)));
  const oneYear = years.size === 1;
  const name = (m: string, withYear: boolean) =>
    `${MONTH_NAMES[Number(m.slice(5, 7)) - 1]}${withYear ? ` ${m.slice(0, 4)}` : ''}`;
  const words = runs.map(([from, to]) => {
    if (from === to) return name(from, !oneYear);
    const sameYear = from.slice(0, 4) === to.slice(0, 4);
    return `${name(from, !oneYear && !sameYear)} to ${name(to, !oneYear)}`;
  });
  const list =
    words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  return oneYear ? `${list} ${[...years][0]}` : (list ?? '');
}

const PERIOD_WORDS: Record<CoveragePeriod, string> = {
  assessment: '',
  previous: ' of the previous period',
  history: ' of the history',
};

/** Each dated source as a sentence names it. */
export const SOURCE_NAMES: Readonly<Record<EventSource, string>> = {
  police_crimes: 'police crime extracts',
  police_uk_street: 'police.uk street files',
  ae_assaults: 'A&E assault attendances',
  youth_justice: 'youth justice offences',
};

/** "data cover 3 of 12 months: September to November 2022" (the period's covered months). */
export function coverageWords(coverage: SourceCoverage): string {
  const covered =
    coverage.coveredMonths.length > 0 ? `: ${monthRangeWords(coverage.coveredMonths)}` : '';
  return `data cover ${coverage.monthsCovered} of ${coverage.monthsExpected} months${PERIOD_WORDS[coverage.period]}${covered}`;
}

/** The police source the police indicators read: extracts win over police.uk when both load. */
export function policeSourceInUse(
  available: ReadonlySet<Source>,
): 'police_crimes' | 'police_uk_street' | null {
  if (available.has('police_crimes')) return 'police_crimes';
  if (available.has('police_uk_street')) return 'police_uk_street';
  return null;
}

/** The coverage of the sources the indicators read: police.uk is not read when extracts load. */
export function coverageInUse(
  coverage: readonly SourceCoverage[],
  available: ReadonlySet<Source>,
): SourceCoverage[] {
  const police = policeSourceInUse(available);
  const isPolice = (s: EventSource) => s === 'police_crimes' || s === 'police_uk_street';
  return coverage.filter((c) => !isPolice(c.source) || c.source === police);
}

/** The dated sources an indicator's rows are counted from, as loaded in this run. */
export function eventSourcesOf(
  definition: IndicatorDefinition,
  available: ReadonlySet<Source>,
): EventSource[] {
  const police = policeSourceInUse(available);
  const of = (need: Need): EventSource | null => {
    const sources = sourcesOfNeed(need);
    if (sources.some((s) => s === 'police_crimes' || s === 'police_uk_street')) return police;
    // Victims and offenders are dated by their crimes.
    if (sources.some((s) => s === 'police_victims' || s === 'police_offenders')) return police;
    if (sources.includes('ae_assaults')) return 'ae_assaults';
    if (sources.includes('youth_justice')) return 'youth_justice';
    return null;
  };
  return [...new Set(definition.needs.map(of).filter((s): s is EventSource => s !== null))];
}

/** How a change's note says it was not computed, the data not covering both periods. */
export const NOT_COMPUTED = 'no change is computed over a period the data do not fully cover';

export const joinNote = (note: string | null, more: string): string =>
  note ? `${note}; ${more}` : more;

/** "1 June to 31 August 2022", "1 December 2021 to 30 November 2022" from `YYYY-MM-DD` days. */
export function dayRangeWords(start: string, end: string): string {
  const day = (d: string, withYear: boolean) =>
    `${Number(d.slice(8, 10))} ${MONTH_NAMES[Number(d.slice(5, 7)) - 1]}${withYear ? ` ${d.slice(0, 4)}` : ''}`;
  return `${day(start, start.slice(0, 4) !== end.slice(0, 4))} to ${day(end, true)}`;
}

/**
 * Says on each row what its sources cover of the period it is computed over. A monthly row
 * stands for its own month (blank where the month is not covered, in its SQL); a row declared
 * as a comparison (a change, a rank among areas) needs its period whole, so it is blanked rather
 * than compare part of one period with all of another.
 */
export function withCoverage(
  row: IndicatorRow,
  definition: IndicatorDefinition,
  context: IndicatorContext,
  available: ReadonlySet<Source>,
  coverage: readonly SourceCoverage[],
): IndicatorRow {
  if (row.area_code !== context.areaCode || row.breakdown === 'month') return row;
  const period: CoveragePeriod =
    row.period_start === context.period.historyStart && row.period_start !== context.period.start
      ? 'history'
      : 'assessment';
  const compares = definition.comparison === 'previous_period';
  const periods: CoveragePeriod[] = compares ? [period, 'previous'] : [period];
  const short = eventSourcesOf(definition, available).flatMap((source) =>
    periods.flatMap((p) =>
      coverage.filter((c) => c.source === source && c.period === p && !c.complete),
    ),
  );
  const previous = compares
    ? `previous period ${dayRangeWords(context.period.previousStart, context.period.previousEnd)}`
    : null;
  if (short.length === 0) {
    return previous ? { ...row, note: joinNote(row.note, previous) } : row;
  }
  const said = short.map(coverageWords);
  if (!definition.comparison)
    return { ...row, note: [row.note, ...said].filter(Boolean).join('; ') };
  // Part of a period set against a whole one (the previous period, other areas' years) would
  // mislead; the method's own note speaks of a comparison no longer made.
  const against =
    definition.comparison === 'previous_period'
      ? NOT_COMPUTED
      : 'no comparison with other areas over a period the data do not fully cover';
  return {
    ...row,
    denominator: compares ? null : row.denominator,
    value: null,
    lower_ci95: null,
    upper_ci95: null,
    significance: null,
    note: [previous, ...said, against].filter(Boolean).join('; '),
  };
}

/**
 * Why the area's rates cannot be set against other areas' (a rank, a combined benchmark, the
 * comparators chart), or null when they can: the peers' counts are for the whole period with
 * populations of the year it ends, so the area's must be too, within the gap that warns.
 */
export function peerComparisonProblem(
  coverageOfSourcesInUse: readonly SourceCoverage[],
  population: PopulationYear,
): string | null {
  const short = coverageOfSourcesInUse.find(
    (c) =>
      (c.source === 'police_crimes' || c.source === 'police_uk_street') &&
      c.period === 'assessment' &&
      !c.complete,
  );
  if (short) return 'no comparison with other areas over a period the data do not fully cover';
  // Comparators chosen from the police.uk files divide by the same population file as the area.
  if (population.peersYear !== undefined) {
    if (population.year === population.peersYear) return null;
    return `no comparison with other areas: the area's rates use the population of mid-${population.year}, the comparators' that of mid-${population.peersYear}`;
  }
  if (population.year !== null && populationGap(population) > POPULATION_GAP_WARN_YEARS) {
    return `no comparison with other areas: the area's rates use the population of mid-${population.year}, the comparators' that of ${population.periodEndYear}`;
  }
  return null;
}
