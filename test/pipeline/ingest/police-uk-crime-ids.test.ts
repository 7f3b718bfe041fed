/**
 * police.uk Crime IDs as published: a blank ID is a crime (British Transport Police), ASB is the
 * Crime type only, and rows sharing an ID are one crime only when month, crime type and location
 * agree (a located copy preferred; else the latest file's last line). Hand-worked tables.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../core/log.js';
import { run } from '../../../pipeline/index.js';
import type { Manifest } from '../../../pipeline/outputs/manifest.js';
import { baseConfig, query, workspace, writeReference } from '../../helpers/workspace.js';

const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
/** A located row; `lon` tells two places in one LSOA apart. */
const at = (id: string, month: string, lsoa: string, type: string, lon = '-2.1') =>
  `${id},${month},Test Police,Test Police,${lon},53.5,On or near Test Street,${lsoa},,${type},,`;
/** A row police.uk could not place: no coordinates, no LSOA. */
const nowhere = (id: string, month: string, type: string) =>
  `${id},${month},Test Police,Test Police,,,No Location,,,${type},,`;

const JAN = [
  HEADER,
  at('', '2025-01', 'E01999001', 'Violence and sexual offences'), // 2: BTP-style, a crime
  at('', '2025-01', 'E01999001', 'Violence and sexual offences'), // 3: its twin, another crime
  at('', '2025-01', 'E01999001', 'Anti-social behaviour'), // 4: ASB
  at('x1', '2025-01', 'E01999002', 'Anti-social behaviour'), // 5: ASB with an ID, still ASB
  at('r1', '2025-01', 'E01999002', 'Robbery'), // 6: copy of line 7
  at('r1', '2025-01', 'E01999002', 'Robbery'), // 7: kept (last located line)
  nowhere('r1', '2025-01', 'Robbery'), // 8: unlocated copy of the located r1
  at('p1', '2025-01', 'E01999001', 'Possession of weapons'), // 9: a crime
  at('p1', '2025-01', 'E01999001', 'Violence and sexual offences'), // 10: other type: a crime
  at('p1', '2025-01', 'E01999002', 'Possession of weapons', '-2.2'), // 11: other place: a crime
  nowhere('u1', '2025-01', 'Drugs'), // 12: copy of line 13
  nowhere('u1', '2025-01', 'Drugs'), // 13: kept, location unknown
].join('\n');
const FEB = [
  HEADER,
  nowhere('r1', '2025-01', 'Robbery'), // 2: latest file, but unlocated: a copy
  at('p1', '2025-02', 'E01999001', 'Possession of weapons'), // 3: other month: a crime
].join('\n');

describe('police.uk Crime IDs', () => {
  it('counts blank-ID crimes, sets ASB aside by type, and tells copies from different crimes', async () => {
    const ws = workspace('sna-police-uk-ids-');
    writeReference(ws);
    ws.write('street/2025-01-test-street.csv', JAN);
    ws.write('street/2025-02-test-street.csv', FEB);
    ws.config(baseConfig('  police_uk_street: street/*-street.csv'));
    await run(ws.path('sna.config.yaml'), {
      stages: ['ingest', 'indicators'],
      log: memoryLogger(),
    });
    const manifest = JSON.parse(readFileSync(ws.path('out/manifest.json'), 'utf8')) as Manifest;
    const input = (name: string) => manifest.inputs.find((i) => i.path.endsWith(name));
    const duplicate = 'duplicate Crime ID (same month, crime type and location: one crime)';

    expect(input('2025-01-test-street.csv')).toEqual(
      expect.objectContaining({
        rows_read: 12,
        rows_loaded: 6, // lines 2, 3, 7, 9, 10, 11
        rows_rejected: 0,
        rows_set_aside: 6,
        set_aside_reasons: {
          'anti-social behaviour (kept apart from crime)': 2,
          [duplicate]: 3, // lines 6, 8, 12
          'location unknown (no LSOA)': 1, // line 13
        },
        repeated_crime_id_rows_counted: 3, // p1 on lines 9, 10, 11
      }),
    );
    expect(input('2025-02-test-street.csv')).toEqual(
      expect.objectContaining({
        rows_read: 2,
        rows_loaded: 1,
        rows_set_aside: 1,
        set_aside_reasons: { [duplicate]: 1 },
        repeated_crime_id_rows_counted: 1, // p1 in February
      }),
    );

    const db = ws.path('out/sna.duckdb');
    const counts = await query<{ category: string; n: number }>(
      db,
      `SELECT category, value::INTEGER n FROM indicator_values
       WHERE indicator_id = 'police.count' AND value > 0 ORDER BY category`,
    );
    expect(counts).toEqual([
      { category: 'possession_of_weapons', n: 3 },
      { category: 'robbery', n: 1 },
      { category: 'violence_and_sexual_offences', n: 3 },
    ]);
    // The robbery kept is the last located line, not the later unlocated copies.
    const robbery = await query<{ path: string; line: number }>(
      db,
      `SELECT f.path, s.line::INTEGER line FROM fct_street_crimes s
       JOIN ingest_files f USING (file_id) WHERE s.category = 'robbery'`,
    );
    expect(robbery).toHaveLength(1);
    expect(robbery[0]?.path).toMatch(/2025-01-test-street\.csv$/);
    expect(robbery[0]?.line).toBe(7);
    // Every crime keeps a ref of its own downstream, blank and shared IDs included.
    const refs = await query<{ n: number; refs: number; blank: number }>(
      db,
      `SELECT count(*)::INTEGER n, count(DISTINCT crime_ref)::INTEGER refs,
              count(*) FILTER (WHERE crime_ref IS NULL)::INTEGER blank
       FROM fct_crime_categories`,
    );
    expect(refs).toEqual([{ n: 7, refs: 7, blank: 0 }]);
  });
});
