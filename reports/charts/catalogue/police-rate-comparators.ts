/**
 * The area's crime rate per 1,000 residents against its comparator areas', with 95% intervals,
 * one panel per category that has comparators, each titled with the area's published rank: a
 * ranked dot chart, lowest rate first, the comparators' combined rate a dashed rule. In national
 * mode (issue 17) the comparators sna chose are drawn the same way, over the assessment period,
 * with England's rate a dotted rule: this is the design's "police-comparator-ranks" chart.
 */
import { peerComparisonProblem } from '../../../indicators/coverage.js';
import { UNIT_LABELS } from '../../format/numbers.js';
import { compareCategories } from '../../headline/categories.js';
import { COMPARATOR_RULES, unitName } from '../../national.js';
import type { PublishedRow, ReportData } from '../../types.js';
import { defineChart, type IndicatorRows, rowsOf } from '../define.js';
import { categoryTitle, formatDate, periodLine, suppressedNote } from '../format.js';
import { chartTitle, intervalLayer, suppressedLayer, topLevel, valueTooltip } from '../layout.js';
import { type Datum, toDatum } from '../select-rows.js';
import { COLOURS } from '../theme.js';

const TITLE = 'crime rate against comparator areas';
const VALUE_TITLE = `Crimes ${UNIT_LABELS.per_1000}`;
const THIS_AREA = 'This area';
const COMPARATOR = 'Comparator area';
export const COMBINED = 'Comparators together';
export const ENGLAND = 'England';
/** What a datum is: an area's dot, or a reference rule across the panel. */
const RULE = 'rule';

/** "Violence with injury: 3rd lowest of 10" from the published rank, or the title alone. */
function panelTitle(category: string, rank: PublishedRow | undefined): string {
  if (!rank || rank.value === null || rank.denominator === null) return categoryTitle(category);
  return `${categoryTitle(category)} (rank ${rank.value} of ${rank.denominator}, 1 = lowest)`;
}

/** How many areas a category's panel ranks: the area and its comparators with a rate. */
function areasIn(rows: IndicatorRows, category: string): number {
  return [
    ...rowsOf(rows, 'police.rate_per_1000'),
    ...rowsOf(rows, 'police.comparator_rate_per_1000'),
  ].filter((r) => r.category === category).length;
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
      // The comparators file's name, or national mode's (fct_national_units) for sna's own.
      name: unitName(data, r.area_code),
      who: COMPARATOR,
    })),
  ];
  // Lowest rate at the top, as the rank counts; suppressed rates (the smallest counts) last.
  areas.sort(
    (a, b) =>
      (a.row.value ?? Number.POSITIVE_INFINITY) - (b.row.value ?? Number.POSITIVE_INFINITY) ||
      a.name.localeCompare(b.name),
  );
  const dots = nearestRanked(areas).map(({ row, name, who }, index) =>
    toDatum(row, { panel, area_name: name, who, order: index + 1, kind: 'dot' }),
  );
  return [...dots, ...ruleValues(rows, data, category, panel)];
}

/** Dots a panel draws at most: the area and the comparators ranked nearest it. */
export const MAX_PANEL_AREAS = 21;

/**
 * The area and the comparators ranked nearest it, when a comparator set (all of England, say)
 * is too long to read as dots: a panel of 227 rows says less than the England funnel, and drew
 * a 27,000 px image. The panel's title keeps the rank among all of them.
 */
function nearestRanked<T extends { who: string; row: PublishedRow }>(
  areas: readonly T[],
): readonly T[] {
  if (areas.length <= MAX_PANEL_AREAS) return areas;
  // A suppressed rate, drawn last, is not near the area in rank: its value is unknown.
  const rated = areas.filter(
    (a) => a.who === THIS_AREA || (a.row.value !== null && !a.row.suppressed),
  );
  const at = Math.max(
    0,
    rated.findIndex((a) => a.who === THIS_AREA),
  );
  const start = Math.max(
    0,
    Math.min(at - Math.floor(MAX_PANEL_AREAS / 2), rated.length - MAX_PANEL_AREAS),
  );
  return rated.slice(start, start + MAX_PANEL_AREAS);
}

/**
 * The panel's reference rules: the comparators' combined rate, and England's when sna chose the
 * comparators from the same national files (same period); each only when published.
 */
function ruleValues(rows: IndicatorRows, data: ReportData, category: string, panel: string) {
  const combined = rowsOf(rows, 'police.comparators_combined_rate_per_1000').find(
    (r) => r.category === category && r.value !== null && !r.suppressed,
  );
  const england = data.autoComparators
    ? rowsOf(rows, 'police.england_rate_per_1000').find(
        (r) => r.category === category && r.value !== null && !r.suppressed,
      )
    : undefined;
  return [
    ...(combined
      ? [toDatum(combined, { panel, area_name: COMBINED, line: COMBINED, kind: RULE })]
      : []),
    ...(england
      ? [toDatum(england, { panel, area_name: ENGLAND, line: ENGLAND, kind: RULE })]
      : []),
  ];
}

/** The panel's rules, dashed for the comparators together and dotted for England. */
function rulesLayer(lines: readonly string[]): Record<string, unknown> {
  return {
    transform: [{ filter: `datum.kind === '${RULE}'` }],
    mark: { type: 'rule', color: COLOURS.reference, strokeWidth: 1.1 },
    encoding: {
      x: { field: 'value', type: 'quantitative', title: VALUE_TITLE },
      strokeDash: {
        field: 'line',
        type: 'nominal',
        title: null,
        scale: {
          domain: [...lines],
          range: lines.map((l) => (l === COMBINED ? [6, 3] : [2, 2])),
        },
        legend: { orient: 'top', direction: 'horizontal', labelLimit: 0 },
      },
      tooltip: [
        { field: 'area_name', title: 'Rate' },
        { field: 'value_text', title: 'Crimes per 1,000' },
      ],
    },
  };
}

export const policeRateComparators = defineChart({
  name: 'police-rate-comparators',
  title: TITLE,
  description:
    'For each category with comparator data, crimes per 1,000 residents in the area and in each comparator area, lowest first, with 95% confidence intervals (exact Poisson below 10 crimes, Byar’s from 10) and the comparators’ rate taken together; over the year the period ends when the comparators come from a comparators file, over the period itself when sna chose them from police.uk street files (then with England’s rate too).',
  howToRead:
    'Each dot is an area’s crimes per 1,000 residents, this area’s in orange, its line the 95% confidence interval and the dashed line the comparators’ rate taken together: where this area’s line does not overlap another area’s, their rates differ significantly.',
  indicators: [
    'police.rate_per_1000',
    'police.comparator_rate_per_1000',
    'police.rank_among_comparators',
    'police.comparators_combined_rate_per_1000',
    'police.england_rate_per_1000',
  ],
  spec(rows, data) {
    // Part of a period, or a population years off the peers', is not set among whole ones.
    if (peerComparisonProblem(data.coverage, data.population)) return undefined;
    // A police.uk-only run leads with its serious violence crime types, as its headline does.
    const policeUk = data.crimeSource === 'police_uk_street';
    const categories = [
      ...new Set(rowsOf(rows, 'police.comparator_rate_per_1000').map((r) => r.category)),
    ].sort((a, b) => compareCategories(a, b, policeUk));
    const values = categories.flatMap((c) => categoryValues(rows, data, c));
    if (!values.some((v) => v.kind === 'dot')) return undefined;
    const dots = { filter: `datum.kind === 'dot'` };
    const y = {
      y: {
        field: 'area_name',
        type: 'nominal',
        title: null,
        sort: { field: 'order', op: 'min', order: 'ascending' },
      },
    };
    // sna's own comparators count the assessment period; the comparators file, the year to its end.
    const lines = [
      data.autoComparators
        ? `${periodLine(data)}; comparators: ${COMPARATOR_RULES[data.autoComparators]}`
        : `Crimes in the year to ${formatDate(data.period.end)}; populations of that year`,
    ];
    if (values.some((v) => v.suppressed)) lines.push(suppressedNote(data));
    // sna's own comparators leave out those without complete data; the rank's note names them.
    const leftOut = rowsOf(rows, 'police.rank_among_comparators')
      .map((r) => r.note?.match(/left out, incomplete: ([^;]*)/)?.[1])
      .find((names) => names);
    if (leftOut) lines.push(`Left out, their data incomplete: ${leftOut}`);
    const widest = Math.max(...categories.map((c) => areasIn(rows, c)));
    if (widest > MAX_PANEL_AREAS)
      lines.push(
        `Each panel shows the ${MAX_PANEL_AREAS - 1} comparators ranked nearest this area, of up to ${widest - 1} (suppressed rates not drawn)`,
      );
    const ruleLines = [COMBINED, ENGLAND].filter((l) => values.some((v) => v.line === l));
    return topLevel(
      chartTitle(data, TITLE, lines),
      values,
      {
        width: 230,
        height: { step: 17 },
        layer: [
          ...(ruleLines.length > 0 ? [rulesLayer(ruleLines)] : []),
          { transform: [dots], ...intervalLayer('x', y, VALUE_TITLE) },
          {
            transform: [dots],
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
          { transform: [dots], ...suppressedLayer('x', y) },
        ],
      },
      { field: 'panel', order: [...new Set(values.map((v) => String(v.panel)))], columns: 2 },
    );
  },
});
