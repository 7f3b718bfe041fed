import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../core/log.js';
import { acquireRunLock, lockPathFor } from '../../pipeline/db/lock.js';
import {
  baseConfig,
  REPO_ROOT,
  runCli,
  type Workspace,
  workspace,
  writeReference,
} from '../helpers/workspace.js';
import { deadPid, type Running, startScript, writeLock } from './lock-helpers.js';

/** These tests spawn sna several times: allow for a busy 2-core machine. */
const SPAWNS_TIMEOUT = 240_000;

const HEADER = 'crime_ref,recorded_date,ho_offence_code,lsoa_code';
const HOLDER_SCRIPT = join(REPO_ROOT, 'test', 'pipeline', 'lock-holder.ts');

interface Setup {
  ws: Workspace;
  config: string;
  database: string;
  lock: string;
}

function setUp(crimes = `${HEADER}\nC1,2024-06-01,8N,E01999001\n`): Setup {
  const ws = workspace('sna-lock-');
  writeReference(ws);
  ws.write('extracts/crimes.csv', crimes);
  const config = ws.config(baseConfig('  police_crimes: extracts/crimes.csv'));
  const database = ws.path('out/sna.duckdb');
  ws.write('out/.keep', '');
  return { ws, config, database, lock: lockPathFor(database) };
}

const running: Running[] = [];
afterEach(() => {
  for (const r of running.splice(0)) r.child.kill('SIGKILL');
});

/** Starts lock-holder.ts and waits for its first line (what it got). */
async function startHolder(args: string[]) {
  const holder = startScript(HOLDER_SCRIPT, args);
  running.push(holder);
  const line = await new Promise<string>((resolve) =>
    holder.child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8'))),
  );
  return {
    holder,
    said: JSON.parse(line) as { outcome: string; holder?: { pid: number; started_at: string } },
  };
}

describe('a second run while one holds the lock', { timeout: SPAWNS_TIMEOUT }, () => {
  it('exits 4 at once with one line naming the holder pid and start time', async () => {
    const { config, database, lock } = setUp();
    const { holder, said } = await startHolder([database]);
    expect(said.outcome).toBe('acquired');
    const pid = said.holder?.pid;
    const since = said.holder?.started_at;
    expect(pid).toBe(holder.child.pid);

    const result = runCli(['run', '--config', config]);
    expect(result.status).toBe(4);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      `error: another run holds the database lock: pid ${pid} since ${since}, running "lock-holder" (${lock})`,
    );
    // It stopped before opening (and so creating) the database.
    expect(existsSync(database)).toBe(false);

    holder.child.stdin?.end();
    expect((await holder.done).status).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect(runCli(['run', '--config', config]).status).toBe(0);
  });

  it("still exits 4 through DuckDB's own file lock when a process ignores the run lock", async () => {
    const { ws, config, database, lock } = setUp();
    expect(runCli(['ingest', '--config', config]).status).toBe(0);
    ws.write('extracts/crimes.csv', `${HEADER}\nC2,2024-06-02,8N,E01999001\n`);
    const { holder, said } = await startHolder(['--duckdb', database]);
    expect(said.outcome).toBe('opened');
    const result = runCli(['ingest', '--config', config]);
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('the database is in use by another process');
    expect(result.stderr).toContain('Could not set lock on file');
    expect(existsSync(lock)).toBe(false);
    holder.child.stdin?.end();
    expect((await holder.done).status).toBe(0);
  });

  it('treats a lock left by a live pid (this test process) as held, and leaves it alone', () => {
    const { config, lock } = setUp();
    const content = writeLock(lock, { pid: process.pid });
    const result = runCli(['ingest', '--config', config, '--json-logs']);
    expect(result.status).toBe(4);
    const [line, ...rest] = result.stderr.trim().split('\n');
    expect(rest).toEqual([]);
    expect(JSON.parse(line ?? '{}')).toMatchObject({
      level: 'error',
      exit_code: 4,
      message: `another run holds the database lock: pid ${process.pid} since 2026-11-21T02:00:03.000Z, running "sna run --config nightly.yaml" (${lock})`,
    });
    expect(readFileSync(lock, 'utf8')).toBe(content);
    // validate never opens the real database, so it takes no lock and is not stopped by one.
    expect(runCli(['validate', '--config', config]).status).toBe(0);
  });

  it('treats a lock from another host as held: its pid cannot be checked from here', async () => {
    const { config, lock } = setUp();
    writeLock(lock, { pid: await deadPid(), hostname: 'other-host.example' });
    const result = runCli(['ingest', '--config', config]);
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/pid \d+ on host other-host\.example since 2026-11-21T02:00:03/);
  });

  it('refuses an unreadable lock file rather than guess who holds it', () => {
    const { config, lock } = setUp();
    writeFileSync(lock, 'not json');
    const result = runCli(['ingest', '--config', config]);
    expect(result.status).toBe(4);
    expect(result.stderr).toContain(`the database lock file cannot be read (${lock})`);
  });
});

describe('a stale lock', { timeout: SPAWNS_TIMEOUT }, () => {
  it('left by a dead pid is named in a warning and taken over', async () => {
    const { config, lock } = setUp();
    const pid = await deadPid();
    writeLock(lock, { pid });
    const result = runCli(['ingest', '--config', config]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `warn: took over a stale database lock: pid ${pid} (since 2026-11-21T02:00:03.000Z) is no longer running (${lock})`,
    );
    expect(result.stdout).toContain('extracts/crimes.csv: read 1 row, 0 rejected');
    expect(existsSync(lock)).toBe(false);
  });

  it.skipIf(!existsSync('/proc/self/stat'))(
    'whose pid now belongs to another process (pid reuse) is taken over too',
    () => {
      const { config, lock } = setUp();
      // Our own pid is alive, but this lock says its process started at tick 1 after boot.
      writeLock(lock, { pid: process.pid, process_start: '1' });
      const result = runCli(['ingest', '--config', config]);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`took over a stale database lock: pid ${process.pid}`);
    },
  );

  it('found by several runs at once is taken over by exactly one of them', async () => {
    const { database, lock } = setUp();
    writeLock(lock, { pid: await deadPid() });
    // Every racer starts its attempt at the same instant, after all have loaded.
    const at = Date.now() + 4000;
    const racers = Array.from({ length: 4 }, () =>
      startScript(HOLDER_SCRIPT, [database, String(at), '2000']),
    );
    running.push(...racers);
    const outcomes = await Promise.all(
      racers.map(async (r) => {
        const done = await r.done;
        expect(done.status, done.stderr).toBe(0);
        return (JSON.parse(done.stdout) as { outcome: string }).outcome;
      }),
    );
    expect(outcomes.filter((o) => o === 'acquired')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'locked')).toHaveLength(3);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('the lock is released', { timeout: SPAWNS_TIMEOUT }, () => {
  it('after a run that fails on its input (exit 3)', () => {
    const { config, lock } = setUp('crime_ref,ho_offence_code\nC1,8N\n');
    const result = runCli(['run', '--config', config]);
    expect(result.status).toBe(3);
    expect(existsSync(lock)).toBe(false);
  });

  it('after a run that cannot open its database (exit 1)', () => {
    const { ws, config, lock } = setUp();
    ws.write('out/sna.duckdb', 'this is not a DuckDB file');
    const result = runCli(['ingest', '--config', config]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cannot open the database');
    expect(existsSync(lock)).toBe(false);
  });

  it('but never a lock that another run holds now', () => {
    const { database, lock } = setUp();
    const mine = acquireRunLock(database, { command: 'test', log: memoryLogger() });
    expect(() => acquireRunLock(database, { command: 'test', log: memoryLogger() })).toThrow(
      expect.objectContaining({ exitCode: 4 }),
    );
    // As if a run had judged ours stale and taken it over: release must leave theirs.
    const theirs = writeLock(lock, { pid: process.pid, started_at: '2026-11-22T00:00:00.000Z' });
    mine.release();
    expect(readFileSync(lock, 'utf8')).toBe(theirs);
  });
});
