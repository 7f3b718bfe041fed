/**
 * The run log's row accounting: ingest says what it read and rejected; after the models are
 * built, one line per source gives the manifest's loaded / set aside / rejected, so the log and
 * manifest.json agree.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../core/log.js';
import { run } from '../../../pipeline/index.js';
import { accountingBySource, accountingLine } from '../../../pipeline/outputs/accounting.js';
import type { Manifest, ManifestInput } from '../../../pipeline/outputs/manifest.js';
import { baseConfig, workspace, writeReference } from '../../helpers/workspace.js';

const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const row = (id: string, lsoa: string, type: string) =>
  `${id},2025-01,Test Police,Test Police,-2.1,53.5,On or near Test Street,${lsoa},,${type},Under investigation,`;

const input = (path: string, fields: Partial<ManifestInput>): ManifestInput => ({
  source: 'police_uk_street',
  path,
  sha256: '',
  rows_read: 0,
  rows_loaded: 0,
  rows_rejected: 0,
  rows_set_aside: 0,
  set_aside_reasons: {},
  ...fields,
});

describe('the accounting line', () => {
  it('sums the files of a source, reasons largest first, without their bracketed gloss', () => {
    const [street] = accountingBySource([
      input('a.csv', {
        rows_read: 5000,
        rows_loaded: 1000,
        rows_set_aside: 4000,
        set_aside_reasons: {
          'outside the area': 3900,
          'anti-social behaviour (kept apart from crime)': 100,
        },
      }),
      input('b.csv', {
        rows_read: 2437,
        rows_loaded: 805,
        rows_set_aside: 1632,
        set_aside_reasons: {
          'outside the area': 1600,
          'anti-social behaviour (kept apart from crime)': 32,
        },
      }),
    ]);
    expect(street && accountingLine(street)).toBe(
      'police_uk_street: 7,437 rows read: 1,805 loaded, 5,632 set aside (5,500 outside the area, 132 anti-social behaviour), 0 rejected',
    );
  });

  it('names no reasons when nothing is set aside', () => {
    const [crimes] = accountingBySource([
      input('c.csv', { source: 'police_crimes', rows_read: 1, rows_loaded: 1 }),
    ]);
    expect(crimes && accountingLine(crimes)).toBe(
      'police_crimes: 1 row read: 1 loaded, 0 set aside, 0 rejected',
    );
  });
});

describe('a run’s log', () => {
  it('says what ingest read, then the manifest’s accounting per source, with JSON fields', async () => {
    const ws = workspace('sna-accounting-');
    writeReference(ws);
    ws.write(
      'street/2025-01-test-street.csv',
      [
        HEADER,
        row('a1', 'E01999001', 'Violence and sexual offences'),
        row('b2', 'E01999002', 'Robbery'),
        row('', 'E01999001', 'Anti-social behaviour'),
        row('c3', 'E01999901', 'Robbery'), // another area
        row('d4', 'E01999901', 'Drugs'), // another area
      ].join('\n'),
    );
    ws.write(
      'crimes.csv',
      'crime_ref,recorded_date,ho_offence_code,lsoa_code\nC1,2025-01-05,8N,E01999001\nC2,2025-13-01,8N,E01999001\n',
    );
    ws.config(
      baseConfig(
        '  police_uk_street: street/*-street.csv\n  police_crimes: crimes.csv',
        'thresholds:\n  max_reject_pct: 100\n',
      ),
    );
    const lines: Array<Record<string, unknown>> = [];
    const log = createLogger({ json: true, out: (l) => lines.push(JSON.parse(l)) });
    await run(ws.path('sna.config.yaml'), { stages: ['ingest'], log });
    const message = (start: string) => lines.find((l) => String(l.message).startsWith(start)) ?? {};

    expect(message('street/2025-01-test-street.csv:').message).toBe(
      'street/2025-01-test-street.csv: read 5 rows, 0 rejected',
    );
    expect(message('crimes.csv:').message).toBe(
      'crimes.csv: read 2 rows, 1 rejected (see rejects.csv)',
    );
    // With a force extract loaded, police.uk crimes are not used; ASB stays ASB.
    expect(message('police_uk_street:')).toMatchObject({
      message:
        'police_uk_street: 5 rows read: 0 loaded, 5 set aside (2 outside the area, 2 police.uk crime not used: police crime extracts are loaded, 1 anti-social behaviour), 0 rejected',
      rows_read: 5,
      rows_loaded: 0,
      rows_set_aside: 5,
      rows_rejected: 0,
    });
    expect(message('police_crimes:')).toMatchObject({
      message: 'police_crimes: 2 rows read: 1 loaded, 0 set aside, 1 rejected',
      rows_read: 2,
      rows_loaded: 1,
      rows_set_aside: 0,
      rows_rejected: 1,
    });

    // The manifest records, per file, the same hand-worked counts the log gives per source.
    const manifest = JSON.parse(readFileSync(ws.path('out/manifest.json'), 'utf8')) as Manifest;
    const counts = (source: string) =>
      manifest.inputs
        .filter((i) => i.source === source)
        .map(({ path, rows_read, rows_loaded, rows_set_aside, rows_rejected }) => ({
          path,
          rows_read,
          rows_loaded,
          rows_set_aside,
          rows_rejected,
        }));
    expect(counts('police_uk_street')).toEqual([
      {
        path: 'street/2025-01-test-street.csv',
        rows_read: 5,
        rows_loaded: 0,
        rows_set_aside: 5,
        rows_rejected: 0,
      },
    ]);
    expect(counts('police_crimes')).toEqual([
      { path: 'crimes.csv', rows_read: 2, rows_loaded: 1, rows_set_aside: 0, rows_rejected: 1 },
    ]);
  });
});
