/**
 * British National Grid (EPSG:27700) ↔ WGS84 by proj4: the grid's transverse Mercator on the
 * Airy 1830 ellipsoid, and the OSGB36 → WGS84 seven-parameter Helmert shift (EPSG's
 * transformation 1314, as the EPSG registry publishes the CRS for proj). The Helmert shift is good
 * to about 5 m across Great Britain (Ordnance Survey): plenty for 100 m bands and 250 m hexagons,
 * not for surveying.
 */
import proj4 from 'proj4';

export const BNG_PROJ =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

const converter = proj4('WGS84', BNG_PROJ);

/** WGS84 longitude, latitude (degrees) → easting, northing (metres). */
export function toBng(longitude: number, latitude: number): [number, number] {
  const [easting, northing] = converter.forward([longitude, latitude]);
  return [easting as number, northing as number];
}

/** Easting, northing (metres) → WGS84 longitude, latitude (degrees). */
export function toWgs84(easting: number, northing: number): [number, number] {
  const [longitude, latitude] = converter.inverse([easting, northing]);
  return [longitude as number, latitude as number];
}
