/**
 * Ward names written on a map at each ward's centroid (d3-geo's spherical centroid), for the
 * wards a sentence names: a reader finds on the map the place the headline talks about.
 */
import { geoCentroid } from 'd3-geo';
import type { MapArea } from '../../types.js';

type Json = Record<string, unknown>;

export interface PlaceLabel {
  label: string;
  longitude: number;
  latitude: number;
}

/** The areas whose published labels are given, each with its label at its centroid. */
export function centroidLabels(
  areas: readonly MapArea[],
  labels: ReadonlySet<string>,
): PlaceLabel[] {
  return areas
    .filter((area) => labels.has(area.label))
    .map((area) => {
      const [longitude, latitude] = geoCentroid(area.geometry as Parameters<typeof geoCentroid>[0]);
      return { label: area.label.replace(/ \(SYNTHETIC\)/, ''), longitude, latitude };
    });
}

/** A text layer of labels, white-haloed so it reads over any class colour. */
export function labelLayers(labels: readonly PlaceLabel[]): Json[] {
  if (labels.length === 0) return [];
  const text = (extra: Json) => ({
    data: { values: [...labels] },
    mark: { type: 'text', fontSize: 10, fontWeight: 'bold', ...extra },
    encoding: {
      longitude: { field: 'longitude', type: 'quantitative' },
      latitude: { field: 'latitude', type: 'quantitative' },
      text: { field: 'label', type: 'nominal' },
    },
  });
  return [text({ stroke: 'white', strokeWidth: 3, strokeOpacity: 0.9 }), text({ fill: '#222222' })];
}
