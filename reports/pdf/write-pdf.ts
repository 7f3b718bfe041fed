/**
 * Whether and how the report stage writes report.pdf:
 *
 *   require  (`sna report --pdf`)  a Chromium must be found and must print, or the run fails
 *   auto     (the CLI's default)   printed when a Chromium is found; else one line says why not
 *   off      (the library's default, and `--no-pdf`)  never printed
 *
 * A PDF is a convenience beside report.html and report.docx: without `--pdf`, a Chromium that
 * fails to print costs a warning, not the night's run.
 */
import { join } from 'node:path';
import { EXIT, PipelineError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { writeFileAtomic } from '../../core/write-atomic.js';
import { findChromium } from './find-chromium.js';
import { printPdf, REPORT_PDF } from './print-pdf.js';

export type PdfChoice = 'require' | 'auto' | 'off';

/** The error `--pdf` ends with when no Chromium can be used (exit 2, as a bad command line). */
export function chromiumRequired(problem: string): PipelineError {
  return new PipelineError(`--pdf needs Chromium: ${problem}`, EXIT.usage);
}

/** Fails at once when `--pdf` was asked for and no Chromium can be used. */
export function checkPdfChoice(choice: PdfChoice, env: NodeJS.ProcessEnv = process.env): void {
  if (choice !== 'require') return;
  const chromium = findChromium(env);
  if (!chromium.found) throw chromiumRequired(chromium.problem);
}

/**
 * Prints `<outputDir>/report.html` to `<outputDir>/report.pdf` as `choice` says. Returns the
 * file written (relative to `outputDir`), or undefined when none was.
 */
export async function writeReportPdf(
  outputDir: string,
  choice: PdfChoice,
  log: Logger,
  footer: string,
): Promise<string | undefined> {
  if (choice === 'off') return undefined;
  const chromium = findChromium();
  if (!chromium.found) {
    if (choice === 'require') throw chromiumRequired(chromium.problem);
    // A path the user set that does not work is a mistake to point out; no browser at all is not.
    const line = `${REPORT_PDF} not written: ${chromium.problem}`;
    if (chromium.setByUser) log.warn(line, { stage: 'report' });
    else log.info(line, { stage: 'report' });
    return undefined;
  }
  let pdf: Buffer;
  try {
    pdf = await printPdf(join(outputDir, 'report.html'), {
      executablePath: chromium.path,
      footer,
    });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    const message = `${chromium.path} could not print ${REPORT_PDF} (${reason})`;
    if (choice === 'require') throw new PipelineError(message, EXIT.other);
    log.warn(`${REPORT_PDF} not written: ${message}`, { stage: 'report' });
    return undefined;
  }
  writeFileAtomic(join(outputDir, REPORT_PDF), pdf);
  return REPORT_PDF;
}
