/**
 * Which coordinate system a boundary file is in, and the reprojection of British National Grid
 * eastings/northings to WGS84 lon/lat (docs/contract.md#boundary-files).
 */
import proj4 from 'proj4';

export type BoundaryCrs = 'wgs84' | 'bng';

/**
 * EPSG:27700 as epsg.io publishes it for proj4 (transformation 1314: OSGB36 to WGS84 by the
 * OS's 7-parameter Helmert, good to about 5 m — far finer than a 20 m generalised boundary).
 */
const BNG =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
const toWgs84 = proj4(BNG, 'WGS84');

/** [east, north] in metres → [lon, lat] in degrees. */
export function bngToWgs84(point: readonly number[]): [number, number] {
  const [x = Number.NaN, y = Number.NaN] = point;
  const [lon = Number.NaN, lat = Number.NaN] = toWgs84.forward([x, y]);
  return [lon, lat];
}

/** The `crs` member's name (GeoJSON 2008; RFC 7946 dropped it, old exports still write it). */
export function crsName(container: unknown): string | null {
  const crs = (container as { crs?: { properties?: { name?: unknown } } } | null)?.crs;
  const name = crs?.properties?.name;
  return typeof name === 'string' ? name : null;
}

/** The extent of the coordinates read: decides the CRS when no `crs` member says. */
export interface Extent {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/**
 * The file's CRS, or a sentence saying why it is neither: a `crs` member naming EPSG:27700 (or
 * CRS84/EPSG:4326) decides; without one, coordinates inside lon/lat range are WGS84 and
 * coordinates within the National Grid's extent are eastings/northings.
 */
export function detectCrs(name: string | null, extent: Extent): BoundaryCrs | string {
  if (name !== null) {
    if (/27700/.test(name)) return 'bng';
    if (/CRS84|4326/i.test(name)) return 'wgs84';
    return `its crs is ${name}: sna reads WGS84 longitude/latitude or British National Grid (EPSG:27700)`;
  }
  const { minX, maxX, minY, maxY } = extent;
  if (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) return 'wgs84';
  if (minX >= 0 && maxX <= 700_000 && minY >= 0 && maxY <= 1_300_000) return 'bng';
  return `its coordinates (x ${minX}…${maxX}, y ${minY}…${maxY}) are neither longitude/latitude nor British National Grid eastings/northings`;
}
