/**
 * Never a mixed set of outputs: a run that cannot write one of its outputs (a full disk) fails
 * naming that output, and leaves the previous complete set readable and byte-identical, with
 * no staging folder behind; the next run, with room again, publishes the new set whole.
 *
 * Twice: with a write failure injected at one output (`SNA_TEST_FAIL_WRITE`, read only by the
 * writer), and, where the tests run as root, on a real full disk (a small tmpfs).
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cliArgv,
  cliEnv,
  demoWorkspace,
  FIXTURES,
  REPO_ROOT,
  type Workspace,
} from '../helpers/workspace.js';
import { parseOutputs, snapshot } from './kill-helpers.js';

const NEW_CRIMES = `crime_ref,recorded_date,ho_offence_code,lsoa_code
FULL1,2025-01-15,8N,E01999001
FULL2,2025-01-16,8N,E01999002
`;

function sna(configPath: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, cliArgv(['run', '--config', configPath, '--quiet']), {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...cliEnv(), ...env },
  });
  return { status: result.status ?? -1, stderr: result.stderr };
}

/** The demo with its extracts copied (so a file can land) and its database outside `out`. */
function setUp(prefix: string): Workspace & { configPath: string; outDir: string } {
  const ws = demoWorkspace(prefix);
  cpSync(join(FIXTURES, 'extracts'), ws.path('extracts'), { recursive: true });
  const outDir = ws.path('out');
  const config = readFileSync(ws.configPath, 'utf8')
    .replaceAll(`${FIXTURES}/extracts/`, 'extracts/')
    .replace(/^output_dir: .*$/m, `output_dir: ${outDir}\ndatabase: ${ws.path('db/sna.duckdb')}`);
  return { ...ws, configPath: ws.config(config), outDir };
}

/** The failed run's checks: one line naming the output, and the last complete set untouched. */
function expectPreviousSetKept(
  failed: { status: number; stderr: string },
  outDir: string,
  lastGood: Map<string, Buffer>,
  namedPath: RegExp,
) {
  expect(failed.status).toBe(1);
  const lines = failed.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(namedPath);
  const now = snapshot(outDir);
  now.delete('filler');
  expect(now).toEqual(lastGood);
  expect(readdirSync(outDir).filter((f) => f.startsWith('.sna-'))).toEqual([]);
  parseOutputs(outDir);
}

describe('a run that cannot write its outputs', { timeout: 600_000 }, () => {
  it('(an injected failure at headline.md) leaves the previous complete set as it was', () => {
    const ws = setUp('sna-write-fails-');
    const first = sna(ws.configPath);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const lastGood = snapshot(ws.outDir);

    ws.write('extracts/police/crimes-2025-26-late.csv', NEW_CRIMES);
    const failed = sna(ws.configPath, { SNA_TEST_FAIL_WRITE: 'headline.md' });
    // headline.md comes after indicators and charts: they were written, but only to staging.
    expectPreviousSetKept(
      failed,
      ws.outDir,
      lastGood,
      new RegExp(
        `^error: ${ws.outDir}/headline\\.md: cannot write \\(no space left on device\\); the outputs of the last complete run are kept`,
      ),
    );
    const next = sna(ws.configPath);
    expect(next.stderr).toBe('');
    expect(next.status).toBe(0);
    expect(
      readFileSync(join(ws.outDir, 'indicators.csv')).equals(
        lastGood.get('indicators.csv') ?? Buffer.alloc(0),
      ),
    ).toBe(false);
  });

  describe('on a real full disk (a small tmpfs as output_dir)', () => {
    const ws = setUp('sna-disk-full-');
    mkdirSync(ws.outDir, { recursive: true });
    const mounted =
      process.getuid?.() === 0 &&
      spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', ws.outDir]).status === 0;
    afterAll(() => {
      if (mounted) spawnSync('umount', [ws.outDir]);
    });

    it.runIf(mounted)('fails naming the output it could not write, and keeps the last set', () => {
      const first = sna(ws.configPath);
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      const lastGood = snapshot(ws.outDir);

      // Leave about 3 MB: less than one set of outputs (about 15 MB with the maps), so the run fails midway.
      const filler = join(ws.outDir, 'filler');
      const free = () => {
        const stats = statfsSync(ws.outDir);
        return stats.bavail * stats.bsize;
      };
      writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 3 * 1024 * 1024)));
      ws.write('extracts/police/crimes-2025-26-late.csv', NEW_CRIMES);
      const failed = sna(ws.configPath);
      expectPreviousSetKept(
        failed,
        ws.outDir,
        lastGood,
        new RegExp(`^error: ${ws.outDir}/\\S+: cannot write \\(no space left on device\\)`),
      );

      rmSync(filler);
      const next = sna(ws.configPath);
      expect(next.stderr).toBe('');
      expect(next.status).toBe(0);
      parseOutputs(ws.outDir);
    });
  });
});
