/**
 * `npm run bench -- --crimes N`: sna at scale against DuckDB's own CSV load.
 *
 *   generate (or reuse) the synthetic borough ──▶ baseline: DuckDB read_csv → tables
 *                                              ──▶ `sna run` in a child process, measured
 *   ──▶ a table per stage, then one JSON object as the last line
 */
import { readFile, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Manifest } from '../pipeline/outputs/manifest.js';
import { parseBenchArgs, USAGE } from './args.js';
import { measureBaseline } from './baseline.js';
import { runMeasured } from './child.js';
import { ensureDataset, writeBenchConfig } from './dataset.js';
import { benchPoliceUk } from './police-uk.js';
import { formatCosts, statementCosts } from './profile.js';
import { type BenchResult, benchResult, formatTable } from './summary.js';

const REPO_ROOT = resolve(import.meta.dirname, '..');

/** Progress goes to stderr so stdout's last line is the JSON result. */
const say = (text: string) => process.stderr.write(`${text}\n`);

export async function bench(argv: readonly string[]): Promise<BenchResult | undefined> {
  const options = parseBenchArgs(argv);
  if (options === 'help') {
    console.log(USAGE);
    return undefined;
  }
  const { crimes, seed, outDir } = options;
  if (options.policeUk) {
    await benchPoliceUk(options.policeUk, join(outDir, 'police-uk'), options);
    return undefined;
  }
  say(`sna bench: ${crimes.toLocaleString('en-GB')} crimes, seed ${seed}, in ${outDir}`);
  const dataset = await ensureDataset(outDir, crimes, seed);
  say(
    dataset.reused
      ? `reusing the extracts already generated in ${dataset.dir} (same size and seed)`
      : `generated ${dataset.files.length} files in ${dataset.seconds.toFixed(1)} s into ${dataset.dir}`,
  );
  const runDir = join(outDir, 'run');
  await rm(runDir, { recursive: true, force: true });
  const configPath = await writeBenchConfig(REPO_ROOT, dataset.dir, runDir);

  say('baseline: DuckDB loading every input file into a fresh database …');
  const baseline = await measureBaseline(
    dataset.files.map((f) => f.path),
    join(runDir, 'baseline.duckdb'),
  );
  say(
    `baseline: ${baseline.seconds.toFixed(2)} s for ${baseline.rows.toLocaleString('en-GB')} rows`,
  );

  const loadAverage = loadavg();
  say('sna run in a child process …');
  const measure = await runMeasured(
    [
      '--import',
      'tsx',
      join(REPO_ROOT, 'pipeline', 'cli.ts'),
      'run',
      '--config',
      configPath,
      '--json-logs',
      '--verbose',
    ],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, ...(options.profile ? { SNA_PROFILE: '1' } : {}) },
    },
  );
  if (measure.exitCode !== 0) {
    say(
      measure.stderr
        .split('\n')
        .filter((l) => !l.startsWith('sna-profile'))
        .join('\n'),
    );
    throw new Error(`sna run exited with ${measure.exitCode}`);
  }
  const manifest = JSON.parse(
    await readFile(join(runDir, 'out', 'manifest.json'), 'utf8'),
  ) as Manifest;
  const result = benchResult({
    crimes,
    seed,
    rows: manifest.inputs.reduce((sum, input) => sum + input.rows_read, 0),
    stages: manifest.stages,
    totalSeconds: measure.wallSeconds,
    finishSeconds: measure.finishSeconds,
    baselineSeconds: baseline.seconds,
    ...(measure.cpuSeconds === undefined ? {} : { cpuSeconds: measure.cpuSeconds }),
    baselineCpuSeconds: baseline.cpuSeconds,
    peakRssMb: measure.peakRssMb,
    stagePeakRssMb: measure.stagePeakRssMb,
    loadAverage,
  });
  if (options.profile) console.log(`${formatCosts(statementCosts(measure.stderr))}\n`);
  console.log(formatTable(result));
  console.log(`(peak RSS from ${measure.peakFrom}; per stage, the highest of 50 ms samples)`);
  if (!options.keep) await rm(runDir, { recursive: true, force: true });
  else say(`kept the run's database and outputs in ${runDir}`);
  console.log(JSON.stringify(result));
  return result;
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  bench(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
