/**
 * Which rows the England funnel plot (national mode) draws, and the line under it: the headline
 * categories with district rows, each one's England rate, and the districts with rows that are not
 * drawn, by why — "Not drawn: 12 districts with incomplete data (Bolton, Bury, …); 22 Welsh
 * districts without population (…)" — and, per category, the ranked ones whose count is
 * suppressed. Why a district is not ranked is `fct_national_units`' coverage when the run loaded
 * it, else the row's own note.
 */

import {
  compareCategories,
  inPoliceUkHeadline,
  SERIOUS_VIOLENCE_ORDER,
} from '../../headline/categories.js';
import { formatCount, joinWords } from '../../headline/format.js';
import {
  DISTRICT_RATE,
  ENGLAND_RATE,
  isPlotted,
  rowsIn,
  unitName,
  unitOf,
} from '../../national.js';
import type { PublishedRow, ReportData } from '../../types.js';
import { categoryTitle } from '../format.js';

/** The categories drawn: the headline's (police.uk's serious violence ones, or the basket). */
function isHeadlineCategory(category: string): boolean {
  return inPoliceUkHeadline(category) || SERIOUS_VIOLENCE_ORDER.includes(category);
}

/** The headline categories the district rows have, in the headline's order. */
export function headlineCategoriesOf(
  data: ReportData,
  districtRows: readonly PublishedRow[],
): string[] {
  const policeUk = data.crimeSource === 'police_uk_street';
  return [...new Set(districtRows.map((r) => r.category).filter(isHeadlineCategory))].sort((a, b) =>
    compareCategories(a, b, policeUk),
  );
}

/** A category's published England rate (the funnel's centre line). */
export const englandRow = (rows: readonly PublishedRow[], category: string) =>
  rows.find(
    (r) =>
      r.indicator_id === ENGLAND_RATE &&
      r.category === category &&
      !r.suppressed &&
      r.value !== null,
  );

/** Districts named in a "not drawn" line before "and N more". */
export const MAX_LISTED = 5;

/**
 * The units with rows in the drawn categories that are drawn in none of them, by why, as the
 * line under the chart says them: "12 districts with incomplete data (Bolton, Bury, …)".
 */
export function notDrawnLines(data: ReportData, categories: readonly string[]): string[] {
  const rows = categories.flatMap((c) => rowsIn(data, DISTRICT_RATE, c));
  const plotted = new Set(rows.filter(isPlotted).map((r) => r.area_code));
  const unranked = new Map<string, PublishedRow>();
  for (const row of rows) {
    // A suppressed count is ranked: said per category below, not as a district left out.
    if (!plotted.has(row.area_code) && !row.suppressed && !unranked.has(row.area_code)) {
      unranked.set(row.area_code, row);
    }
  }
  const groups = new Map<string, string[]>();
  for (const [code, row] of unranked) {
    const kind = unitOf(data, code)?.coverage ?? `not ranked: ${row.note ?? 'no rate published'}`;
    groups.set(kind, [...(groups.get(kind) ?? []), code]);
  }
  const lines = [...groups].map(
    ([kind, codes]) => `${reasonWords(data, kind, codes)} (${namesOf(data, codes)})`,
  );
  // Ranked but hidden in one category: its count is too small to publish.
  for (const category of categories) {
    const hidden = rowsIn(data, DISTRICT_RATE, category).filter((r) => r.suppressed);
    if (hidden.length > 0) {
      const codes = hidden.map((r) => r.area_code);
      lines.push(
        `${categoryTitle(category)}: ${districts(codes.length)} whose count is suppressed (${namesOf(data, codes)})`,
      );
    }
  }
  return lines.length > 0 ? [`Not drawn: ${lines.join('; ')}`] : [];
}

const districts = (n: number, what = ''): string =>
  `${formatCount(n)} ${what}${n === 1 ? 'district' : 'districts'}`;

/**
 * "12 districts with incomplete data", "22 Welsh districts without population": the kind is
 * `fct_national_units`' coverage, or the row's note when that table was not loaded.
 */
function reasonWords(data: ReportData, kind: string, codes: readonly string[]): string {
  const n = codes.length;
  switch (kind) {
    case 'incomplete':
      return `${districts(n)} with incomplete data`;
    case 'no_population': {
      const welsh = codes.every((c) => unitOf(data, c)?.country === 'W');
      return `${districts(n, welsh ? 'Welsh ' : '')} without population`;
    }
    case 'no_data':
      return `${districts(n)} with no data`;
    default:
      return `${districts(n)} ${kind}`;
  }
}

/** Up to MAX_LISTED names, alphabetical, then how many more. */
function namesOf(data: ReportData, codes: readonly string[]): string {
  const names = codes.map((c) => unitName(data, c)).sort((a, b) => a.localeCompare(b));
  const rest = names.length - MAX_LISTED;
  return rest > 0
    ? `${names.slice(0, MAX_LISTED).join(', ')} and ${formatCount(rest)} more, listed in national.csv`
    : joinWords(names);
}
