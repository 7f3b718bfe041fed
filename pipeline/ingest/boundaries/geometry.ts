/**
 * A boundary polygon made ready for d3/Vega-Lite and for neighbours: WGS84, exterior rings
 * clockwise and holes counter-clockwise in planar lon/lat (d3-geo's convention, the reverse of
 * RFC 7946), coordinates rounded to 7 decimal places (about 1 cm), which also snaps the
 * floating-point noise between neighbours' shared vertices (docs/methods.md#contiguity).
 *
 * These loops run over polygon vertices (tens of thousands for a county), never data rows.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Decimal places kept: 1e-7° is about 1 cm in Britain. */
export const SNAP = 1e7;

export type Ring = Position[];
export type Parts = Ring[][];

/** The polygons of a Polygon or MultiPolygon, as a list of parts. */
export function partsOf(geometry: Polygon | MultiPolygon): Parts {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Twice the planar signed area: positive when counter-clockwise (x east, y north). */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    sum += (xj - xi) * (yj + yi);
  }
  return sum;
}

const snap = (v: number) => Math.round(v * SNAP) / SNAP;

/** Rounded, with consecutive repeats (made by rounding) dropped; null when too few are left. */
function snapRing(ring: Ring): Ring | null {
  const out: Ring = [];
  for (const [x = Number.NaN, y = Number.NaN] of ring) {
    const point = [snap(x), snap(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([...first]);
  return out.length >= 4 ? out : null;
}

/** Exterior clockwise, holes counter-clockwise; returns the parts and whether any ring turned. */
export function prepareParts(parts: Parts): { parts: Parts; rewound: boolean } {
  let rewound = false;
  const out: Parts = [];
  for (const part of parts) {
    const rings: Ring[] = [];
    for (const [index, ring] of part.entries()) {
      const snapped = snapRing(ring);
      if (!snapped) {
        if (index === 0) break; // no exterior left: the part is a sliver under 1 cm
        continue;
      }
      const clockwise = signedArea(snapped) < 0;
      const wanted = index === 0;
      if (clockwise !== wanted) {
        snapped.reverse();
        rewound = true;
      }
      rings.push(snapped);
    }
    if (rings.length > 0) out.push(rings);
  }
  return { parts: out, rewound };
}

/** One Polygon for one part, else a MultiPolygon. */
export function geometryOf(parts: Parts): Polygon | MultiPolygon {
  return parts.length === 1 && parts[0]
    ? { type: 'Polygon', coordinates: parts[0] }
    : { type: 'MultiPolygon', coordinates: parts };
}

/** The parts with every position transformed. */
export function mapPositions(parts: Parts, f: (p: Position) => Position): Parts {
  return parts.map((rings) => rings.map((ring) => ring.map(f)));
}
