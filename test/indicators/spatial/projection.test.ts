/**
 * proj4's British National Grid against Ordnance Survey's published worked example.
 *
 * Provenance: Ordnance Survey, "Transformations and OSGM15 User Guide", Annexe A, the Caister
 * Water Tower example: ETRS89 longitude 1.716073973, latitude 52.658007833; ETRS89 grid
 * (the National Grid projection on the GRS80 ellipsoid) E 651307.003, N 313255.686; OSGB36
 * National Grid by OSTN15 E 651409.804, N 313177.450. ETRS89 and WGS84 agree to within a metre.
 */
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { BNG_PROJ, toBng, toWgs84 } from '../../../indicators/spatial/projection.js';

const CAISTER_LONLAT: [number, number] = [1.716073973, 52.658007833];
const CAISTER_ETRS89_GRID: [number, number] = [651307.003, 313255.686];
const CAISTER_OSGB36_GRID: [number, number] = [651409.804, 313177.45];

describe('British National Grid by proj4', () => {
  it('projects with the grid’s transverse Mercator to the millimetre (no datum shift: ETRS89 grid)', () => {
    // The same projection parameters on GRS80 with no datum shift: OS's "ETRS89 grid".
    const etrs89Grid = BNG_PROJ.replace('+ellps=airy', '+ellps=GRS80').replace(
      /\+towgs84=\S+/,
      '+towgs84=0,0,0',
    );
    const [e, n] = proj4('WGS84', etrs89Grid).forward(CAISTER_LONLAT);
    expect(Math.abs((e as number) - CAISTER_ETRS89_GRID[0])).toBeLessThan(0.002);
    expect(Math.abs((n as number) - CAISTER_ETRS89_GRID[1])).toBeLessThan(0.002);
  });

  it('lands within OS’s ~5 m of the OSTN15 grid reference through the Helmert shift', () => {
    const [e, n] = toBng(...CAISTER_LONLAT);
    const miss = Math.hypot(e - CAISTER_OSGB36_GRID[0], n - CAISTER_OSGB36_GRID[1]);
    expect(miss).toBeLessThan(5);
    // And not by accident: with no datum shift it would miss by over 100 m.
    expect(Math.hypot(e - CAISTER_ETRS89_GRID[0], n - CAISTER_ETRS89_GRID[1])).toBeGreaterThan(100);
  });

  it('goes back where it came from (round trip to 1 cm / 1e-7 degrees)', () => {
    for (const [lon, lat] of [CAISTER_LONLAT, [-2.98, 53.41], [-5.7, 50.07], [-3.19, 55.95]]) {
      const [e, n] = toBng(lon as number, lat as number);
      const [lon2, lat2] = toWgs84(e, n);
      expect(Math.abs(lon2 - (lon as number))).toBeLessThan(1e-7);
      expect(Math.abs(lat2 - (lat as number))).toBeLessThan(1e-7);
      const [e2, n2] = toBng(lon2, lat2);
      expect(Math.hypot(e2 - e, n2 - n)).toBeLessThan(0.01);
    }
  });
});
