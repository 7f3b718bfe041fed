/**
 * A switch that cannot put the new set in place (something of the user's in the way) fails
 * before its first rename, naming that path: the last complete set stays whole (no new
 * headline beside the old manifest), no staging folder is left, and once the path is cleared
 * the next run publishes the new set. A folder where a listed output should be is named too.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoWorkspace, runCli } from '../helpers/workspace.js';
import { extraCrimes, lastGoodRun, parseOutputs, snapshot } from './kill-helpers.js';

const NEW_ROWS = extraCrimes('SWITCH');

describe('a switch that cannot put the new outputs in place', { timeout: 600_000 }, () => {
  const ws = demoWorkspace('sna-switch-');
  const outDir = ws.path('out');
  let edited: string;
  let lastGood: Map<string, Buffer>;

  beforeAll(() => {
    ({ edited, lastGood } = lastGoodRun(ws));
  });

  it('a file where a folder of outputs goes: exit 1 naming it, the last complete set kept', () => {
    const notebooks = join(outDir, 'notebooks');
    rmSync(notebooks, { recursive: true });
    writeFileSync(notebooks, 'the user’s file, where sna’s notebooks folder goes\n');
    writeFileSync(edited, Buffer.concat([readFileSync(edited), Buffer.from(NEW_ROWS)]));

    const failed = runCli(['run', '--config', ws.configPath, '--quiet']);
    expect(failed.status, failed.stderr).toBe(1);
    expect(failed.stderr.trim().split('\n')).toEqual([
      `error: ${notebooks}: cannot switch the new outputs in (a file is where a folder must go); the outputs of the last complete run are kept`,
    ]);
    const now = snapshot(outDir);
    expect(now.get('notebooks')?.toString('utf8')).toMatch(/^the user’s file/);
    now.delete('notebooks');
    const expected = new Map([...lastGood].filter(([path]) => !path.startsWith('notebooks/')));
    expect(now).toEqual(expected);
    expect(readdirSync(outDir).filter((f) => f.startsWith('.sna-'))).toEqual([]);

    rmSync(notebooks);
    const next = runCli(['run', '--config', ws.configPath, '--quiet']);
    expect(next.stderr).toBe('');
    expect(next.status).toBe(0);
    parseOutputs(outDir);
    expect(
      readFileSync(join(outDir, 'indicators.csv')).equals(
        lastGood.get('indicators.csv') ?? Buffer.alloc(0),
      ),
    ).toBe(false);
  });

  it('a folder where a listed output should be: exit 1 naming it', () => {
    const headline = join(outDir, 'headline.md');
    rmSync(headline);
    mkdirSync(headline);
    const failed = runCli(['run', '--config', ws.configPath, '--quiet']);
    expect(failed.status, failed.stderr).toBe(1);
    expect(failed.stderr.trim().split('\n')).toEqual([
      `error: ${headline}: cannot read (a folder, not a file)`,
    ]);
    rmSync(headline, { recursive: true });
  });
});
