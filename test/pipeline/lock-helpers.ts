/** Child processes and lock files for the run-lock tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { cliArgv, cliEnv, REPO_ROOT } from '../helpers/workspace.js';

export interface Finished {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  done: Promise<Finished>;
}

/** Starts `sna <args>` from source as a child process, without waiting for it. */
export function startCli(args: string[]): Running {
  const child = spawn(process.execPath, cliArgv(args), { cwd: REPO_ROOT, env: cliEnv() });
  return { child, done: collect(child) };
}

/** Starts a TypeScript file as a child process (`node --import tsx <script> <args>`). */
export function startScript(script: string, args: string[] = []): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO_ROOT });
  return { child, done: collect(child) };
}

function collect(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

/** The pid of a process that has certainly exited: a `node -e ''` we waited for. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('close', resolve));
  if (child.pid === undefined) throw new Error('node did not start');
  return child.pid;
}

/** Writes a lock file as another run would have left it. */
export function writeLock(
  path: string,
  holder: { pid: number; started_at?: string; hostname?: string; process_start?: string },
): string {
  const content = JSON.stringify({
    started_at: '2026-11-21T02:00:03.000Z',
    hostname: hostname(),
    command: 'sna run --config nightly.yaml',
    ...holder,
  });
  writeFileSync(path, content);
  return content;
}

/** Resolves once `path` exists (or rejects after `ms`). */
export async function waitForFile(path: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!existsSync(path)) {
    if (Date.now() > until) throw new Error(`${path} did not appear within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
