/*
 * Draws every chart of the report with vega-embed (inlined above this script), as SVG so it
 * prints sharply. A chart that cannot be drawn shows the SVG drawn when the report was built,
 * kept in its <noscript>, and says why on the console. Each drawn SVG is named as an image by
 * its container's data-label (the chart's title and what it shows), for screen readers. When
 * all charts are settled the page's root element gets data-charts="done" (browser tests wait
 * for it).
 */
(() => {
  const options = { mode: 'vega-lite', renderer: 'svg', actions: false };
  const drawn = [];
  const label = (container) => {
    const svg = container.querySelector('svg');
    if (!svg) return;
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', container.dataset.label ?? '');
    // One image, one name: vega's per-mark roles inside it are hidden rather than left half
    // described (its empty mark containers carry a role and no name).
    for (const group of svg.querySelectorAll(':scope > g'))
      group.setAttribute('aria-hidden', 'true');
  };
  for (const container of document.querySelectorAll('.chart-view[data-spec]')) {
    const fallback = container.parentElement.querySelector('noscript');
    const showFallback = (error) => {
      console.error(`chart "${container.dataset.spec}" could not be drawn: ${error}`);
      if (fallback) container.innerHTML = fallback.textContent;
      container.dataset.rendered = 'fallback';
      label(container);
    };
    try {
      const spec = JSON.parse(document.getElementById(container.dataset.spec).textContent);
      drawn.push(
        vegaEmbed(container, spec, options).then(() => {
          container.dataset.rendered = 'vega-embed';
          label(container);
        }, showFallback),
      );
    } catch (error) {
      showFallback(error);
    }
  }
  Promise.allSettled(drawn).then(() => {
    document.documentElement.dataset.charts = 'done';
  });
})();
