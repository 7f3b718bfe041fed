/**
 * The `sna` command: a thin commander layer over the library in ./index.ts.
 * It parses options, runs a phase, and turns errors into one line each plus the exit code.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError, EXIT, PipelineError } from '../core/errors.js';
import { createLogger } from '../core/log.js';
import { createProgress, type Progress, SILENT_PROGRESS } from '../core/progress.js';
import { packageVersion } from '../core/provenance.js';
import { type PdfChoice, run, type Stage, validate } from './index.js';
import { InputBatchError } from './ingest/plan.js';

interface GlobalOptions {
  config: string;
  /** `--pdf` true, `--no-pdf` false, neither undefined (print when a Chromium is found). */
  pdf?: boolean;
  jsonLogs?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

function reportError(error: unknown, options: GlobalOptions): number {
  const log = createLogger({ json: options.jsonLogs, quiet: false });
  if (error instanceof ConfigError) {
    for (const problem of error.problems) log.error(problem, { exit_code: error.exitCode });
    return error.exitCode;
  }
  if (error instanceof InputBatchError) {
    for (const each of error.errors)
      log.error(each.format(), { exit_code: error.exitCode, ...each.location });
    return error.exitCode;
  }
  if (error instanceof PipelineError) {
    log.error(error.format(), { exit_code: error.exitCode, ...error.location });
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  log.error(`unexpected error: ${message}`, { exit_code: EXIT.other });
  if (process.env.SNA_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return EXIT.other;
}

async function runStages(stages: readonly Stage[], options: GlobalOptions): Promise<number> {
  // A bar on a terminal (stderr), events in JSON logs, nothing in a pipe or under --quiet; log
  // lines written while the bar is drawn clear its line first.
  let progress: Progress = SILENT_PROGRESS;
  const log = createLogger({
    json: options.jsonLogs,
    quiet: options.quiet,
    verbose: options.verbose,
    out: (line) => progress.interrupt(() => process.stdout.write(`${line}\n`)),
    err: (line) => progress.interrupt(() => process.stderr.write(`${line}\n`)),
  });
  progress = createProgress({ json: options.jsonLogs, quiet: options.quiet, log });
  const started = performance.now();
  try {
    const command = ['sna', ...process.argv.slice(2)].join(' ');
    const pdf: PdfChoice =
      options.pdf === true ? 'require' : options.pdf === false ? 'off' : 'auto';
    const result = await run(options.config, { stages, log, command, pdf, progress });
    const seconds = (performance.now() - started) / 1000;
    log.info(`Done. Outputs in ${result.config.outputDir}`, {
      exit_code: EXIT.ok,
      seconds,
      stages: result.stages,
    });
    return EXIT.ok;
  } catch (error) {
    return reportError(error, options);
  }
}

export function buildCli(): Command {
  const program = new Command('sna')
    .description(
      'Serious Violence Duty strategic needs assessment: extracts in, indicators and report out.',
    )
    .version(packageVersion())
    .option('-c, --config <file>', 'configuration file', './sna.config.yaml')
    .option('--json-logs', 'write machine-readable JSON log lines')
    .option('-q, --quiet', 'print only errors')
    .option('-v, --verbose', 'print debug lines too')
    .showHelpAfterError()
    .exitOverride();
  // Commander's own usage errors must be JSON lines too when a scheduler asked for them.
  if (process.argv.includes('--json-logs')) {
    const log = createLogger({ json: true });
    program.configureOutput({
      writeErr: (text) => {
        for (const line of text.split('\n').filter((l) => l.trim() !== ''))
          log.error(line.replace(/^error: /, ''), { exit_code: EXIT.usage });
      },
    });
  }
  const stage = (name: string, description: string, stages: readonly Stage[]) => {
    const command = program
      .command(name)
      .description(description)
      .option('-c, --config <file>', 'configuration file');
    if (stages.includes('report')) {
      command
        .option('--pdf', 'print report.pdf with Chromium (SNA_CHROMIUM or PATH); fail without one')
        .option('--no-pdf', 'do not print report.pdf, even when Chromium is found');
    }
    return command.action(async (local: Partial<GlobalOptions>) => {
      process.exitCode = await runStages(stages, { ...program.opts<GlobalOptions>(), ...local });
    });
  };
  stage('run', 'ingest → indicators → report, the whole refresh', [
    'ingest',
    'indicators',
    'report',
  ]);
  stage('ingest', 'load new or changed extracts into the database', ['ingest']);
  stage('indicators', 'recompute the indicator tables from the database', ['indicators']);
  stage('report', 'write charts, headline table, HTML report and notebooks', ['report']);
  program
    .command('validate')
    .description('check the config and every input file; load nothing; print every problem')
    .option('-c, --config <file>', 'configuration file')
    .action(async (local: Partial<GlobalOptions>) => {
      const options = { ...program.opts<GlobalOptions>(), ...local };
      const log = createLogger({ json: options.jsonLogs, quiet: options.quiet });
      try {
        const result = await validate(options.config);
        for (const warning of result.warnings) log.warn(`rejected row: ${warning}`);
        for (const line of result.coverage) log.info(line);
        for (const warning of result.dataWarnings) log.warn(warning);
        for (const problem of result.problems) log.error(problem);
        if (result.exitCode === 0) {
          const note = result.warnings.length ? ' (the rejected rows above would be left out)' : '';
          log.info(`${options.config}: configuration and inputs are valid${note}`);
        }
        process.exitCode = result.exitCode;
      } catch (error) {
        process.exitCode = reportError(error, options);
      }
    });
  return program;
}

try {
  await buildCli().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    throw error;
  }
}
