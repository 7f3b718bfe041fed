/**
 * Queen contiguity (int_boundary_neighbours) on squares drawn by hand: in a 3×3 grid the centre
 * has 8 neighbours, an edge square 5 and a corner 3; two squares meeting at one corner only are
 * neighbours; squares 1 m apart are not.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnaConfig } from '../../../core/config.js';
import { Database } from '../../../core/database.js';
import { memoryLogger } from '../../../core/log.js';
import { ensureRawTables } from '../../../pipeline/db/raw-tables.js';
import { MODELS } from '../../../pipeline/sql/models.js';
import { buildModel } from '../../../pipeline/stages/build-models.js';
import { loadBoundaries } from '../../../pipeline/stages/load-boundaries.js';
import { workspace } from '../../helpers/workspace.js';

const STEP = 0.01;
/** A clockwise square whose south-west corner is (x, y) degrees; noise moves every vertex. */
function square(x: number, y: number, noise = 0) {
  const ring = [
    [x, y],
    [x, y + STEP],
    [x + STEP, y + STEP],
    [x + STEP, y],
    [x, y],
  ].map(([a = 0, b = 0]) => [a + noise, b - noise]);
  return { type: 'Polygon', coordinates: [ring] };
}
const feature = (code: string, geometry: unknown) => ({
  type: 'Feature',
  properties: { code },
  geometry,
});

/** Grid cell name: row letter (a = south) and column number (1 = west). */
const cell = (row: number, col: number) => `${'abc'[row]}${col + 1}`;

const ws = workspace('sna-contiguity-');
let db: Database;

beforeAll(async () => {
  const grid = [];
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 3; col++) {
      // Alternate squares carry floating-point noise far below 1 cm, as real files do.
      const noise = (row + col) % 2 === 0 ? 0 : 2e-11;
      grid.push(feature(cell(row, col), square(-3 + col * STEP, 53 + row * STEP, noise)));
    }
  }
  ws.write('lsoa.geojson', JSON.stringify({ type: 'FeatureCollection', features: grid }));
  const apart = 1e-5; // about 1 m
  ws.write(
    'ward.geojson',
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        feature('corner-sw', square(-2, 53)),
        feature('corner-ne', square(-2 + STEP, 53 + STEP)),
        feature('apart', square(-2 + 2 * STEP + apart, 53 + 2 * STEP)),
      ],
    }),
  );
  const spec = (file: string) => ({
    pattern: file,
    absolutePattern: ws.path(file),
    codeProperty: 'code',
  });
  const config = {
    configDir: ws.dir,
    boundaries: { lsoa: spec('lsoa.geojson'), ward: spec('ward.geojson') },
  } as unknown as SnaConfig;
  db = await Database.open(':memory:');
  await ensureRawTables(db);
  await loadBoundaries(db, config, memoryLogger());
  const model = MODELS.find((m) => m.name === 'int_boundary_neighbours');
  if (!model) throw new Error('int_boundary_neighbours is not registered');
  await buildModel(db, model);
});
afterAll(() => db?.close());

const neighbours = async (level: string) => {
  const rows = await db.all<{ code: string; neighbours: string[] }>(
    `SELECT code, list(neighbour_code ORDER BY neighbour_code) AS neighbours
     FROM int_boundary_neighbours WHERE level = $level GROUP BY code ORDER BY code`,
    { level },
  );
  return Object.fromEntries(rows.map((r) => [r.code, r.neighbours]));
};

describe('queen contiguity', () => {
  it('gives the centre of a 3×3 grid 8 neighbours, an edge square 5 and a corner 3', async () => {
    const found = await neighbours('lsoa');
    expect(Object.keys(found).sort()).toEqual([
      'a1',
      'a2',
      'a3',
      'b1',
      'b2',
      'b3',
      'c1',
      'c2',
      'c3',
    ]);
    expect(found.b2).toEqual(['a1', 'a2', 'a3', 'b1', 'b3', 'c1', 'c2', 'c3']);
    expect(found.a1).toEqual(['a2', 'b1', 'b2']);
    expect(found.c3).toEqual(['b2', 'b3', 'c2']);
    expect(found.a2).toEqual(['a1', 'a3', 'b1', 'b2', 'b3']);
    expect(found.b3).toEqual(['a2', 'a3', 'b2', 'c2', 'c3']);
    // 12 shared edges + 8 shared corners = 20 pairs, each both ways.
    const count = await db.one<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM int_boundary_neighbours WHERE level = 'lsoa'`,
    );
    expect(count?.n).toBe(40);
  });

  it('makes squares meeting at one corner neighbours, and squares a metre apart not', async () => {
    expect(await neighbours('ward')).toEqual({
      'corner-ne': ['corner-sw'],
      'corner-sw': ['corner-ne'],
    });
  });
});
