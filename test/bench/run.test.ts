/**
 * The benchmark end to end at the generator's smallest size: extracts generated once and reused,
 * `sna run` measured in a child process, and the JSON last line the issue asks for.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetDir, ensureDataset } from '../../bench/dataset.js';
import type { BenchResult } from '../../bench/summary.js';
import { REPO_ROOT, workspace } from '../helpers/workspace.js';

const CRIMES = 2000;

describe('ensureDataset', () => {
  it('generates a size and seed once, then reuses it; another seed is generated apart', async () => {
    const out = workspace('sna-bench-data-').dir;
    const first = await ensureDataset(out, CRIMES, 1);
    expect(first.reused).toBe(false);
    expect(first.files.length).toBeGreaterThan(20);
    for (const file of first.files) expect(existsSync(file.path)).toBe(true);
    const again = await ensureDataset(out, CRIMES, 1);
    expect(again.reused).toBe(true);
    expect(again.files).toEqual(first.files);
    const other = await ensureDataset(out, CRIMES, 2);
    expect(other.reused).toBe(false);
    expect(other.dir).toBe(datasetDir(out, CRIMES, 2));
    expect(readdirSync(join(out, 'data')).sort()).toEqual([
      `crimes-${CRIMES}-seed-1`,
      `crimes-${CRIMES}-seed-2`,
    ]);
  });
});

describe('npm run bench', () => {
  it('prints a table and, as its last line, the figures as one JSON object', () => {
    const out = workspace('sna-bench-run-').dir;
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(REPO_ROOT, 'bench', 'run.ts'),
        '--crimes',
        String(CRIMES),
        '--out',
        out,
      ],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 300_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    const figures = JSON.parse(lines.at(-1) ?? '') as BenchResult;
    expect(figures.crimes).toBe(CRIMES);
    // The demo borough's inputs: every extract and reference file, plus the built-in groups.
    expect(figures.rows).toBeGreaterThan(CRIMES * 3);
    expect(Object.keys(figures.stages)).toEqual(['ingest', 'models', 'indicators', 'report']);
    for (const seconds of Object.values(figures.stages)) expect(seconds).toBeGreaterThan(0);
    const staged = Object.values(figures.stages).reduce((a, b) => a + b, 0);
    expect(figures.total_seconds).toBeGreaterThan(staged);
    expect(figures.baseline_seconds).toBeGreaterThan(0);
    expect(figures.ratio).toBeCloseTo(figures.total_seconds / figures.baseline_seconds, 1);
    expect(figures.report_seconds).toBe(figures.stages.report);
    expect(figures.peak_rss_mb).toBeGreaterThan(50);
    expect(figures.machine.cpus).toBeGreaterThan(0);
    expect(result.stdout).toMatch(/^total: sna run/m);
    // Without --keep the run folder goes; the extracts stay for the next run of this size.
    expect(existsSync(join(out, 'run'))).toBe(false);
    expect(existsSync(join(datasetDir(out, CRIMES, 42), 'planted.json'))).toBe(true);
  });
});
