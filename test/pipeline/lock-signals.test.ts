import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lockPathFor } from '../../pipeline/db/lock.js';
import { demoWorkspace, runCli } from '../helpers/workspace.js';
import { startCli, waitForFile } from './lock-helpers.js';

/** These tests spawn sna several times: allow for a busy 2-core machine. */
const SPAWNS_TIMEOUT = 240_000;

describe('a run stopped by a signal', { timeout: SPAWNS_TIMEOUT }, () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'releases the lock on %s and dies of that signal; the next run is not blocked',
    async (signal) => {
      const ws = demoWorkspace('sna-lock-signal-');
      const lock = lockPathFor(ws.path('out/sna.duckdb'));
      const run = startCli(['run', '--config', ws.configPath]);
      await waitForFile(lock);
      // Let it get into the ingest, so the signal lands mid-transaction.
      await new Promise((resolve) => setTimeout(resolve, 500));
      run.child.kill(signal);
      const done = await run.done;
      expect(done.signal).toBe(signal);
      expect(existsSync(lock)).toBe(false);
      const next = runCli(['ingest', '--config', ws.configPath]);
      expect(next.status, next.stderr).toBe(0);
      expect(next.stderr).toBe('');
    },
  );
});
