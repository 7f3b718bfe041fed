/**
 * A boundary file's text as GeoJSON features: a GeoJSON FeatureCollection (or one Feature), or a
 * TopoJSON Topology whose every object is turned into features with topojson-client.
 */
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';

export type AnyFeature = Feature<Geometry | null, GeoJsonProperties>;

/** The features, or a sentence saying what the text is instead. */
export function parseFeatures(
  text: string,
): { features: AnyFeature[]; container: unknown } | { problem: string } {
  let json: unknown;
  try {
    // A BOM is not JSON, but editors on Windows write one.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { problem: `is not valid JSON (${why})` };
  }
  const type = (json as { type?: unknown } | null)?.type;
  if (type === 'FeatureCollection') {
    const features = (json as FeatureCollection<Geometry | null>).features;
    if (!Array.isArray(features)) return { problem: 'is a FeatureCollection without features' };
    return { features, container: json };
  }
  if (type === 'Feature') return { features: [json as AnyFeature], container: json };
  if (type === 'Topology') {
    const topology = json as Topology;
    const features: AnyFeature[] = [];
    for (const object of Object.values(topology.objects ?? {})) {
      const converted = topoFeature(topology, object as GeometryObject);
      if (converted.type === 'FeatureCollection') features.push(...converted.features);
      else features.push(converted);
    }
    return { features, container: json };
  }
  const what = typeof type === 'string' ? `a GeoJSON ${type}` : 'not GeoJSON or TopoJSON';
  return {
    problem: `is ${what} (sna reads a GeoJSON FeatureCollection or a TopoJSON Topology of polygons)`,
  };
}
