/**
 * The maps' data: the area's boundaries (public ONS geography, named as the lookup names them)
 * and, when the crimes have points, their hexagon counts with small cells already left out.
 * Nothing here identifies a person or an address.
 */
import type { SnaConfig } from '../core/config.js';
import type { Database } from '../core/database.js';
import { areaLabels } from '../indicators/area-labels.js';
import { hexCells } from '../indicators/spatial/hexbin.js';
import type { GeoJsonGeometry, MapArea, MapLayer, ReportMaps } from './types.js';

interface BoundaryRow extends Record<string, unknown> {
  level: string;
  code: string;
  name: string | null;
  ward_code: string | null;
  ward_name: string | null;
  geometry: string;
}

interface CoverageRow extends Record<string, unknown> {
  level: string;
  usable: boolean;
  reason: string | null;
}

/**
 * The boundaries of each configured level, or the reason a level's maps are refused; and the
 * hexagon counts of the crimes' points.
 */
export async function loadMapLayers(db: Database, config: SnaConfig): Promise<ReportMaps> {
  const cells = await hexCells(db, config);
  const maps: ReportMaps = {
    ...(cells.length > 0
      ? {
          hexCells: cells.map((c) => ({
            category: c.category,
            crimes: c.crimes,
            geometry: c.geometry,
          })),
          // hex_cell_m is centre to corner: a hexagon is twice that from corner to corner.
          hexCellMetres: 2 * config.spatial.hexCellM,
        }
      : {}),
  };
  if (!config.boundaries.lsoa && !config.boundaries.ward) return maps;
  const coverage = await db.all<CoverageRow>(
    'SELECT level, usable, reason FROM agg_boundary_coverage',
  );
  const rows = await db.all<BoundaryRow>(
    `WITH lsoas AS (SELECT DISTINCT lsoa_code, lsoa_name, ward_code, ward_name FROM dim_area_lsoas),
          wards AS (SELECT DISTINCT ward_code, ward_name FROM dim_area_lsoas)
     SELECT b.level, b.code, coalesce(lsoas.lsoa_name, wards.ward_name, b.name) AS name,
            lsoas.ward_code, lsoas.ward_name, b.geometry
     FROM dim_area_boundaries AS b
     LEFT JOIN lsoas ON b.level = 'lsoa' AND b.code = lsoas.lsoa_code
     LEFT JOIN wards ON b.level = 'ward' AND b.code = wards.ward_code
     ORDER BY b.level, b.code`,
  );
  // Labelled as the indicators label them, over all the area's wards, so a map joins its rows.
  const wardLabels = areaLabels(
    await db.all<{ code: string; name: string | null }>(
      'SELECT DISTINCT ward_code AS code, ward_name AS name FROM dim_area_lsoas WHERE ward_code IS NOT NULL',
    ),
  );
  for (const level of ['lsoa', 'ward'] as const) {
    if (!config.boundaries[level]) continue;
    const levelRows = rows.filter((r) => r.level === level);
    const labels =
      level === 'ward'
        ? wardLabels
        : areaLabels(levelRows.map((r) => ({ code: r.code, name: r.name })));
    const found = coverage.find((c) => c.level === level);
    const areas: MapArea[] = levelRows.map((r) => ({
      code: r.code,
      name: r.name ?? r.code,
      label: labels.get(r.code) ?? r.code,
      ...(r.ward_code ? { ward: wardLabels.get(r.ward_code) ?? r.ward_code } : {}),
      geometry: JSON.parse(r.geometry) as GeoJsonGeometry,
    }));
    const layer: MapLayer =
      found && !found.usable
        ? { areas: [], refused: found.reason ?? 'the boundaries do not match the area' }
        : { areas };
    maps[level] = layer;
  }
  return maps;
}
