/**
 * The area's crime rate per 1,000 residents against its comparator areas', with 95% intervals,
 * one panel per category that has comparators, each titled with the area's published rank.
 */
import { peerComparisonProblem } from '../../../indicators/coverage.js';
import { UNIT_LABELS } from '../../format/numbers.js';
import type { PublishedRow, ReportData } from '../../types.js';
import { defineChart, type IndicatorRows, rowsOf } from '../define.js';
import { categoryTitle, formatDate, sortCategories, suppressedNote } from '../format.js';
import { chartTitle, intervalLayer, suppressedLayer, topLevel, valueTooltip } from '../layout.js';
import { type Datum, toDatum } from '../select-rows.js';
import { COLOURS } from '../theme.js';

const TITLE = 'crime rate against comparator areas';
const VALUE_TITLE = `Crimes ${UNIT_LABELS.per_1000}`;
const THIS_AREA = 'This area';
const COMPARATOR = 'Comparator area';

/** "Violence with injury: 3rd lowest of 10" from the published rank, or the title alone. */
function panelTitle(category: string, rank: PublishedRow | undefined): string {
  if (!rank || rank.value === null || rank.denominator === null) return categoryTitle(category);
  return `${categoryTitle(category)} (rank ${rank.value} of ${rank.denominator}, 1 = lowest)`;
}

function categoryValues(rows: IndicatorRows, data: ReportData, category: string): Datum[] {
  const own = rowsOf(rows, 'police.rate_per_1000').filter((r) => r.category === category);
  const peers = rowsOf(rows, 'police.comparator_rate_per_1000').filter(
    (r) => r.category === category,
  );
  const rank = rowsOf(rows, 'police.rank_among_comparators').find((r) => r.category === category);
  const panel = panelTitle(category, rank);
  const areas = [
    ...own.map((r) => ({ row: r, name: data.area.name, who: THIS_AREA })),
    ...peers.map((r) => ({
      row: r,
      name: data.comparatorNames[r.area_code] ?? r.area_code,
      who: COMPARATOR,
    })),
  ];
  // Lowest rate at the top, as the rank counts; suppressed rates (the smallest counts) last.
  areas.sort(
    (a, b) =>
      (a.row.value ?? Number.POSITIVE_INFINITY) - (b.row.value ?? Number.POSITIVE_INFINITY) ||
      a.name.localeCompare(b.name),
  );
  return areas.map(({ row, name, who }, index) =>
    toDatum(row, { panel, area_name: name, who, order: index + 1 }),
  );
}

export const policeRateComparators = defineChart({
  name: 'police-rate-comparators',
  title: TITLE,
  description:
    'For each category with comparator data, crimes per 1,000 residents in the area and in each comparator area for the year the period ends, with 95% confidence intervals (exact Poisson below 10 crimes, Byar’s from 10).',
  howToRead:
    'Each dot is an area’s crimes per 1,000 residents, this area’s in orange, and its line the 95% confidence interval: where this area’s line does not overlap another area’s, their rates differ significantly.',
  indicators: [
    'police.rate_per_1000',
    'police.comparator_rate_per_1000',
    'police.rank_among_comparators',
  ],
  spec(rows, data) {
    // Part of a period, or a population years off the peers', is not set among whole ones.
    if (peerComparisonProblem(data.coverage, data.population)) return undefined;
    const categories = sortCategories(
      rowsOf(rows, 'police.comparator_rate_per_1000').map((r) => r.category),
    );
    const values = categories.flatMap((c) => categoryValues(rows, data, c));
    if (values.length === 0) return undefined;
    const y = {
      y: {
        field: 'area_name',
        type: 'nominal',
        title: null,
        sort: { field: 'order', op: 'min', order: 'ascending' },
      },
    };
    const lines = [
      `Crimes in the year to ${formatDate(data.period.end)}; populations of that year`,
    ];
    if (values.some((v) => v.suppressed)) lines.push(suppressedNote(data));
    return topLevel(
      chartTitle(data, TITLE, lines),
      values,
      {
        width: 230,
        height: { step: 17 },
        layer: [
          intervalLayer('x', y, VALUE_TITLE),
          {
            mark: { type: 'point', filled: true, size: 60, opacity: 1 },
            encoding: {
              ...y,
              x: { field: 'value', type: 'quantitative', title: VALUE_TITLE },
              color: {
                field: 'who',
                type: 'nominal',
                title: null,
                scale: {
                  domain: [THIS_AREA, COMPARATOR],
                  range: [COLOURS.highlight, COLOURS.main],
                },
                legend: { orient: 'top', direction: 'horizontal' },
              },
              tooltip: [{ field: 'area_name', title: 'Area' }, ...valueTooltip('Rate')],
            },
          },
          suppressedLayer('x', y),
        ],
      },
      { field: 'panel', order: [...new Set(values.map((v) => String(v.panel)))], columns: 2 },
    );
  },
});
