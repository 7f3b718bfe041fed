/**
 * Crime density in hexagons: each category's crimes in the assessment period binned into
 * pointy-top hexagons on the British National Grid (docs/methods.md#hexagon-bins).
 *
 * Binning is set-based SQL: a point's fractional axial coordinates, then cube rounding to the
 * nearest hexagon centre. Cells with fewer than `suppress_below` crimes are never returned, so
 * never drawn. Only the returned cells (a few hundred) get their six corners projected back to
 * WGS84 in Node. No point leaves this module: a cell is a count and a polygon.
 */
import type { Polygon } from 'geojson';
import type { SnaConfig } from '../../core/config.js';
import type { Database } from '../../core/database.js';
import { toWgs84 } from './projection.js';

export interface HexCell {
  category: string;
  /** Axial coordinates of the cell on the grid whose cell (0, 0) is centred on the grid origin. */
  q: number;
  r: number;
  crimes: number;
  /** The hexagon in WGS84, its ring clockwise (the order d3 and Vega-Lite fill inside). */
  geometry: Polygon;
}

/**
 * SQL giving (q, r) of pointy-top hexagons of size `$size` (centre to corner) for the columns
 * `easting`, `northing`: axial coordinates, then cube rounding (the cube coordinate that moved
 * most in rounding is recomputed from the other two, so q + r + s = 0 holds).
 */
export const HEX_AXIAL_SQL = `
  WITH frac AS (
    SELECT *,
      (sqrt(3) / 3 * easting - northing / 3) / $size AS fq,
      (2.0 / 3 * northing) / $size AS fr
    FROM hex_input
  ),
  rounded AS (
    SELECT *, round(fq) AS rq, round(fr) AS rr, round(-fq - fr) AS rs FROM frac
  )
  SELECT * EXCLUDE (fq, fr, rq, rr, rs),
    CASE WHEN abs(rq - fq) > abs(rr - fr) AND abs(rq - fq) > abs(rs + fq + fr) THEN -rr - rs
         ELSE rq END::BIGINT AS q,
    CASE WHEN abs(rq - fq) > abs(rr - fr) AND abs(rq - fq) > abs(rs + fq + fr) THEN rr
         WHEN abs(rr - fr) > abs(rs + fq + fr) THEN -rq - rs
         ELSE rr END::BIGINT AS r
  FROM rounded`;

/** Centre of cell (q, r) in grid metres. */
export function hexCentre(q: number, r: number, size: number): [number, number] {
  return [size * Math.sqrt(3) * (q + r / 2), size * 1.5 * r];
}

/** The six corners of cell (q, r) in grid metres, clockwise from the upper right, ring closed. */
export function hexCorners(q: number, r: number, size: number): [number, number][] {
  const [cx, cy] = hexCentre(q, r, size);
  const corners: [number, number][] = [];
  for (let i = 0; i < 6; i++) {
    const angle = ((30 - 60 * i) * Math.PI) / 180;
    corners.push([cx + size * Math.cos(angle), cy + size * Math.sin(angle)]);
  }
  corners.push(corners[0] as [number, number]);
  return corners;
}

/**
 * The area's hexagon cells per category over the assessment period, each with at least
 * `suppress_below` crimes, ordered by category then cell, from `crime_points_located` (the
 * models stage fills each point's grid coordinates).
 */
export async function hexCells(db: Database, config: SnaConfig): Promise<HexCell[]> {
  const size = config.spatial.hexCellM;
  await db.run(`CREATE OR REPLACE TEMP VIEW hex_input AS
    SELECT category, easting, northing
    FROM crime_points_located CROSS JOIN run_config
    WHERE offence_date BETWEEN run_config.period_start AND run_config.period_end`);
  const cells = await db.all<{ category: string; q: number; r: number; crimes: number }>(
    `SELECT category, q, r, count(*)::INTEGER AS crimes
     FROM (${HEX_AXIAL_SQL.replaceAll('$size', String(size))})
     GROUP BY category, q, r
     HAVING count(*) >= $suppress
     ORDER BY category, q, r`,
    { suppress: config.thresholds.suppressBelow },
  );
  // A loop over the published cells (a few hundred), not over crimes.
  return cells.map((cell) => ({
    ...cell,
    geometry: {
      type: 'Polygon',
      coordinates: [hexCorners(cell.q, cell.r, size).map(([e, n]) => toWgs84(e, n))],
    },
  }));
}
