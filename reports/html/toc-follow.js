/*
 * The side contents follow the reader: the link of the section (and chart) in view is marked
 * aria-current="location", which report.css highlights. "In view" is the last heading above a
 * line a quarter down the window, so a section counts as read once its heading has passed.
 * Work is done at most once a frame while scrolling.
 */
(() => {
  const toc = document.getElementById('toc');
  if (!toc) return;
  const entries = [...toc.querySelectorAll('a[href^="#"]')].flatMap((link) => {
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    return target ? [{ link, target }] : [];
  });
  let current = [];
  const mark = () => {
    const line = window.innerHeight / 4;
    const passed = entries.filter(({ target }) => target.getBoundingClientRect().top <= line);
    const section = passed.filter(({ link }) => !link.closest('.toc-sub')).at(-1);
    const sub = passed.filter(({ link }) => link.closest('.toc-sub')).at(-1);
    // A chart is current only inside its own section.
    const chart = sub && section?.target.contains(sub.target) ? sub : undefined;
    const next = [section, chart].filter(Boolean).map(({ link }) => link);
    if (next.length === current.length && next.every((link, i) => link === current[i])) return;
    for (const link of current) link.removeAttribute('aria-current');
    for (const link of next) link.setAttribute('aria-current', 'location');
    current = next;
    // Keep the marked link in sight when the contents are taller than the window.
    const last = next.at(-1);
    if (last && toc.scrollHeight > toc.clientHeight) {
      const top = last.offsetTop - toc.clientHeight / 2;
      toc.scrollTop = Math.max(0, top);
    }
  };
  let queued = false;
  const queue = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      mark();
    });
  };
  window.addEventListener('scroll', queue, { passive: true });
  window.addEventListener('resize', queue);
  // Charts drawn after load move the sections down: mark again once they are.
  new MutationObserver(queue).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-charts'],
  });
  mark();
})();
