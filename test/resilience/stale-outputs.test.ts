/**
 * The nightly no-op check trusts only what the last complete run wrote: the outputs' hashes in
 * its manifest, not the files' existence. A run killed after it computed new indicators, with
 * the input then put back as it was, must not leave the new numbers published as up to date;
 * and an output that is not the one the manifest names (a switch cut short) makes the next run
 * recompute.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoWorkspace, runCli } from '../helpers/workspace.js';
import { extraCrimes, lastGoodRun, runAndKill, snapshot } from './kill-helpers.js';

const NEW_ROWS = extraCrimes('STALE');

describe('outputs called up to date only when they are the last complete run’s', {
  timeout: 600_000,
}, () => {
  const ws = demoWorkspace('sna-stale-');
  const outDir = ws.path('out');
  let edited: string;
  let lastGood: Map<string, Buffer>;

  beforeAll(() => {
    ({ edited, lastGood } = lastGoodRun(ws));
  });

  it('kill -9 once the new indicators are computed, input restored: the outputs are the last complete run’s', async () => {
    const original = readFileSync(edited);
    writeFileSync(edited, Buffer.concat([original, Buffer.from(NEW_ROWS)]));
    const killed = await runAndKill(ws.configPath, (lines) =>
      lines.some((l) => l.stage === 'indicators'),
    );
    expect(killed.killed, killed.stderr).toBe(true);
    writeFileSync(edited, original);
    const rerun = runCli(['run', '--config', ws.configPath, '--quiet']);
    expect(rerun.stderr).toBe('');
    expect(rerun.status).toBe(0);
    const now = snapshot(outDir);
    for (const file of ['indicators.csv', 'indicators.parquet', 'headline.md', 'manifest.json']) {
      expect(now.get(file)?.equals(lastGood.get(file) ?? Buffer.alloc(0)), file).toBe(true);
    }
  });

  it('an output that is not the one the manifest names makes the next run recompute', () => {
    const good = lastGood.get('indicators.csv') ?? Buffer.alloc(0);
    // As a switch cut short would leave it: a newer indicators.csv beside the old manifest.
    writeFileSync(join(outDir, 'indicators.csv'), `${good.toString('utf8')}stale,row\n`);
    const rerun = runCli(['run', '--config', ws.configPath, '--verbose']);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout).not.toMatch(/Nothing new since the last run/);
    expect(rerun.stdout).toMatch(/^refreshing: .*indicators\.csv/m);
    expect(readFileSync(join(outDir, 'indicators.csv')).equals(good)).toBe(true);
  });
});
