/** Hexagon bins: points into cells worked by hand, small cells dropped, polygons in WGS84. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SnaConfig } from '../../../core/config.js';
import { Database } from '../../../core/database.js';
import { HEX_AXIAL_SQL, hexCells } from '../../../indicators/spatial/hexbin.js';
import { projectCrimePoints } from '../../../indicators/spatial/project-points.js';
import { toWgs84 } from '../../../indicators/spatial/projection.js';

let db: Database;
beforeEach(async () => {
  db = await Database.open(':memory:');
});
afterEach(() => db.close());

/**
 * Size 100 m (centre to corner). Pointy-top cells: (0,0) centred on (0, 0), (1,0) on
 * (173.2, 0), (0,1) on (86.6, 150), (-1,1) on (-86.6, 150).
 *   fq = (√3/3·E − N/3)/100, fr = (2/3·N)/100
 * A (10, 10):   fq 0.0244, fr 0.0667 → rounds to (0,0).
 * B (170, 5):   fq 0.9648, fr 0.0333; cube (1, 0, −1), q moved most (0.035) → (1,0).
 * C (0, 95):    fq −0.3167, fr 0.6333: rounding each gives (0,1), 102.6 m away, but cube
 *               rounding (0, 1, 0): r moved most (0.367), r = −q − s = 0 → (0,0), 95 m away,
 *               inside (0,0) whose top corner is (0, 100).
 * D (80, 140):  fq −0.0048, fr 0.9333 → (0,1) (6.6 m from its centre).
 * E (−90, 160): fq −1.0529, fr 1.0667; cube (−1, 1, 0), r moved most (0.067), r = −q − s
 *               = 1 → (−1,1).
 */
const POINTS = [
  ['A', 10, 10, 0, 0],
  ['B', 170, 5, 1, 0],
  ['C', 0, 95, 0, 0],
  ['D', 80, 140, 0, 1],
  ['E', -90, 160, -1, 1],
] as const;

describe('hexagon axial coordinates (SQL)', () => {
  it('puts each point in the cell worked by hand, cube rounding included', async () => {
    const values = POINTS.map(([id, e, n]) => `('${id}', ${e}, ${n})`).join(', ');
    await db.run(
      `CREATE TEMP VIEW hex_input AS SELECT * FROM (VALUES ${values}) t(id, easting, northing)`,
    );
    const rows = await db.all<{ id: string; q: number; r: number }>(
      `SELECT id, q, r FROM (${HEX_AXIAL_SQL.replaceAll('$size', '100')}) ORDER BY id`,
    );
    expect(rows.map((row) => [row.id, row.q, row.r])).toEqual(
      POINTS.map(([id, , , q, r]) => [id, q, r]),
    );
  });
});

describe('hexCells', () => {
  const config = {
    spatial: { hexCellM: 100 },
    thresholds: { suppressBelow: 3 },
  } as unknown as SnaConfig;

  beforeEach(async () => {
    await db.run(`CREATE TABLE run_config AS
      SELECT DATE '2024-04-01' AS period_start, DATE '2025-03-31' AS period_end`);
    // Cell (0,0): 3 robberies in the period (published) and one before it (not counted);
    // cell (1,0): 2 robberies (below 3: dropped); cell (0,1): 3 burglaries sent in WGS84.
    const [lon, lat] = toWgs84(80, 140);
    await db.run(`CREATE TABLE fct_crime_points AS SELECT * FROM (VALUES
      ('robbery', 'R1', 'police_crimes', DATE '2024-05-01', true, NULL::TIME, NULL, NULL, NULL::DOUBLE, NULL::DOUBLE, 10.0, 10.0),
      ('robbery', 'R2', 'police_crimes', DATE '2024-06-01', true, NULL, NULL, NULL, NULL, NULL, 0.0, 95.0),
      ('robbery', 'R3', 'police_crimes', DATE '2024-07-01', true, NULL, NULL, NULL, NULL, NULL, -20.0, -30.0),
      ('robbery', 'R4', 'police_crimes', DATE '2023-07-01', true, NULL, NULL, NULL, NULL, NULL, 5.0, 5.0),
      ('robbery', 'R5', 'police_crimes', DATE '2024-07-01', true, NULL, NULL, NULL, NULL, NULL, 170.0, 5.0),
      ('robbery', 'R6', 'police_crimes', DATE '2024-08-01', true, NULL, NULL, NULL, NULL, NULL, 180.0, -10.0),
      ('burglary', 'B1', 'police_crimes', DATE '2024-08-01', true, NULL, NULL, NULL, ${lon}, ${lat}, NULL, NULL),
      ('burglary', 'B2', 'police_crimes', DATE '2024-08-02', true, NULL, NULL, NULL, ${lon}, ${lat}, NULL, NULL),
      ('burglary', 'B3', 'police_crimes', DATE '2024-08-03', true, NULL, NULL, NULL, ${lon}, ${lat}, NULL, NULL)
    ) t(category, crime_ref, source, offence_date, date_exact, committed_time, lsoa_code, ward_code,
        longitude, latitude, easting, northing)`);
    await projectCrimePoints(db);
  });

  it('counts each category’s cells over the period and drops cells below suppress_below', async () => {
    const cells = await hexCells(db, config);
    expect(cells.map((c) => [c.category, c.q, c.r, c.crimes])).toEqual([
      ['burglary', 0, 1, 3],
      ['robbery', 0, 0, 3],
    ]);
  });

  it('gives each cell its hexagon in WGS84: six corners 100 m from the centre, clockwise', async () => {
    const [robbery] = (await hexCells(db, config)).filter((c) => c.category === 'robbery');
    const ring = robbery?.geometry.coordinates[0] ?? [];
    expect(ring).toHaveLength(7);
    expect(ring[6]).toEqual(ring[0]);
    // The upper-right corner of cell (0,0) is (86.6, 50) in grid metres.
    const [lon, lat] = toWgs84(50 * Math.sqrt(3), 50);
    expect(ring[0]?.[0]).toBeCloseTo(lon, 9);
    expect(ring[0]?.[1]).toBeCloseTo(lat, 9);
    // Shoelace over longitude/latitude: negative when clockwise.
    let twiceArea = 0;
    for (let i = 0; i < 6; i++) {
      const [x1, y1] = ring[i] as number[];
      const [x2, y2] = ring[i + 1] as number[];
      twiceArea += (x1 as number) * (y2 as number) - (x2 as number) * (y1 as number);
    }
    expect(twiceArea).toBeLessThan(0);
  });
});
