/**
 * A small police.uk street table with planted answers, in the area of `writeReference` with a
 * third LSOA (Test 001A = E01999001 with 1,000 residents, Test 001B = E01999002, Test 001C =
 * E01999003, and E01999901 outside). Period: April 2024 to March 2025; previous: April 2023 to
 * March 2024.
 */
import { readFileSync } from 'node:fs';
import { memoryLogger } from '../../core/log.js';
import { run } from '../../pipeline/index.js';
import { baseConfig, type Workspace, workspace, writeReference } from './workspace.js';

export const STREET_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

let ids = 0;
/** `n` rows of one crime type in one month and LSOA; ASB rows get a blank Crime ID, as published. */
export function streetRows(n: number, month: string, lsoa: string, type: string): string[] {
  return Array.from({ length: n }, () => {
    const id = type === 'Anti-social behaviour' ? '' : `id${++ids}`;
    return `${id},${month},Test Police,Test Police,-2.1,53.5,On or near Test Street,${lsoa},,${type},,`;
  });
}

/** The planted answers. */
export const PLANTED = {
  // 7 in Test 001A + 2 in Test 001B + 5 in Test 001C in the period; not those outside the area
  // or after the period.
  asbCount: 14,
  asbPrevious: 6,
  asbTop: 'Test 001A (E01999001)',
  asbTopCount: 7,
  asbSmall: 'Test 001B (E01999002)', // 2 incidents: below suppress_below (5)
  asbNextSmallest: 'Test 001C (E01999003)', // 5: not listed, else 14 − 7 − 5 would give 001B's 2
  robberyTop: 'Test 001B (E01999002)',
  robberyTopCount: 6,
};

export const STREET_FILE = [
  STREET_HEADER,
  ...streetRows(6, '2023-04', 'E01999001', 'Anti-social behaviour'),
  ...streetRows(7, '2025-01', 'E01999001', 'Anti-social behaviour'),
  ...streetRows(2, '2025-02', 'E01999002', 'Anti-social behaviour'),
  ...streetRows(5, '2024-04', 'E01999003', 'Anti-social behaviour'),
  ...streetRows(4, '2025-02', 'E01999901', 'Anti-social behaviour'),
  ...streetRows(3, '2025-04', 'E01999001', 'Anti-social behaviour'),
  ...streetRows(6, '2025-01', 'E01999002', 'Robbery'),
  ...streetRows(2, '2025-01', 'E01999001', 'Robbery'),
  ...streetRows(5, '2025-01', 'E01999003', 'Robbery'),
  ...streetRows(8, '2025-03', 'E01999001', 'Violence and sexual offences'),
  ...streetRows(5, '2025-03', 'E01999002', 'Shoplifting'),
].join('\n');

/**
 * Runs sna on the table (and, when given, a force crimes extract) through the given stages;
 * returns the workspace, whose outputs are in `out/`.
 */
export async function runStreetTable(
  stages: Array<'ingest' | 'indicators' | 'report'>,
  crimesExtract?: string,
): Promise<Workspace> {
  const ws = workspace('sna-street-table-');
  writeReference(ws);
  const geography = readFileSync(ws.path('ref/geography.csv'), 'utf8').split('\n');
  geography.splice(3, 0, 'E01999003,Test 001C,E05999001,Ward A,E08999999,Testshire,N1G2,North');
  ws.write('ref/geography.csv', geography.join('\n'));
  ws.write('street/2025-03-test-street.csv', STREET_FILE);
  if (crimesExtract) ws.write('crimes.csv', crimesExtract);
  ws.config(
    baseConfig(
      `  police_uk_street: street/*-street.csv${crimesExtract ? '\n  police_crimes: crimes.csv' : ''}`,
    ),
  );
  await run(ws.path('sna.config.yaml'), { stages, log: memoryLogger() });
  return ws;
}
