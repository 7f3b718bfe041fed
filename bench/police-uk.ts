/**
 * `npm run bench -- --police-uk DIR`: sna in national mode on published police.uk street files,
 * against DuckDB alone reading the same files in ONE read_csv into a table.
 *
 *   baseline (all files) ──▶ sna run (fresh) ──▶ sna run again (nothing new: the no-op)
 *   sna run on all months but the last ──▶ the last month added (the increment)
 *                                          against DuckDB reading that month alone
 *
 * The area defaults to Liverpool, with the shared ONS lookup and IoD2019 File_6 population
 * (../shared beside the repository) and `comparators: auto: england`. Each run is `sna run
 * --no-pdf --json-logs` in a child process (bench/child.ts); the input files are linked into
 * the run folder month by month, so the increment adds one folder of links.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { listValue } from '@duckdb/node-api';
import { glob } from 'tinyglobby';
import type { PoliceUkOptions } from './args.js';
import { timeDuckdb } from './baseline.js';
import { type ChildMeasure, runMeasured } from './child.js';
import { formatCosts, statementCosts } from './profile.js';

const REPO_ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(REPO_ROOT, '..', 'shared', 'data', 'real');
export const GEOGRAPHY = join(
  SHARED,
  'lookups',
  'LSOA11_to_Ward19_to_LAD19_Lookup_in_England_and_Wales.csv',
);
export const POPULATION = join(
  SHARED,
  'population',
  'File_6_-_IoD2019_Population_Denominators.csv.gz',
);

const say = (text: string) => process.stderr.write(`${text}\n`);

export interface MonthFiles {
  month: string;
  files: string[];
}

/** The street files under `dir` by month (`yyyy-mm` opening each published file's name). */
export async function findStreetFiles(dir: string): Promise<MonthFiles[]> {
  const paths = await glob(['**/*.csv', '**/*.csv.gz'], { cwd: dir, absolute: true });
  const byMonth = new Map<string, string[]>();
  for (const path of paths.sort()) {
    const month = /^(\d{4}-\d{2})-/.exec(basename(path))?.[1];
    if (!month) continue;
    byMonth.set(month, [...(byMonth.get(month) ?? []), path]);
  }
  return [...byMonth.entries()].sort().map(([month, files]) => ({ month, files }));
}

/** The last day of a month `yyyy-mm`. */
export const monthEnd = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

export function nationalConfig(options: {
  area: string;
  end: string;
  months: number;
  inputs: string;
}): string {
  return [
    'area:',
    `  name: ${JSON.stringify(`Area ${options.area}`)}`,
    `  codes: [${options.area}]`,
    'period:',
    `  end: ${options.end}`,
    `  months: ${options.months}`,
    '  history_years: 1',
    'comparators:',
    '  auto: england',
    'inputs:',
    `  police_uk_street: ${JSON.stringify(options.inputs)}`,
    'reference:',
    `  geography: ${JSON.stringify(GEOGRAPHY)}`,
    `  population: ${JSON.stringify(POPULATION)}`,
    'output_dir: out',
    'database: sna.duckdb',
    '',
  ].join('\n');
}

/** DuckDB alone: one read_csv of every file into one table, closed (checkpointed). */
export function duckdbOneRead(files: readonly string[], dbPath: string) {
  return timeDuckdb(dbPath, async (connection) => {
    await connection.run('CREATE TABLE t AS SELECT * FROM read_csv($files)', {
      files: listValue([...files]),
    });
    const reader = await connection.runAndReadAll('SELECT count(*)::DOUBLE AS n FROM t');
    return Number(reader.getRowObjectsJS()[0]?.n ?? 0);
  });
}

/** Links each month's files into `inputDir/<month>/`. */
async function linkMonths(inputDir: string, months: readonly MonthFiles[]): Promise<void> {
  for (const { month, files } of months) {
    await mkdir(join(inputDir, month), { recursive: true });
    for (const file of files) await symlink(file, join(inputDir, month, basename(file)));
  }
}

/**
 * How sna is started: the built command (bin/sna.js, as installed) when dist/ is up to date
 * with the sources (bin/sna.js refuses a stale one), else the sources through tsx, whose
 * compiling adds a second or so to every start.
 */
export function snaCommand(): { argv: string[]; built: boolean } {
  const bin = join(REPO_ROOT, 'bin', 'sna.js');
  const probe = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
  if (probe.status === 0) return { argv: [bin], built: true };
  return { argv: ['--import', 'tsx', join(REPO_ROOT, 'pipeline', 'cli.ts')], built: false };
}

async function snaRun(runDir: string, profile: boolean): Promise<ChildMeasure> {
  const measure = await runMeasured(
    [...SNA.argv, 'run', '--no-pdf', '--config', join(runDir, 'sna.config.yaml'), '--json-logs'],
    { cwd: REPO_ROOT, env: { ...process.env, ...(profile ? { SNA_PROFILE: '1' } : {}) } },
  );
  if (measure.exitCode !== 0) {
    say(measure.stdout.slice(-20).join('\n'));
    say(measure.stderr.slice(-4000));
    throw new Error(`sna run exited with ${measure.exitCode} (${runDir})`);
  }
  return measure;
}

/** Stage seconds from the run's closing log line. */
function stagesOf(measure: ChildMeasure): Record<string, number> {
  for (const line of [...measure.stdout].reverse()) {
    try {
      const entry = JSON.parse(line) as { stages?: Record<string, number> };
      if (entry.stages) return entry.stages;
    } catch {}
  }
  return {};
}

let SNA: { argv: string[]; built: boolean } = { argv: [], built: false };

const r = (n: number, digits = 2) => Number(n.toFixed(digits));

export async function benchPoliceUk(
  options: PoliceUkOptions,
  outDir: string,
  flags: { keep: boolean; profile: boolean },
) {
  const months = await findStreetFiles(options.dir);
  const all = months.flatMap((m) => m.files);
  if (all.length === 0)
    throw new Error(`no police.uk street files (*.csv, *.csv.gz) under ${options.dir}`);
  const last = months.at(-1) as MonthFiles;
  const end = options.end ?? monthEnd(last.month);
  const periodMonths = options.months ?? Math.min(months.length, 36);
  say(`sna bench (police.uk): ${all.length} files, ${months.length} months, area ${options.area}`);
  SNA = snaCommand();
  say(
    SNA.built
      ? 'sna: bin/sna.js (dist/ is up to date)'
      : 'sna: the sources through tsx (dist/ is missing or older than the sources: npm run build)',
  );
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  say('DuckDB alone: one read_csv of every file into a table …');
  const baseline = await duckdbOneRead(all, join(outDir, 'baseline.duckdb'));
  say(`  ${r(baseline.seconds)} s, ${baseline.rows.toLocaleString('en-GB')} rows`);

  const full = join(outDir, 'full');
  await linkMonths(join(full, 'input'), months);
  const config = (inputs: string) =>
    nationalConfig({ area: options.area, end, months: periodMonths, inputs });
  await writeFile(join(full, 'sna.config.yaml'), config(join(full, 'input', '*', '*')));
  say('sna run (fresh database) …');
  const first = await snaRun(full, flags.profile);
  say(`  ${r(first.wallSeconds)} s`);
  say('sna run again (nothing new) …');
  const noop = await snaRun(full, false);
  say(`  ${r(noop.wallSeconds)} s`);

  const peaks = [first.peakRssMb, noop.peakRssMb];
  let increment: {
    seconds: number;
    /** The run's ingest stage: the month's files read, split and stored. */
    ingestSeconds: number;
    stages: Record<string, number>;
    baseline: number;
    month: string;
    before: number;
  } | null = null;
  if (months.length > 1) {
    const inc = join(outDir, 'increment');
    await linkMonths(join(inc, 'input'), months.slice(0, -1));
    await writeFile(join(inc, 'sna.config.yaml'), config(join(inc, 'input', '*', '*')));
    say(`sna run on every month but ${last.month} …`);
    const before = await snaRun(inc, false);
    await linkMonths(join(inc, 'input'), [last]);
    say(`sna run with ${last.month} added …`);
    const added = await snaRun(inc, false);
    peaks.push(before.peakRssMb, added.peakRssMb);
    const alone = await duckdbOneRead(last.files, join(outDir, 'baseline-month.duckdb'));
    const stages = stagesOf(added);
    increment = {
      seconds: added.wallSeconds,
      ingestSeconds: stages.ingest ?? Number.NaN,
      stages,
      baseline: alone.seconds,
      month: last.month,
      before: before.wallSeconds,
    };
  }
  const cpuRatio =
    first.cpuSeconds === undefined ? null : r(first.cpuSeconds / baseline.cpuSeconds);
  const result = {
    police_uk_dir: options.dir,
    area: options.area,
    files: all.length,
    months: months.length,
    rows: baseline.rows,
    stages: Object.fromEntries(Object.entries(stagesOf(first)).map(([k, v]) => [k, r(v, 3)])),
    total_seconds: r(first.wallSeconds, 3),
    baseline_seconds: r(baseline.seconds, 3),
    ratio: r(first.wallSeconds / baseline.seconds),
    cpu_seconds: first.cpuSeconds === undefined ? null : r(first.cpuSeconds),
    baseline_cpu_seconds: r(baseline.cpuSeconds),
    cpu_ratio: cpuRatio,
    noop_seconds: r(noop.wallSeconds, 3),
    increment_month: increment?.month ?? null,
    increment_seconds: increment ? r(increment.seconds, 3) : null,
    increment_baseline_seconds: increment ? r(increment.baseline, 3) : null,
    increment_ratio: increment ? r(increment.seconds / increment.baseline) : null,
    increment_ingest_seconds: increment ? r(increment.ingestSeconds, 3) : null,
    increment_ingest_ratio: increment ? r(increment.ingestSeconds / increment.baseline) : null,
    increment_stages: increment
      ? Object.fromEntries(Object.entries(increment.stages).map(([k, v]) => [k, r(v, 3)]))
      : null,
    peak_rss_mb: r(Math.max(...peaks), 1),
    sna_built: SNA.built,
  };
  console.log(
    [
      `sna run: ${result.total_seconds} s against DuckDB's one read_csv ${result.baseline_seconds} s: ` +
        `${result.ratio}× wall` +
        (cpuRatio === null
          ? ''
          : `, ${cpuRatio}× CPU (${result.cpu_seconds} / ${result.baseline_cpu_seconds} s)`) +
        ` (target ≤ 2×); stages ${JSON.stringify(result.stages)}`,
      `no-op re-run: ${result.noop_seconds} s (target < 3 s)`,
      increment
        ? `adding ${increment.month}: its files loaded (the ingest stage) in ${r(increment.ingestSeconds)} s against DuckDB reading that month ${r(increment.baseline)} s: ${result.increment_ingest_ratio}× (target < 2×); ` +
          `the whole run ${r(increment.seconds)} s (${result.increment_ratio}×), stages ${JSON.stringify(result.increment_stages)}; the run before it took ${r(increment.before)} s`
        : 'adding a month: not measured (one month of files)',
      `peak RSS: ${result.peak_rss_mb} MB (target < 3 GB)`,
    ].join('\n'),
  );
  if (flags.profile) console.log(`${formatCosts(statementCosts(first.stderr))}\n`);
  if (!flags.keep) await rm(outDir, { recursive: true, force: true });
  else say(`kept the runs in ${outDir}`);
  console.log(JSON.stringify(result));
  return result;
}
