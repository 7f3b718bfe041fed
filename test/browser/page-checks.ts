/**
 * What the browser tests read off the rendered report: axe-core's violations, the contents'
 * links and their targets, the indicator table's rows as a reader sees them, and the charts'
 * boxes. Each function runs in Node and evaluates in the page.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Injects axe-core into the page (an inline script, which the report's CSP allows) and runs
 * every rule of WCAG 2.x A and AA on the whole document.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: AxeApi }).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

interface AxeApi {
  run(
    context: Document,
    options: Record<string, unknown>,
  ): Promise<{
    violations: Array<{
      id: string;
      impact: string | null;
      help: string;
      nodes: Array<{ target: string[] }>;
    }>;
  }>;
}

export interface ContentsLink {
  href: string;
  text: string;
  sub: boolean;
  /** The tag of the element the link's fragment names, or null when there is none. */
  target: string | null;
}

export function contentsLinks(page: Page): Promise<ContentsLink[]> {
  return page.$$eval('#toc a', (links) =>
    links.map((link) => {
      const id = decodeURIComponent((link as HTMLAnchorElement).hash.slice(1));
      const target = document.getElementById(id);
      return {
        href: link.getAttribute('href') ?? '',
        text: link.textContent ?? '',
        sub: link.closest('.toc-sub') !== null,
        target: target ? target.tagName.toLowerCase() : null,
      };
    }),
  );
}

export interface TableRows {
  /** Value rows the filter leaves in (not hidden, nor inside a hidden block or fold). */
  kept: number;
  /** Value rows a reader can see now (folded breakdowns open or shut as they are). */
  seen: Array<{ category: string; text: string }>;
  status: string;
}

/** The indicator table's value rows as the filter and a reader leave them. */
export function indicatorRows(page: Page): Promise<TableRows> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll<HTMLElement>('#indicator-table tr[data-category]')];
    const kept = rows.filter((row) => !row.closest('[hidden]'));
    return {
      kept: kept.length,
      seen: kept
        .filter((row) => row.checkVisibility())
        .map((row) => ({
          category: row.dataset.category ?? '',
          text: `${row.closest('tbody[data-search]')?.getAttribute('data-search')} ${row.textContent}`.toLowerCase(),
        })),
      status: document.getElementById('indicator-status')?.textContent ?? '',
    };
  });
}

export interface ChartBox {
  chart: string;
  left: number;
  right: number;
  width: number;
  height: number;
}

/** Each drawn chart's SVG box in CSS pixels. */
export function chartBoxes(page: Page): Promise<ChartBox[]> {
  return page.$$eval('figure.chart', (figures) =>
    figures.map((figure) => {
      const box = figure.querySelector('.chart-view svg')?.getBoundingClientRect();
      return {
        chart: (figure as HTMLElement).dataset.chart ?? '',
        left: box?.left ?? Number.NaN,
        right: box?.right ?? Number.NaN,
        width: box?.width ?? Number.NaN,
        height: box?.height ?? Number.NaN,
      };
    }),
  );
}
