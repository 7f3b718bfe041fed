/**
 * The indicator table: one block per indicator in registry order, its headline values in the
 * open and its breakdowns (months, beats, deciles, …) folded in <details> to keep it readable.
 * Values are rounded for display; `indicators.csv` holds them unrounded.
 */

import { unitLabel } from '../../format/numbers.js';
import { categoryNames, compareCategories } from '../../headline/categories.js';
import type { PublishedRow, ReportData } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { formatInterval, formatValue } from '../format.js';

const HEADER =
  '<th scope="col">Category</th><th scope="col">Breakdown</th><th scope="col" class="num">Value</th><th scope="col" class="num">95% CI</th><th scope="col">Significance</th><th scope="col">Note</th>';

function rowCells(row: PublishedRow): string {
  const breakdown =
    row.breakdown === 'none'
      ? ''
      : `<span class="breakdown-name">${escapeHtml(row.breakdown.replaceAll('_', ' '))}</span> ${escapeHtml(row.breakdown_value)}`;
  const valueClass = row.suppressed ? 'num suppressed' : 'num';
  // A suppressed value's note only repeats the rule the section states once.
  return `<td>${escapeHtml(categoryNames(row.category).title)}</td><td>${breakdown}</td><td class="${valueClass}">${escapeHtml(formatValue(row))}</td><td class="num">${escapeHtml(formatInterval(row))}</td><td>${escapeHtml(row.significance ?? '')}</td><td class="note">${escapeHtml(row.suppressed ? '' : (row.note ?? ''))}</td>`;
}

/** Rows shown in the open: headline values, and breakdowns with one row per category. */
function splitRows(rows: readonly PublishedRow[]): {
  open: PublishedRow[];
  folded: PublishedRow[];
} {
  const perCategory = new Map<string, number>();
  for (const row of rows) perCategory.set(row.category, (perCategory.get(row.category) ?? 0) + 1);
  const open: PublishedRow[] = [];
  const folded: PublishedRow[] = [];
  for (const row of rows) {
    const single = row.breakdown === 'none' || perCategory.get(row.category) === 1;
    (single ? open : folded).push(row);
  }
  return { open, folded };
}

function byCategory(a: PublishedRow, b: PublishedRow): number {
  return compareCategories(a.category, b.category);
}

function indicatorBlock(id: string, title: string, unit: string, rows: PublishedRow[]): string {
  const { open, folded } = splitRows(rows);
  // A stable sort keeps each category's breakdown rows in the loader's order (month, decile…).
  open.sort(byCategory);
  folded.sort(byCategory);
  const lines = [
    `<tbody id="indicator-${escapeHtml(id)}">`,
    `<tr class="indicator"><th colspan="6" scope="rowgroup">${escapeHtml(title)} <span class="unit">(${escapeHtml(unitLabel(unit))})</span> <code>${escapeHtml(id)}</code></th></tr>`,
    ...open.map((row) => `<tr>${rowCells(row)}</tr>`),
  ];
  if (folded.length > 0) {
    const breakdowns = [...new Set(folded.map((r) => r.breakdown.replaceAll('_', ' ')))];
    const categories = new Set(folded.map((r) => r.category)).size;
    lines.push(
      `<tr class="folded"><td colspan="6"><details><summary>${folded.length} values by ${escapeHtml(breakdowns.join(', '))} for ${categories} ${categories === 1 ? 'category' : 'categories'}</summary>`,
      `<table class="breakdown-table"><thead><tr>${HEADER}</tr></thead><tbody>`,
      ...folded.map((row) => `<tr>${rowCells(row)}</tr>`),
      '</tbody></table></details></td></tr>',
    );
  }
  lines.push('</tbody>');
  return lines.join('\n');
}

export function indicatorsSection(data: ReportData): string {
  const rowsById = new Map<string, PublishedRow[]>();
  for (const row of data.rows) {
    const list = rowsById.get(row.indicator_id) ?? [];
    list.push(row);
    rowsById.set(row.indicator_id, list);
  }
  const blocks: string[] = [];
  for (const definition of data.definitions) {
    const rows = rowsById.get(definition.id);
    if (!rows) continue;
    blocks.push(indicatorBlock(definition.id, definition.title, definition.unit, rows));
    rowsById.delete(definition.id);
  }
  // Rows of an indicator the registry no longer declares are still shown, never dropped.
  for (const [id, rows] of rowsById) {
    blocks.push(indicatorBlock(id, id, rows[0]?.unit ?? '', rows));
  }
  return `<section id="indicators">
<h2>Indicators</h2>
<p class="lead">Every published indicator value, rounded for reading (<code>indicators.csv</code>
and <code>indicators.parquet</code> hold them unrounded). Counts from 1 to ${data.suppressBelow - 1}
are shown as “suppressed”, with any value that would reveal them. “Significance” compares with the
previous period, the comparator areas or the average month, as each indicator’s definition says.</p>
<table class="indicator-table">
<thead><tr>${HEADER}</tr></thead>
${blocks.join('\n')}
</table>
</section>`;
}
