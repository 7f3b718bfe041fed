/**
 * sna as a library: the phases the CLI, tests and notebooks call.
 *
 *   config ──loadConfig──▶ SnaConfig
 *   extracts ──ingest──▶ raw_* tables (+ ingest_files, ingest_rejects)
 *   boundary files ──loadBoundaries──▶ ref_boundaries, ref_boundary_vertices (every run)
 *   raw_* ──buildModels──▶ stg_* → int_* → fct_* / dim_* → agg_* → audit_*
 *   agg_* ──indicators──▶ indicator_values, indicators.csv / .parquet
 *   indicators_published ──report──▶ charts, headline, report.html, notebooks/sna.ipynb and
 *                                   notebooks/sna-python.ipynb
 *   everything ──▶ manifest.json, rejects.csv
 *
 * Every output is written to a staging folder and switched in at the end, manifest last
 * (outputs/staging.ts): readers see the last complete set or the new one, never a mix.
 */

import { isNationalMode, type SnaConfig } from '../core/config.js';
import { Database } from '../core/database.js';
import { ConfigError, InputError, PipelineError } from '../core/errors.js';
import { createLogger, type Logger } from '../core/log.js';
import type { Progress } from '../core/progress.js';
import { manifestInputs, packageVersion } from '../core/provenance.js';
import { computeIndicators, indicatorContext } from '../indicators/compute.js';
import { storeIndicators, writeIndicatorFiles } from '../indicators/store.js';
import type { PdfChoice } from '../reports/pdf/index.js';
import type { ReportOutcome } from '../reports/report.js';
import { loadConfig } from './config/load-config.js';
import { checkInputPaths } from './config/resolve-files.js';
import { acquireRunLock } from './db/lock.js';
import { ensureRawTables } from './db/raw-tables.js';
import { type IngestOutcome, ingest } from './ingest/ingest.js';
import { InputBatchError, planIngest } from './ingest/plan.js';
import { hashCachePath, rememberHashes } from './ingest/read-file.js';
import { accountingBySource, accountingLine } from './outputs/accounting.js';
import { codeFingerprint } from './outputs/code-fingerprint.js';
import { type Manifest, manifestText, readManifest } from './outputs/manifest.js';
import { writeRejectsCsv } from './outputs/rejects-csv.js';
import {
  openStaging,
  publishStaging,
  removeLeftoverStaging,
  removeStaging,
} from './outputs/staging.js';
import { buildModels } from './stages/build-models.js';
import {
  checkData,
  coverageLine,
  dataChecks,
  manifestCoverage,
  manifestPopulation,
} from './stages/check-data.js';
import { loadBoundaries } from './stages/load-boundaries.js';
import { writeNationalTable } from './stages/national-table.js';
import { checkUpToDate } from './stages/up-to-date.js';

export const STAGES = ['ingest', 'indicators', 'report'] as const;
export type Stage = (typeof STAGES)[number];

export interface RunOptions {
  stages?: readonly Stage[];
  log?: Logger;
  /** Written into the run lock so a second run can say who holds it (e.g. `sna run`). */
  command?: string;
  /** Whether the report stage prints report.pdf (reports/pdf/write-pdf.ts); default `off`. */
  pdf?: PdfChoice;
  /** Files and rows as ingest goes (core/progress.ts); default silent. */
  progress?: Progress;
}

export interface RunResult {
  config: SnaConfig;
  ingest?: IngestOutcome;
  stages: Record<string, number>;
  report?: ReportOutcome;
  /** True when nothing changed since the last good run, so nothing was recomputed. */
  upToDate?: boolean;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Runs the given stages (default: all) for the config file at `configPath`. */
export async function run(configPath: string, options: RunOptions = {}): Promise<RunResult> {
  const log = options.log ?? createLogger();
  const stages = options.stages ?? STAGES;
  const startedAt = new Date();
  // `--pdf` with no Chromium to print it is refused before any work, not after the report.
  // The report's modules (charts, Word, the PDF printer) load only when the report is written:
  // a run with nothing new to do is over before they would have loaded (README, Speed).
  if (stages.includes('report') && options.pdf === 'require') {
    (await import('../reports/pdf/index.js')).checkPdfChoice(options.pdf);
  }
  const config = await loadConfig(configPath);
  const timings: Record<string, number> = {};
  const command = options.command ?? `sna ${stages.join(' ')} --config ${config.configPath}`;
  const lock = acquireRunLock(config.database, { command, log });
  let db: Database | undefined;
  let staging: string | undefined;
  let outcome: IngestOutcome | undefined;
  let report: ReportOutcome | undefined;
  try {
    const leftover = removeLeftoverStaging(config.outputDir);
    for (const path of leftover.removed) {
      log.info(`removed the staging folder an interrupted run left: ${path}`);
    }
    // Only a refresh (ingest) may find nothing to do; asking for a stage by name redoes it.
    if (stages.includes('ingest')) {
      const required =
        options.pdf === 'require' ? [(await import('../reports/pdf/index.js')).REPORT_PDF] : [];
      await rememberHashes(hashCachePath(config));
      const freshness = await checkUpToDate(config, stages, required);
      if (freshness.upToDate) {
        log.info(
          `Nothing new since the last run (${freshness.lastRun}; ${freshness.files} input files unchanged): outputs are up to date.`,
          { up_to_date: true, last_run: freshness.lastRun, files: freshness.files },
        );
        return { config, stages: {}, upToDate: true };
      }
      log.debug(`refreshing: ${freshness.reason}`);
    }
    db = await Database.open(config.database);
    await ensureRawTables(db, config.resources);
    staging = openStaging(config.outputDir);
    const staged: SnaConfig = { ...config, outputDir: staging };
    if (stages.includes('ingest')) {
      const t = performance.now();
      outcome = await ingest(config, db, log, options.progress);
      timings.ingest = seconds(t);
      const changed = outcome.files.filter((f) => f.action !== 'skip').length;
      const refused = outcome.failures.length;
      log.info(
        changed === 0 && refused === 0
          ? 'No new or changed input files.'
          : `Ingest: ${changed} files loaded, ${outcome.files.length - changed} unchanged` +
              (refused ? `, ${refused} refused` : ''),
        { stage: 'ingest', seconds: timings.ingest, files_loaded: changed, files_refused: refused },
      );
    }
    const t = performance.now();
    await loadBoundaries(db, config, log);
    await buildModels(db, config);
    timings.models = seconds(t);
    log.debug('Models rebuilt', { stage: 'models', seconds: timings.models });
    // The manifest's accounting, logged from the same rows the manifest is written from.
    const inputs = await manifestInputs(db);
    if (stages.includes('ingest')) {
      for (const source of accountingBySource(inputs)) {
        log.info(accountingLine(source), { ...source });
      }
    }
    const coverage = await checkData(db, config, log);
    if (stages.includes('indicators')) {
      const started = performance.now();
      const context = await indicatorContext(db, config, log);
      const rows = await computeIndicators(context);
      await storeIndicators(db, rows);
      await writeIndicatorFiles(db, staging);
      if (isNationalMode(config)) await writeNationalTable(db, config, staging, log);
      timings.indicators = seconds(started);
      log.info(`Indicators: ${rows.length} rows written to indicators.csv and indicators.parquet`, {
        stage: 'indicators',
        seconds: timings.indicators,
        rows: rows.length,
      });
    }
    if (stages.includes('report')) {
      const started = performance.now();
      const { writeReport } = await import('../reports/report.js');
      report = await writeReport(db, staged, log, { pdf: options.pdf });
      timings.report = seconds(started);
    }
    await writeRejectsCsv(db, staging, outcome?.failures ?? []);
    const manifest: Manifest = {
      version: packageVersion(),
      code_sha256: codeFingerprint(),
      config_sha256: config.configSha256,
      area: { name: config.area.name, codes: config.area.codes },
      period: {
        end: config.period.end,
        months: config.period.months,
        history_years: config.period.historyYears,
      },
      started_at: startedAt.toISOString(),
      finished_at: new Date().toISOString(),
      stages: timings,
      inputs,
      coverage: manifestCoverage(coverage),
      population: await manifestPopulation(db),
    };
    const previous = [...(readManifest(config.outputDir)?.outputs ?? []), ...leftover.listed];
    // The staging folder is publishStaging's from here: a switch cut short keeps it, with the
    // staged manifest, so that the next run knows which files already switched in are sna's.
    const switching = staging;
    staging = undefined;
    const published = await publishStaging(
      switching,
      config.outputDir,
      stages,
      previous,
      (outputs) => manifestText({ ...manifest, outputs }),
    );
    for (const path of published.removed) log.debug(`removed ${path}: no longer an output`);
    for (const path of published.keptChanged) {
      log.warn(`left ${path} in place: an earlier run wrote it, but it has changed since`);
    }
  } finally {
    if (staging) {
      try {
        removeStaging(staging);
      } catch (error) {
        // A run is failing already: its error is the one to report; the next run removes this.
        log.warn(error instanceof PipelineError ? error.format() : String(error));
      }
    }
    db?.close();
    lock.release();
  }
  if (outcome && outcome.failures.length > 0) throw new InputBatchError(outcome.failures);
  return { config, ingest: outcome, stages: timings, report };
}

export interface ValidationResult {
  /** What makes the run fail (exit 2 or 3). */
  problems: string[];
  /** Rejected rows within `max_reject_pct`: the run would go on without them. */
  warnings: string[];
  /** What the data say of the area: sources with no row in it, or short of the period. */
  dataWarnings: string[];
  /** One line per event source: what it covers of the assessment period. */
  coverage: string[];
  exitCode: 0 | 2 | 3;
}

const NOTHING_FOUND: Omit<ValidationResult, 'exitCode'> = {
  problems: [],
  warnings: [],
  dataWarnings: [],
  coverage: [],
};

/** Most reject lines listed per file by `validate` before it summarises the rest. */
const VALIDATE_REJECTS_SHOWN = 50;

/**
 * Checks the config and every input file without touching the database: files are loaded
 * into a throwaway in-memory database to find every rejected row.
 */
export async function validate(configPath: string): Promise<ValidationResult> {
  let config: SnaConfig;
  try {
    config = await loadConfig(configPath);
  } catch (error) {
    if (error instanceof ConfigError)
      return { ...NOTHING_FOUND, problems: error.problems, exitCode: 2 };
    throw error;
  }
  const pathProblems = await checkInputPaths(config);
  if (pathProblems.length > 0) return { ...NOTHING_FOUND, problems: pathProblems, exitCode: 2 };
  try {
    await planIngest(config, undefined);
  } catch (error) {
    if (error instanceof InputBatchError)
      return { ...NOTHING_FOUND, problems: error.lines(), exitCode: 3 };
    if (error instanceof InputError)
      return { ...NOTHING_FOUND, problems: [error.format()], exitCode: 3 };
    throw error;
  }
  const db = await Database.open(':memory:');
  try {
    await ensureRawTables(db, config.resources);
    const outcome = await ingest(
      { ...config, database: ':memory:' },
      db,
      createLogger({ quiet: true }),
    );
    const warnings: string[] = [];
    const rows = await db.all<{
      path: string;
      line: number;
      column: string | null;
      reason: string;
      n: number;
    }>(
      `SELECT path, line, "column", reason, count(*) OVER (PARTITION BY path) AS n
       FROM ingest_rejects QUALIFY row_number() OVER (PARTITION BY path ORDER BY line) <= ${VALIDATE_REJECTS_SHOWN}
       ORDER BY path, line`,
    );
    let lastPath = '';
    for (const row of rows) {
      warnings.push(
        `${row.path}:${row.line}: ${row.column ? `column "${row.column}": ` : ''}${row.reason}`,
      );
      if (row.path !== lastPath && row.n > VALIDATE_REJECTS_SHOWN) {
        warnings.push(
          `${row.path}: … ${row.n - VALIDATE_REJECTS_SHOWN} more rejected rows not listed`,
        );
      }
      lastPath = row.path;
    }
    const problems = outcome.failures.map((failure) => failure.format());
    try {
      await loadBoundaries(db, config, createLogger({ quiet: true }));
    } catch (error) {
      if (error instanceof InputBatchError) problems.push(...error.lines());
      else throw error;
    }
    if (problems.length > 0) return { ...NOTHING_FOUND, problems, warnings, exitCode: 3 };
    await buildModels(db, config);
    const found = await dataChecks(db, config);
    if (found.areaProblems.length > 0) {
      return { ...NOTHING_FOUND, problems: found.areaProblems, warnings, exitCode: 2 };
    }
    return {
      problems: found.coverageProblem ? [found.coverageProblem] : [],
      warnings,
      dataWarnings: found.warnings,
      coverage: found.coverage.inUse.filter((c) => c.period === 'assessment').map(coverageLine),
      exitCode: found.coverageProblem ? 3 : 0,
    };
  } finally {
    db.close();
  }
}

export { Database } from '../core/database.js';
export { EXIT, PipelineError } from '../core/errors.js';
export { createLogger, memoryLogger } from '../core/log.js';
export type { PdfChoice } from '../reports/pdf/index.js';
export { loadConfig } from './config/load-config.js';
