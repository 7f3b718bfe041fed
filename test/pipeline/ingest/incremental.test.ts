import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../core/log.js';
import { run } from '../../../pipeline/index.js';
import type { Manifest } from '../../../pipeline/outputs/manifest.js';
import { baseConfig, query, workspace, writeReference } from '../../helpers/workspace.js';

const HEADER = 'crime_ref,recorded_date,ho_offence_code,lsoa_code';

function setUp() {
  const ws = workspace();
  writeReference(ws);
  ws.write(
    'extracts/crimes-2023.csv',
    `${HEADER}\nC1,2023-06-01,8N,E01999001\nC2,2023-06-02,8N,E01999002\n`,
  );
  ws.write(
    'extracts/crimes-2024.csv',
    `${HEADER}\nC1,2023-06-01,34B,E01999001\nC3,2024-06-03,5D,E01999002\n`,
  );
  ws.config(baseConfig('  police_crimes: extracts/crimes-*.csv'));
  return ws;
}

/** Everything that ingest writes, as one comparable snapshot. */
async function snapshot(database: string) {
  return {
    files: await query(
      database,
      'SELECT file_id, source, path, sha256, rows_read, rows_rejected FROM ingest_files ORDER BY file_id',
    ),
    raw: await query(database, 'SELECT * FROM raw_police__crimes ORDER BY file_id, line'),
    rejects: await query(database, 'SELECT * FROM ingest_rejects ORDER BY file_id, line'),
  };
}

describe('incremental, idempotent ingest', () => {
  it('changes nothing when run a second time', async () => {
    const ws = setUp();
    const config = ws.path('sna.config.yaml');
    await run(config, { stages: ['ingest'], log: memoryLogger() });
    const first = await snapshot(ws.path('out/sna.duckdb'));
    // The nightly shortcut: inputs and config as in manifest.json, so the database stays shut.
    expect((await run(config, { stages: ['ingest'], log: memoryLogger() })).upToDate).toBe(true);
    // Without the manifest the ingest itself runs, and skips every file it already holds.
    rmSync(ws.path('out/manifest.json'));
    const log = memoryLogger();
    const second = await run(config, { stages: ['ingest'], log });
    expect(second.ingest?.files.map((f) => f.action)).toEqual([
      'skip',
      'skip',
      'skip',
      'skip',
      'skip',
    ]);
    expect(await snapshot(ws.path('out/sna.duckdb'))).toEqual(first);
    expect(log.lines.some((l) => l.message === 'No new or changed input files.')).toBe(true);
  });

  it('lets a re-sent crime in a later file replace the earlier row', async () => {
    const ws = setUp();
    await run(ws.path('sna.config.yaml'), { stages: ['ingest'], log: memoryLogger() });
    const crimes = await query<{ crime_ref: string; ho_offence_code: string }>(
      ws.path('out/sna.duckdb'),
      'SELECT crime_ref, ho_offence_code FROM fct_crimes ORDER BY crime_ref',
    );
    expect(crimes).toEqual([
      { crime_ref: 'C1', ho_offence_code: '34B' },
      { crime_ref: 'C2', ho_offence_code: '8N' },
      { crime_ref: 'C3', ho_offence_code: '5D' },
    ]);
    const manifest = JSON.parse(readFileSync(ws.path('out/manifest.json'), 'utf8')) as Manifest;
    const earlier = manifest.inputs.find((i) => i.path === 'extracts/crimes-2023.csv');
    expect(earlier).toMatchObject({ rows_read: 2, rows_loaded: 1, rows_set_aside: 1 });
    expect(earlier?.set_aside_reasons).toEqual({ 'superseded by a later version of the crime': 1 });
  });

  it('replaces all rows of a file whose content changed, and loads a new file alone', async () => {
    const ws = setUp();
    const config = ws.path('sna.config.yaml');
    await run(config, { stages: ['ingest'], log: memoryLogger() });
    writeFileSync(ws.path('extracts/crimes-2023.csv'), `${HEADER}\nC9,2023-07-01,8N,E01999001\n`);
    ws.write('extracts/crimes-2025.csv', `${HEADER}\nC10,2025-01-01,8N,E01999001\n`);
    const result = await run(config, { stages: ['ingest'], log: memoryLogger() });
    const actions = Object.fromEntries(result.ingest?.files.map((f) => [f.path, f.action]) ?? []);
    expect(actions).toMatchObject({
      'extracts/crimes-2023.csv': 'replace',
      'extracts/crimes-2024.csv': 'skip',
      'extracts/crimes-2025.csv': 'load',
    });
    const raw = await query<{ crime_ref: string }>(
      ws.path('out/sna.duckdb'),
      'SELECT crime_ref FROM raw_police__crimes ORDER BY crime_ref',
    );
    expect(raw.map((r) => r.crime_ref)).toEqual(['C1', 'C10', 'C3', 'C9']);
  });
});

describe('a file that cannot be loaded', () => {
  it('loads nothing at all when one file lacks a required column', async () => {
    const ws = setUp();
    ws.write('extracts/crimes-2025.csv', 'crime_ref,ho_offence_code\nC5,8N\n');
    await expect(
      run(ws.path('sna.config.yaml'), { stages: ['ingest'], log: memoryLogger() }),
    ).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('missing required column "recorded_date"'),
    });
    const files = await query(ws.path('out/sna.duckdb'), 'SELECT * FROM ingest_files');
    expect(files).toEqual([]);
  });

  it('rolls back a file with more rejects than max_reject_pct, and still lists them', async () => {
    const ws = setUp();
    ws.write(
      'extracts/crimes-2025.csv',
      `${HEADER}\nC5,2025-13-01,8N,E01999001\nC6,2025-01-01,8N,E01999001\n`,
    );
    ws.config(
      baseConfig('  police_crimes: extracts/crimes-*.csv', 'thresholds:\n  max_reject_pct: 10\n'),
    );
    await expect(
      run(ws.path('sna.config.yaml'), { stages: ['ingest'], log: memoryLogger() }),
    ).rejects.toMatchObject({
      exitCode: 3,
    });
    const loaded = await query<{ path: string }>(
      ws.path('out/sna.duckdb'),
      'SELECT path FROM ingest_files ORDER BY path',
    );
    expect(loaded.map((r) => r.path)).not.toContain('extracts/crimes-2025.csv');
    expect(loaded.map((r) => r.path)).toContain('extracts/crimes-2024.csv');
    const raw = await query(
      ws.path('out/sna.duckdb'),
      "SELECT * FROM raw_police__crimes WHERE crime_ref = 'C6'",
    );
    expect(raw).toEqual([]);
    expect(readFileSync(ws.path('out/rejects.csv'), 'utf8')).toContain(
      'extracts/crimes-2025.csv,2,recorded_date',
    );
  });
});
