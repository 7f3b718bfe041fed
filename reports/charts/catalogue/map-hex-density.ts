/**
 * Where crimes cluster at street scale: counts in hexagons, per category, from the crimes'
 * published points. A hexagon with fewer crimes than the suppression threshold is not drawn
 * (nor published anywhere), and no individual point ever is.
 */
import { defineChart } from '../define.js';
import { categoryTitle, periodLine } from '../format.js';
import { chartTitle } from '../layout.js';
import {
  classColour,
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

const TITLE = 'crime density in hexagons';

export const mapHexDensity = defineChart({
  name: 'map-hex-density',
  title: TITLE,
  description:
    'For each serious violence category, the crimes in the period counted in hexagons laid over the area, shaded in up to five classes (the legend gives each class’s range); hexagons with fewer crimes than the suppression threshold are not drawn, and no single crime’s point is shown.',
  howToRead:
    'Darker hexagons held more of the period’s crimes; pale grey ground had none or too few to show, so the map shows where crimes cluster, not where each one happened.',
  // Drawn when police crimes were counted; the hexagons themselves come with the report's maps.
  indicators: ['police.count'],
  spec(_rows, data) {
    const cells = data.maps?.hexCells ?? [];
    const outline = layerOf(data, 'ward') ?? layerOf(data, 'lsoa');
    if (cells.length === 0 || !outline) return undefined;
    const byCategory = groupBy(cells, (c) => c.category);
    const panels: MapPanel[] = mapCategories(data, byCategory.keys()).map((category) => {
      const mine = byCategory.get(category) ?? [];
      const classes = quintileClasses(
        mine.map((c) => c.crimes),
        'count',
      );
      return {
        title: categoryTitle(category),
        layer: [
          outlineLayer('outline', '#F2F2F2'),
          {
            data: {
              values: mine.map((c) => ({
                type: 'Feature',
                properties: { crimes: c.crimes },
                class: classes.classOf(c.crimes),
                geometry: c.geometry,
              })),
            },
            mark: { type: 'geoshape', stroke: 'white', strokeWidth: 0.3 },
            encoding: {
              color: classColour(classes, 'Crimes in the hexagon'),
              tooltip: [{ field: 'properties.crimes', title: 'Crimes', format: ',d' }],
            },
          },
        ],
      };
    });
    const size = data.maps?.hexCellMetres;
    return mapSpec(
      chartTitle(data, TITLE, [
        periodLine(data),
        `${size ? `Hexagons ${size} m from corner to corner; ` : ''}hexagons with fewer than ${data.suppressBelow} crimes are not drawn`,
        sourcesLine(data, 'ward'),
      ]),
      { outline: features(outline.areas) },
      panels,
    );
  },
});
