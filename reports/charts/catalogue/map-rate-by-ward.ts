/** Crimes per 1,000 residents by ward, a choropleth per category, wards above average named. */

import { wardsAbove } from '../../places-named.js';
import { defineChart, rowsOf } from '../define.js';
import { categoryTitle, periodLine } from '../format.js';
import { chartTitle } from '../layout.js';
import { centroidLabels, labelLayers } from '../maps/labels.js';
import {
  choroplethLayer,
  features,
  layerOf,
  type MapPanel,
  mapCategories,
  mapSpec,
  outlineLayer,
  quintileClasses,
  sourcesLine,
} from '../maps/map-layout.js';
import { groupBy } from '../select-rows.js';

const TITLE = 'crimes per 1,000 residents by ward';

export const mapRateByWard = defineChart({
  name: 'map-rate-by-ward',
  title: TITLE,
  description:
    'For each serious violence category with crimes, a map of the area’s wards shaded by crimes in the period per 1,000 residents, in up to five classes (the legend gives each class’s range); the (up to three) highest wards significantly above the area’s average (the funnel plot’s 95% limits) are named; grey wards have a suppressed count.',
  howToRead:
    'Darker wards had more crimes per 1,000 residents; a named ward is significantly above the area’s average, not only darker.',
  indicators: ['police.rate_by_ward'],
  spec(rows, data) {
    const layer = layerOf(data, 'ward');
    if (!layer) return undefined;
    const byCategory = groupBy(
      rowsOf(rows, 'police.rate_by_ward').filter((r) => r.breakdown === 'ward'),
      (r) => r.category,
    );
    const panels: MapPanel[] = [];
    for (const category of mapCategories(data, byCategory.keys())) {
      const wardRows = byCategory.get(category) ?? [];
      const published = wardRows.filter((r) => !r.suppressed);
      const shown = published.flatMap((r) => (r.value === null ? [] : [r.value]));
      if (!shown.some((v) => v > 0)) continue;
      const classes = quintileClasses(shown, 'per_1000');
      const values = published.map((r) => ({
        label: r.breakdown_value,
        value: r.value,
        class: r.value === null ? null : classes.classOf(r.value),
        crimes: r.numerator,
        significance: r.significance ?? '',
      }));
      // The three the headline names: significantly above the average, highest rate first.
      const above = new Set(wardsAbove(published).map((r) => r.breakdown_value ?? ''));
      panels.push({
        title: categoryTitle(category),
        layer: [
          outlineLayer('ward'),
          choroplethLayer({
            dataset: 'ward',
            key: 'label',
            values,
            classes,
            legend: 'Per 1,000 residents',
            tooltip: [
              { field: 'properties.name', title: 'Ward' },
              { field: 'value', title: 'Crimes per 1,000', format: ',.1f' },
              { field: 'crimes', title: 'Crimes' },
              { field: 'significance', title: 'Against the area average' },
            ],
          }),
          ...labelLayers(centroidLabels(layer.areas, above)),
        ],
      });
    }
    if (panels.length === 0) return undefined;
    return mapSpec(
      chartTitle(data, TITLE, [
        periodLine(data),
        `Classes: none, then quintiles of the wards’ rates above zero. Named: the (up to three) highest wards significantly above the area’s average (95% funnel limits); grey: a count suppressed (fewer than ${data.suppressBelow} crimes)`,
        sourcesLine(data, 'ward'),
      ]),
      { ward: features(layer.areas) },
      panels,
    );
  },
});
