/**
 * police.uk street files as published (docs/contract.md#policeuk-street-files): anti-social
 * behaviour kept apart, unplaced crimes counted as location unknown, copies of one crime (same
 * Crime ID, month, crime type and place) counted once with the number of copies reported, other
 * areas' rows kept out of the indicators but in the manifest. The Crime ID rules in detail: police-uk-crime-ids.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../core/log.js';
import { run } from '../../../pipeline/index.js';
import type { Manifest } from '../../../pipeline/outputs/manifest.js';
import { baseConfig, query, workspace, writeReference } from '../../helpers/workspace.js';

const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const row = (id: string, month: string, lsoa: string, type: string) =>
  `${id},${month},Test Police,Test Police,-2.1,53.5,On or near Test Street,${lsoa},,${type},Under investigation,`;

/** Runs ingest + indicators on street files (and, when given, a police crimes extract). */
async function runStreet(files: Record<string, string>, crimes: Record<string, string> = {}) {
  const ws = workspace('sna-police-uk-');
  writeReference(ws);
  for (const [name, content] of Object.entries(files)) ws.write(`street/${name}`, content);
  for (const [name, content] of Object.entries(crimes)) ws.write(name, content);
  const extract = Object.keys(crimes)[0];
  ws.config(
    baseConfig(
      `  police_uk_street: street/*-street.csv${extract ? `\n  police_crimes: ${extract}` : ''}`,
    ),
  );
  await run(ws.path('sna.config.yaml'), { stages: ['ingest', 'indicators'], log: memoryLogger() });
  const manifest = JSON.parse(readFileSync(ws.path('out/manifest.json'), 'utf8')) as Manifest;
  const input = (name: string) => manifest.inputs.find((i) => i.path.endsWith(name));
  return { ws, input };
}

describe('police.uk street files', () => {
  it('keeps ASB, unplaced, duplicate and other-area rows apart, each counted with its reason', async () => {
    const { ws, input } = await runStreet({
      '2025-01-test-street.csv': [
        HEADER,
        row('a1', '2025-01', 'E01999001', 'Violence and sexual offences'),
        row('a1', '2025-01', 'E01999001', 'Violence and sexual offences'), // repeated in the month
        row('', '2025-01', 'E01999001', 'Anti-social behaviour'),
        row('b2', '2025-01', '', 'Robbery'), // police.uk could not place it
        `c3,2025-01,Test Police,Test Police,,,No Location,No Location,,Drugs,,`,
        row('d4', '2025-01', 'E01999901', 'Robbery'), // another area
        row('e5', '2025-01', 'E01999002', 'Possession of weapons'),
      ].join('\r\n'),
      '2025-02-test-street.csv': [
        HEADER,
        row('a1', '2025-02', 'E01999001', 'Violence and sexual offences'), // next month: another crime
        row('f6', '2025-02', 'E01999002', 'Violence and sexual offences'),
      ].join('\n'),
    });
    expect(input('2025-01-test-street.csv')).toMatchObject({
      rows_read: 7,
      rows_rejected: 0,
      rows_loaded: 2,
      rows_set_aside: 5,
      repeated_crime_id_rows_counted: 1,
      set_aside_reasons: {
        'duplicate Crime ID (same month, crime type and location: one crime)': 1,
        'anti-social behaviour (kept apart from crime)': 1,
        'location unknown (no LSOA)': 2,
        'outside the area': 1,
      },
    });
    expect(input('2025-02-test-street.csv')).toMatchObject({
      rows_read: 2,
      rows_loaded: 2,
      rows_set_aside: 0,
      repeated_crime_id_rows_counted: 1,
    });
    const counts = await query<{ category: string; n: number }>(
      ws.path('out/sna.duckdb'),
      `SELECT category, value::INTEGER n FROM indicator_values
       WHERE indicator_id = 'police.count' ORDER BY category`,
    );
    // a1 is one crime in January (two copies) and another in February; and f6.
    expect(counts).toEqual([
      { category: 'possession_of_weapons', n: 1 },
      { category: 'violence_and_sexual_offences', n: 3 },
    ]);
  });

  it('does not count police.uk crimes when the force extracts are loaded too (the same crimes)', async () => {
    const { ws, input } = await runStreet(
      {
        '2025-01-test-street.csv': [HEADER, row('a1', '2025-01', 'E01999001', 'Robbery')].join(
          '\n',
        ),
      },
      {
        'crimes.csv':
          'crime_ref,recorded_date,ho_offence_code,lsoa_code\nC1,2025-01-10,34B,E01999001\n',
      },
    );
    expect(input('2025-01-test-street.csv')?.set_aside_reasons).toEqual({
      'police.uk crime not used: police crime extracts are loaded (the same crimes)': 1,
    });
    const categories = await query<{ category: string }>(
      ws.path('out/sna.duckdb'),
      `SELECT DISTINCT category FROM indicator_values WHERE indicator_id = 'police.count' AND value > 0`,
    );
    expect(categories.map((c) => c.category).sort()).toEqual([
      'robbery_personal',
      'serious_violence',
    ]);
  });
});
