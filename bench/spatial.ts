/**
 * `npm run bench:spatial -- --lsoas 35000`: the spatial statistics at the scale of England and
 * Wales (about 35,000 LSOAs), on a synthetic grid of square LSOAs, at several sizes up to the one
 * asked for. Each step is timed per LSOA: a step whose time per LSOA grows with the size would
 * be quadratic somewhere. The steps are the pipeline's own:
 *
 *   grid GeoJSON ──loadBoundaries──▶ ref_boundaries, ref_boundary_vertices  (read, snap, append)
 *                ──int_boundary_neighbours.sql──▶ queen pairs                (vertex hash join)
 *                ──testHotspots──▶ Gi* z, p, Benjamini–Hochberg              (one pass + a sort)
 *
 * Memory is the process's resident set after each size and DuckDB's own count of bytes in use.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { SnaConfig } from '../core/config.js';
import { Database } from '../core/database.js';
import { createLogger } from '../core/log.js';
import { SQL_DIR } from '../core/paths.js';
import { Rng } from '../fixtures/generator/random.js';
import { testHotspots } from '../indicators/hotspots.js';
import { ensureRawTables } from '../pipeline/db/raw-tables.js';
import { loadBoundaries } from '../pipeline/stages/load-boundaries.js';

export interface SpatialStep {
  lsoas: number;
  pairs: number;
  hot: number;
  seconds: { load: number; neighbours: number; hotspots: number };
  /** Microseconds per LSOA of each step: flat as the size grows when no step is quadratic. */
  microsecondsPerLsoa: { load: number; neighbours: number; hotspots: number };
  rssMb: number;
  duckdbMb: number;
}

const SIDE_DEGREES = 0.01;

/** A side × side grid of square LSOAs (clockwise rings, as d3 wants) as a GeoJSON file. */
export function gridGeojson(side: number): string {
  const features = [];
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const [x, y] = [-4 + c * SIDE_DEGREES, 51 + r * SIDE_DEGREES];
      const ring = [
        [x, y],
        [x, y + SIDE_DEGREES],
        [x + SIDE_DEGREES, y + SIDE_DEGREES],
        [x + SIDE_DEGREES, y],
        [x, y],
      ].map(([a = 0, b = 0]) => [Number(a.toFixed(7)), Number(b.toFixed(7))]);
      const code = `E0${String(1_000_000 + r * side + c).padStart(7, '0')}`;
      features.push({
        type: 'Feature',
        properties: { LSOA11CD: code, LSOA11NM: `Grid ${r}-${c}` },
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** A count per LSOA: a fixed pseudo-random background and one planted cluster. */
function counts(side: number): number[] {
  const rng = new Rng(42);
  const next = () => rng.next();
  const mid = Math.floor(side / 2);
  return Array.from({ length: side * side }, (_, i) => {
    const [r, c] = [Math.floor(i / side), i % side];
    const planted = Math.abs(r - mid) <= 1 && Math.abs(c - mid) <= 1 ? 15 : 0;
    return Math.floor(next() * 6) + planted;
  });
}

const seconds = (since: number) => (performance.now() - since) / 1000;

export async function spatialStep(side: number, dir: string): Promise<SpatialStep> {
  const path = join(dir, `grid-${side}.geojson`);
  writeFileSync(path, gridGeojson(side));
  const db = await Database.open(':memory:');
  try {
    await ensureRawTables(db, { memoryLimit: null, threads: null });
    const config = {
      configDir: dir,
      boundaries: { lsoa: { pattern: path, absolutePattern: path, codeProperty: null } },
    } as unknown as SnaConfig;
    let t = performance.now();
    await loadBoundaries(db, config, createLogger({ quiet: true }));
    const load = seconds(t);
    t = performance.now();
    const sql = readFileSync(join(SQL_DIR, 'intermediate', 'int_boundary_neighbours.sql'), 'utf8');
    await db.run(`CREATE TABLE neighbours AS ${sql}`);
    const rows = await db.all<{ code: string; neighbours: string }>(
      `SELECT b.code, coalesce(string_agg(n.neighbour_code, ','), '') AS neighbours
       FROM ref_boundaries b LEFT JOIN neighbours n ON n.code = b.code
       GROUP BY b.code ORDER BY b.code`,
    );
    const neighbours = seconds(t);
    const values = counts(side);
    t = performance.now();
    const results = testHotspots(
      rows.map((row, i) => ({
        code: row.code,
        crimes: values[i] ?? 0,
        neighbours: row.neighbours ? row.neighbours.split(',') : [],
      })),
    );
    const hotspots = seconds(t);
    const [pairs] = await db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM neighbours');
    const [memory] = await db.all<{ bytes: number }>(
      'SELECT sum(memory_usage_bytes)::DOUBLE AS bytes FROM duckdb_memory()',
    );
    const n = side * side;
    const per = (s: number) => Math.round((s * 1e6) / n);
    return {
      lsoas: n,
      pairs: (pairs?.n ?? 0) / 2,
      hot: results.filter((r) => r.class === 'hot').length,
      seconds: { load, neighbours, hotspots },
      microsecondsPerLsoa: {
        load: per(load),
        neighbours: per(neighbours),
        hotspots: per(hotspots),
      },
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
      duckdbMb: Math.round((memory?.bytes ?? 0) / 2 ** 20),
    };
  } finally {
    db.close();
  }
}

/** The grid sides: about a seventh, two sevenths, four sevenths and all of the LSOAs asked. */
export function sides(lsoas: number): number[] {
  const full = Math.ceil(Math.sqrt(lsoas));
  return [...new Set([full / Math.sqrt(7), full / Math.sqrt(3.5), full / Math.sqrt(1.75), full])]
    .map(Math.round)
    .filter((s) => s >= 3);
}

export async function spatialBench(lsoas: number): Promise<SpatialStep[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sna-bench-spatial-'));
  try {
    const steps: SpatialStep[] = [];
    for (const side of sides(lsoas)) steps.push(await spatialStep(side, dir));
    return steps;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function table(steps: readonly SpatialStep[]): string {
  const head =
    'LSOAs    queen pairs  load s  (µs/LSOA)  neighbours s  (µs/LSOA)  Gi*+FDR s  (µs/LSOA)  RSS MB  DuckDB MB';
  const rows = steps.map((s) =>
    [
      s.lsoas.toLocaleString('en-GB').padEnd(8),
      s.pairs.toLocaleString('en-GB').padStart(11),
      s.seconds.load.toFixed(2).padStart(7),
      `(${s.microsecondsPerLsoa.load})`.padStart(10),
      s.seconds.neighbours.toFixed(2).padStart(13),
      `(${s.microsecondsPerLsoa.neighbours})`.padStart(10),
      s.seconds.hotspots.toFixed(3).padStart(10),
      `(${s.microsecondsPerLsoa.hotspots})`.padStart(10),
      String(s.rssMb).padStart(7),
      String(s.duckdbMb).padStart(10),
    ].join(' '),
  );
  return [head, ...rows].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { lsoas: { type: 'string' } } });
  const lsoas = Number(values.lsoas ?? 35_000);
  if (!Number.isSafeInteger(lsoas) || lsoas < 9) throw new Error('--lsoas must be at least 9');
  const steps = await spatialBench(lsoas);
  process.stderr.write(`${table(steps)}\n`);
  console.log(JSON.stringify({ spatial: steps }));
}
