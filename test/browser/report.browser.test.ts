/**
 * Opens the demo's report.html in headless Chromium over file:// with every network request
 * blocked, and checks that it draws: no console errors, every chart rendered by vega-embed as
 * SVG marks, the headline table present. Saves a full-page screenshot for people to look at.
 */
import { accessSync, constants, copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, run } from '../../pipeline/index.js';
import { demoWorkspace, REPO_ROOT } from '../helpers/workspace.js';

const BROWSER_NAMES = ['chromium', 'chromium-browser'];

/** The first Chromium on PATH (Debian's `chromium`; `.ci/run` installs it). */
function chromiumOnPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of BROWSER_NAMES) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // Not in this folder; keep looking along PATH.
      }
    }
  }
  return undefined;
}

const executablePath = chromiumOnPath();
const skipReason = executablePath
  ? undefined
  : `no ${BROWSER_NAMES.join(' or ')} on PATH (install Debian's chromium package)`;
if (skipReason) console.warn(`browser test skipped: ${skipReason}`);

describe.skipIf(!executablePath)(
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
      browser = await chromium.launch({
        executablePath,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
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
