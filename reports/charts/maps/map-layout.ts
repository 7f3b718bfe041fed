/**
 * What every map shares: the boundaries stored once as a named dataset (each category's panel
 * looks its values up by code, so an LSOA's outline is not repeated per category), a projection
 * fitted to the area, classes a legend can name, and the lines every map must carry — its
 * sources and the Ordnance Survey licence.
 */
import { quantileSorted } from 'simple-statistics';
import type { TopLevelSpec } from 'vega-lite';
import { decimalsFor, formatNumber } from '../../format/numbers.js';
import { inPoliceUkHeadline } from '../../headline/categories.js';
import type { GeoJsonGeometry, MapArea, ReportData } from '../../types.js';
import { sortCategories } from '../format.js';
import type { ChartTitle } from '../layout.js';
import { CHART_CONFIG, VEGA_LITE_V5_SCHEMA } from '../theme.js';

type Json = Record<string, unknown>;

/** The licence line every map that draws OS-derived boundaries must show. */
export const OS_LICENCE =
  'Contains OS data © Crown copyright and database right; contains National Statistics data © Crown copyright and database right';

/** Panel size: three panels and their legends fit an A4 page's width. */
export const MAP_WIDTH = 200;
export const MAP_HEIGHT = 200;
const COLUMNS = 3;

/** Sequential, colour-blind safe (ColorBrewer OrRd), light = low; zero has OrRd's lightest. */
export const CLASS_COLOURS = ['#fdd49e', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'] as const;
/** Areas with no published value: suppressed counts, no residents. */
export const NO_VALUE_COLOUR = '#BDBDBD';

/** Coordinates to 5 decimal places (about 1 m): maps need no more, and the report is smaller. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e5) / 1e5;
  return Array.isArray(value) ? value.map(rounded) : value;
}

/**
 * The areas as GeoJSON features whose properties are `code`, `name`, `ward` and `label` (the
 * label the indicators' rows carry: `areaLabels`).
 */
export function features(areas: readonly MapArea[]): Json[] {
  return areas.map((area) => ({
    type: 'Feature',
    properties: {
      code: area.code,
      name: area.name,
      ward: area.ward ?? '',
      label: area.label,
    },
    geometry: {
      type: area.geometry.type,
      coordinates: rounded(area.geometry.coordinates),
    } satisfies GeoJsonGeometry,
  }));
}

/** An area with no crimes: its own class, so a zero is never coloured as a low rate. */
export const ZERO_COLOUR = '#FFF7EC';

/** Classes a legend lists, each with its range ("2.3 to 5.1"), and the class of a value. */
export interface Classes {
  domain: string[];
  range: string[];
  classOf(value: number): string;
}

/**
 * Zero in a class of its own, then up to five classes of about equal numbers of areas
 * (quintiles of the values above zero). Breaks are rounded as the report writes the unit and
 * repeated ones dropped, so every label is a number a reader can find in the tables; a value
 * equal to a break belongs to the class above it.
 */
export function quintileClasses(values: readonly number[], unit: string): Classes {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  const hasZero = values.some((v) => v === 0);
  const zero = hasZero ? [{ label: 'none', colour: ZERO_COLOUR }] : [];
  if (positive.length === 0) {
    return {
      domain: zero.map((z) => z.label),
      range: zero.map((z) => z.colour),
      classOf: () => 'none',
    };
  }
  const min = positive[0] ?? 0;
  const max = positive.at(-1) ?? 0;
  const round = (q: number) => Number(q.toFixed(decimalsFor(q, unit)));
  const breaks = [...new Set([0.2, 0.4, 0.6, 0.8].map((p) => round(quantileSorted(positive, p))))]
    .filter((b) => b > min && b <= max)
    .sort((a, b) => a - b);
  // Counts are whole: a class of counts ends one below the next class's first value.
  const uppers = [...breaks.map((b) => (unit === 'count' ? b - 1 : b)), max];
  const labels = [min, ...breaks].map((from, i) => {
    const to = uppers[i] ?? max;
    return from === to
      ? formatNumber(from, unit)
      : `${formatNumber(from, unit)} to ${formatNumber(to, unit)}`;
  });
  // Spread over the palette: two classes are its lightest and darkest, not two dark reds.
  const last = CLASS_COLOURS.length - 1;
  const colours = labels.map((_, i) =>
    labels.length === 1
      ? (CLASS_COLOURS[last] as string)
      : (CLASS_COLOURS[Math.round((i * last) / (labels.length - 1))] as string),
  );
  return {
    domain: [...zero.map((z) => z.label), ...labels],
    range: [...zero.map((z) => z.colour), ...colours],
    classOf(value) {
      if (value === 0) return 'none';
      const k = breaks.filter((b) => value >= b).length;
      return labels[k] ?? labels.at(-1) ?? '';
    },
  };
}

/** A colour encoding of the datum field `class` with the classes' legend. */
export function classColour(classes: Classes, title: string): Json {
  return {
    field: 'class',
    type: 'ordinal',
    scale: { domain: classes.domain, range: classes.range },
    legend: { title, symbolType: 'square', direction: 'vertical', titleLimit: 220 },
  };
}

export interface MapPanel {
  title: string;
  /** Layers drawn over the dataset `areas` (or their own data), each a Vega-Lite layer spec. */
  layer: Json[];
}

/**
 * The map spec: one panel, or a grid of panels, each a layered view with its own projection
 * fitted to its data and its own colour legend. `datasets` holds the shared boundaries.
 */
export function mapSpec(
  title: ChartTitle,
  datasets: Record<string, Json[]>,
  panels: readonly MapPanel[],
): TopLevelSpec {
  // One map alone may take more of the page than a panel of a grid.
  const scale = panels.length === 1 ? 1.6 : 1;
  const view = (panel: MapPanel) => ({
    width: MAP_WIDTH * scale,
    height: MAP_HEIGHT * scale,
    projection: { type: 'mercator' },
    layer: panel.layer,
  });
  const head = {
    $schema: VEGA_LITE_V5_SCHEMA,
    title,
    config: { ...CHART_CONFIG, legend: { ...CHART_CONFIG.legend, orient: 'bottom' } },
    datasets,
  };
  if (panels.length === 1) {
    const [only] = panels as [MapPanel];
    return { ...head, ...view(only) } as unknown as TopLevelSpec;
  }
  return {
    ...head,
    columns: Math.min(COLUMNS, panels.length),
    concat: panels.map((panel) => ({
      title: { text: panel.title, fontSize: 12.5, fontWeight: 'bold', anchor: 'start' },
      ...view(panel),
    })),
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
  } as unknown as TopLevelSpec;
}

/** The outline layer: every area in grey, so an area with no value still shows as such. */
export function outlineLayer(dataset: string, fill = NO_VALUE_COLOUR): Json {
  return {
    data: { name: dataset },
    mark: { type: 'geoshape', fill, stroke: 'white', strokeWidth: 0.5 },
  };
}

/** The sources line: whose boundaries and whose counts. */
export function sourcesLine(data: ReportData, boundaries: string): string {
  const crimes =
    data.crimeSource === 'police_uk_street' ? 'police.uk street-level crime' : 'police extracts';
  return `Sources: ${crimes}; ${boundaries} boundaries (ONS). ${OS_LICENCE}.`;
}

/** Whether the report has boundaries for the level, and the reason when they were refused. */
export function layerOf(data: ReportData, level: 'lsoa' | 'ward') {
  const layer = data.maps?.[level];
  if (!layer || layer.refused || layer.areas.length === 0) return undefined;
  return layer;
}

/**
 * The categories a map draws, in report order: on police.uk data only the serious violence
 * types the headline keeps (a map of every broad crime type is not a needs assessment's).
 */
export function mapCategories(data: ReportData, categories: Iterable<string>): string[] {
  const sorted = sortCategories(categories);
  return data.crimeSource === 'police_uk_street' ? sorted.filter(inPoliceUkHeadline) : sorted;
}

export interface ChoroplethLayer {
  /** The named dataset of boundaries the values are looked up into. */
  dataset: string;
  /** The feature property the values are keyed by (`code`, or `label` for wards). */
  key: 'code' | 'label';
  /** One datum per area: its key, its `class` and the tooltip's fields. */
  values: ReadonlyArray<Record<string, unknown>>;
  classes: Classes;
  legend: string;
  tooltip: Json[];
}

/**
 * The shaded areas: each boundary looks its published value up by key, and an area with none
 * (suppressed, no residents) is left to the grey outline drawn beneath.
 */
export function choroplethLayer(layer: ChoroplethLayer): Json {
  const fields = [...new Set(layer.values.flatMap((v) => Object.keys(v)))].filter(
    (f) => f !== layer.key,
  );
  return {
    data: { name: layer.dataset },
    transform: [
      {
        lookup: `properties.${layer.key}`,
        from: { data: { values: layer.values }, key: layer.key, fields },
      },
      { filter: 'isValid(datum.class)' },
    ],
    mark: { type: 'geoshape', stroke: 'white', strokeWidth: 0.6 },
    encoding: {
      color: classColour(layer.classes, layer.legend),
      tooltip: layer.tooltip,
    },
  };
}
