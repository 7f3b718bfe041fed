/**
 * Bad-input cases about what users really send (issue 13): line ends mixed by hand-editing,
 * stray CRs, blank lines above a bad row, NUL bytes past the first megabyte, years before 1900,
 * a very wide file, one column under two headers, a symlink loop under `**`.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { query } from '../helpers/workspace.js';
import type { BadInputCase } from './case.js';
import { CRIMES_HEADER } from './case.js';
import { crimesInput } from './cases-structure.js';

const CRIMES = 'extracts/crimes-2.csv';
const row = (ref: string, date = '2024-07-01', code = '8N', lsoa = 'E01999001') =>
  `${ref},${date},${code},${lsoa}`;

/** Each loaded crime of the case file (refs starting B) with its line, in line order. */
async function linesOf(database: string): Promise<Array<{ ref: string; line: number }>> {
  return query<{ ref: string; line: number }>(
    database,
    `SELECT crime_ref AS ref, line::INTEGER AS line FROM raw_police__crimes r
     JOIN ingest_files f USING (file_id) WHERE f.path LIKE 'extracts/crimes-2%' ORDER BY line`,
  );
}

/** 40,000 good rows (well past the 1 MB the header probe reads), then `tail`. */
const pastOneMegabyte = (tail: string) =>
  `${CRIMES_HEADER}\n${Array.from({ length: 40_000 }, (_, i) => `${row(`M${i}`)}\n`).join('')}${tail}`;

const WIDE_EXTRA = 596;
const wideFile = () => {
  const header = `${CRIMES_HEADER},${Array.from({ length: WIDE_EXTRA }, (_, i) => `extra_${i}`).join(',')}`;
  const cells = (ref: string, code: string) =>
    `${row(ref, '2024-07-01', code)},${Array.from({ length: WIDE_EXTRA }, () => 'x').join(',')}`;
  // B3 has one cell too many: the reader finds that only by splitting all 601.
  return `${header}\n${cells('B1', '8N')}\n${cells('B2', '8-N')}\n${cells('B3', '8N')},x\n${cells('B4', '8N')}\n${cells('B5', '8N')}\n`;
};

export const READING_CASES: BadInputCase[] = [
  {
    name: 'mixed line ends: an LF header, a CRLF row, an LF row',
    file: CRIMES,
    content: `${CRIMES_HEADER}\n${row('B1')}\r\n${row('B2')}\n`,
    exit: 0,
    rows: { read: 2, loaded: 2, rejected: 0 },
    check: async ({ database }) => {
      expect(await linesOf(database)).toEqual([
        { ref: 'B1', line: 2 },
        { ref: 'B2', line: 3 },
      ]);
    },
  },
  {
    name: 'mixed line ends: a CRLF header, LF rows, a quoted last field ending CRLF, then a bad row',
    file: CRIMES,
    content: `${CRIMES_HEADER}\r\n${row('B1')}\nB2,2024-07-01,8N,"E01999001"\r\n${row('B3', '2024-02-30')}\n`,
    exit: 0,
    rows: { read: 3, loaded: 2, rejected: 1 },
    rejects: [
      {
        line: 4,
        column: 'recorded_date',
        reason: 'not a real date in the configured date_format: "2024-02-30"',
      },
    ],
    check: async ({ database }) => {
      expect(await linesOf(database)).toEqual([
        { ref: 'B1', line: 2 },
        { ref: 'B2', line: 3 },
      ]);
    },
  },
  {
    name: 'a stray CR inside a quoted field, in a file whose line ends are mixed',
    file: CRIMES,
    content: `${CRIMES_HEADER},offence_description\n${row('B1')},"before\rafter"\r\n${row('B2')},"two\r\nlines"\n${row('B3')},plain\n`,
    exit: 0,
    rows: { read: 3, loaded: 3, rejected: 0 },
    check: async ({ database }) => {
      const rows = await query<{ ref: string; line: number; text: string }>(
        database,
        `SELECT crime_ref AS ref, line::INTEGER AS line, offence_description AS text
         FROM raw_police__crimes WHERE crime_ref LIKE 'B%' ORDER BY line`,
      );
      // Inside quotes every CR is kept; B2's field spans lines 3 and 4.
      expect(rows).toEqual([
        { ref: 'B1', line: 2, text: 'before\rafter' },
        { ref: 'B2', line: 3, text: 'two\r\nlines' },
        { ref: 'B3', line: 5, text: 'plain' },
      ]);
    },
  },
  {
    name: 'a stray CR in an unquoted field (the row rejected at that cell, not loaded altered)',
    file: CRIMES,
    content: `${CRIMES_HEADER}\nB1,2024-07-01,8N,E0199\r9001\n${row('B2')}\n`,
    exit: 0,
    rows: { read: 2, loaded: 1, rejected: 1 },
    rejects: [
      {
        line: 2,
        column: 'lsoa_code',
        reason:
          'contains a carriage return (CR) that does not end a line (lines end with LF or CRLF)',
      },
      // The cell as it is, CR and all, is no LSOA code either.
      { line: 2, column: 'lsoa_code', reason: 'not an LSOA code such as E01005123: "E0199\r9001"' },
    ],
    check: async ({ database }) => {
      expect(await linesOf(database)).toEqual([{ ref: 'B2', line: 3 }]);
      const raw = await query<{ raw: string }>(
        database,
        `SELECT DISTINCT raw_line AS raw FROM ingest_rejects WHERE path LIKE 'extracts/crimes-2%'`,
      );
      // The line as the file has it.
      expect(raw).toEqual([{ raw: 'B1,2024-07-01,8N,E0199\r9001' }]);
    },
  },
  {
    name: 'a stray CR between two rows on one line (one row, rejected naming the CR; no row merged)',
    file: CRIMES,
    content: `${CRIMES_HEADER}\n${row('B1')}\r${row('B2')}\n${row('B3')}\r\n${row('B4')}\n`,
    exit: 0,
    rows: { read: 3, loaded: 2, rejected: 1 },
    rejects: [
      {
        line: 2,
        reason:
          'contains a carriage return (CR) that does not end a line (lines end with LF or CRLF); too many columns: expected 4, found 7',
      },
    ],
    check: async ({ database }) => {
      expect(await linesOf(database)).toEqual([
        { ref: 'B3', line: 3 },
        { ref: 'B4', line: 4 },
      ]);
      const raw = await query<{ raw: string }>(
        database,
        `SELECT raw_line AS raw FROM ingest_rejects WHERE path LIKE 'extracts/crimes-2%'`,
      );
      expect(raw).toEqual([{ raw: `${row('B1')}\r${row('B2')}` }]);
    },
  },
  {
    name: 'blank lines above a rejected row and a reader-rejected row',
    file: CRIMES,
    content: `${CRIMES_HEADER}\n${row('B1')}\n\n\n${row('B2', '2024-13-01')}\n\n${row('B3')}\n${row('B4')},extra\n\r\n${row('B5')}\n\n`,
    exit: 0,
    rows: { read: 5, loaded: 3, rejected: 2 },
    rejects: [
      {
        line: 5,
        column: 'recorded_date',
        reason: 'not a real date in the configured date_format: "2024-13-01"',
      },
      { line: 8, reason: 'too many columns: expected 4, found 5' },
    ],
    check: async ({ database }) => {
      expect(await linesOf(database)).toEqual([
        { ref: 'B1', line: 2 },
        { ref: 'B3', line: 7 },
        { ref: 'B5', line: 10 },
      ]);
    },
  },
  {
    name: 'a blank line inside a quoted field and one outside, then a bad row',
    file: CRIMES,
    content: `${CRIMES_HEADER},offence_description\n${row('B1')},"para one\n\npara two"\n\n${row('B2', '2024-07-01', '8-N')},after\n`,
    exit: 0,
    rows: { read: 2, loaded: 1, rejected: 1 },
    rejects: [{ line: 6, column: 'ho_offence_code', reason: /^not a Home Office offence code/ }],
    check: async ({ database }) => {
      expect(await linesOf(database)).toEqual([{ ref: 'B1', line: 2 }]);
    },
  },
  {
    name: 'a file of 600 columns (the unknown 596 ignored)',
    file: CRIMES,
    content: wideFile(),
    exit: 0,
    rows: { read: 5, loaded: 3, rejected: 2 },
    rejects: [
      { line: 3, column: 'ho_offence_code', reason: /^not a Home Office offence code/ },
      { line: 4, reason: 'too many columns: expected 600, found 601' },
    ],
    check: async ({ database }) => {
      expect(await linesOf(database)).toEqual([
        { ref: 'B1', line: 2 },
        { ref: 'B4', line: 5 },
        { ref: 'B5', line: 6 },
      ]);
    },
  },
  {
    name: 'one column under two headers (lsoa_code and its alias LSOA11CD)',
    file: 'ref/geography.csv',
    content:
      'lsoa_code,LSOA11CD,lad_code\nE01999001,E01999002,E08999999\nE01999002,E01999001,E08999999\n',
    exit: 3,
    stderr: [
      'error: <file>:1: column "lsoa_code" is in the header 2 times, as "lsoa_code", "LSOA11CD" (sna cannot tell which to use; name the one to use with columns: in the config)',
    ],
  },
  {
    name: 'the same header twice',
    file: CRIMES,
    content: `${CRIMES_HEADER},lsoa_code\n${row('B1')},E01999002\n`,
    exit: 3,
    stderr: [
      'error: <file>:1: column "lsoa_code" is in the header 2 times, as "lsoa_code", "lsoa_code" (sna cannot tell which to use; name the one to use with columns: in the config)',
    ],
    rows: null,
  },
  {
    name: 'a NUL byte after the first megabyte',
    file: CRIMES,
    content: pastOneMegabyte(`B\u00001,2024-07-01,8N,E01999001\n${row('B2')}\n`),
    exit: 0,
    rows: { read: 40_002, loaded: 40_001, rejected: 1 },
    rejects: [
      { line: 40_002, column: 'crime_ref', reason: 'contains a NUL byte (binary data, not text)' },
    ],
    check: async ({ database }) => {
      const rows = await query<{ nul: number; b2: number }>(
        database,
        `SELECT count(*) FILTER (WHERE contains(crime_ref, chr(0)))::INTEGER AS nul,
                max(line) FILTER (WHERE crime_ref = 'B2')::INTEGER AS b2
         FROM raw_police__crimes`,
      );
      expect(rows).toEqual([{ nul: 0, b2: 40_003 }]);
    },
  },
  {
    name: 'a date in year 0000, and one in 1899',
    file: CRIMES,
    content: `${CRIMES_HEADER}\n${row('B1', '0000-01-01')}\n${row('B2', '1899-12-31')}\n${row('B3', '1900-01-01')}\n${row('B4')}\n${row('B5')}\n`,
    exit: 0,
    rows: { read: 5, loaded: 3, rejected: 2 },
    rejects: [
      { line: 2, column: 'recorded_date', reason: 'a date before 1900: "0000-01-01"' },
      { line: 3, column: 'recorded_date', reason: 'a date before 1900: "1899-12-31"' },
    ],
  },
  {
    name: 'a symlink loop under a ** glob (each file loaded once)',
    file: 'extracts/deep/a/crimes-2.csv',
    content: `${CRIMES_HEADER}\n${row('B1')}\n${row('B2')}\n`,
    setup: (dir: string) => {
      mkdirSync(join(dir, 'extracts/deep/a'), { recursive: true });
      symlinkSync('..', join(dir, 'extracts/deep/a/loop'));
      symlinkSync('a', join(dir, 'extracts/deep/b'));
    },
    inputs: crimesInput('', 'extracts/**/crimes-*.csv'),
    exit: 0,
    stdout:
      /extracts\/deep\/a\/loop\/a\/crimes-2\.csv: the same file as extracts\/deep\/a\/crimes-2\.csv/,
    rows: { read: 2, loaded: 2, rejected: 0 },
    check: async ({ database, manifest }) => {
      const paths = manifest.inputs.map((i) => i.path).filter((p) => p.includes('deep'));
      expect(paths).toEqual(['extracts/deep/a/crimes-2.csv']);
      const rows = await query<{ n: number }>(
        database,
        "SELECT count(*)::INTEGER AS n FROM raw_police__crimes WHERE crime_ref LIKE 'B%'",
      );
      expect(rows).toEqual([{ n: 2 }]);
    },
  },
];
