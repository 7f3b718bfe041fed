/**
 * A config whose data draw no chart (here: reference files only) writes no `charts/` folder;
 * the nightly no-op check must not take that for a missing output and redo everything.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, workspace, writeReference } from '../helpers/workspace.js';

const CHARTLESS = `area:
  name: Testshire
  codes: [E08999999]
period:
  end: 2025-03-31
reference:
  geography: ref/geography.csv
  population: ref/population.csv
`;

describe('a config that draws no chart', { timeout: 120_000 }, () => {
  it('is a no-op on the second run', () => {
    const ws = workspace('sna-chartless-');
    writeReference(ws);
    const configPath = ws.config(CHARTLESS);
    const first = runCli(['run', '--config', configPath, '--quiet']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(existsSync(ws.path('out/report.html'))).toBe(true);
    expect(existsSync(ws.path('out/charts'))).toBe(false);
    const second = runCli(['run', '--config', configPath, '--verbose']);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout.split('\n')[0]).toMatch(
      /^Nothing new since the last run \(.+; 3 input files unchanged\): outputs are up to date\.$/,
    );
  });
});
