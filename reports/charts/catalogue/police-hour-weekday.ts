/**
 * When crime happens: a weekday × three-hour heatmap of the period's crimes with a known
 * committed time, for the categories where most cells can be published.
 */
import { formatNumber } from '../../format/numbers.js';
import { defineChart, rowsOf } from '../define.js';
import { categoryTitle, periodLine, sortCategories, suppressedNote, WEEKDAYS } from '../format.js';
import { categoryPanels, chartTitle, topLevel } from '../layout.js';
import { groupBy, toDatum } from '../select-rows.js';
import { COLOURS } from '../theme.js';

const TITLE = 'crimes by weekday and time of day';
const CELL_TEXT = 'supp.';
const SUPPRESSED_FILL = '#E3E3E3';
/**
 * Where on the 'oranges' scale (0 = the lightest cell, 1 = the darkest) a cell's number turns
 * white: black text reads at 4.5:1 or better below it, white text above it (WCAG AA).
 */
const WHITE_TEXT_FROM = 0.77;

export const policeHourWeekday = defineChart({
  name: 'police-hour-weekday',
  title: TITLE,
  description:
    'Crimes in the period with a known committed time by weekday and three-hour band of the day, for the serious violence categories where most cells are large enough to publish.',
  howToRead:
    'Each cell is a weekday and three hours of the day: the darker the cell, the more crimes, so dark rows and columns show the days and hours when most crimes happen.',
  indicators: ['police.by_hour_weekday'],
  spec(rows, data) {
    const byCategory = groupBy(rowsOf(rows, 'police.by_hour_weekday'), (r) => r.category);
    // A heatmap that is mostly grey says nothing: keep the categories where most cells with
    // any crime can be published.
    const dense = [...byCategory.values()].filter((cells) => {
      const published = cells.filter((c) => !c.suppressed && c.value !== 0).length;
      return published > cells.filter((c) => c.suppressed).length;
    });
    const sparse = sortCategories(
      [...byCategory.keys()].filter((c) => !dense.some((d) => d[0]?.category === c)),
    );
    const values = dense.flat().map((row) => {
      const [weekday = '', band = ''] = String(row.breakdown_value).split(':');
      return toDatum(row, {
        weekday,
        band,
        cell_text:
          row.suppressed || row.value === null ? CELL_TEXT : formatNumber(row.value, 'count'),
      });
    });
    const panels = categoryPanels(data, values);
    if (panels.order.length === 0) return undefined;
    // The colour scale is shared and spans the drawn values, so a cell's place on it is known.
    const drawn = panels.values.flatMap((v) => (v.value === null ? [] : [v.value]));
    const [low, high] = [Math.min(...drawn), Math.max(...drawn)];
    const cells = panels.values.map((v) => ({
      ...v,
      on_dark: v.value !== null && high > low && (v.value - low) / (high - low) > WHITE_TEXT_FROM,
    }));
    const lines = [periodLine(data), 'Crimes with a known committed time; hours 00–23'];
    if (panels.values.some((v) => v.suppressed))
      lines.push(suppressedNote(data, `Grey "${CELL_TEXT}"`));
    if (sparse.length > 0) {
      lines.push(`Not shown, too few crimes per cell: ${sparse.map(categoryTitle).join(', ')}`);
    }
    const position = {
      x: {
        field: 'band',
        type: 'ordinal',
        title: 'Time of day (three-hour bands)',
        axis: { labelAngle: 0 },
      },
      y: { field: 'weekday', type: 'ordinal', title: null, sort: [...WEEKDAYS] },
    };
    return topLevel(
      chartTitle(data, TITLE, lines),
      cells,
      {
        width: { step: 38 },
        height: { step: 20 },
        layer: [
          {
            transform: [{ filter: 'datum.suppressed' }],
            mark: { type: 'rect', stroke: 'white', strokeWidth: 1, color: SUPPRESSED_FILL },
            encoding: position,
          },
          {
            mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
            encoding: {
              ...position,
              color: {
                field: 'value',
                type: 'quantitative',
                title: 'Crimes',
                scale: { scheme: 'oranges' },
                legend: { orient: 'right' },
              },
              tooltip: [
                { field: 'weekday', title: 'Weekday' },
                { field: 'band', title: 'Hours' },
                { field: 'cell_text', title: 'Crimes' },
              ],
            },
          },
          {
            mark: { type: 'text', fontSize: 9.5 },
            encoding: {
              ...position,
              text: { field: 'cell_text' },
              color: {
                condition: [
                  { test: 'datum.suppressed', value: COLOURS.suppressedText },
                  { test: 'datum.on_dark', value: 'white' },
                ],
                value: 'black',
              },
            },
          },
        ],
      },
      { field: 'category_title', order: panels.order, columns: 2, shared: ['color'] },
    );
  },
});
