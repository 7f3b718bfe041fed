/** The benchmark's command line: `npm run bench -- --crimes N [--seed S] [--out DIR] [--keep] [--profile]`. */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MIN_CRIMES } from '../fixtures/generator/borough.js';

export interface BenchOptions {
  crimes: number;
  seed: number;
  /** Holds the generated extracts (kept for reuse) and the run folder. */
  outDir: string;
  /** Keep the run's database and outputs after measuring (the extracts are always kept). */
  keep: boolean;
  /** Run the pipeline with SNA_PROFILE=1 and print its slowest statements. */
  profile: boolean;
  /** `--police-uk DIR`: the national bench on the police.uk files under DIR (bench/police-uk.ts). */
  policeUk?: PoliceUkOptions;
}

export interface PoliceUkOptions {
  dir: string;
  /** The area's district code (default Liverpool, E08000012). */
  area: string;
  /** Period end (yyyy-mm-dd) and months; default: the last month found and every month found. */
  end?: string;
  months?: number;
}

export const USAGE = `usage: npm run bench -- [--crimes N] [--seed S] [--out DIR] [--keep] [--profile]
  --crimes N   police crimes to generate (default 1000000; at least ${MIN_CRIMES}); victims,
               offenders, A&E and youth justice rows follow in the generator's proportions
  --seed S     generator seed (default 42)
  --out DIR    working folder (default ${join(tmpdir(), 'sna-bench')}); extracts of the same size
               and seed found there are reused
  --keep       keep the run's database and outputs (DIR/run) afterwards
  --profile    time every SQL statement (SNA_PROFILE=1) and list the slowest
  --police-uk DIR   instead: sna on the police.uk street files under DIR (*.csv, *.csv.gz, any
               depth) against DuckDB reading them in one read_csv; then a no-op re-run, and
               the last month added to a run of the others
  --area CODE  with --police-uk: the area's district (default E08000012, Liverpool)
  --end DATE --months N   with --police-uk: the period (default: the months found)`;

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isSafeInteger(n)) throw new Error(`--${name} must be an integer, got "${value}"`);
  return n;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      crimes: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'police-uk': { type: 'string' },
      area: { type: 'string' },
      end: { type: 'string' },
      months: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const crimes = integer('crimes', values.crimes, 1_000_000);
  if (crimes < MIN_CRIMES) throw new Error(`--crimes must be at least ${MIN_CRIMES}`);
  const policeUk = values['police-uk'];
  if (!policeUk && (values.area || values.end || values.months)) {
    throw new Error('--area, --end and --months go with --police-uk DIR');
  }
  if (values.end !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.end)) {
    throw new Error(`--end must be a date yyyy-mm-dd, got "${values.end}"`);
  }
  const months = values.months === undefined ? undefined : integer('months', values.months, 0);
  if (months !== undefined && (months < 1 || months > 36)) {
    throw new Error(`--months must be from 1 to 36, got ${months}`);
  }
  return {
    crimes,
    seed: integer('seed', values.seed, 42),
    outDir: resolve(values.out ?? join(tmpdir(), 'sna-bench')),
    keep: values.keep ?? false,
    profile: values.profile ?? false,
    ...(policeUk
      ? {
          policeUk: {
            dir: resolve(policeUk),
            area: values.area ?? 'E08000012',
            ...(values.end ? { end: values.end } : {}),
            ...(months ? { months } : {}),
          },
        }
      : {}),
  };
}
