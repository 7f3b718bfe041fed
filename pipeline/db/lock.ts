/**
 * The run lock: one `sna` run at a time per database, so a nightly job that starts while a
 * by-hand refresh is going stops at once (exit 4) instead of waiting on DuckDB's file lock.
 *
 * The lock is a file next to the database (`<database>.lock`) holding who took it. A lock
 * whose holder died (kill -9, power cut) is stale: the next run names it and takes it over.
 * DuckDB's own file lock stays underneath as a backstop (`Database.open` → LockError).
 */
import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { LockError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';

/** What the lock file holds (JSON). */
export interface LockHolder {
  pid: number;
  started_at: string;
  hostname: string;
  command: string;
  /** The holder's start time in clock ticks since boot (Linux), to see through pid reuse. */
  process_start?: string;
}

/** A held lock; `release()` is idempotent and also runs on exit, SIGINT and SIGTERM. */
export interface RunLock {
  readonly path: string;
  readonly holder: LockHolder;
  release(): void;
}

/** Tries to create the lock this many times when other runs keep racing for it. */
const ATTEMPTS = 5;

export const lockPathFor = (databasePath: string) => `${databasePath}.lock`;

/**
 * Takes the lock for `databasePath`, or throws a LockError (exit 4) naming the run that
 * holds it. A stale lock (its pid no longer runs on this host) is logged and taken over.
 */
export function acquireRunLock(
  databasePath: string,
  options: { command: string; log: Logger },
): RunLock {
  const path = lockPathFor(databasePath);
  mkdirSync(dirname(path), { recursive: true });
  const holder: LockHolder = {
    pid: process.pid,
    started_at: new Date().toISOString(),
    hostname: hostname(),
    command: options.command,
    process_start: processStart(process.pid),
  };
  const content = `${JSON.stringify(holder)}\n`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    if (createExclusive(path, content)) return holdLock(path, holder, content);
    const seen = readLock(path);
    if (seen === undefined) continue; // released between our two looks: try again
    if (seen.holder === undefined) {
      throw new LockError(
        `the database lock file cannot be read (${path}); if no sna run is going, delete it`,
      );
    }
    if (isAlive(seen.holder)) throw new LockError(heldMessage(seen.holder, path));
    if (takeOverStale(path, seen.raw)) {
      options.log.warn(
        `took over a stale database lock: pid ${seen.holder.pid} (since ${seen.holder.started_at}) is no longer running (${path})`,
        { stale_pid: seen.holder.pid, stale_since: seen.holder.started_at, lock: path },
      );
    }
  }
  throw new LockError(
    `could not take the database lock after ${ATTEMPTS} attempts: other runs keep taking it (${path})`,
  );
}

function heldMessage(holder: LockHolder, path: string): string {
  const host = holder.hostname === hostname() ? '' : ` on host ${holder.hostname}`;
  return `another run holds the database lock: pid ${holder.pid}${host} since ${holder.started_at}, running "${holder.command}" (${path})`;
}

/**
 * Creates the lock file with its whole content in one step: the content is written to a
 * private file first and hard-linked into place, which fails if the lock exists. Unlike
 * `open(wx)` then `write`, no other run can ever see the lock file empty or half-written.
 */
function createExclusive(path: string, content: string): boolean {
  const draft = `${path}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(draft, content, { flag: 'wx' });
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/** The lock file's raw text and parsed holder; undefined when there is no lock file. */
function readLock(path: string): { raw: string; holder?: LockHolder } | undefined {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.started_at !== 'string') return { raw };
    return {
      raw,
      holder: {
        pid: parsed.pid,
        started_at: parsed.started_at,
        hostname: String(parsed.hostname ?? ''),
        command: String(parsed.command ?? ''),
        process_start: parsed.process_start,
      },
    };
  } catch {
    return { raw };
  }
}

/**
 * True unless the holder's pid is known to be gone. A lock from another host cannot be
 * checked from here, so it counts as held; so does a pid we may not signal (EPERM).
 */
function isAlive(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
  // The pid runs, but it may be a new process that reuses a dead holder's pid.
  const now = processStart(holder.pid);
  return holder.process_start === undefined || now === undefined || now === holder.process_start;
}

/**
 * Moves the stale lock aside under a unique name, so of several runs that found the same
 * stale lock only one can move it. If what was moved is not the stale lock we read (another
 * run took it over and re-created it in between), it is linked back.
 */
function takeOverStale(path: string, staleContent: string): boolean {
  const aside = `${path}.stale-${process.pid}-${randomUUID()}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    if (readFileSync(aside, 'utf8') === staleContent) return true;
    try {
      linkSync(aside, path);
    } catch {
      // A third run created the lock meanwhile; DuckDB's own file lock still keeps them apart.
    }
    return false;
  } finally {
    rmSync(aside, { force: true });
  }
}

function holdLock(path: string, holder: LockHolder, content: string): RunLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    try {
      // Only our own lock is removed: never one that a later run took over.
      if (readFileSync(path, 'utf8') === content) rmSync(path, { force: true });
    } catch {
      // Already gone.
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    // With our handler gone, the signal's default action ends the process as it would have.
    process.kill(process.pid, signal);
  };
  process.on('exit', release);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return { path, holder, release };
}

/** Field 22 of /proc/<pid>/stat (start time in ticks since boot), or undefined off Linux. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from its last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
