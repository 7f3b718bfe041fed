/** Crimes per 1,000 residents by LSOA, a choropleth per category, in five classes. */
import { defineChart, rowsOf } from '../define.js';
import { categoryTitle, periodLine } from '../format.js';
import { chartTitle } from '../layout.js';
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

const TITLE = 'crimes per 1,000 residents by LSOA';

export const mapRateByLsoa = defineChart({
  name: 'map-rate-by-lsoa',
  title: TITLE,
  description:
    'For each serious violence category with crimes, a map of the area’s LSOAs shaded by crimes in the period per 1,000 residents, in five classes holding about equal numbers of LSOAs (quintiles; the legend gives each class’s range); grey LSOAs have a suppressed count or no residents.',
  howToRead:
    'Darker LSOAs had more crimes per 1,000 residents; each class holds about a fifth of the LSOAs with crimes, so read the legend for how far apart the classes are.',
  indicators: ['police.rate_by_lsoa'],
  spec(rows, data) {
    const layer = layerOf(data, 'lsoa');
    if (!layer) return undefined;
    const byCategory = groupBy(rowsOf(rows, 'police.rate_by_lsoa'), (r) => r.category);
    const panels: MapPanel[] = [];
    for (const category of mapCategories(data, byCategory.keys())) {
      const published = (byCategory.get(category) ?? []).filter((r) => !r.suppressed);
      const shown = published.flatMap((r) => (r.value === null ? [] : [r.value]));
      if (!shown.some((v) => v > 0)) continue;
      const classes = quintileClasses(shown, 'per_1000');
      const values = published.map((r) => ({
        code: r.breakdown_value,
        value: r.value,
        class: r.value === null ? null : classes.classOf(r.value),
        crimes: r.numerator,
      }));
      panels.push({
        title: categoryTitle(category),
        layer: [
          outlineLayer('lsoa'),
          choroplethLayer({
            dataset: 'lsoa',
            key: 'code',
            values,
            classes,
            legend: 'Per 1,000 residents',
            tooltip: [
              { field: 'properties.name', title: 'LSOA' },
              { field: 'properties.ward', title: 'Ward' },
              { field: 'value', title: 'Crimes per 1,000', format: ',.1f' },
              { field: 'crimes', title: 'Crimes' },
            ],
          }),
        ],
      });
    }
    if (panels.length === 0) return undefined;
    return mapSpec(
      chartTitle(data, TITLE, [
        periodLine(data),
        `Classes: none, then quintiles of the LSOAs’ rates above zero; grey: a count suppressed (fewer than ${data.suppressBelow} crimes) or no residents`,
        sourcesLine(data, 'LSOA'),
      ]),
      { lsoa: features(layer.areas) },
      panels,
    );
  },
});
