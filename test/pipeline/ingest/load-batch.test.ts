/**
 * police.uk street files load in batches (one read, one transaction: load-batch.ts) with the
 * guarantees of one file at a time: each row's line exact, a refused file loading nothing, a
 * file the batch cannot number (a blank line, a quoted line break) loaded alone, exactly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../core/log.js';
import { run } from '../../../pipeline/index.js';
import { batchRuns } from '../../../pipeline/ingest/ingest.js';
import type { PlannedFile } from '../../../pipeline/ingest/plan.js';
import { baseConfig, query, workspace, writeReference } from '../../helpers/workspace.js';

const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const row = (id: string, month: string, lsoa: string, type = 'Burglary') =>
  `${id},${month},Test Police,Test Police,-2.9,53.4,On or near X,${lsoa},Name,${type},Under investigation,`;

describe('police.uk files in a batch', () => {
  it('numbers every row of every file, leaves a refused file out, loads an odd file alone', async () => {
    const ws = workspace('sna-load-batch-');
    writeReference(ws);
    ws.write(
      'street/2025-01-a-street.csv',
      [
        HEADER,
        row('A1', '2025-01', 'E01999001'),
        row('A2', '2025-13', 'E01999001'),
        row('A3', '2025-01', 'E01999002'),
      ].join('\n'),
    );
    // A blank line within the file: numbered by the one-file loader.
    ws.write(
      'street/2025-01-b-street.csv',
      `${[HEADER, row('B1', '2025-01', 'E01999001'), '', row('B2', '2025-01', 'E01999002')].join('\n')}\n`,
    );
    // Three bad rows of four: over max_reject_pct, nothing of it loads.
    ws.write(
      'street/2025-01-c-street.csv',
      [
        HEADER,
        row('C1', '2025-01', 'E01999001'),
        row('C2', 'x', 'E01999001'),
        row('C3', 'y', 'E01999001'),
        row('C4', 'z', 'E01999001'),
      ].join('\n'),
    );
    ws.write(
      'street/2025-02-d-street.csv',
      [HEADER, row('D1', '2025-02', 'E01999001'), row('D2', '2025-02', 'E01999002')].join('\r\n'),
    );
    ws.config(
      baseConfig('  police_uk_street: street/*-street.csv', 'thresholds:\n  max_reject_pct: 40\n'),
    );
    await expect(
      run(ws.path('sna.config.yaml'), { stages: ['ingest'], log: memoryLogger() }),
    ).rejects.toMatchObject({ exitCode: 3 });
    const rows = await query<{ path: string; line: number; crime_id: string }>(
      ws.path('out/sna.duckdb'),
      `SELECT f.path, r.line::INTEGER AS line, r.crime_id FROM raw_police_uk__street r
       JOIN ingest_files f USING (file_id) ORDER BY f.path, r.line`,
    );
    expect(rows.map((r) => `${r.path.replace('street/', '')}:${r.line}:${r.crime_id}`)).toEqual([
      '2025-01-a-street.csv:2:A1',
      '2025-01-a-street.csv:4:A3',
      '2025-01-b-street.csv:2:B1',
      '2025-01-b-street.csv:4:B2',
      '2025-02-d-street.csv:2:D1',
      '2025-02-d-street.csv:3:D2',
    ]);
    const files = await query<{ path: string; rows_read: number; rows_rejected: number }>(
      ws.path('out/sna.duckdb'),
      "SELECT path, rows_read::INTEGER AS rows_read, rows_rejected::INTEGER AS rows_rejected FROM ingest_files WHERE source = 'police_uk_street' ORDER BY path",
    );
    expect(files.map((f) => [f.path, f.rows_read, f.rows_rejected])).toEqual([
      ['street/2025-01-a-street.csv', 3, 1],
      ['street/2025-01-b-street.csv', 2, 0],
      ['street/2025-02-d-street.csv', 2, 0],
    ]);
    const rejects = readFileSync(ws.path('out/rejects.csv'), 'utf8');
    expect(rejects).toContain('street/2025-01-a-street.csv,3,Month');
    for (const line of [3, 4, 5])
      expect(rejects).toContain(`street/2025-01-c-street.csv,${line},Month`);
  });
});

describe('batchRuns', () => {
  const file = (name: string, extra: Partial<PlannedFile> = {}): PlannedFile =>
    ({
      source: 'police_uk_street',
      path: `/d/${name}`,
      relPath: name,
      bytes: 100 * 1024 * 1024,
      header: ['h'],
      strptimeFormat: '%Y-%m',
      readSettings: '{}',
      action: 'load',
      spec: { encoding: 'utf-8' },
      ...extra,
    }) as unknown as PlannedFile;

  it('cuts batches by layout and size, and keeps skipped and other files alone, in order', () => {
    const runs = batchRuns([
      file('g.csv', { source: 'geography' }),
      file('a.csv'),
      file('b.csv'),
      file('c.csv'),
      file('d.csv', { action: 'skip' }),
      file('e.csv', { header: ['other'] }),
      file('f.csv.gz', { bytes: 1024 }),
    ]);
    expect(runs.map((r) => r.map((f) => f.relPath))).toEqual([
      ['g.csv'],
      ['a.csv', 'b.csv'],
      ['c.csv'],
      ['d.csv'],
      ['e.csv'],
      ['f.csv.gz'],
    ]);
  });
});
