import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../core/log.js';
import { run } from '../../../pipeline/index.js';
import type { Manifest } from '../../../pipeline/outputs/manifest.js';
import {
  baseConfig,
  query,
  type Workspace,
  workspace,
  writeReference,
} from '../../helpers/workspace.js';

const CRIME_HEADER =
  'crime_ref,recorded_date,committed_date,committed_time,ho_offence_code,offence_description,lsoa_code,ward_code,beat,address_ref,location_type,domestic_flag,knife_flag,firearm_flag';

/** A crimes file with a BOM and CRLF line ends, one quoted field holding a line break, and bad rows. */
const crimes = `\uFEFF${[
  CRIME_HEADER,
  'C1,2024-05-01,2024-04-30,22:15,8N,"Assault with\r\ninjury, in the street",E01999001,,N1G1,A1,street,Y,n,0',
  'C2,2024-02-30,,,8N,impossible date,E01999001,,,,,,,',
  'C3,2024-05-03,,,8-N,malformed code,E01999001,,,,,,,',
  'C4,2024-05-04,,,34B',
  'C5,2024-05-05,,,34B,too many,E01999001,,,,,,,,extra',
  'C6,2024-05-06,,25:99,34B,bad time,E01999002,,,,,yes,TRUE,false',
  'C7,2024-05-07,,,4.10,corporate manslaughter,E01999002,,,,dwelling,maybe,,',
  'C8,2024-05-08,,,28E,burglary (unclassified),E01999002,,,,,,,',
].join('\r\n')}\r\n`;

const victims = Buffer.concat([
  Buffer.from(
    [
      'crime_ref,victim_ref,age,sex,ethnicity',
      'C1,V1,19,F,B2',
      'C1,V2,-1,M,W1',
      'C6,V3,200,M,White',
      'C6,V4,abc,M,W1',
      'C7,V5,30,Q,W1',
      'C8,V6,41,m,ZZ',
      'C8,V7,52,',
    ].join('\n'),
  ),
  // A Windows-1252 byte (é = 0xE9) in a file read as UTF-8.
  Buffer.from('\nC8,V8,33,F,'),
  Buffer.from([0x57, 0x31, 0xe9]),
  Buffer.from('\n'),
]);

let ws: Workspace;
let manifest: Manifest;
let rejects: Array<Record<string, string>>;

beforeAll(async () => {
  ws = workspace();
  writeReference(ws);
  ws.write('extracts/crimes.csv', crimes);
  ws.write('extracts/victims.csv', victims);
  ws.config(
    baseConfig(
      '  police_crimes: extracts/crimes.csv\n  police_victims: extracts/victims.csv',
      'thresholds:\n  max_reject_pct: 100\n',
    ),
  );
  await run(ws.path('sna.config.yaml'), { stages: ['ingest'], log: memoryLogger() });
  manifest = JSON.parse(readFileSync(ws.path('out/manifest.json'), 'utf8')) as Manifest;
  rejects = parse(readFileSync(ws.path('out/rejects.csv')), { columns: true }) as Array<
    Record<string, string>
  >;
});

const rejectAt = (file: string, line: number) =>
  rejects.filter((r) => r.file === file && Number(r.line) === line);

describe('malformed rows land in rejects with file, physical line, column and reason', () => {
  it.each([
    // C1 spans lines 2–3 (a quoted line break), so C2 is on physical line 4.
    [4, 'recorded_date', 'not a real date', '"2024-02-30"'],
    [5, 'ho_offence_code', 'not a Home Office offence code', '"8-N"'],
    [6, 'offence_description', 'too few columns: expected 14, found 5', ''],
    [7, null, 'too many columns: expected 14, found 15', ''],
    [8, 'committed_time', 'not a time HH:mm', '"25:99"'],
    [9, 'domestic_flag', 'not a Y/N flag', '"maybe"'],
  ])('crimes.csv line %i', (line, column, reason, value) => {
    const [reject] = rejectAt('extracts/crimes.csv', line);
    expect(reject, `no reject at line ${line}`).toBeDefined();
    if (column) expect(reject?.column).toBe(column);
    expect(reject?.reason).toContain(reason);
    expect(reject?.reason).toContain(value);
  });

  it.each([
    [3, 'age', 'out of range 0–120: "-1"'],
    [4, 'age', 'out of range 0–120: "200"'],
    [5, 'age', 'not a whole number: "abc"'],
    [6, 'sex', 'not one of M, F, X, U: "Q"'],
    [7, 'ethnicity', 'not one of W1'],
    [8, 'ethnicity', 'too few columns: expected 5, found 4'],
    [9, 'ethnicity', 'not valid UTF-8 text'],
  ])('victims.csv line %i', (line, column, reason) => {
    const [reject] = rejectAt('extracts/victims.csv', line);
    expect(reject, `no reject at line ${line}`).toBeDefined();
    expect(reject?.reason).toContain(reason);
    if (line !== 9) expect(reject?.column).toBe(column);
  });

  it('keeps the raw line of each rejected row', () => {
    expect(rejectAt('extracts/crimes.csv', 4)[0]?.raw_line).toBe(
      'C2,2024-02-30,,,8N,impossible date,E01999001,,,,,,,',
    );
    expect(rejectAt('extracts/crimes.csv', 6)[0]?.raw_line).toBe('C4,2024-05-04,,,34B');
  });

  it('loads the good rows, with the BOM, CRLF and quoted line break handled', async () => {
    const rows = await query<{
      crime_ref: string;
      offence_description: string;
      is_domestic: boolean;
    }>(
      ws.path('out/sna.duckdb'),
      'SELECT crime_ref, offence_description, is_domestic FROM stg_police__crimes ORDER BY crime_ref',
    );
    expect(rows.map((r) => r.crime_ref)).toEqual(['C1', 'C8']);
    expect(rows[0]?.offence_description).toBe('Assault with\r\ninjury, in the street');
    expect(rows[0]?.is_domestic).toBe(true);
    const victimsLoaded = await query<{ victim_ref: string; ethnic_group: string }>(
      ws.path('out/sna.duckdb'),
      'SELECT victim_ref, ethnic_group FROM stg_police__victims ORDER BY victim_ref',
    );
    expect(victimsLoaded).toEqual([{ victim_ref: 'V1', ethnic_group: 'Black' }]);
  });

  it('accounts for every row: read = loaded + set aside + rejected', () => {
    const byPath = Object.fromEntries(manifest.inputs.map((i) => [i.path, i]));
    const crimesInput = byPath['extracts/crimes.csv'];
    expect(crimesInput).toMatchObject({ rows_read: 8, rows_rejected: 6, rows_loaded: 2 });
    const victimsInput = byPath['extracts/victims.csv'];
    expect(victimsInput).toMatchObject({ rows_read: 8, rows_rejected: 7, rows_loaded: 1 });
    for (const input of manifest.inputs) {
      expect(input.rows_loaded + input.rows_set_aside + input.rows_rejected).toBe(input.rows_read);
    }
  });
});

describe('encodings and compression', () => {
  it('reads a Windows-1252 file when the config says so, and a .gz file as its content', async () => {
    const local = workspace();
    writeReference(local);
    const text = `${CRIME_HEADER}\nC1,2024-05-01,,,8N,Caf\xe9 \x96 \x93quoted\x94,E01999001,,,,,,,\n`;
    local.write('extracts/crimes-1252.csv', Buffer.from(text, 'latin1'));
    local.config(
      baseConfig(`  police_crimes:
    path: extracts/crimes-1252.csv
    encoding: windows-1252`),
    );
    await run(local.path('sna.config.yaml'), { stages: ['ingest'], log: memoryLogger() });
    const [row] = await query<{ offence_description: string }>(
      local.path('out/sna.duckdb'),
      'SELECT offence_description FROM stg_police__crimes',
    );
    expect(row?.offence_description).toBe('Café – “quoted”');

    const gz = workspace();
    writeReference(gz);
    gz.write(
      'extracts/crimes.csv.gz',
      gzipSync(`${CRIME_HEADER}\nC2,2024-05-02,,,34B,robbery,E01999002,,,,,,,\n`),
    );
    gz.config(baseConfig('  police_crimes: extracts/*.csv.gz'));
    await run(gz.path('sna.config.yaml'), { stages: ['ingest'], log: memoryLogger() });
    const loaded = await query<{ n: number }>(
      gz.path('out/sna.duckdb'),
      'SELECT count(*)::INTEGER AS n FROM fct_crimes',
    );
    expect(loaded[0]?.n).toBe(1);
  });
});
