/**
 * The report stage: reads the published indicator rows and writes everything a reader gets.
 *
 *   database ──loadReportData──▶ ReportData ──buildCharts──▶ charts/*.vl.json|svg|png
 *                                           ──buildHeadline──▶ headline.json|csv|md
 *                                           ──renderReportHtml──▶ report.html
 *                                           ──buildReportDocx──▶ report.docx (charts' PNGs)
 *                                report.html ──Chromium──▶ report.pdf (when asked or found)
 *                                           ──buildNotebook──▶ notebooks/sna.ipynb
 *                                           ──buildPythonNotebook──▶ notebooks/sna-python.ipynb
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SnaConfig } from '../core/config.js';
import type { Database } from '../core/database.js';
import { EXIT, PipelineError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { manifestInputs, packageVersion } from '../core/provenance.js';
import { writeFileAtomic } from '../core/write-atomic.js';
import { buildCharts, writeCharts } from './charts/index.js';
import { buildReportDocx, REPORT_DOCX } from './docx/index.js';
import { buildHeadline, writeHeadline } from './headline/index.js';
import { renderReportHtml } from './html/index.js';
import { loadReportData } from './load-report-data.js';
import {
  buildNotebook,
  buildPythonNotebook,
  NOTEBOOK_PATH,
  PYTHON_NOTEBOOK_PATH,
} from './notebook/index.js';
import { type PdfChoice, writeReportPdf } from './pdf/index.js';
import type { Provenance, ReportData } from './types.js';

export interface ReportOutcome {
  charts: number;
  headlineRows: number;
  /** Files written, relative to the output folder. */
  files: string[];
  /** Seconds per step: charts, png (alongside headline, html and notebook), docx, pdf. */
  seconds: Record<string, number>;
}

export interface ReportOptions {
  /** The time the report says it was generated (default: now). */
  now?: Date;
  /** Whether to print report.pdf (reports/pdf/write-pdf.ts); default `off`. */
  pdf?: PdfChoice;
}

/** The run's provenance as the report and notebook show it (a subset of manifest.json). */
export async function reportProvenance(
  db: Database,
  config: SnaConfig,
  now: Date,
): Promise<Provenance> {
  const inputs = await manifestInputs(db);
  return {
    version: packageVersion(),
    configSha256: config.configSha256,
    generatedAt: now.toISOString(),
    inputs: inputs.map(({ set_aside_reasons: _reasons, ...input }) => input),
  };
}

/** Fails with a clear message when the indicators stage has never run on this database. */
async function requireIndicators(db: Database): Promise<void> {
  const found = await db.one<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_views() WHERE view_name = 'indicators_published'`,
  );
  if (!found?.n) {
    throw new PipelineError(
      'the database has no indicators yet',
      EXIT.other,
      { file: db.path },
      'run `sna indicators` (or `sna run`) first',
    );
  }
}

/**
 * Fails when the stored indicators were computed for another period than the configuration's
 * (the config changed and only `sna report` ran): the report would label them wrongly.
 */
function requireCurrentPeriod(data: ReportData, db: Database): void {
  const stale = data.rows.find((row) => row.period_end !== data.period.end);
  if (stale) {
    throw new PipelineError(
      `the indicators in the database are for the period ending ${stale.period_end}, the configuration's ends ${data.period.end}`,
      EXIT.other,
      { file: db.path },
      'run `sna indicators` (or `sna run`) first',
    );
  }
}

/** Writes charts, the headline table, report.html and the notebook from the indicator tables. */
export async function writeReport(
  db: Database,
  config: SnaConfig,
  log: Logger,
  options: ReportOptions = {},
): Promise<ReportOutcome> {
  await requireIndicators(db);
  const seconds: Record<string, number> = {};
  const timed = async <T>(step: string, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const result = await work();
    seconds[step] = (performance.now() - started) / 1000;
    return result;
  };
  const outputDir = config.outputDir;
  const data = await loadReportData(db, config);
  requireCurrentPeriod(data, db);
  const provenance = await reportProvenance(db, config, options.now ?? new Date());

  const charts = await timed('charts', () => buildCharts(data, { log }));
  // The PNGs are drawn on resvg's worker threads while this thread writes the headline, the
  // page and the notebooks, none of which reads them; the Word report waits for them.
  const pngs = timed('png', () => writeCharts(charts, outputDir));
  // Every PNG is settled before a failure here is passed on, so none lands after the run has
  // cleaned up, and a failed PNG is not left unhandled.
  let headline: Awaited<ReturnType<typeof buildHeadline>>;
  try {
    headline = await timed('headline', async () => {
      const built = buildHeadline(data);
      await writeHeadline(built, outputDir);
      return built;
    });
    await timed('html', () =>
      writeFileAtomic(
        join(outputDir, 'report.html'),
        renderReportHtml({ data, charts, headline, provenance }),
      ),
    );
    await timed('notebook', () => {
      buildNotebook({ data, charts, headline, provenance, outputDir });
      buildPythonNotebook({ data, charts, headline, provenance, outputDir });
    });
  } catch (error) {
    await pngs.catch(() => undefined);
    throw error;
  }
  await pngs;
  // The Word report embeds the PNGs just written, so its charts are the published ones.
  await timed('docx', async () =>
    writeFileAtomic(
      join(outputDir, REPORT_DOCX),
      await buildReportDocx({
        data,
        charts,
        headline,
        provenance,
        findings: headline.findings,
        pngOf: (name) => readFileSync(join(outputDir, 'charts', `${name}.png`)),
      }),
    ),
  );
  const pdf = await timed('pdf', () =>
    writeReportPdf(
      outputDir,
      options.pdf ?? 'off',
      log,
      `${data.synthetic ? 'SYNTHETIC DATA · ' : ''}${data.area.name} · Serious violence strategic needs assessment`,
    ),
  );

  const files = [
    ...charts.flatMap((c) => ['vl.json', 'svg', 'png'].map((ext) => `charts/${c.name}.${ext}`)),
    'headline.json',
    'headline.csv',
    'headline.md',
    'report.html',
    REPORT_DOCX,
    NOTEBOOK_PATH,
    PYTHON_NOTEBOOK_PATH,
    ...(pdf ? [pdf] : []),
  ];
  const total = Object.values(seconds).reduce((a, b) => a + b, 0);
  log.info(
    `Report: ${charts.length} charts, a headline table of ${headline.rows.length} categories, report.html, ${REPORT_DOCX}${pdf ? `, ${pdf}` : ''}, ${NOTEBOOK_PATH} and ${PYTHON_NOTEBOOK_PATH}`,
    { stage: 'report', charts: charts.length, files: files.length, seconds: total, steps: seconds },
  );
  for (const file of files) log.debug(`wrote ${join(outputDir, file)}`);
  return { charts: charts.length, headlineRows: headline.rows.length, files, seconds };
}
