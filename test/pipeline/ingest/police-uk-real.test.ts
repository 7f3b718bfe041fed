/**
 * police.uk Crime IDs on real files (../shared): the GMP edge-case file, and the September 2022
 * files of British Transport Police (every crime with a blank ID), Derbyshire (IDs repeated on
 * different crimes) and Northern Ireland, run for Derby. The expected figures are worked out
 * here from the raw CSV with csv-parse, by the rule the README states, without sna.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../core/log.js';
import { run } from '../../../pipeline/index.js';
import type { Manifest } from '../../../pipeline/outputs/manifest.js';
import {
  type Csv,
  DERBY,
  DERBY_FORCES,
  derbyConfig,
  FILE_6,
  LOOKUP,
  NATIONAL_MONTH as NATIONAL,
  readCsv,
  SHARED_REAL,
} from '../../helpers/police-uk-derby.js';
import { baseConfig, query, workspace, writeReference } from '../../helpers/workspace.js';

const EDGE = join(SHARED_REAL, 'police-uk', 'edge-cases', '2022-08-greater-manchester-street.csv');
const FORCES = DERBY_FORCES;
const DUPLICATE = 'duplicate Crime ID (same month, crime type and location: one crime)';

const snake = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

interface FileAccount {
  rows: number;
  asb: number;
  duplicates: number;
  locationUnknown: number;
  outside: number;
  loaded: number;
  repeated: number;
}
interface Row {
  file: string;
  order: number;
  r: Record<string, string>;
}

/**
 * Each file's accounting and the area's crimes per category: ASB by Crime type; a blank ID a
 * crime; rows of one ID, month and type at one place (or all unplaced, when none is placed) one
 * crime, kept on its last row.
 */
function expected(files: Array<{ name: string; rows: Csv }>, inArea: (lsoa: string) => boolean) {
  const account = new Map<string, FileAccount>();
  const groups = new Map<string, Row[]>();
  const crimes: Row[] = [];
  let order = 0;
  for (const { name, rows } of files) {
    const a = { rows: 0, asb: 0, duplicates: 0, locationUnknown: 0, outside: 0, loaded: 0 };
    account.set(name, { ...a, repeated: 0 });
    for (const r of rows) {
      const row = { file: name, order: order++, r };
      const acc = account.get(name) as FileAccount;
      acc.rows++;
      if (r['Crime type'] === 'Anti-social behaviour') acc.asb++;
      else if (r['Crime ID'] === '') crimes.push(row);
      else {
        const key = [r['Crime ID'], r.Month, r['Crime type']].join('|');
        groups.set(key, [...(groups.get(key) ?? []), row]);
      }
    }
  }
  const placed = (r: Record<string, string>) =>
    r['LSOA code'] !== '' || r.Longitude !== '' || r.Latitude !== '';
  const num = (s = '') => (s === '' ? '' : String(Number(s)));
  for (const rows of groups.values()) {
    const located = rows.filter((row) => placed(row.r));
    const last = new Map<string, Row>();
    for (const row of located.length > 0 ? located : rows) {
      const place = [num(row.r.Longitude), num(row.r.Latitude), row.r['LSOA code']].join('|');
      if ((last.get(place)?.order ?? -1) < row.order) last.set(place, row);
    }
    crimes.push(...last.values());
    for (const row of rows) (account.get(row.file) as FileAccount).duplicates++;
    for (const row of last.values()) (account.get(row.file) as FileAccount).duplicates--;
  }
  const perId = new Map<string, number>();
  for (const { r } of crimes)
    perId.set(r['Crime ID'] ?? '', (perId.get(r['Crime ID'] ?? '') ?? 0) + 1);
  const counts = new Map<string, number>();
  for (const { file, r } of crimes) {
    const acc = account.get(file) as FileAccount;
    if (r['Crime ID'] !== '' && (perId.get(r['Crime ID'] ?? '') ?? 0) > 1) acc.repeated++;
    const lsoa = r['LSOA code'] ?? '';
    if (lsoa === '') acc.locationUnknown++;
    else if (!inArea(lsoa)) acc.outside++;
    else {
      acc.loaded++;
      const category = snake(r['Crime type'] ?? '');
      counts.set(category, (counts.get(category) ?? 0) + 1);
    }
  }
  return { account, counts };
}

/** The manifest's accounting of a file, to compare whole (toMatchObject would allow extra reasons). */
const accounting = (input: Manifest['inputs'][number] | undefined) => ({
  rows_read: input?.rows_read,
  rows_loaded: input?.rows_loaded,
  rows_rejected: input?.rows_rejected,
  set_aside_reasons: input?.set_aside_reasons,
  repeated_crime_id_rows_counted: input?.repeated_crime_id_rows_counted,
});

/** What the manifest should say of a file, from its expected accounting. */
const manifestOf = (a: FileAccount) => {
  const reasons: Record<string, number> = {
    'anti-social behaviour (kept apart from crime)': a.asb,
    [DUPLICATE]: a.duplicates,
    'location unknown (no LSOA)': a.locationUnknown,
    'outside the area': a.outside,
  };
  return {
    rows_read: a.rows,
    rows_loaded: a.loaded,
    rows_rejected: 0,
    set_aside_reasons: Object.fromEntries(Object.entries(reasons).filter(([, n]) => n > 0)),
    repeated_crime_id_rows_counted: a.repeated,
  };
};

async function runOn(files: string[], reference: 'test' | 'real') {
  const ws = workspace('sna-police-uk-real-');
  for (const file of files) ws.write(`street/${basename(file)}`, readFileSync(file));
  if (reference === 'test') {
    writeReference(ws);
    ws.config(baseConfig('  police_uk_street: street/*-street.csv*'));
  } else {
    ws.config(derbyConfig());
  }
  await run(ws.path('sna.config.yaml'), { stages: ['ingest', 'indicators'], log: memoryLogger() });
  const manifest = JSON.parse(readFileSync(ws.path('out/manifest.json'), 'utf8')) as Manifest;
  return { ws, manifest };
}

describe('police.uk Crime IDs on real files', () => {
  it.skipIf(!existsSync(EDGE))('accounts for the GMP edge-case file (../shared)', async () => {
    const want = expected([{ name: basename(EDGE), rows: readCsv(EDGE) }], () => false);
    const a = want.account.get(basename(EDGE)) as FileAccount;
    // The file's known shape: one ASB row and 13 copies of one crime (in Leicester).
    expect([a.rows, a.asb, a.duplicates, a.outside]).toEqual([14, 1, 12, 1]);
    const { manifest } = await runOn([EDGE], 'test');
    const input = manifest.inputs.find((i) => i.path.endsWith(basename(EDGE)));
    expect(accounting(input)).toEqual(manifestOf(a));
  });

  const HAS_NATIONAL = [...FORCES, LOOKUP, FILE_6].every((f) => existsSync(f));
  if (!HAS_NATIONAL) {
    console.warn(`skipping the national 2022-09 police.uk test: ${NATIONAL} is not here`);
  }
  it.skipIf(!HAS_NATIONAL)(
    'counts BTP’s blank-ID crimes and Derbyshire’s repeated IDs for Derby, September 2022',
    async () => {
      const ladOf = new Map(readCsv(LOOKUP).map((r) => [r.LSOA11CD ?? '', r.LAD19CD ?? '']));
      const files = FORCES.map((f) => ({ name: basename(f), rows: readCsv(f) }));
      const want = expected(files, (lsoa) => ladOf.get(lsoa) === DERBY);
      const btp = want.account.get('2022-09-btp-street.csv.gz') as FileAccount;
      const derbyshire = want.account.get('2022-09-derbyshire-street.csv.gz') as FileAccount;
      // What makes the run a test: BTP crimes in Derby, and Derbyshire IDs on several crimes.
      expect(btp.loaded).toBeGreaterThan(0);
      expect(btp.asb).toBe(0);
      expect(derbyshire.repeated).toBeGreaterThan(100);
      expect(derbyshire.duplicates).toBeGreaterThan(0);

      const { ws, manifest } = await runOn(FORCES, 'real');
      for (const file of files) {
        const input = manifest.inputs.find((i) => i.path.endsWith(file.name));
        expect({ file: file.name, ...accounting(input) }).toEqual({
          file: file.name,
          ...manifestOf(want.account.get(file.name) as FileAccount),
        });
      }
      const counts = await query<{ category: string; n: number }>(
        ws.path('out/sna.duckdb'),
        `SELECT category, value::INTEGER n FROM indicator_values
         WHERE indicator_id = 'police.count' AND value > 0 ORDER BY category`,
      );
      expect(Object.fromEntries(counts.map((c) => [c.category, c.n]))).toEqual(
        Object.fromEntries(want.counts),
      );
    },
    120_000,
  );
});
