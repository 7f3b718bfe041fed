/**
 * The indicators stage: runs every family whose inputs are present, and writes a
 * "not available" row (with the reason, also logged) for every indicator whose inputs are
 * absent — never a wrong zero.
 */
import type { SnaConfig, Source } from '../core/config.js';
import type { Database } from '../core/database.js';
import type { Logger } from '../core/log.js';
import {
  coverageInUse,
  eventSourcesOf,
  joinNote,
  loadCoverage,
  peerComparisonProblem,
  policeSourceInUse,
  withCoverage,
} from './coverage.js';
import {
  COLUMN_NEEDS,
  CONFIG_NEEDS,
  describeNeed,
  type IndicatorContext,
  type IndicatorDefinition,
  type IndicatorRow,
  isGeneric,
  type Need,
} from './define.js';
import { loadPopulationYear, populationNote, populationWarning } from './population-year.js';
import { FAMILIES, INDICATORS, registryProblems, rowProblem } from './registry.js';
import { NO_AREA_ROWS, notAvailableRow, notRunRow } from './rows.js';
import { runGeneric } from './runner.js';
import { sourcesOutsideArea } from './source-areas.js';

/** The category a not-available row is written under when a family produced no rows. */
function defaultCategory(indicator: IndicatorDefinition): string {
  return indicator.categories?.[0] ?? 'serious_violence';
}

export async function availableSources(db: Database): Promise<Set<Source>> {
  // Comparators chosen by rule from the police.uk files (national mode) stand in for the
  // comparators file: the ranks and comparator rates read either through agg_police_comparators.
  const rows = await db.all<{ source: Source }>(
    `SELECT DISTINCT source FROM ingest_files WHERE rows_read > rows_rejected
     UNION SELECT 'comparators' WHERE EXISTS (SELECT 1 FROM dim_national_comparators)`,
  );
  return new Set(rows.map((r) => r.source));
}

export async function indicatorContext(
  db: Database,
  config: SnaConfig,
  log: Logger,
): Promise<IndicatorContext> {
  const [period] = await db.all<Record<string, string>>(
    `SELECT strftime(period_start, '%Y-%m-%d') AS start, strftime(period_end, '%Y-%m-%d') AS "end",
            strftime(previous_start, '%Y-%m-%d') AS previous_start,
            strftime(previous_end, '%Y-%m-%d') AS previous_end,
            strftime(history_start, '%Y-%m-%d') AS history_start
     FROM run_config`,
  );
  if (!period) throw new Error('run_config is empty: build the models first');
  return {
    db,
    config,
    log,
    areaCode: config.area.codes.join('+'),
    period: {
      start: period.start ?? '',
      end: period.end ?? '',
      previousStart: period.previous_start ?? '',
      previousEnd: period.previous_end ?? '',
      historyStart: period.history_start ?? '',
    },
  };
}

/** The optional columns (COLUMN_NEEDS) that some loaded row of their source gives a value. */
export async function columnsWithValues(
  db: Database,
  available: ReadonlySet<Source>,
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const [column, { source, sql }] of Object.entries(COLUMN_NEEDS)) {
    if (!available.has(source)) continue;
    const [row] = await db.all<{ met: boolean }>(`select (${sql}) as met`);
    if (row?.met) found.add(column);
  }
  return found;
}

export async function computeIndicators(context: IndicatorContext): Promise<IndicatorRow[]> {
  const problems = registryProblems();
  if (problems.length > 0) throw new Error(`indicator registry: ${problems.join('; ')}`);
  const available = await availableSources(context.db);
  const columns = await columnsWithValues(context.db, available);
  const rows: IndicatorRow[] = [];
  // One warning per missing source, not one per indicator: thirty lines would bury the rest.
  const unavailable = new Map<string, string[]>();
  const met = (need: Need) =>
    typeof need === 'string'
      ? available.has(need)
      : 'config' in need
        ? CONFIG_NEEDS[need.config](context.config)
        : 'column' in need
          ? columns.has(need.column)
          : need.some((s) => available.has(s));
  const runnableGeneric = INDICATORS.filter((i) => isGeneric(i) && i.needs.every(met));
  const generic = runnableGeneric.length > 0 ? await runGeneric(context, runnableGeneric) : [];
  for (const family of FAMILIES) {
    // A family of a mode the run is not in (national) writes nothing, not "not available" rows.
    if (family.when && !family.when(context.config)) continue;
    const runnable = new Set(family.indicators.filter((i) => i.needs.every(met)).map((i) => i.id));
    const own =
      family.compute && family.indicators.some((i) => runnable.has(i.id) && !isGeneric(i))
        ? await family.compute(context)
        : [];
    const computed = [...generic, ...own].filter(
      (r) => runnable.has(r.indicator_id) && family.indicators.some((i) => i.id === r.indicator_id),
    );
    for (const row of computed) {
      const problem = rowProblem(
        row,
        INDICATORS.find((i) => i.id === row.indicator_id),
      );
      // A family computing what it did not declare is a bug in sna, not in the data.
      if (problem) throw new Error(`indicator family ${family.name}: ${problem}`);
    }
    rows.push(...computed);
    const categories = [...new Set(computed.map((r) => r.category))];
    if (categories.length === 0 && runnable.size > 0) {
      rows.push(...(await noAreaRows(context, family, runnable, available)));
    }
    for (const indicator of family.indicators) {
      if (runnable.has(indicator.id)) continue;
      const missing = indicator.needs.filter((need) => !met(need));
      const reason = missing.map(describeNeed).join(', ');
      unavailable.set(reason, [...(unavailable.get(reason) ?? []), indicator.id]);
      const forCategories = indicator.categories
        ? [defaultCategory(indicator)]
        : categories.length > 0
          ? categories
          : [defaultCategory(indicator)];
      for (const category of forCategories) {
        rows.push(notAvailableRow(context, indicator, category, missing));
      }
    }
  }
  for (const [reason, ids] of unavailable) {
    context.log.warn(`not available (needs ${reason}): ${ids.join(', ')}`);
  }
  return (await withDataNotes(context, available, rows)).map(withStatus);
}

/** A row's status before publication (suppression is decided by the published view). */
function withStatus(row: IndicatorRow): IndicatorRow {
  if (row.status) return row;
  return { ...row, status: row.value === null ? 'not_applicable' : 'published' };
}

/**
 * The rows of a family that ran and found nothing because its police source has no row in the
 * area at all (files of another force, codes of another vintage): each says where the rows fall,
 * so the headline can say so instead of showing an empty table.
 */
async function noAreaRows(
  context: IndicatorContext,
  family: (typeof FAMILIES)[number],
  runnable: ReadonlySet<string>,
  available: ReadonlySet<Source>,
): Promise<IndicatorRow[]> {
  const police = policeSourceInUse(available);
  if (!police) return [];
  const found = (await sourcesOutsideArea(context.db)).find((f) => f.source === police);
  if (!found) return [];
  // Places only: the counts stay in the run's log, since a count here may be below suppress_below.
  const note = `${NO_AREA_ROWS}: ${police}'s rows fall in ${found.places.join(', ')}`;
  return family.indicators
    .filter((i) => runnable.has(i.id) && eventSourcesOf(i, available).includes(police))
    .map((i) => notRunRow(context, i, defaultCategory(i), 'not_available', note));
}

/**
 * What every computed row says of its data: the months its source covers of its period, and
 * the population year a rate divides by.
 */
async function withDataNotes(
  context: IndicatorContext,
  available: ReadonlySet<Source>,
  rows: IndicatorRow[],
): Promise<IndicatorRow[]> {
  const coverage = await loadCoverage(context.db);
  const population = await loadPopulationYear(context.db);
  const warning = populationWarning(population);
  if (warning) context.log.warn(warning);
  const populationWords = populationNote(population);
  const peerProblem = peerComparisonProblem(coverageInUse(coverage, available), population);
  return rows.map((row) => {
    const definition = INDICATORS.find((i) => i.id === row.indicator_id);
    if (!definition || row.status === 'not_available') return row;
    let out = withCoverage(row, definition, context, available, coverage);
    // Short coverage is said by withCoverage; a population years off the peers' is said here.
    if (
      peerProblem &&
      definition.comparison === 'other_areas' &&
      out.area_code === context.areaCode &&
      !out.note?.includes(peerProblem)
    ) {
      out = {
        ...out,
        value: null,
        lower_ci95: null,
        upper_ci95: null,
        significance: null,
        note: joinNote(out.note, peerProblem),
      };
    }
    if (
      populationWords &&
      out.area_code === context.areaCode &&
      definition.needs.includes('population')
    ) {
      out = { ...out, note: joinNote(out.note, populationWords) };
    }
    return out;
  });
}
