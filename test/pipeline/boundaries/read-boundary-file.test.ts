/**
 * The boundary reader: GeoJSON and TopoJSON, WGS84 or British National Grid, d3's winding, the
 * code property found by name, and one line naming the file for what it cannot use.
 */
import type { FeatureCollection, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../core/errors.js';
import { readBoundaryFile } from '../../../pipeline/ingest/boundaries/read-boundary-file.js';
import { workspace } from '../../helpers/workspace.js';

// d3-geo ships no types; vega brings it. Its geoArea is the test of d3's winding: a polygon
// wound the wrong way covers the rest of the globe (about 4π steradians).
const D3_GEO = 'd3-geo';
const { geoArea } = (await import(D3_GEO)) as { geoArea: (geometry: unknown) => number };

/** A square from (x, y), `size` wide, clockwise (d3) or counter-clockwise (RFC 7946). */
function square(x: number, y: number, size: number, clockwise: boolean): Polygon {
  const ring = [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
  return { type: 'Polygon', coordinates: [clockwise ? ring.reverse() : ring] };
}

function collection(
  features: Array<{ properties: Record<string, unknown>; geometry: Polygon | null }>,
  crs?: string,
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
    features: features.map((f) => ({ type: 'Feature', ...f })),
  } as FeatureCollection;
}

const ws = workspace('sna-boundaries-');
const write = (name: string, content: unknown) =>
  ws.write(name, typeof content === 'string' ? content : JSON.stringify(content));

describe('readBoundaryFile', () => {
  it('reads WGS84 GeoJSON, keeping clockwise rings and turning counter-clockwise ones for d3', async () => {
    const path = write(
      'wgs84.geojson',
      collection([
        {
          properties: { LSOA11CD: 'E01000001', LSOA11NM: 'A 001A' },
          geometry: square(-3, 53.4, 0.01, true),
        },
        {
          properties: { LSOA11CD: 'E01000002', LSOA11NM: 'A 001B' },
          geometry: square(-2.99, 53.4, 0.01, false),
        },
        { properties: { LSOA11CD: 'E01000003', LSOA11NM: 'A 001C' }, geometry: null },
      ]),
    );
    const read = await readBoundaryFile(path, 'lsoa', null);
    expect(read.crs).toBe('wgs84');
    expect([read.codeProperty, read.nameProperty]).toEqual(['LSOA11CD', 'LSOA11NM']);
    expect(read.features.map((f) => [f.code, f.name, f.feature])).toEqual([
      ['E01000001', 'A 001A', 0],
      ['E01000002', 'A 001B', 1],
    ]);
    expect(read.featuresRead).toBe(3);
    expect(read.setAside).toEqual({ 'no geometry': 1 });
    expect(read.rewound).toBe(1);
    // The counter-clockwise square, as written, is the globe minus a square for d3.
    expect(geoArea(square(-2.99, 53.4, 0.01, false))).toBeGreaterThan(12);
    for (const f of read.features) {
      const area = geoArea({ type: 'Polygon', coordinates: f.parts[0] });
      // 0.01° × 0.01° at 53.4°N: 0.01² × cos(53.4°) × (π/180)² ≈ 1.8e-8 sr.
      expect(area).toBeCloseTo(1.8e-8, 9);
    }
    // The clockwise ring is kept as written (only rounded).
    expect(read.features[0]?.parts[0]?.[0]).toEqual(square(-3, 53.4, 0.01, true).coordinates[0]);
  });

  it('rounds coordinates to 7 decimal places, snapping floating-point noise between neighbours', async () => {
    const noisy = square(-2.965781083246263, 53.40328695178793, 0.001, true);
    const path = write(
      'noisy.geojson',
      collection([{ properties: { lsoa_code: 'E01000009' }, geometry: noisy }]),
    );
    const [f] = (await readBoundaryFile(path, 'lsoa', null)).features;
    expect(f?.parts[0]?.[0]?.[0]).toEqual([-2.9657811, 53.403287]);
  });

  it('reads every object of a TopoJSON topology', async () => {
    const a = collection([
      {
        properties: { WD19CD: 'E05000001', WD19NM: 'North' },
        geometry: square(-3, 53.4, 0.01, true),
      },
    ]);
    const b = collection([
      {
        properties: { WD19CD: 'E05000002', WD19NM: 'South' },
        geometry: square(-3, 53.39, 0.01, true),
      },
    ]);
    const path = write('wards.topojson', topology({ a, b } as never));
    const read = await readBoundaryFile(path, 'ward', null);
    expect(read.features.map((f) => [f.code, f.name])).toEqual([
      ['E05000001', 'North'],
      ['E05000002', 'South'],
    ]);
    expect(geoArea({ type: 'Polygon', coordinates: read.features[1]?.parts[0] })).toBeLessThan(
      1e-7,
    );
  });

  // A published pair, not proj4's own output: the OS's OSTN02 example of grid reference
  // TR143599 (OSGB36 E 614300, N 159900) at ETRS89 51.297880°N, 1.072628°E, as quoted by
  // Geo::Coordinates::OSTN02 (Toby Thurston) and its Python port (TimSC/ostn02python,
  // example.py). The 7-parameter Helmert sna uses is good to about 5 m, and ETRS89 is within a
  // metre of WGS84 here; a reprojection without the datum shift would be about 100 m off.
  const TR143599 = { e: 614300, n: 159900, lat: 51.29788, lon: 1.072628 };
  const metres = (lat1: number, lon1: number, lat2: number, lon2: number) => {
    const dy = (lat1 - lat2) * 111_320;
    const dx = (lon1 - lon2) * 111_320 * Math.cos((lat1 * Math.PI) / 180);
    return Math.hypot(dx, dy);
  };

  for (const [label, crs] of [
    ['a crs member naming EPSG:27700', 'urn:ogc:def:crs:EPSG::27700'],
    ['coordinates outside longitude/latitude range', undefined],
  ] as const) {
    it(`reprojects British National Grid (${label}) to WGS84 within 5 m of a published point`, async () => {
      const path = write(
        `bng-${crs ? 'crs' : 'range'}.geojson`,
        collection(
          [
            {
              properties: { LSOA21CD: 'E01000004' },
              geometry: square(TR143599.e, TR143599.n, 100, false),
            },
          ],
          crs,
        ),
      );
      const read = await readBoundaryFile(path, 'lsoa', null);
      expect(read.crs).toBe('bng');
      const ring = read.features[0]?.parts[0]?.[0] ?? [];
      // Counter-clockwise in eastings/northings stays counter-clockwise in lon/lat: turned for d3.
      expect(read.rewound).toBe(1);
      expect(geoArea({ type: 'Polygon', coordinates: [ring] })).toBeLessThan(1e-9);
      const [lon = 0, lat = 0] = ring[0] ?? [];
      expect(metres(lat, lon, TR143599.lat, TR143599.lon)).toBeLessThan(5);
    });
  }

  it('finds code properties by name in any case, and prefers the configured one', async () => {
    const path = write(
      'wd13.geojson',
      collection([
        {
          properties: {
            WD13CDO: '00BXFZ',
            wd13cd: 'E05000865',
            WD13NM: 'Cherryfield',
            OTHER: 'X1',
          },
          geometry: square(-2.9, 53.4, 0.01, true),
        },
      ]),
    );
    const found = await readBoundaryFile(path, 'ward', null);
    expect([found.codeProperty, found.nameProperty]).toEqual(['wd13cd', 'WD13NM']);
    const configured = await readBoundaryFile(path, 'ward', 'other');
    expect([configured.codeProperty, configured.features[0]?.code]).toEqual(['OTHER', 'X1']);
  });

  const failure = async (name: string, content: unknown, level: 'lsoa' | 'ward' = 'lsoa') => {
    const path = write(name, content);
    const error = await readBoundaryFile(path, level, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(3);
    return (error as InputError).format();
  };

  it('says which file lacks a code property, and which properties it has', async () => {
    const line = await failure(
      'nocode.geojson',
      collection([{ properties: { FID: 1, NAME: 'x' }, geometry: square(-3, 53, 0.01, true) }]),
      'ward',
    );
    expect(line).toMatch(
      /nocode\.geojson: no ward code property: expected WD<yy>CD.*ward_code; the features' properties are FID, NAME \(set reference\.boundaries\.ward\.code_property/,
    );
  });

  it('says which file is not JSON, or not GeoJSON/TopoJSON', async () => {
    expect(await failure('bad.geojson', '{"type": "FeatureCollection", ')).toMatch(
      /bad\.geojson: the lsoa boundary file is not valid JSON \(/,
    );
    expect(await failure('geom.geojson', { type: 'Polygon', coordinates: [] })).toMatch(
      /geom\.geojson: the lsoa boundary file is a GeoJSON Polygon \(sna reads a GeoJSON FeatureCollection or a TopoJSON Topology/,
    );
    expect(
      await failure(
        'mercator.geojson',
        collection(
          [{ properties: { LSOA11CD: 'E01000001' }, geometry: square(0, 0, 1, true) }],
          'EPSG:3857',
        ),
      ),
    ).toMatch(/its crs is EPSG:3857: sna reads WGS84 longitude\/latitude or British National Grid/);
  });
});
