/**
 * The benchmark's input: the synthetic borough at the asked size, generated once per size and
 * seed and reused after, and a copy of the demo config pointing at it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateBorough } from '../fixtures/generator/borough.js';
import type { Planted } from '../fixtures/generator/planted.js';

export interface DatasetFile {
  /** Absolute path. */
  path: string;
  source: string;
  rows: number;
}

export interface Dataset {
  dir: string;
  reused: boolean;
  /** Seconds spent generating (0 when reused). */
  seconds: number;
  files: DatasetFile[];
}

export const datasetDir = (outDir: string, crimes: number, seed: number) =>
  join(outDir, 'data', `crimes-${crimes}-seed-${seed}`);

/** The planted answers of a complete earlier generation of this size and seed, if any. */
function previousGeneration(dir: string, crimes: number, seed: number): Planted | undefined {
  // planted.json is written last, so its presence means the generation finished.
  const plantedPath = join(dir, 'planted.json');
  if (!existsSync(plantedPath)) return undefined;
  const planted = JSON.parse(readFileSync(plantedPath, 'utf8')) as Planted;
  if (planted.synthetic !== true || planted.crimes !== crimes || planted.seed !== seed) {
    return undefined;
  }
  return planted.files.every((f) => existsSync(join(dir, f.path))) ? planted : undefined;
}

export async function ensureDataset(
  outDir: string,
  crimes: number,
  seed: number,
): Promise<Dataset> {
  const dir = datasetDir(outDir, crimes, seed);
  let planted = previousGeneration(dir, crimes, seed);
  const reused = planted !== undefined;
  const started = performance.now();
  if (!planted) {
    // The folder is the benchmark's own (named by size and seed): a half-written one goes.
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    planted = await generateBorough({ outDir: dir, seed, crimes });
  }
  return {
    dir,
    reused,
    seconds: reused ? 0 : (performance.now() - started) / 1000,
    files: planted.files.map((f) => ({ path: join(dir, f.path), source: f.source, rows: f.rows })),
  };
}

const DEMO_PREFIX = 'fixtures/synthetic/';

/**
 * The demo config (`sna.config.yaml`, whose period and area match the generator) with every
 * fixture path pointing into the dataset and the outputs in `runDir/out`. Paths are written as
 * double-quoted YAML scalars so a folder name with spaces or `#` stays one value.
 */
export function benchConfig(demoConfig: string, dataDir: string, runDir: string): string {
  const lines = demoConfig.split('\n').map((line) => {
    const path = /^(\s*[a-z_]+:\s*)fixtures\/synthetic\/(\S+)\s*$/.exec(line);
    if (path) return `${path[1]}${JSON.stringify(join(dataDir, path[2] ?? ''))}`;
    const output = /^output_dir:/.exec(line);
    if (output) return `output_dir: ${JSON.stringify(join(runDir, 'out'))}`;
    return line;
  });
  const text = lines.join('\n');
  if (text.includes(DEMO_PREFIX) || !/^output_dir: /m.test(text)) {
    throw new Error('the demo config changed shape: cannot point it at the benchmark data');
  }
  return text;
}

export async function writeBenchConfig(
  repoRoot: string,
  dataDir: string,
  runDir: string,
): Promise<string> {
  const demo = readFileSync(join(repoRoot, 'sna.config.yaml'), 'utf8');
  const path = join(runDir, 'sna.config.yaml');
  await mkdir(runDir, { recursive: true });
  await writeFile(path, benchConfig(demo, dataDir, runDir));
  return path;
}
