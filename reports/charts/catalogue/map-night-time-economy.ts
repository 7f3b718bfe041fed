/**
 * The night-time economy on the map: weekend-night violence with injury (Friday and Saturday,
 * 20:00 to 03:59) by ward, the town-centre wards outlined and named.
 */
import { capitalise } from '../../headline/format.js';
import { defineChart, rowsOf } from '../define.js';
import { periodLine } from '../format.js';
import { chartTitle } from '../layout.js';
import { centroidLabels, labelLayers } from '../maps/labels.js';
import {
  choroplethLayer,
  features,
  layerOf,
  mapSpec,
  outlineLayer,
  quintileClasses,
  sourcesLine,
} from '../maps/map-layout.js';

const TITLE = 'violence with injury on Friday and Saturday nights, by ward';

export const mapNightTimeEconomy = defineChart({
  name: 'map-night-time-economy',
  title: TITLE,
  description:
    'The area’s wards shaded by violence with injury in the period committed on a Friday or Saturday night between eight in the evening and four in the morning, with the town-centre wards (area.town_centre_wards) outlined and named; grey wards have a suppressed count.',
  howToRead:
    'Darker wards had more violence with injury on Friday and Saturday nights; the outlined wards are the town centre, so compare their shading with the wards around them.',
  indicators: ['police.night_time_economy_by_ward'],
  spec(rows, data) {
    const layer = layerOf(data, 'ward');
    if (!layer) return undefined;
    const published = rowsOf(rows, 'police.night_time_economy_by_ward').filter(
      (r) => !r.suppressed && r.value !== null,
    );
    if (!published.some((r) => (r.value ?? 0) > 0)) return undefined;
    const classes = quintileClasses(
      published.map((r) => r.value ?? 0),
      'count',
    );
    const values = published.map((r) => ({
      label: r.breakdown_value,
      crimes: r.value,
      class: classes.classOf(r.value ?? 0),
    }));
    const centre = new Set(data.townCentreWards ?? []);
    const centreAreas = layer.areas.filter((a) => centre.has(a.code));
    return mapSpec(
      chartTitle(data, TITLE, [
        periodLine(data),
        ...(published[0]?.note ? [capitalise(published[0].note)] : []),
        `Outlined and named: the town-centre wards; classes: none, then quintiles of the wards’ counts; grey: a count suppressed (fewer than ${data.suppressBelow} crimes)`,
        sourcesLine(data, 'ward'),
      ]),
      { ward: features(layer.areas), centre: features(centreAreas) },
      [
        {
          title: 'Violence with injury',
          layer: [
            outlineLayer('ward'),
            choroplethLayer({
              dataset: 'ward',
              key: 'label',
              values,
              classes,
              legend: 'Weekend-night crimes',
              tooltip: [
                { field: 'properties.name', title: 'Ward' },
                { field: 'crimes', title: 'Weekend-night crimes' },
              ],
            }),
            {
              data: { name: 'centre' },
              mark: { type: 'geoshape', fillOpacity: 0, stroke: '#222222', strokeWidth: 2.5 },
            },
            ...labelLayers(centroidLabels(layer.areas, new Set(centreAreas.map((a) => a.label)))),
          ],
        },
      ],
    );
  },
});
