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
}

export const USAGE = `usage: npm run bench -- [--crimes N] [--seed S] [--out DIR] [--keep] [--profile]
  --crimes N   police crimes to generate (default 1000000; at least ${MIN_CRIMES}); victims,
               offenders, A&E and youth justice rows follow in the generator's proportions
  --seed S     generator seed (default 42)
  --out DIR    working folder (default ${join(tmpdir(), 'sna-bench')}); extracts of the same size
               and seed found there are reused
  --keep       keep the run's database and outputs (DIR/run) afterwards
  --profile    time every SQL statement (SNA_PROFILE=1) and list the slowest`;

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
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const crimes = integer('crimes', values.crimes, 1_000_000);
  if (crimes < MIN_CRIMES) throw new Error(`--crimes must be at least ${MIN_CRIMES}`);
  return {
    crimes,
    seed: integer('seed', values.seed, 42),
    outDir: resolve(values.out ?? join(tmpdir(), 'sna-bench')),
    keep: values.keep ?? false,
    profile: values.profile ?? false,
  };
}
