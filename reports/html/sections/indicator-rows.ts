/**
 * One indicator's block of the indicator table: its headline values in the open, and its
 * breakdowns (months, beats, deciles, comparator areas, …) folded in <details>. Each value row
 * carries its category and the words it is searched by, for indicator-filter.js.
 */

import { unitLabel } from '../../format/numbers.js';
import { categoryNames, compareCategories } from '../../headline/categories.js';
import { DISTRICT_RATE, ENGLAND_CODE, unitName } from '../../national.js';
import type { PublishedRow, ReportData } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { formatInterval, formatValue } from '../format.js';

export const INDICATOR_COLUMNS = 6;

export const HEADER =
  '<th scope="col">Category</th><th scope="col">Breakdown</th><th scope="col" class="num">Value</th><th scope="col" class="num">95% CI</th><th scope="col">Significance</th><th scope="col">Note</th>';

/**
 * A row of another area (a comparator's rate, a district's in national mode, England's) is read
 * by that area's name, code after it.
 */
function otherArea(row: PublishedRow, data: ReportData): string | null {
  if (row.area_code === data.area.areaCode) return null;
  const name = unitName(data, row.area_code);
  return name !== row.area_code ? `${name} (${row.area_code})` : row.area_code;
}

/** What another area is to the area: a comparator, or one of England's districts. */
const otherAreaKind = (row: PublishedRow): string =>
  row.indicator_id === DISTRICT_RATE
    ? 'district'
    : row.area_code === ENGLAND_CODE
      ? 'country'
      : 'comparator';

function breakdownCell(row: PublishedRow, data: ReportData): string {
  const area = otherArea(row, data);
  if (area !== null) {
    return `<span class="breakdown-name">${otherAreaKind(row)}</span> ${escapeHtml(area)}`;
  }
  if (row.breakdown === 'none') return '';
  return `<span class="breakdown-name">${escapeHtml(row.breakdown.replaceAll('_', ' '))}</span> ${escapeHtml(row.breakdown_value)}`;
}

/**
 * Six cells, the category first as a plain cell: the privacy scan (test/privacy/small-counts.ts)
 * reads the value as the third of six `<td>`s.
 */
function valueRow(row: PublishedRow, data: ReportData): string {
  const valueClass = row.suppressed ? 'num suppressed' : 'num';
  // A suppressed value's note only repeats the rule the section states once.
  const note = row.suppressed ? '' : (row.note ?? '');
  return `<tr data-category="${escapeHtml(row.category)}"><td>${escapeHtml(categoryNames(row.category).title)}</td><td>${breakdownCell(row, data)}</td><td class="${valueClass}">${escapeHtml(formatValue(row))}</td><td class="num">${escapeHtml(formatInterval(row))}</td><td>${escapeHtml(row.significance ?? '')}</td><td class="note">${escapeHtml(note)}</td></tr>`;
}

/**
 * Rows shown in the open: headline values of the area, and breakdowns with one row per
 * category. Other areas' values (comparators) are folded like a breakdown.
 */
function splitRows(
  rows: readonly PublishedRow[],
  data: ReportData,
): { open: PublishedRow[]; folded: PublishedRow[] } {
  const perCategory = new Map<string, number>();
  for (const row of rows) perCategory.set(row.category, (perCategory.get(row.category) ?? 0) + 1);
  const open: PublishedRow[] = [];
  const folded: PublishedRow[] = [];
  for (const row of rows) {
    const own = row.area_code === data.area.areaCode;
    const single = own && (row.breakdown === 'none' || perCategory.get(row.category) === 1);
    (single ? open : folded).push(row);
  }
  return { open, folded };
}

function byCategory(a: PublishedRow, b: PublishedRow): number {
  return compareCategories(a.category, b.category);
}

/** "beat", "month", "comparator area": what the folded rows are by. */
function foldedBy(rows: readonly PublishedRow[], data: ReportData): string[] {
  const by = rows.map((r) =>
    r.area_code !== data.area.areaCode
      ? `${otherAreaKind(r) === 'comparator' ? 'comparator area' : otherAreaKind(r)}`
      : r.breakdown.replaceAll('_', ' '),
  );
  return [...new Set(by)];
}

export interface IndicatorBlock {
  id: string;
  title: string;
  unit: string;
  rows: readonly PublishedRow[];
}

export function indicatorBlock(block: IndicatorBlock, data: ReportData): string {
  const { id, title, unit } = block;
  const { open, folded } = splitRows(block.rows, data);
  // A stable sort keeps each category's breakdown rows in the loader's order (month, decile…).
  open.sort(byCategory);
  folded.sort(byCategory);
  const search = `${title} ${id} ${unitLabel(unit)}`.toLowerCase();
  const lines = [
    `<tbody id="indicator-${escapeHtml(id)}" data-search="${escapeHtml(search)}">`,
    `<tr class="indicator"><th colspan="${INDICATOR_COLUMNS}" scope="rowgroup">${escapeHtml(title)} <span class="unit">(${escapeHtml(unitLabel(unit))})</span> <a href="#definition-${escapeHtml(id)}" class="definition-link"><code>${escapeHtml(id)}</code></a></th></tr>`,
    ...open.map((row) => valueRow(row, data)),
  ];
  if (folded.length > 0) {
    const by = foldedBy(folded, data).join(', ');
    const categories = new Set(folded.map((r) => r.category)).size;
    lines.push(
      `<tr class="folded"><td colspan="${INDICATOR_COLUMNS}"><details><summary>${folded.length} value${folded.length === 1 ? '' : 's'} by ${escapeHtml(by)} for ${categories} ${categories === 1 ? 'category' : 'categories'}</summary>`,
      `<table class="breakdown-table"><caption class="visually-hidden">${escapeHtml(title)} by ${escapeHtml(by)}</caption><thead><tr>${HEADER}</tr></thead><tbody>`,
      ...folded.map((row) => valueRow(row, data)),
      '</tbody></table></details></td></tr>',
    );
  }
  lines.push('</tbody>');
  return lines.join('\n');
}
