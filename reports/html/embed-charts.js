/*
 * Draws every chart of the report with vega-embed (inlined above this script), as SVG so it
 * prints sharply. A chart that cannot be drawn shows the SVG drawn when the report was built,
 * kept in its <noscript>, and says why on the console. When all charts are settled the page's
 * root element gets data-charts="done" (browser tests wait for it).
 */
(() => {
  const options = { mode: 'vega-lite', renderer: 'svg', actions: false };
  const drawn = [];
  for (const container of document.querySelectorAll('.chart-view[data-spec]')) {
    const fallback = container.parentElement.querySelector('noscript');
    const showFallback = (error) => {
      console.error(`chart "${container.dataset.spec}" could not be drawn: ${error}`);
      if (fallback) container.innerHTML = fallback.textContent;
      container.dataset.rendered = 'fallback';
    };
    try {
      const spec = JSON.parse(document.getElementById(container.dataset.spec).textContent);
      drawn.push(
        vegaEmbed(container, spec, options).then(() => {
          container.dataset.rendered = 'vega-embed';
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
