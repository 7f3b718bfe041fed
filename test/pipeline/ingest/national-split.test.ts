/**
 * National mode's split at ingest (area-split.ts) on real files (../shared, September 2022:
 * BTP, Derbyshire, Northern Ireland) for Derby: rows outside the area are counted into
 * raw_police_uk__street_counts, not kept, and the manifest still accounts for every row read.
 * The expected counts are worked out here from the CSV with csv-parse, without sna.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../core/log.js';
import { COUNTED_REASON } from '../../../core/provenance.js';
import { run } from '../../../pipeline/index.js';
import type { Manifest } from '../../../pipeline/outputs/manifest.js';
import {
  DERBY,
  DERBY_FORCES,
  derbyConfig,
  HAS_DERBY_FILES,
  LOOKUP,
  NATIONAL_MONTH as NATIONAL,
  readCsv,
} from '../../helpers/police-uk-derby.js';
import { query, workspace } from '../../helpers/workspace.js';

const FORCES = DERBY_FORCES;
const HAS = HAS_DERBY_FILES;

async function runDerby(national: string) {
  const ws = workspace('sna-national-split-');
  for (const file of FORCES) ws.write(`street/${basename(file)}`, readFileSync(file));
  ws.config(derbyConfig(national));
  await run(ws.path('sna.config.yaml'), { stages: ['ingest', 'indicators'], log: memoryLogger() });
  const manifest = JSON.parse(readFileSync(ws.path('out/manifest.json'), 'utf8')) as Manifest;
  const db = ws.path('out/sna.duckdb');
  const inputs = new Map(
    manifest.inputs
      .filter((i) => i.source === 'police_uk_street')
      .map((i) => [basename(i.path), i]),
  );
  const counts = await query<{ file: string; rows: number; crimes: number }>(
    db,
    `SELECT f.path AS file, sum(c.rows)::INTEGER AS rows, sum(c.crimes)::INTEGER AS crimes
     FROM raw_police_uk__street_counts c JOIN ingest_files f USING (file_id) GROUP BY f.path`,
  );
  const indicators = await query<{ category: string; n: number }>(
    db,
    `SELECT category, value::INTEGER n FROM indicator_values
     WHERE indicator_id = 'police.count' AND value > 0 ORDER BY category`,
  );
  return {
    ws,
    inputs,
    counts: new Map(counts.map((c) => [basename(c.file), c])),
    indicators,
    settings: await query<{ read_settings: string }>(
      db,
      "SELECT read_settings FROM ingest_files WHERE source = 'police_uk_street'",
    ),
  };
}

describe('national mode at ingest', () => {
  if (!HAS) console.warn(`skipping the national split test: ${NATIONAL} is not here`);
  it.skipIf(!HAS)(
    'counts the rows outside the area by file, keeps the area’s, and accounts for every row',
    async () => {
      const ladOf = new Map(readCsv(LOOKUP).map((r) => [r.LSOA11CD ?? '', r.LAD19CD ?? '']));
      const plain = await runDerby('');
      const national = await runDerby('comparators:\n  auto: england\n');
      for (const path of FORCES) {
        const name = basename(path);
        const rows = readCsv(path);
        const outside = rows.filter(
          (r) => (r['LSOA code'] ?? '') !== '' && ladOf.get(r['LSOA code'] ?? '') !== DERBY,
        );
        // Copies: same Crime ID, month, type, LSOA and place within the file; blank IDs apart.
        const keys = new Set<string>();
        let crimes = 0;
        for (const r of outside) {
          if (r['Crime ID'] === '') crimes++;
          else {
            const key = [
              r['Crime ID'],
              r.Month,
              r['Crime type'],
              r['LSOA code'],
              Number(r.Longitude),
              Number(r.Latitude),
            ].join('|');
            if (!keys.has(key)) crimes++;
            keys.add(key);
          }
        }
        const n = national.inputs.get(name);
        const p = plain.inputs.get(name);
        expect({ name, rows: n?.rows_read }).toEqual({ name, rows: rows.length });
        expect(n?.set_aside_reasons[COUNTED_REASON] ?? 0).toBe(outside.length);
        expect(national.counts.get(name) ?? { rows: 0, crimes: 0 }).toMatchObject({
          rows: outside.length,
          crimes,
        });
        // The area's rows are what they were: loaded, and set aside for the same reasons.
        expect(n?.rows_loaded).toBe(p?.rows_loaded);
        expect(n?.rows_rejected).toBe(p?.rows_rejected);
        expect(n && n.rows_loaded + n.rows_set_aside + n.rows_rejected).toBe(n?.rows_read);
        expect(plain.counts.get(name)).toBeUndefined();
      }
      expect(national.indicators).toEqual(plain.indicators);
      // What decides the split is part of each file's read settings (a change re-reads).
      for (const { read_settings } of national.settings) {
        expect(JSON.parse(read_settings)).toMatchObject({
          national: { area_codes: [DERBY], keep_outside_rows: false },
        });
      }
      for (const { read_settings } of plain.settings) {
        expect(JSON.parse(read_settings)).not.toHaveProperty('national');
      }
      const kept = await runDerby(
        'comparators:\n  auto: england\nnational:\n  keep_outside_rows: true\n',
      );
      expect(kept.counts.size).toBe(0);
      for (const [name, input] of kept.inputs) {
        expect(input.set_aside_reasons).toEqual(plain.inputs.get(name)?.set_aside_reasons);
      }
    },
    240_000,
  );
});
