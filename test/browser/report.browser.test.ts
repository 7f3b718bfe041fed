/**
 * Opens the demo's report.html in headless Chromium over file:// with every network request
 * blocked, and checks that it draws (no console errors, every chart rendered by vega-embed as
 * SVG marks, the headline table present), that axe-core finds no serious or critical WCAG
 * violation, that the contents lead to every section and follow the reader, that the indicator
 * filter narrows the rows, and that on A4 paper no chart runs off the page. Saves a full-page
 * screenshot for people to look at.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, run } from '../../pipeline/index.js';
import { chromiumPath, chromiumSkipReason, launchChromium } from '../helpers/chromium.js';
import { demoWorkspace, REPO_ROOT } from '../helpers/workspace.js';
import { axeViolations, chartBoxes, contentsLinks, indicatorRows } from './page-checks.js';

const skipReason = chromiumSkipReason;
if (skipReason) console.warn(`browser test skipped: ${skipReason}`);

describe.skipIf(!chromiumPath)(
  `report.html in headless Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    const ws = demoWorkspace('sna-browser-');
    const out = (file: string) => join(ws.dir, 'out', file);
    const consoleErrors: string[] = [];
    const blocked: string[] = [];
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      await run(ws.configPath, { log: memoryLogger() });
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      // Generous: on a busy 2-core machine Chromium alone can take half a minute to load a page.
      page.setDefaultTimeout(120_000);
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
      // Self-contained means nothing but the file itself is ever requested.
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        blocked.push(url);
        return route.abort();
      });
      await page.goto(pathToFileURL(out('report.html')).href);
      await page.waitForSelector('html[data-charts="done"]');
    }, 360_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('loads with no console errors and asks for nothing from a network', () => {
      expect(consoleErrors).toEqual([]);
      expect(blocked).toEqual([]);
    });

    it('draws every chart with vega-embed as SVG marks', async () => {
      const written = readdirSync(out('charts')).filter((f) => f.endsWith('.vl.json'));
      const charts = await page.$$eval('.chart-view', (views) =>
        views.map((view) => ({
          rendered: (view as HTMLElement).dataset.rendered,
          embedded: view.classList.contains('vega-embed'),
          marks: view.querySelectorAll('svg.marks g[class*="mark-"]').length,
          shapes: view.querySelectorAll('svg.marks path, svg.marks rect, svg.marks line').length,
          text: view.querySelectorAll('svg.marks text').length,
        })),
      );
      expect(charts.length).toBe(written.length);
      expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts) {
        expect(chart.rendered).toBe('vega-embed');
        expect(chart.embedded).toBe(true);
        expect(chart.marks).toBeGreaterThan(0);
        expect(chart.shapes).toBeGreaterThan(0);
        expect(chart.text).toBeGreaterThan(0);
      }
    });

    it('shows the headline table, one row per category of headline.json', async () => {
      const headline = JSON.parse(readFileSync(out('headline.json'), 'utf8')) as {
        rows: Array<{ title: string }>;
      };
      const titles = await page.$$eval('.headline-table tbody th[scope="row"]', (cells) =>
        cells.map((cell) => cell.textContent),
      );
      expect(titles).toEqual(headline.rows.map((row) => row.title));
      expect(await page.isVisible('.synthetic-banner')).toBe(true);
    });

    it('passes axe-core (WCAG 2.1 A and AA): no serious or critical violation', {
      timeout: 300_000,
    }, async () => {
      const grave = (await axeViolations(page)).filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      const said = grave.map(
        (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 8).join('\n    ')}`,
      );
      expect(said, said.join('\n')).toEqual([]);
    });

    it('names every drawn chart as an image by its title and what it shows', async () => {
      const charts = await page.$$eval('figure.chart', (figures) =>
        figures.map((figure) => ({
          title: figure.querySelector('h3')?.textContent ?? '',
          role: figure.querySelector('.chart-view svg')?.getAttribute('role'),
          label: figure.querySelector('.chart-view svg')?.getAttribute('aria-label') ?? '',
        })),
      );
      expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts) {
        expect(chart.role).toBe('img');
        expect(chart.label.startsWith(`${chart.title}. `), chart.label).toBe(true);
        expect(chart.label.length).toBeGreaterThan(chart.title.length + 40);
      }
    });

    it('lists every section and chart in the contents, each link leading to it', async () => {
      const links = await contentsLinks(page);
      const sections = await page.$$eval('main > section[id]', (s) => s.map((e) => `#${e.id}`));
      const charts = await page.$$eval('figure.chart', (f) => f.map((e) => `#${e.id}`));
      expect(links.filter((l) => !l.sub).map((l) => l.href)).toEqual(sections);
      expect(links.filter((l) => l.sub).map((l) => l.href)).toEqual(charts);
      for (const link of links)
        expect(link.target, link.href).toBe(link.sub ? 'figure' : 'section');
    });

    it('marks the section and chart in view in the contents, which stay on screen', async () => {
      const current = () =>
        page.$$eval('#toc a[aria-current="location"]', (l) => l.map((e) => e.getAttribute('href')));
      await page.click('#toc a[href="#indicators"]');
      await page.waitForSelector('#toc a[href="#indicators"][aria-current="location"]');
      expect(await current()).toEqual(['#indicators']);
      // The charts' own entries show only while the reader is among the charts.
      const second = await page.$eval('figure.chart:nth-of-type(2)', (f) => `#${f.id}`);
      expect(await page.isVisible(`#toc a[href="${second}"]`)).toBe(false);
      await page.click('#toc a[href="#charts"]');
      await page.waitForSelector(`#toc a[href="${second}"]`, { state: 'visible' });
      await page.click(`#toc a[href="${second}"]`);
      await page.waitForSelector(`#toc a[href="${second}"][aria-current="location"]`);
      expect(await current()).toEqual(['#charts', second]);
      const toc = await page.locator('#toc').boundingBox();
      expect(toc?.y).toBeGreaterThanOrEqual(0);
      expect(toc?.y).toBeLessThan(50);
    });

    it('narrows the indicator table to a category, then to a search within it', async () => {
      const count = (n: number) => n.toLocaleString('en-GB');
      const all = await indicatorRows(page);
      expect(all.kept).toBeGreaterThan(1000);
      expect(all.status).toBe('');
      await page.selectOption('#indicator-category', 'knife_crime');
      const knife = await indicatorRows(page);
      expect(knife.kept).toBeGreaterThan(0);
      expect(knife.kept).toBeLessThan(all.kept / 5);
      expect(new Set(knife.seen.map((r) => r.category))).toEqual(new Set(['knife_crime']));
      expect(knife.status).toBe(`Showing ${count(knife.kept)} of ${count(all.kept)} values.`);
      await page.fill('#indicator-search', 'beat');
      const beats = await indicatorRows(page);
      expect(beats.kept).toBeGreaterThan(0);
      expect(beats.kept).toBeLessThan(knife.kept);
      // The folded breakdowns holding matches are opened: every row kept is seen.
      expect(beats.seen.length).toBe(beats.kept);
      for (const row of beats.seen) {
        expect(row.category).toBe('knife_crime');
        expect(row.text).toContain('beat');
      }
      await page.fill('#indicator-search', '');
      await page.selectOption('#indicator-category', '');
      expect((await indicatorRows(page)).kept).toBe(all.kept);
    });

    it('prints on A4 with every chart inside the content box, contents as a list', async () => {
      // print.css: A4 (210 × 297 mm) less margins of 14 mm a side, 15 mm top and 16 mm bottom.
      const mm = 96 / 25.4;
      const box = { width: Math.floor(182 * mm), height: Math.floor(266 * mm) };
      const paper = await browser.newPage({ viewport: box });
      try {
        paper.setDefaultTimeout(120_000);
        await paper.emulateMedia({ media: 'print' });
        await paper.goto(pathToFileURL(out('report.html')).href);
        await paper.waitForSelector('html[data-charts="done"]');
        const charts = await chartBoxes(paper);
        expect(charts.length).toBeGreaterThan(0);
        for (const chart of charts) {
          expect(chart.left, chart.chart).toBeGreaterThanOrEqual(0);
          expect(chart.right, chart.chart).toBeLessThanOrEqual(box.width);
          expect(chart.height, chart.chart).toBeLessThanOrEqual(box.height);
        }
        expect(await paper.isVisible('#toc')).toBe(false);
        expect(await paper.isVisible('#indicator-controls')).toBe(false);
        expect(await paper.isVisible('.print-contents')).toBe(true);
      } finally {
        await paper.close();
      }
    });

    // A page of some 30,000 pixels: the screenshot alone takes seconds on a busy machine.
    it('saves a full-page screenshot', { timeout: 180_000 }, async () => {
      const screenshot = await page.screenshot({ path: out('report.png'), fullPage: true });
      expect(screenshot.subarray(1, 4).toString()).toBe('PNG');
      const copy = join(REPO_ROOT, 'test', '.tmp', 'report-screenshot.png');
      mkdirSync(join(REPO_ROOT, 'test', '.tmp'), { recursive: true });
      copyFileSync(out('report.png'), copy);
      expect(readFileSync(copy).length).toBe(screenshot.length);
    });
  },
);
