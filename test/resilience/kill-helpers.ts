/** A real `sna run` child that is SIGKILLed at a point recognised from its own log lines. */
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import {
  cliArgv,
  cliEnv,
  FIXTURES,
  REPO_ROOT,
  runCli,
  type Workspace,
} from '../helpers/workspace.js';

/** One `--json-logs` line. */
export interface LogLine {
  level: string;
  message: string;
  stage?: string;
  [field: string]: unknown;
}

export interface KilledRun {
  /** The child's pid: the one the run lock names. */
  pid: number;
  /** True when the child was SIGKILLed; false when it finished before the kill point. */
  killed: boolean;
  status: number | null;
  lines: LogLine[];
  stderr: string;
}

/**
 * Starts `sna run --json-logs --verbose` and SIGKILLs it once `killWhen` says so, called after
 * each log line and (for points no log line marks) every `pollMs` with no line.
 */
export function runAndKill(
  configPath: string,
  killWhen: (lines: readonly LogLine[]) => boolean,
  pollMs = 15,
): Promise<KilledRun> {
  const child = spawn(
    process.execPath,
    cliArgv(['run', '--config', configPath, '--json-logs', '--verbose']),
    { cwd: REPO_ROOT, env: cliEnv() },
  );
  const lines: LogLine[] = [];
  let stderr = '';
  let killed = false;
  const check = () => {
    if (!killed && child.exitCode === null && killWhen(lines)) {
      killed = child.kill('SIGKILL');
    }
  };
  createInterface({ input: child.stdout }).on('line', (text) => {
    lines.push(JSON.parse(text) as LogLine);
    check();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const timer = setInterval(check, pollMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({ pid: child.pid ?? -1, killed, status, lines, stderr });
    });
  });
}

/** Every file under `dir` (relative path → bytes), skipping the database and its lock. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      // The database and its companions (write-ahead log, lock, input hashes) are not outputs.
      else if (!/\.duckdb(\.wal|\.lock|\.sha256\.json)?$/.test(name))
        files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/** Mtime (ms) of the newest file under `dir`, 0 when there is none. */
export function newestMtime(dir: string): number {
  let newest = 0;
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else newest = Math.max(newest, stat.mtimeMs);
    }
  };
  try {
    walk(dir);
  } catch {
    return 0;
  }
  return newest;
}

/**
 * Parses every published output that has a format to parse, so a half-written file fails:
 * indicators.csv, manifest.json, headline.json and notebooks/sna.ipynb.
 */
export function parseOutputs(outDir: string) {
  const csv = parse(readFileSync(join(outDir, 'indicators.csv')), { columns: true }) as Array<
    Record<string, string>
  >;
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as {
    inputs: unknown[];
    stages: Record<string, number>;
  };
  const headline = JSON.parse(readFileSync(join(outDir, 'headline.json'), 'utf8')) as unknown;
  const notebook = JSON.parse(readFileSync(join(outDir, 'notebooks', 'sna.ipynb'), 'utf8')) as {
    nbformat: number;
    cells: unknown[];
  };
  return { csv, manifest, headline, notebook };
}

/** Copies the synthetic extracts into `dest`, leaving out the files `holdBack` matches. */
export function copyExtracts(from: string, dest: string, holdBack: RegExp): string[] {
  cpSync(from, dest, { recursive: true });
  const held: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (holdBack.test(name)) {
        held.push(relative(dest, path));
        rmSync(path);
      }
    }
  };
  walk(dest);
  return held;
}

/** Three more violence-with-injury crimes, in the layout of the demo's crimes files (no point). */
export const extraCrimes = (prefix: string): string =>
  [1, 2, 3].map((n) => `${prefix}${n},2025-01-15,,,8N,,E01999001,,,,,N,,,,\n`).join('');

/**
 * The demo run on a copy of its extracts in the workspace (so a test may edit them): its
 * outputs as the last complete set, and the crimes file the test edits.
 */
export function lastGoodRun(ws: Workspace & { configPath: string }): {
  lastGood: Map<string, Buffer>;
  edited: string;
} {
  cpSync(join(FIXTURES, 'extracts'), ws.path('extracts'), { recursive: true });
  ws.config(readFileSync(ws.configPath, 'utf8').replaceAll(`${FIXTURES}/extracts/`, 'extracts/'));
  const first = runCli(['run', '--config', ws.configPath, '--quiet']);
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
  return {
    lastGood: snapshot(ws.path('out')),
    edited: ws.path('extracts/police/crimes-2024-25.csv'),
  };
}
