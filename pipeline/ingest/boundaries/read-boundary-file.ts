/**
 * Reads one boundary file (docs/contract.md#boundary-files) into its units' polygons, in WGS84
 * with d3's winding, snapped to 1e-7°. A file sna cannot use throws an InputError (exit 3) that
 * names it; a feature it cannot use is set aside with a reason and counted.
 *
 * The loops here run over features and polygon vertices (hundreds of polygons, tens of
 * thousands of points for a county), not over data rows.
 */
import { readFile } from 'node:fs/promises';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { BoundaryLevel } from '../../../core/config.js';
import { InputError } from '../../../core/errors.js';
import { type BoundaryCrs, bngToWgs84, crsName, detectCrs, type Extent } from './crs.js';
import { mapPositions, type Parts, partsOf, prepareParts } from './geometry.js';
import { type AnyFeature, parseFeatures } from './parse-features.js';
import { CODE_PROPERTY_WORDS, chooseProperties } from './properties.js';

/** One usable feature: its unit's code and name, its index in the file, its polygons. */
export interface BoundaryFeature {
  code: string;
  name: string | null;
  /** 0-based position in the file's features. */
  feature: number;
  parts: Parts;
}

export interface BoundaryFileRead {
  path: string;
  crs: BoundaryCrs;
  codeProperty: string;
  nameProperty: string | null;
  featuresRead: number;
  features: BoundaryFeature[];
  /** reason → features set aside for it. */
  setAside: Record<string, number>;
  /** Features whose rings were turned to d3's winding. */
  rewound: number;
}

export const SET_ASIDE = {
  noGeometry: 'no geometry',
  notPolygon: 'not a polygon',
  noCode: 'no code',
  noArea: 'smaller than 1 cm',
} as const;

export async function readBoundaryFile(
  path: string,
  level: BoundaryLevel,
  configuredCode: string | null,
): Promise<BoundaryFileRead> {
  const fail = (message: string, hint?: string) => new InputError(message, { file: path }, hint);
  const parsed = parseFeatures(await readFile(path, 'utf8'));
  if ('problem' in parsed) throw fail(`the ${level} boundary file ${parsed.problem}`);
  const names = propertyNames(parsed.features);
  const chosen = chooseProperties(names, level, configuredCode);
  if (!chosen) {
    const has = names.length > 0 ? names.join(', ') : 'none';
    const wanted =
      configuredCode !== null
        ? `the configured code_property "${configuredCode}"`
        : CODE_PROPERTY_WORDS[level];
    throw fail(
      `no ${level} code property: expected ${wanted}; the features' properties are ${has}`,
      `set reference.boundaries.${level}.code_property to the one holding the ONS code`,
    );
  }
  const setAside: Record<string, number> = {};
  const aside = (reason: string) => {
    setAside[reason] = (setAside[reason] ?? 0) + 1;
  };
  const polygons: Array<{ index: number; f: AnyFeature; parts: Parts }> = [];
  for (const [index, f] of parsed.features.entries()) {
    const g = f?.geometry;
    if (!g) aside(SET_ASIDE.noGeometry);
    else if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') aside(SET_ASIDE.notPolygon);
    else polygons.push({ index, f, parts: partsOf(g as Polygon | MultiPolygon) });
  }
  const crs = detectCrs(crsName(parsed.container), extentOf(polygons.map((p) => p.parts)));
  if (crs !== 'wgs84' && crs !== 'bng') throw fail(`the ${level} boundary file: ${crs}`);
  const features: BoundaryFeature[] = [];
  let rewound = 0;
  for (const { index, f, parts } of polygons) {
    const code = textOf(f.properties?.[chosen.code]);
    if (code === null) {
      aside(SET_ASIDE.noCode);
      continue;
    }
    const wgs84 = crs === 'bng' ? mapPositions(parts, bngToWgs84) : parts;
    const prepared = prepareParts(wgs84);
    if (prepared.parts.length === 0) {
      aside(SET_ASIDE.noArea);
      continue;
    }
    if (prepared.rewound) rewound += 1;
    const name = chosen.name === null ? null : textOf(f.properties?.[chosen.name]);
    features.push({ code, name, feature: index, parts: prepared.parts });
  }
  return {
    path,
    crs,
    codeProperty: chosen.code,
    nameProperty: chosen.name,
    featuresRead: parsed.features.length,
    features,
    setAside,
    rewound,
  };
}

/** Every property name, in order of first appearance. */
function propertyNames(features: readonly AnyFeature[]): string[] {
  const names = new Set<string>();
  for (const f of features) for (const key of Object.keys(f?.properties ?? {})) names.add(key);
  return [...names];
}

function textOf(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
}

function extentOf(all: readonly Parts[]): Extent {
  const extent = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  const visit = ([x = Number.NaN, y = Number.NaN]: Position) => {
    if (x < extent.minX) extent.minX = x;
    if (x > extent.maxX) extent.maxX = x;
    if (y < extent.minY) extent.minY = y;
    if (y > extent.maxY) extent.maxY = y;
  };
  for (const parts of all) for (const rings of parts) for (const ring of rings) ring.forEach(visit);
  return extent;
}
