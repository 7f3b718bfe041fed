/**
 * The indicator table: one block per indicator in registry order (indicator-rows.ts), a
 * category select and a search box over its rows (indicator-filter.js), and the values that are
 * not available collapsed into one line per reason ("needs ae_assaults"), each listing its
 * indicators in <details>. Values are rounded for display; `indicators.csv` holds them unrounded.
 */

import { categoryNames, compareCategories } from '../../headline/categories.js';
import { DISTRICT_RATE } from '../../national.js';
import type { PublishedRow, ReportData } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { inputName, readingNotes } from '../sources.js';
import { HEADER, indicatorBlock } from './indicator-rows.js';

/**
 * What a not-available row is missing, from its note, each input named as the provenance
 * section names it: "needs police victim extracts (police_victims)".
 */
function reasonOf(row: PublishedRow): string {
  const reason = (row.note ?? 'no reason given').replace(/^not available: /, '');
  return reason.replace(/\b[a-z]+(?:_[a-z]+)+\b/g, (id) =>
    inputName(id) === id.replaceAll('_', ' ') ? id : `${inputName(id)} (${id})`,
  );
}

/**
 * One line per reason, each naming how many indicators and values it takes out and listing
 * them (with the categories, unless it is every category they have) in <details>.
 */
function notAvailableLines(rows: readonly PublishedRow[], data: ReportData): string {
  if (rows.length === 0) return '';
  const titles = new Map(data.definitions.map((d) => [d.id, d.title]));
  const byReason = new Map<string, PublishedRow[]>();
  for (const row of rows)
    byReason.set(reasonOf(row), [...(byReason.get(reasonOf(row)) ?? []), row]);
  const lines = [...byReason].map(([reason, group]) => {
    const ids = [...new Set(group.map((r) => r.indicator_id))];
    const items = ids.map((id) => {
      const categories = [
        ...new Set(group.filter((r) => r.indicator_id === id).map((r) => r.category)),
      ]
        .sort(compareCategories)
        .map((c) => categoryNames(c).title);
      return `<li><a href="#definition-${escapeHtml(id)}">${escapeHtml(titles.get(id) ?? id)}</a> <code>${escapeHtml(id)}</code>: ${escapeHtml(categories.join(', '))}</li>`;
    });
    const indicators = `${ids.length} indicator${ids.length === 1 ? '' : 's'}`;
    const values = `${group.length} value${group.length === 1 ? '' : 's'}`;
    return `<li><details><summary><strong>Not available</strong> (${indicators}, ${values}): ${escapeHtml(reason)}</summary><ul>${items.join('')}</ul></details></li>`;
  });
  return `<div class="not-available"><h3>Not available in this run</h3>
<p>Values an input or setting of this run does not give, one line per reason; open a line for its indicators. The <a href="#provenance">inputs</a> list what was read.</p>
<ul>${lines.join('\n')}</ul></div>`;
}

/** The category select and search box; hidden until indicator-filter.js makes them work. */
function controls(categories: readonly string[]): string {
  const options = categories
    .map((c) => `<option value="${escapeHtml(c)}">${escapeHtml(categoryNames(c).title)}</option>`)
    .join('');
  return `<div class="table-controls" id="indicator-controls" hidden>
<label for="indicator-category">Category</label>
<select id="indicator-category"><option value="">All categories</option>${options}</select>
<label for="indicator-search">Search</label>
<input type="search" id="indicator-search" placeholder="indicator, beat, ward, month…" autocomplete="off">
<p class="filter-status" id="indicator-status" role="status"></p>
</div>`;
}

const HOW_TO_READ =
  'Each block is one indicator, its unit in brackets and its id linking to its definition, with a row per category and its breakdowns folded under them; the 95% CI is the range the true value is likely to lie in, and “higher” or “lower” means that range excludes what the value is compared with.';

const SOURCE =
  '<p class="source"><span class="label">Source:</span> <code>indicators.csv</code>, computed from the inputs in <a href="#provenance">Data sources and provenance</a>.</p>';

export function indicatorsSection(data: ReportData): string {
  // A district not ranked (national mode) is a row of its block, its note saying why: the lines
  // below are for what an input or setting of the run does not give.
  const unranked = (row: PublishedRow) => row.indicator_id === DISTRICT_RATE;
  const available = data.rows.filter((row) => row.status !== 'not_available' || unranked(row));
  const notAvailable = data.rows.filter((row) => row.status === 'not_available' && !unranked(row));
  const rowsById = new Map<string, PublishedRow[]>();
  for (const row of available) {
    const list = rowsById.get(row.indicator_id) ?? [];
    list.push(row);
    rowsById.set(row.indicator_id, list);
  }
  const blocks: string[] = [];
  for (const definition of data.definitions) {
    const rows = rowsById.get(definition.id);
    if (!rows) continue;
    blocks.push(indicatorBlock({ ...definition, rows }, data));
    rowsById.delete(definition.id);
  }
  // Rows of an indicator the registry no longer declares are still shown, never dropped.
  for (const [id, rows] of rowsById) {
    blocks.push(indicatorBlock({ id, title: id, unit: rows[0]?.unit ?? '', rows }, data));
  }
  const categories = [...new Set(available.map((r) => r.category))].sort(compareCategories);
  return `<section id="indicators">
<h2>Indicators</h2>
<p class="lead">Every published indicator value, rounded for reading (<code>indicators.csv</code>
and <code>indicators.parquet</code> hold them unrounded). Counts from 1 to ${data.suppressBelow - 1}
are shown as “suppressed”, with any value that would reveal them. “Significance” compares with the
previous period, the comparator areas or the average month, as each indicator’s definition says.</p>
${notAvailableLines(notAvailable, data)}
${readingNotes(HOW_TO_READ, SOURCE, 'indicator-how-to-read')}
${controls(categories)}
<div class="table-scroll" tabindex="0" role="region" aria-label="Indicator values, scrollable">
<table class="indicator-table" id="indicator-table" aria-describedby="indicator-how-to-read">
<caption>Indicator values for ${escapeHtml(data.area.name)}, by indicator and category</caption>
<thead><tr>${HEADER}</tr></thead>
${blocks.join('\n')}
</table>
</div>
</section>`;
}
