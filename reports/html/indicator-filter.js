/*
 * The indicator table's category select and search box, working on the rendered rows: a value
 * row (tr[data-category]) is shown when its category is the one chosen (or any) and its text,
 * with its indicator's title and id (the block's data-search), holds every word searched for.
 * A folded breakdown or an indicator block with no row left is hidden; a search opens the
 * folded breakdowns it finds rows in, and closes them again when cleared. The controls are
 * hidden in the page until this script runs, so a reader without scripts never sees dead ones.
 */
(() => {
  const table = document.getElementById('indicator-table');
  const controls = document.getElementById('indicator-controls');
  if (!table || !controls) return;
  const select = document.getElementById('indicator-category');
  const search = document.getElementById('indicator-search');
  const status = document.getElementById('indicator-status');
  const blocks = [...table.tBodies].filter((body) => body.dataset.search !== undefined);
  const rows = blocks.map((block) => ({
    block,
    rows: [...block.querySelectorAll('tr[data-category]')].map((row) => ({
      row,
      category: row.dataset.category,
      text: `${block.dataset.search} ${row.textContent}`.toLowerCase(),
    })),
    folded: [...block.querySelectorAll('tr.folded')],
  }));
  const total = rows.reduce((n, b) => n + b.rows.length, 0);
  // Details the script opened for a search, so clearing it closes only those.
  const opened = new Set();

  const apply = () => {
    const category = select.value;
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const block of rows) {
      let blockShown = 0;
      for (const entry of block.rows) {
        const match =
          (!category || entry.category === category) && words.every((w) => entry.text.includes(w));
        entry.row.hidden = !match;
        if (match) blockShown += 1;
      }
      for (const folded of block.folded) {
        const left = folded.querySelectorAll('tr[data-category]:not([hidden])').length;
        folded.hidden = left === 0;
        const details = folded.querySelector('details');
        if (words.length > 0 && left > 0 && !details.open) {
          details.open = true;
          opened.add(details);
        } else if (words.length === 0 && opened.has(details)) {
          details.open = false;
          opened.delete(details);
        }
      }
      block.block.hidden = blockShown === 0;
      shown += blockShown;
    }
    status.textContent =
      category || words.length
        ? `Showing ${shown.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} values.`
        : '';
  };

  select.addEventListener('change', apply);
  search.addEventListener('input', apply);
  controls.hidden = false;
})();
