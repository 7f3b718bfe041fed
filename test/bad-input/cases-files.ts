/** Bad-input cases about whole files: binary, gzip, paths that name nothing, the reject limit. */
import { gzipSync } from 'node:zlib';
import type { BadInputCase } from './case.js';
import { CRIMES_HEADER, INPUTS } from './case.js';

const csv = (...lines: string[]) => `${lines.join('\n')}\n`;
const GOOD_ROWS = csv(CRIMES_HEADER, 'B1,2024-07-01,8N,E01999001', 'B2,2024-07-02,8N,E01999002');

/** Bytes that look like nothing: a fixed pseudo-random sequence, NUL bytes included. */
function garbage(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 12345;
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = state >> 16;
  }
  return bytes;
}

const manyRows = (n: number) =>
  `${CRIMES_HEADER}\n${Array.from({ length: n }, (_, i) => `M${i},2024-07-01,8N,E01999001\n`).join('')}`;
const truncated = (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2));

const withCrimes = (path: string) =>
  INPUTS.replace('police_crimes: extracts/crimes-*.csv', `police_crimes: ${path}`);

export const FILE_CASES: BadInputCase[] = [
  {
    name: 'binary garbage',
    file: 'extracts/crimes-2.csv',
    content: garbage(4096),
    exit: 3,
    stderr: ['error: <file>: not a text CSV file (it contains binary NUL bytes)'],
    rows: null,
  },
  {
    name: 'a UTF-16 file (Excel "Unicode text")',
    file: 'extracts/crimes-2.csv',
    content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD_ROWS, 'utf16le')]),
    exit: 3,
    stderr: [
      'error: <file>: the file is UTF-16 text, which sna does not read: save it as CSV UTF-8',
    ],
    rows: null,
  },
  {
    name: 'a .csv.gz file',
    file: 'extracts/crimes-2.csv.gz',
    content: gzipSync(GOOD_ROWS),
    inputs: withCrimes('extracts/crimes-*'),
    exit: 0,
    rows: { read: 2, loaded: 2, rejected: 0 },
  },
  {
    name: 'a .csv.gz file that is not gzip',
    file: 'extracts/crimes-2.csv.gz',
    content: GOOD_ROWS,
    inputs: withCrimes('extracts/crimes-*'),
    exit: 3,
    stderr: [
      'error: <file>: cannot read the file as gzip (its name ends .gz): incorrect header check',
    ],
    rows: null,
  },
  {
    name: 'a .csv.gz file cut off half way',
    file: 'extracts/crimes-2.csv.gz',
    content: truncated(gzipSync(manyRows(2000))),
    inputs: withCrimes('extracts/crimes-*'),
    exit: 3,
    stderr: [
      'error: <file>: cannot read the file: the gzip data is damaged or cut short (unexpected end of file)',
    ],
    rows: null,
  },
  {
    // The header reads fine; DuckDB itself would load the rows before the cut without a word.
    name: 'a .csv.gz file cut off after its first megabytes',
    file: 'extracts/crimes-2.csv.gz',
    content: truncated(gzipSync(manyRows(200_000))),
    inputs: withCrimes('extracts/crimes-*'),
    exit: 3,
    stderr: [
      'error: <file>: cannot read the file: the gzip data is damaged or cut short (unexpected end of file)',
    ],
    rows: null,
  },
  {
    name: 'a config pointing at a missing file',
    inputs: withCrimes('extracts/crimes-2024.csv'),
    exit: 2,
    stderr: ['error: inputs.police_crimes: "extracts/crimes-2024.csv" matches no file'],
  },
  {
    name: 'a config pointing at a folder',
    file: 'extracts/police/crimes.csv',
    content: GOOD_ROWS,
    inputs: withCrimes('extracts/police'),
    exit: 2,
    stderr: [
      'error: inputs.police_crimes: "extracts/police" is a folder; give a file or a glob such as extracts/police/*.csv',
    ],
  },
  {
    name: 'a glob matching nothing',
    inputs: withCrimes('extracts/crimes-2099-*.csv'),
    exit: 2,
    stderr: ['error: inputs.police_crimes: "extracts/crimes-2099-*.csv" matches no file'],
  },
  {
    name: 'a glob matching only files that are not CSV',
    file: 'extracts/police/crimes.xlsx',
    content: garbage(64),
    inputs: withCrimes('extracts/police/*'),
    exit: 2,
    stderr: [
      'error: inputs.police_crimes: "extracts/police/*" matches no file (1 file matched, none ending .csv or .csv.gz)',
    ],
  },
  {
    name: 'more rejected rows than max_reject_pct (the file is rolled back)',
    file: 'extracts/crimes-2.csv',
    content: csv(
      CRIMES_HEADER,
      'B1,2024-07-01,8N,E01999001',
      'B2,2024-13-01,8N,E01999001',
      'B3,2024-07-03,8N,E01999001',
    ),
    thresholds: 'thresholds:\n  max_reject_pct: 1\n',
    exit: 3,
    stderr: [
      'error: <file>: 1 of 3 rows rejected (33.3%), more than max_reject_pct 1%: nothing from this file was loaded (see rejects.csv for each row and reason)',
    ],
    rows: null,
    rejects: [
      {
        line: 3,
        column: 'recorded_date',
        reason: 'not a real date in the configured date_format: "2024-13-01"',
      },
    ],
  },
];
