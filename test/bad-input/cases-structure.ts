/** Bad-input cases about a file's shape: header, delimiter, encoding, quotes and line ends. */
import { expect } from 'vitest';
import { query } from '../helpers/workspace.js';
import type { BadInputCase } from './case.js';
import { CRIMES_HEADER, INPUTS } from './case.js';

const CRIMES = 'extracts/crimes-2.csv';
const row = (ref: string, date = '2024-07-01', code = '8N', lsoa = 'E01999001') =>
  `${ref},${date},${code},${lsoa}`;
const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

/** The crimes input read from one file with extra settings (mapping, date_format, encoding). */
export const crimesInput = (settings: string, path = CRIMES) =>
  INPUTS.replace(
    '  police_crimes: extracts/crimes-*.csv',
    `  police_crimes:\n    path: ${path}\n${settings}`,
  );

export const STRUCTURE_CASES: BadInputCase[] = [
  {
    name: 'an empty file (0 bytes)',
    file: CRIMES,
    content: '',
    exit: 3,
    stderr: ['error: <file>: the file is empty (no header row)'],
    rows: null,
  },
  {
    name: 'a header and no rows',
    file: CRIMES,
    content: `${CRIMES_HEADER}\n`,
    exit: 0,
    rows: { read: 0, loaded: 0, rejected: 0 },
  },
  {
    name: 'a header with no line end and no rows',
    file: CRIMES,
    content: CRIMES_HEADER,
    exit: 0,
    rows: { read: 0, loaded: 0, rejected: 0 },
  },
  {
    name: 'a blank first line where the header should be',
    file: CRIMES,
    content: `\n${CRIMES_HEADER}\n${row('B1')}\n`,
    exit: 3,
    stderr: ['error: <file>:1: the header row is blank'],
    rows: null,
  },
  {
    name: 'semicolon-separated',
    file: CRIMES,
    content: csv(CRIMES_HEADER.replaceAll(',', ';'), row('B1').replaceAll(',', ';')),
    exit: 3,
    stderr: [
      'error: <file>:1: the header has one column, "crime_ref;recorded_date;ho_offence_code;lsoa_code" (the file looks semicolon-separated; sna reads comma-separated CSV)',
    ],
    rows: null,
  },
  {
    name: 'tab-separated',
    file: CRIMES,
    content: csv(CRIMES_HEADER.replaceAll(',', '\t'), row('B1').replaceAll(',', '\t')),
    exit: 3,
    stderr: [
      'error: <file>:1: the header has one column, "crime_ref\trecorded_date\tho_offence_code\tlsoa_code" (the file looks tab-separated; sna reads comma-separated CSV)',
    ],
    rows: null,
  },
  {
    name: 'a missing required column',
    file: CRIMES,
    content: csv('crime_ref,ho_offence_code,lsoa_code', 'B1,8N,E01999001'),
    exit: 3,
    stderr: [
      'error: <file>:1: missing required column "recorded_date" (found "crime_ref", "ho_offence_code", "lsoa_code")',
    ],
    rows: null,
  },
  {
    name: 'an extra column sna does not know (ignored, never loaded)',
    file: CRIMES,
    content: csv(`${CRIMES_HEADER},free_text_notes`, `${row('B1')},victim said "hello"`),
    exit: 0,
    rows: { read: 1, loaded: 1, rejected: 0 },
    check: async ({ database }) => {
      const columns = await query<{ name: string }>(
        database,
        "SELECT column_name AS name FROM duckdb_columns() WHERE table_name = 'raw_police__crimes' AND column_name ILIKE '%note%'",
      );
      expect(columns).toEqual([]);
    },
  },
  {
    name: 'a renamed column, mapped by the config',
    file: CRIMES,
    content: csv('Crime Reference,Date Recorded,HO Code,LSOA', row('B1'), row('B2')),
    inputs: crimesInput(
      '    columns: { crime_ref: "Crime Reference", recorded_date: "Date Recorded", ho_offence_code: "HO Code", lsoa_code: "LSOA" }',
    ),
    exit: 0,
    rows: { read: 2, loaded: 2, rejected: 0 },
  },
  {
    name: 'a renamed column, not mapped',
    file: CRIMES,
    content: csv('Crime Reference,recorded_date,ho_offence_code,lsoa_code', row('B1')),
    exit: 3,
    stderr: [
      'error: <file>:1: missing required column "crime_ref" (found "Crime Reference", "recorded_date", "ho_offence_code", "lsoa_code")',
    ],
    rows: null,
  },
  {
    name: 'a header that names a column twice',
    file: CRIMES,
    content: csv(`${CRIMES_HEADER},Crime Ref`, `${row('B1')},B1`),
    exit: 3,
    stderr: [
      'error: <file>:1: column "crime_ref" is in the header 2 times, as "crime_ref", "Crime Ref" (sna cannot tell which to use; name the one to use with columns: in the config)',
    ],
    rows: null,
  },
  {
    name: 'a BOM before the header',
    file: CRIMES,
    content: `\uFEFF${csv(CRIMES_HEADER, row('B1'))}`,
    exit: 0,
    rows: { read: 1, loaded: 1, rejected: 0 },
  },
  {
    name: 'CRLF line ends, with a bad row on physical line 3',
    file: CRIMES,
    content: [CRIMES_HEADER, row('B1'), row('B2', '2024-13-01'), row('B3'), ''].join('\r\n'),
    exit: 0,
    rows: { read: 3, loaded: 2, rejected: 1 },
    rejects: [
      {
        line: 3,
        column: 'recorded_date',
        reason: 'not a real date in the configured date_format: "2024-13-01"',
      },
    ],
  },
  {
    name: 'quoted fields holding line breaks, then a bad row',
    file: 'extracts/crimes-2.csv',
    content: csv(
      'crime_ref,recorded_date,ho_offence_code,lsoa_code,offence_description',
      'B1,2024-07-01,8N,E01999001,"two\nlines"',
      'B2,2024-07-01,8N,E01999001,"three\r\nlines\nhere"',
      'B3,2024-07-01,8-N,E01999001,after',
    ),
    exit: 0,
    rows: { read: 3, loaded: 2, rejected: 1 },
    rejects: [
      { line: 7, column: 'ho_offence_code', reason: /^not a Home Office offence code .*: "8-N"$/ },
    ],
    check: async ({ database }) => {
      const rows = await query<{ line: number; text: string }>(
        database,
        "SELECT line::INTEGER AS line, offence_description AS text FROM raw_police__crimes WHERE crime_ref IN ('B1', 'B2') ORDER BY line",
      );
      expect(rows).toEqual([
        { line: 2, text: 'two\nlines' },
        { line: 4, text: 'three\r\nlines\nhere' },
      ]);
    },
  },
  {
    name: 'an unterminated quote',
    file: CRIMES,
    content: csv(
      'crime_ref,recorded_date,ho_offence_code,lsoa_code,offence_description',
      'B1,2024-07-01,8N,E01999001,fine',
      'B2,2024-07-01,8N,E01999001,"never closed',
      'B3,2024-07-01,8N,E01999001,swallowed',
    ),
    exit: 0,
    rows: { read: 2, loaded: 1, rejected: 1 },
    rejects: [{ line: 3, reason: /unterminated quote/ }],
  },
  {
    name: 'a last line with no line end (complete)',
    file: CRIMES,
    content: `${CRIMES_HEADER}\n${row('B1')}\n${row('B2')}`,
    exit: 0,
    rows: { read: 2, loaded: 2, rejected: 0 },
  },
  {
    name: 'a last line cut off half way',
    file: CRIMES,
    content: `${CRIMES_HEADER}\n${row('B1')}\n${row('B2')}\nB3,2024-07`,
    exit: 0,
    rows: { read: 3, loaded: 2, rejected: 1 },
    rejects: [
      { line: 4, column: 'ho_offence_code', reason: 'too few columns: expected 4, found 2' },
    ],
  },
  {
    name: 'a row with too many columns',
    file: CRIMES,
    content: csv(CRIMES_HEADER, row('B1'), `${row('B2')},extra`, row('B3')),
    exit: 0,
    rows: { read: 3, loaded: 2, rejected: 1 },
    rejects: [{ line: 3, reason: 'too many columns: expected 4, found 5' }],
  },
  {
    name: 'blank lines between and after rows',
    file: CRIMES,
    content: `${CRIMES_HEADER}\n${row('B1')}\n\n${row('B2')}\n\n\n`,
    exit: 0,
    rows: { read: 2, loaded: 2, rejected: 0 },
  },
  {
    name: 'Windows-1252 text, with encoding: windows-1252',
    file: CRIMES,
    content: Buffer.from(
      csv(
        'crime_ref,recorded_date,ho_offence_code,lsoa_code,offence_description',
        'B1,2024-07-01,8N,E01999001,Caf\xe9 \x96 \x93quoted\x94',
      ),
      'latin1',
    ),
    inputs: crimesInput('    encoding: windows-1252'),
    exit: 0,
    rows: { read: 1, loaded: 1, rejected: 0 },
    check: async ({ database }) => {
      const [row] = await query<{ text: string }>(
        database,
        "SELECT offence_description AS text FROM raw_police__crimes WHERE crime_ref = 'B1'",
      );
      expect(row?.text).toBe('Café – “quoted”');
    },
  },
  {
    name: 'an encoding set after the file was loaded without one (the file is read again)',
    file: CRIMES,
    content: Buffer.from(
      csv(
        'crime_ref,recorded_date,ho_offence_code,lsoa_code,offence_description',
        'B1,2024-07-01,8N,E01999001,plain',
        'B2,2024-07-01,8N,E01999001,Caf\xe9',
      ),
      'latin1',
    ),
    earlier: {},
    inputs: crimesInput('    encoding: windows-1252'),
    exit: 0,
    stdout: 'extracts/crimes-2.csv: read 2 rows, 0 rejected (replacing its earlier rows)',
    rows: { read: 2, loaded: 2, rejected: 0 },
    rejects: [],
  },
  {
    name: 'Windows-1252 text, read as UTF-8 (no encoding set)',
    file: CRIMES,
    content: Buffer.from(
      csv(
        'crime_ref,recorded_date,ho_offence_code,lsoa_code,offence_description',
        'B1,2024-07-01,8N,E01999001,plain',
        'B2,2024-07-01,8N,E01999001,Caf\xe9',
        'B3,2024-07-01,8N,E01999001,plain',
      ),
      'latin1',
    ),
    exit: 0,
    rows: { read: 3, loaded: 2, rejected: 1 },
    rejects: [
      {
        line: 3,
        reason:
          'not valid UTF-8 text (if the file is Windows-1252, set encoding: windows-1252 for this input)',
      },
    ],
  },
];
