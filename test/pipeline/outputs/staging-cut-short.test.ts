/**
 * A switch cut short by a failed rename (after the checks, so not something in the way: an I/O
 * error) names the output, keeps the staging folder with its manifest, and the next run reads
 * that manifest as the list of files sna wrote, recomputes, and publishes a whole set.
 */
import * as fs from 'node:fs';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PipelineError } from '../../../core/errors.js';
import { memoryLogger } from '../../../core/log.js';
import { run } from '../../../pipeline/index.js';
import {
  openStaging,
  publishStaging,
  removeLeftoverStaging,
} from '../../../pipeline/outputs/staging.js';
import { baseConfig, workspace, writeReference } from '../../helpers/workspace.js';

/** The rename whose destination is this path fails as a failing disk would. */
let failRenameTo: string | undefined;

vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>();
  const renameSync: typeof original.renameSync = (from, to) => {
    if (failRenameTo !== undefined && String(to) === failRenameTo) {
      throw Object.assign(new Error(`EIO: i/o error, rename '${from}' -> '${to}'`), {
        code: 'EIO',
      });
    }
    original.renameSync(from, to);
  };
  return { ...original, renameSync, default: { ...original, renameSync } };
});

afterEach(() => {
  failRenameTo = undefined;
});

const stagingFolders = (out: string) => readdirSync(out).filter((f) => f.startsWith('.sna-'));

describe('a switch cut short by a failed rename', () => {
  it('names the output, and keeps the staged manifest listing what was switched in', async () => {
    const out = workspace('sna-cut-short-').dir;
    writeFileSync(join(out, 'manifest.json'), '{"the": "last complete run’s"}');
    const staging = openStaging(out);
    for (const [path, text] of Object.entries({ 'a.csv': 'a\n', 'b.csv': 'b\n' })) {
      writeFileSync(join(staging, path), text);
    }
    failRenameTo = join(out, 'b.csv');
    const error = await publishStaging(staging, out, ['report'], undefined, (outputs) =>
      JSON.stringify({ outputs }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).format()).toBe(
      `${out}/b.csv: cannot switch the new outputs in (input/output error); some are in place beside the last complete run’s manifest, so the next run recomputes`,
    );
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('a\n');
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('{"the": "last complete run’s"}');
    expect(existsSync(join(staging, 'manifest.json'))).toBe(true);
    expect(removeLeftoverStaging(out).listed.map((o) => o.path)).toEqual(['a.csv', 'b.csv']);
  });

  it('in a run: the staging folder is kept, and the next run recomputes and cleans up', async () => {
    const ws = workspace('sna-cut-short-run-');
    writeReference(ws);
    const crimes = 'crime_ref,recorded_date,ho_offence_code,lsoa_code\n';
    ws.write('crimes.csv', `${crimes}C1,2025-01-05,8N,E01999001\n`);
    const configPath = ws.config(baseConfig('  police_crimes: crimes.csv'));
    const out = ws.path('out');
    await run(configPath, { log: memoryLogger() });
    const lastManifest = readFileSync(join(out, 'manifest.json'), 'utf8');

    ws.write('crimes.csv', `${crimes}C1,2025-01-05,8N,E01999001\nC2,2025-01-06,8N,E01999002\n`);
    failRenameTo = join(out, 'report.html');
    await expect(run(configPath, { log: memoryLogger() })).rejects.toThrow(
      /cannot switch the new outputs in/,
    );
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(lastManifest);
    expect(stagingFolders(out)).toHaveLength(1);

    failRenameTo = undefined;
    const memory = memoryLogger();
    const next = await run(configPath, { log: memory });
    expect(next.upToDate).toBeUndefined();
    expect(memory.lines.map((l) => l.message)).toContainEqual(
      expect.stringMatching(/^removed the staging folder an interrupted run left/),
    );
    expect(stagingFolders(out)).toEqual([]);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).not.toBe(lastManifest);
    expect(fs.existsSync(join(out, 'report.html'))).toBe(true);
  }, 120_000);
});
