/** Bad-input cases about cell values: dates, ages, codes, duplicate refs and huge fields. */
import { expect } from 'vitest';
import { query } from '../helpers/workspace.js';
import type { BadInputCase } from './case.js';
import { CRIMES_HEADER, VICTIMS_HEADER } from './case.js';
import { crimesInput } from './cases-structure.js';

const CRIMES = 'extracts/crimes-2.csv';
const VICTIMS = 'extracts/victims-2.csv';
const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

/** The loaded (current, in-area) crimes with these refs, as `ref code date`. */
async function crimes(database: string, ...refs: string[]): Promise<string[]> {
  const rows = await query<{ crime: string }>(
    database,
    `SELECT crime_ref || ' ' || ho_offence_code || ' ' || strftime(recorded_date, '%Y-%m-%d') AS crime
     FROM fct_crimes WHERE crime_ref IN (${refs.map((r) => `'${r}'`).join(', ')}) ORDER BY crime_ref`,
  );
  return rows.map((r) => r.crime);
}

export const VALUE_CASES: BadInputCase[] = [
  {
    name: 'dates as dd/MM/yyyy with no date_format',
    file: CRIMES,
    content: csv(CRIMES_HEADER, 'B1,01/07/2024,8N,E01999001', 'B2,2024-07-02,8N,E01999001'),
    exit: 0,
    rows: { read: 2, loaded: 1, rejected: 1 },
    rejects: [
      {
        line: 2,
        column: 'recorded_date',
        reason: 'not a real date in the configured date_format: "01/07/2024"',
      },
    ],
  },
  {
    name: 'dates as dd/MM/yyyy with date_format: dd/MM/yyyy',
    file: CRIMES,
    content: csv(CRIMES_HEADER, 'B1,01/07/2024,8N,E01999001', 'B2,31/12/2024,8N,E01999001'),
    inputs: crimesInput('    date_format: dd/MM/yyyy'),
    exit: 0,
    rows: { read: 2, loaded: 2, rejected: 0 },
    check: async ({ database }) => {
      expect(await crimes(database, 'B1', 'B2')).toEqual(['B1 8N 2024-07-01', 'B2 8N 2024-12-31']);
    },
  },
  {
    name: 'a date_format set after the file was loaded without one (the file is read again)',
    file: CRIMES,
    content: csv(CRIMES_HEADER, 'B1,01/07/2024,8N,E01999001', 'B2,31/12/2024,8N,E01999001'),
    earlier: { thresholds: 'thresholds:\n  max_reject_pct: 100\n' },
    inputs: crimesInput('    date_format: dd/MM/yyyy'),
    exit: 0,
    stdout: 'extracts/crimes-2.csv: read 2 rows, 0 rejected (replacing its earlier rows)',
    rows: { read: 2, loaded: 2, rejected: 0 },
    rejects: [],
  },
  {
    name: 'an impossible date (2023-02-30)',
    file: CRIMES,
    content: csv(CRIMES_HEADER, 'B1,2023-02-30,8N,E01999001', 'B2,2024-02-29,8N,E01999001'),
    exit: 0,
    rows: { read: 2, loaded: 1, rejected: 1 },
    rejects: [
      {
        line: 2,
        column: 'recorded_date',
        reason: 'not a real date in the configured date_format: "2023-02-30"',
      },
    ],
  },
  {
    // Decision: a date after period.end is loaded and simply falls outside the period; the
    // next year's assessment will count it. Rejecting it would lose real, early-sent data.
    name: 'a date after the period end (loaded, outside the period)',
    file: CRIMES,
    content: csv(CRIMES_HEADER, 'B1,2031-01-01,8N,E01999001'),
    exit: 0,
    rows: { read: 1, loaded: 1, rejected: 0 },
    check: async ({ database }) => {
      expect(await crimes(database, 'B1')).toEqual(['B1 8N 2031-01-01']);
    },
  },
  {
    name: 'ages negative, over 120 and not whole numbers',
    file: VICTIMS,
    content: csv(
      VICTIMS_HEADER,
      'G1,V10,-1,F,W1',
      'G1,V11,121,F,W1',
      'G1,V12,abc,F,W1',
      'G1,V13,1.5,F,W1',
      'G1,V14,120,F,W1',
      'G1,V15,0,F,W1',
      'G1,V16, 30 ,F,W1',
      'G1,V17,,F,W1',
    ),
    exit: 0,
    rows: { read: 8, loaded: 4, rejected: 4 },
    rejects: [
      { line: 2, column: 'age', reason: 'out of range 0–120: "-1"' },
      { line: 3, column: 'age', reason: 'out of range 0–120: "121"' },
      { line: 4, column: 'age', reason: 'not a whole number: "abc"' },
      { line: 5, column: 'age', reason: 'not a whole number: "1.5"' },
    ],
  },
  {
    name: 'unknown sex and ethnicity codes',
    file: VICTIMS,
    content: csv(
      VICTIMS_HEADER,
      'G1,V20,30,Q,W1',
      'G1,V21,30,male,ZZ',
      'G1,V22,30,f,w1',
      'G1,V23,30,U,NS',
      'G1,V24,30,X,Mixed',
    ),
    exit: 0,
    rows: { read: 5, loaded: 3, rejected: 2 },
    rejects: [
      { line: 2, column: 'sex', reason: 'not one of M, F, X, U: "Q"' },
      { line: 3, column: 'ethnicity', reason: /^not one of W1, W2, .*: "ZZ"$/ },
    ],
  },
  {
    name: 'coordinates out of range, or one of a pair without the other',
    file: CRIMES,
    content: csv(
      `${CRIMES_HEADER},easting,northing,longitude,latitude`,
      'B1,2024-07-01,8N,E01999001,338000,390000,,',
      'B2,2024-07-01,8N,E01999001,338000,,,',
      'B3,2024-07-01,8N,E01999001,800000,390000,,',
      'B4,2024-07-01,8N,E01999001,,,-2.98,',
      'B5,2024-07-01,8N,E01999001,,,-2.98,53.41',
      'B6,2024-07-01,8N,E01999001,,,-2.98,95',
      // Neither pair, or both pairs: accepted (max_reject_pct is 50% here).
      'B7,2024-07-01,8N,E01999001,,,,',
      'B8,2024-07-01,8N,E01999001,338000,390000,-2.98,53.41',
      'B9,2024-07-01,8N,E01999001,0,0,,',
    ),
    exit: 0,
    rows: { read: 9, loaded: 5, rejected: 4 },
    rejects: [
      { line: 3, column: 'easting', reason: 'given without northing (give both or neither)' },
      { line: 4, column: 'easting', reason: 'above the maximum 700000: "800000"' },
      { line: 5, column: 'longitude', reason: 'given without latitude (give both or neither)' },
      { line: 7, column: 'latitude', reason: 'above the maximum 90: "95"' },
    ],
  },
  {
    name: 'a malformed Home Office offence code',
    file: CRIMES,
    content: csv(CRIMES_HEADER, 'B1,2024-07-01,8-N,E01999001', 'B2,2024-07-01,4.10,E01999001'),
    exit: 0,
    rows: { read: 2, loaded: 1, rejected: 1 },
    rejects: [
      {
        line: 2,
        column: 'ho_offence_code',
        reason: 'not a Home Office offence code such as 8N, 34B or 4.1: "8-N"',
      },
    ],
  },
  {
    name: 'a well-formed offence code in no category (loaded, unclassified)',
    file: CRIMES,
    content: csv(CRIMES_HEADER, 'B1,2024-07-01,28E,E01999001'),
    exit: 0,
    rows: { read: 1, loaded: 1, rejected: 0 },
    check: async ({ database }) => {
      expect(await crimes(database, 'B1')).toEqual(['B1 28E 2024-07-01']);
      const categories = await query(
        database,
        "SELECT category FROM fct_crime_categories WHERE crime_ref = 'B1'",
      );
      expect(categories).toEqual([]);
    },
  },
  {
    name: 'the same crime_ref twice in one file (the later line wins)',
    file: CRIMES,
    content: csv(CRIMES_HEADER, 'B1,2024-07-01,8N,E01999001', 'B1,2024-07-01,34B,E01999001'),
    exit: 0,
    rows: { read: 2, loaded: 1, rejected: 0, setAside: 1 },
    check: async ({ database }) => {
      expect(await crimes(database, 'B1')).toEqual(['B1 34B 2024-07-01']);
    },
  },
  {
    name: 'a crime_ref already loaded from another file (the later file wins)',
    file: CRIMES,
    content: csv(CRIMES_HEADER, 'G1,2024-06-01,34B,E01999001'),
    exit: 0,
    rows: { read: 1, loaded: 1, rejected: 0 },
    check: async ({ database, manifest }) => {
      expect(await crimes(database, 'G1')).toEqual(['G1 34B 2024-06-01']);
      const earlier = manifest.inputs.find((i) => i.path === 'extracts/crimes-1.csv');
      expect(earlier?.set_aside_reasons).toEqual({
        'superseded by a later version of the crime': 1,
      });
    },
  },
  {
    name: 'the same victim of the same crime twice in one file',
    file: VICTIMS,
    content: csv(VICTIMS_HEADER, 'G2,V30,20,M,W1', 'G2,V30,21,M,W1'),
    exit: 0,
    rows: { read: 2, loaded: 1, rejected: 0, setAside: 1 },
  },
  {
    name: 'a huge field (1 MB description)',
    file: CRIMES,
    content: csv(
      'crime_ref,recorded_date,ho_offence_code,lsoa_code,offence_description',
      `B1,2024-07-01,8N,E01999001,${'x'.repeat(1 << 20)}`,
      'B2,2024-07-01,8N,E01999001,short',
    ),
    exit: 0,
    rows: { read: 2, loaded: 2, rejected: 0 },
    check: async ({ database }) => {
      const [row] = await query<{ n: number }>(
        database,
        "SELECT length(offence_description)::INTEGER AS n FROM raw_police__crimes WHERE crime_ref = 'B1'",
      );
      expect(row?.n).toBe(1 << 20);
    },
  },
  {
    name: 'a field larger than a line may be (5 MB)',
    file: CRIMES,
    content: csv(
      'crime_ref,recorded_date,ho_offence_code,lsoa_code,offence_description',
      'B1,2024-07-01,8N,E01999001,short',
      `B2,2024-07-01,8N,E01999001,${'x'.repeat(5 << 20)}`,
      'B3,2024-07-01,8N,E01999001,short',
    ),
    exit: 0,
    rows: { read: 3, loaded: 2, rejected: 1 },
    rejects: [{ line: 3, reason: /line/ }],
  },
  {
    name: 'an invalid time, flag and LSOA code',
    file: CRIMES,
    content: csv(
      'crime_ref,recorded_date,ho_offence_code,lsoa_code,committed_time,knife_flag',
      'B1,2024-07-01,8N,E01999001,25:99,Y',
      'B2,2024-07-01,8N,E01999001,23:59,maybe',
      'B3,2024-07-01,8N,E0199900,23:59,N',
      'B4,2024-07-01,8N,E01999001,00:00,yes',
      'B5,2024-07-01,8N,E01999001,09:05,0',
      'B6,2024-07-01,8N,e01999001,12:30:15,',
      'B7,2024-07-01,8N,E01999002,,TRUE',
    ),
    exit: 0,
    rows: { read: 7, loaded: 4, rejected: 3 },
    rejects: [
      { line: 2, column: 'committed_time', reason: 'not a time HH:mm: "25:99"' },
      { line: 3, column: 'knife_flag', reason: 'not a Y/N flag: "maybe"' },
      { line: 4, column: 'lsoa_code', reason: /^not an LSOA code .*: "E0199900"$/ },
    ],
  },
];
