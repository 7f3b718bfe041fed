/**
 * The bad-input corpus harness. Every case starts from a workspace where a good crimes file
 * and a good victims file are already loaded (the first run), adds its own file or config
 * change, runs `sna ingest` as a user would (the second run), and checks: the exit code, the
 * precise message, the manifest's row accounting for its file, the rejects it expects, and
 * that the good files' rows are all still in the database.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import type { Manifest, ManifestInput } from '../../pipeline/outputs/manifest.js';
import {
  baseConfig,
  type CliResult,
  query,
  runCli,
  workspace,
  writeReference,
} from '../helpers/workspace.js';
import { type BadInputCase, type ExpectedRows, GOOD, INPUTS, THRESHOLDS } from './case.js';

export interface CaseRun {
  result: CliResult;
  dir: string;
  manifest: Manifest;
  rejects: Array<Record<string, string>>;
}

/** The first run, shared by a test file's cases: the good files, loaded. */
export function loadGoodFiles(): string {
  const ws = workspace('sna-bad-input-base-');
  writeReference(ws);
  for (const [path, content] of Object.entries(GOOD)) ws.write(path, content);
  const config = ws.config(baseConfig(INPUTS, THRESHOLDS));
  const first = runCli(['ingest', '--config', config]);
  if (first.status !== 0) throw new Error(`the good files did not load: ${first.stderr}`);
  return ws.dir;
}

/** The second run: a copy of the loaded workspace with the case's file and config. */
export function runCase(baseDir: string, c: BadInputCase): CaseRun {
  const dir = mkdtempSync(join(tmpdir(), 'sna-bad-input-'));
  cpSync(baseDir, dir, { recursive: true });
  c.setup?.(dir);
  if (c.file !== undefined && c.content !== undefined) writeAt(join(dir, c.file), c.content);
  const config = join(dir, 'sna.config.yaml');
  if (c.earlier) {
    writeAt(config, baseConfig(c.earlier.inputs ?? INPUTS, c.earlier.thresholds ?? THRESHOLDS));
    const earlier = runCli(['ingest', '--config', config]);
    if (earlier.status !== 0) throw new Error(`the earlier run failed: ${earlier.stderr}`);
  }
  writeAt(config, baseConfig(c.inputs ?? INPUTS, c.thresholds ?? THRESHOLDS));
  const result = runCli(['ingest', '--config', config]);
  const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as Manifest;
  const rejectsPath = join(dir, 'out', 'rejects.csv');
  const rejects = existsSync(rejectsPath)
    ? (parse(readFileSync(rejectsPath), { columns: true }) as Array<Record<string, string>>)
    : [];
  return { result, dir, manifest, rejects };
}

function writeAt(path: string, content: string | Buffer) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** Runs one case and checks everything the corpus promises about it. */
export async function checkCase(baseDir: string, c: BadInputCase): Promise<void> {
  const { result, dir, manifest, rejects } = runCase(baseDir, c);
  const stderr = result.stderr.split('\n').filter((line) => line !== '');
  const caseFile = c.file ? join(dir, c.file) : '';
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(c.exit);
  if (c.exit === 0) expect(stderr).toEqual([]);
  if (c.stderr) {
    expect(stderr).toHaveLength(c.stderr.length);
    c.stderr.forEach((want, i) => {
      if (typeof want === 'string') expect(stderr[i]).toBe(want.replaceAll('<file>', caseFile));
      else expect(stderr[i]).toMatch(want);
    });
  }
  if (c.stdout) expect(result.stdout).toMatch(c.stdout);

  for (const input of manifest.inputs) {
    expect(input.rows_loaded + input.rows_rejected + input.rows_set_aside, input.path).toBe(
      input.rows_read,
    );
  }
  if (c.rows !== undefined) {
    const entry = manifest.inputs.find((i) => i.path === c.file);
    if (c.rows === null) expect(entry).toBeUndefined();
    else expect(accounting(entry)).toEqual({ setAside: 0, ...c.rows });
  }
  if (c.rejects) {
    const mine = rejects.filter((r) => r.file === c.file);
    expect(mine).toHaveLength(c.rejects.length);
    c.rejects.forEach((want, i) => {
      const got = mine[i];
      expect(Number(got?.line)).toBe(want.line);
      if (want.column !== undefined) expect(got?.column).toBe(want.column);
      if (typeof want.reason === 'string') expect(got?.reason).toBe(want.reason);
      else expect(got?.reason).toMatch(want.reason);
    });
  }
  const database = join(dir, 'out', 'sna.duckdb');
  await expectGoodFilesKept(database);
  await c.check?.({ database, manifest });
}

function accounting(entry: ManifestInput | undefined): ExpectedRows | undefined {
  if (!entry) return undefined;
  return {
    read: entry.rows_read,
    loaded: entry.rows_loaded,
    rejected: entry.rows_rejected,
    setAside: entry.rows_set_aside,
  };
}

/** Nothing already loaded is lost: every row of the good files is still in its raw table. */
async function expectGoodFilesKept(database: string): Promise<void> {
  const rows = await query<{ path: string; n: number }>(
    database,
    `SELECT f.path, count(*)::INTEGER AS n FROM ingest_files f
       JOIN (SELECT file_id FROM raw_police__crimes UNION ALL SELECT file_id FROM raw_police__victims) r
       USING (file_id)
     WHERE f.path IN ('extracts/crimes-1.csv', 'extracts/victims-1.csv')
     GROUP BY f.path ORDER BY f.path`,
  );
  expect(rows).toEqual([
    { path: 'extracts/crimes-1.csv', n: 3 },
    { path: 'extracts/victims-1.csv', n: 3 },
  ]);
}
