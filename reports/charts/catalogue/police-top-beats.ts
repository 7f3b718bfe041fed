/** The ten beats with the largest share of each category's crimes, with 95% intervals. */
import { defineChart, rowsOf } from '../define.js';
import { periodLine } from '../format.js';
import { barWithIntervalLayers, categoryPanels, chartTitle, topLevel } from '../layout.js';
import { groupBy, toDatum } from '../select-rows.js';

export const TOP_BEATS = 10;
const TITLE = 'top beats by share of crime';
const VALUE_TITLE = 'Share of crimes with a known beat (%)';

export const policeTopBeats = defineChart({
  name: 'police-top-beats',
  title: TITLE,
  description: `For each serious violence category, the ${TOP_BEATS} police beats with the largest share (%) of the period's crimes with a known beat, with 95% confidence intervals (Wilson).`,
  howToRead:
    'Each bar is a beat’s share of the category’s crimes, the largest at the top; the black line is the 95% confidence interval, so beats whose lines overlap are not clearly different.',
  indicators: ['police.by_beat'],
  spec(rows, data) {
    const byCategory = groupBy(rowsOf(rows, 'police.by_beat'), (r) => r.category);
    const values = [...byCategory.values()].flatMap((beats) =>
      [...beats]
        // Largest published share first; suppressed beats (the smallest) last.
        .sort(
          (a, b) =>
            (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY) ||
            String(a.breakdown_value).localeCompare(String(b.breakdown_value)),
        )
        .slice(0, TOP_BEATS)
        .map((row, index) => toDatum(row, { beat: row.breakdown_value, order: index + 1 })),
    );
    const panels = categoryPanels(data, values);
    if (panels.order.length === 0) return undefined;
    const y = {
      y: {
        field: 'beat',
        type: 'nominal',
        title: 'Beat',
        sort: { field: 'order', op: 'min', order: 'ascending' },
      },
    };
    return topLevel(
      chartTitle(data, TITLE, [periodLine(data), ...panels.notes]),
      panels.values,
      {
        width: 230,
        height: { step: 16 },
        layer: [
          ...barWithIntervalLayers(
            'x',
            y,
            VALUE_TITLE,
            { field: 'beat', title: 'Beat' },
            'Share (%)',
          ),
        ],
      },
      { field: 'category_title', order: panels.order, columns: 3, shared: ['x'] },
    );
  },
});
