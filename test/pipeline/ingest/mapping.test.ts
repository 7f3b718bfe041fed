import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../core/log.js';
import { run } from '../../../pipeline/index.js';
import { baseConfig, query, workspace, writeReference } from '../../helpers/workspace.js';

describe('column mapping and date formats from the config', () => {
  it('reads a force export with its own headers and dd/MM/yyyy dates', async () => {
    const ws = workspace();
    writeReference(ws);
    ws.write(
      'extracts/force.csv',
      [
        'Crime Reference,Date Recorded,HO Code,LSOA,Free Text Notes',
        'X1,31/12/2024,8n,E01999001,secret text never loaded',
        'X2,30/02/2024,8N,E01999001,',
      ].join('\n'),
    );
    ws.config(
      baseConfig(
        `  police_crimes:
    path: extracts/force.csv
    columns: { crime_ref: "Crime Reference", recorded_date: "Date Recorded", ho_offence_code: "HO Code", lsoa_code: "LSOA" }
    date_format: dd/MM/yyyy`,
        'thresholds:\n  max_reject_pct: 100\n',
      ),
    );
    await run(ws.path('sna.config.yaml'), { stages: ['ingest'], log: memoryLogger() });
    const rows = await query<{ crime_ref: string; d: string; ho_offence_code: string }>(
      ws.path('out/sna.duckdb'),
      `SELECT crime_ref, strftime(recorded_date, '%Y-%m-%d') d, ho_offence_code FROM fct_crimes`,
    );
    expect(rows).toEqual([{ crime_ref: 'X1', d: '2024-12-31', ho_offence_code: '8N' }]);
    const rejects = await query<{ line: number; column: string }>(
      ws.path('out/sna.duckdb'),
      'SELECT line::INTEGER line, "column" FROM ingest_rejects',
    );
    expect(rejects).toEqual([{ line: 3, column: 'Date Recorded' }]);
    const columns = await query<{ column_name: string }>(
      ws.path('out/sna.duckdb'),
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'raw_police__crimes'",
    );
    expect(columns.map((c) => c.column_name)).not.toContain('free_text_notes');
  });

  it('names a mapped header that the file does not have', async () => {
    const ws = workspace();
    writeReference(ws);
    ws.write('extracts/force.csv', 'crime_ref,recorded_date,ho_offence_code\nX1,2024-01-01,8N\n');
    ws.config(
      baseConfig(`  police_crimes:
    path: extracts/force.csv
    columns: { lsoa_code: "LSOA Code (2021)" }`),
    );
    await expect(
      run(ws.path('sna.config.yaml'), { stages: ['ingest'], log: memoryLogger() }),
    ).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining(
        'column mapping lsoa_code: "LSOA Code (2021)" is not in the header',
      ),
    });
  });
});

describe('files that cannot be read', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), 'the file is empty'],
    [
      'binary garbage',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]),
      'not a text CSV file',
    ],
    ['a broken gzip', Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]), 'cannot read the file'],
  ])('exits 3 on %s, naming it', async (_what, content, message) => {
    const ws = workspace();
    writeReference(ws);
    const name =
      message === 'cannot read the file' ? 'extracts/crimes.csv.gz' : 'extracts/crimes.csv';
    const path = ws.write(name, content);
    ws.config(baseConfig(`  police_crimes: ${name}`));
    const error = await run(ws.path('sna.config.yaml'), {
      stages: ['ingest'],
      log: memoryLogger(),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: 3, message: expect.stringContaining(message) });
    expect((error as { format(): string }).format()).toContain(path);
  });
});
