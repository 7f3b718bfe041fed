/** Hot and cold spots by LSOA (Getis–Ord Gi*, FDR 5%), per category, hot wards named. */

import { wardsMostHot } from '../../places-named.js';
import { defineChart, rowsOf } from '../define.js';
import { categoryTitle, periodLine } from '../format.js';
import { chartTitle } from '../layout.js';
import { centroidLabels, labelLayers } from '../maps/labels.js';
import {
  features,
  layerOf,
  type MapPanel,
  mapCategories,
  mapSpec,
  sourcesLine,
} from '../maps/map-layout.js';
import { groupBy } from '../select-rows.js';
import { COLOURS } from '../theme.js';

const TITLE = 'hot spots of crime by LSOA';

const CLASSES = { higher: 'Hot spot', lower: 'Cold spot', similar: 'Not significant' } as const;

export const mapHotspots = defineChart({
  name: 'map-hotspots',
  title: TITLE,
  description:
    'For each serious violence category with enough crimes to test, the area’s LSOAs coloured by the Getis–Ord Gi* hot-spot test of their crimes in the period over each LSOA and its neighbours: hot spot, cold spot or not significant after the Benjamini–Hochberg correction for testing every LSOA (false discovery rate 5%); the (up to three) wards holding most hot-spot LSOAs are named.',
  howToRead:
    'Orange LSOAs are hot spots, where the LSOA and its neighbours together have significantly more crimes than the area as a whole; blue ones are cold spots and grey ones are neither.',
  indicators: ['police.hotspot_gi'],
  spec(rows, data) {
    const layer = layerOf(data, 'lsoa');
    if (!layer) return undefined;
    const wardOf = new Map(layer.areas.map((a) => [a.code, a.ward ?? '']));
    const wards = layerOf(data, 'ward');
    const byCategory = groupBy(
      rowsOf(rows, 'police.hotspot_gi').filter((r) => r.breakdown === 'lsoa'),
      (r) => r.category,
    );
    const panels: MapPanel[] = [];
    for (const category of mapCategories(data, byCategory.keys())) {
      const values = (byCategory.get(category) ?? []).map((r) => ({
        code: r.breakdown_value,
        class: CLASSES[r.significance ?? 'similar'],
        z: r.value,
      }));
      const hotWards = new Set(
        wardsMostHot(
          values.filter((v) => v.class === 'Hot spot').map((v) => v.code ?? ''),
          wardOf,
        ).named,
      );
      panels.push({
        title: categoryTitle(category),
        layer: [
          {
            data: { name: 'lsoa' },
            transform: [
              {
                lookup: 'properties.code',
                from: { data: { values }, key: 'code', fields: ['class', 'z'] },
              },
              { filter: 'isValid(datum.class)' },
            ],
            mark: { type: 'geoshape', stroke: 'white', strokeWidth: 0.5 },
            encoding: {
              color: {
                field: 'class',
                type: 'nominal',
                scale: {
                  domain: Object.values(CLASSES),
                  range: [COLOURS.highlight, COLOURS.main, '#E3E3E3'],
                },
                legend: { title: 'Gi* at 5% FDR', direction: 'vertical', symbolType: 'square' },
              },
              tooltip: [
                { field: 'properties.name', title: 'LSOA' },
                { field: 'properties.ward', title: 'Ward' },
                { field: 'class', title: 'Class' },
                { field: 'z', title: 'Gi* z-score', format: '.2f' },
              ],
            },
          },
          ...(wards ? labelLayers(centroidLabels(wards.areas, hotWards)) : []),
        ],
      });
    }
    if (panels.length === 0) return undefined;
    const untested = mapCategories(
      data,
      data.rows
        .filter((r) => r.indicator_id === 'police.hotspot_gi' && r.status === 'not_applicable')
        .map((r) => r.category),
    );
    return mapSpec(
      chartTitle(data, TITLE, [
        periodLine(data),
        ...(untested.length > 0
          ? [`Not tested, too few crimes: ${untested.map(categoryTitle).join(', ')}`]
          : []),
        'Getis–Ord Gi* on LSOA crime counts, queen neighbours (shared edge or corner), Benjamini–Hochberg false discovery rate 5%',
        sourcesLine(data, 'LSOA and ward'),
      ]),
      { lsoa: features(layer.areas) },
      panels,
    );
  },
});
