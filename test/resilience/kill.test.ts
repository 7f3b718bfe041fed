/**
 * kill -9 at several points of a real `sna run`: the database still opens, the last good
 * outputs are intact (the last good set, until a run completes and switches its set in), and
 * the next run's numbers equal those of
 * an uninterrupted run on a fresh workspace.
 *
 * One workspace goes through a nightly refresh: a complete run on extracts without the two
 * latest years, then those files land and each following run is killed one stage later than
 * the one before (ingest → indicators → report), until a last run completes.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lockPathFor } from '../../pipeline/db/lock.js';
import {
  demoWorkspace,
  FIXTURES,
  query,
  REPO_ROOT,
  runCli,
  workspace,
} from '../helpers/workspace.js';
import {
  copyExtracts,
  type KilledRun,
  type LogLine,
  newestMtime,
  parseOutputs,
  runAndKill,
  snapshot,
} from './kill-helpers.js';

const HELD_BACK = /-(2024-25|2025-26)\.csv$|^2025-03-/;

interface ManifestInput {
  source: string;
  path: string;
  rows_read: number;
  rows_loaded: number;
}

const inputCounts = (outDir: string) =>
  (
    JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as { inputs: ManifestInput[] }
  ).inputs
    .map((i) => `${i.source} ${basename(i.path)} ${i.rows_read} ${i.rows_loaded}`)
    .sort();

describe('sna run killed with SIGKILL', { timeout: 600_000 }, () => {
  let referenceCsv: Buffer;
  let referenceInputs: string[];
  const ws = workspace('sna-kill-');
  const outDir = ws.path('out');
  const database = join(outDir, 'sna.duckdb');
  let held: string[] = [];
  /** The outputs of the last complete run, before the runs that get killed. */
  let lastGood: Map<string, Buffer>;

  beforeAll(() => {
    const fresh = demoWorkspace('sna-kill-ref-');
    const reference = runCli(['run', '--config', fresh.configPath, '--quiet']);
    expect(reference.stderr).toBe('');
    expect(reference.status).toBe(0);
    referenceCsv = readFileSync(fresh.path('out/indicators.csv'));
    referenceInputs = inputCounts(fresh.path('out'));

    // The same demo, its extracts copied so files can land between runs.
    held = copyExtracts(join(FIXTURES, 'extracts'), ws.path('extracts'), HELD_BACK);
    const config = readFileSync(join(REPO_ROOT, 'sna.config.yaml'), 'utf8')
      .replaceAll('fixtures/synthetic/extracts/', `${ws.path('extracts')}/`)
      .replaceAll('fixtures/synthetic/', `${FIXTURES}/`)
      .replace(/^output_dir: .*$/m, `output_dir: ${outDir}`);
    ws.config(config);
    const first = runCli(['run', '--config', ws.path('sna.config.yaml'), '--quiet']);
    expect(first.status).toBe(0);
    lastGood = snapshot(outDir);
    // The last good outputs differ from the final ones, so "replaced" is told from "kept".
    expect(lastGood.get('indicators.csv')?.equals(referenceCsv)).toBe(false);
    for (const file of held) {
      cpSync(join(FIXTURES, 'extracts', file), ws.path(join('extracts', file)));
    }
  });

  /** The checks after every kill: stale lock left, database opens, outputs whole. */
  async function afterKill(run: KilledRun) {
    expect(run.killed, `the run finished before its kill point: ${run.stderr}`).toBe(true);
    const lock = JSON.parse(readFileSync(lockPathFor(database), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(run.pid);

    const [files] = await query<{ n: number }>(
      database,
      'SELECT count(*)::INTEGER AS n FROM ingest_files',
    );
    expect(files?.n).toBeGreaterThan(0);

    const now = snapshot(outDir);
    for (const file of lastGood.keys()) expect(now.has(file), `${file} disappeared`).toBe(true);
    const indicators = now.get('indicators.csv');
    expect(
      indicators?.equals(lastGood.get('indicators.csv') ?? Buffer.alloc(0)) ||
        indicators?.equals(referenceCsv),
      'indicators.csv is neither the last good one nor the new one',
    ).toBe(true);
    // Parsing proves each of these is whole, whichever run wrote it.
    const parsed = parseOutputs(outDir);
    expect(parsed.csv.length).toBeGreaterThan(1000);
    expect(parsed.manifest.inputs.length).toBeGreaterThan(0);
    expect(parsed.notebook.nbformat).toBe(4);
    // No run completed, so the manifest is still the last good run's.
    expect(now.get('manifest.json')?.equals(lastGood.get('manifest.json') ?? Buffer.alloc(0))).toBe(
      true,
    );
  }

  const stagingFolders = () => readdirSync(outDir).filter((f) => f.startsWith('.sna-staging-'));

  const tookOverFrom = (lines: readonly LogLine[], pid: number) =>
    lines.some((l) => l.level === 'warn' && l.message.includes(`stale database lock: pid ${pid} `));

  let previous: KilledRun;

  it('during ingest (after the first newly landed file is loaded): outputs untouched', async () => {
    const loadedNew = (l: LogLine) =>
      l.action === 'load' && HELD_BACK.test(basename(String(l.file ?? '')));
    const run = await runAndKill(ws.path('sna.config.yaml'), (lines) => lines.some(loadedNew));
    await afterKill(run);
    // The ingest writes no output: every byte is the last good run's.
    expect(snapshot(outDir)).toEqual(lastGood);
    // Killed in the middle of the batch: some new files committed, not all.
    expect(run.lines.filter(loadedNew).length).toBeLessThan(held.length);
    previous = run;
  });

  it('during indicators (right after the models are rebuilt, as the stage starts)', async () => {
    const run = await runAndKill(ws.path('sna.config.yaml'), (lines) =>
      lines.some((l) => l.stage === 'models'),
    );
    expect(tookOverFrom(run.lines, previous.pid)).toBe(true);
    expect(run.lines.some((l) => l.stage === 'indicators')).toBe(false);
    await afterKill(run);
    previous = run;
  });

  it('during report (once it has written its first chart file): the published set is untouched', async () => {
    let startedAt = 0;
    const run = await runAndKill(ws.path('sna.config.yaml'), (lines) => {
      if (!lines.some((l) => l.stage === 'indicators')) return false;
      startedAt ||= Date.now() - 1000;
      return stagingFolders().some((f) => newestMtime(join(outDir, f, 'charts')) > startedAt);
    });
    expect(tookOverFrom(run.lines, previous.pid)).toBe(true);
    expect(run.lines.some((l) => l.stage === 'report')).toBe(false);
    await afterKill(run);
    // The new indicators and charts went to the run's staging folder only: every published
    // file is still the last good run's, so no reader sees new indicators beside an old report.
    const staged = stagingFolders();
    expect(staged).toEqual([`.sna-staging-${run.pid}`]);
    const published = new Map(
      [...snapshot(outDir)].filter(([file]) => !file.startsWith('.sna-staging-')),
    );
    expect(published).toEqual(lastGood);
    const stagedFiles = snapshot(join(outDir, staged[0] ?? ''));
    expect(stagedFiles.get('indicators.csv')?.equals(referenceCsv)).toBe(true);
    expect([...stagedFiles.keys()].some((f) => f.startsWith('charts/'))).toBe(true);
    previous = run;
  });

  it('the next run completes and its numbers equal an uninterrupted run', async () => {
    const run = await runAndKill(ws.path('sna.config.yaml'), () => false);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(tookOverFrom(run.lines, previous.pid)).toBe(true);
    expect(existsSync(lockPathFor(database))).toBe(false);
    expect(readFileSync(join(outDir, 'indicators.csv')).equals(referenceCsv)).toBe(true);
    expect(inputCounts(outDir)).toEqual(referenceInputs);
    parseOutputs(outDir);
    // Staging folders and temporary files of the killed runs must not pile up in the outputs.
    const leftovers = [...snapshot(outDir).keys()].filter((f) => /\.tmp-|\.sna-staging-/.test(f));
    expect(leftovers).toEqual([]);
    expect(stagingFolders()).toEqual([]);
  });
});
