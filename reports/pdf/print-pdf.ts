/**
 * report.pdf: report.html printed by headless Chromium (through playwright-core, which drives
 * a browser already installed and never downloads one). The page draws its charts itself with
 * vega-embed, so printing waits for its signal that every chart is settled
 * (`<html data-charts="done">`, set by reports/html/embed-charts.js). Nothing but the file is
 * ever fetched: the page needs no network, and any other request is refused.
 */
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const REPORT_PDF = 'report.pdf';

export interface PrintOptions {
  /** The Chromium (or Chrome) executable to drive. */
  executablePath: string;
  /** The longest a step (launch, load, drawing the charts, printing) may take; default 180 s. */
  timeoutMs?: number;
  /** Words set small at the foot of every page, beside its number (e.g. the area's name). */
  footer?: string;
}

/** The footer Chromium draws on each page; its classes are filled in by Chromium. */
function footerTemplate(words: string): string {
  const escaped = words.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<div style="font: 8px Arial, sans-serif; color: #595959; width: 100%; padding: 0 15mm; display: flex; justify-content: space-between;"><span>${escaped}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

/** Prints the HTML file at `htmlPath` on A4 and returns the PDF's bytes. */
export async function printPdf(htmlPath: string, options: PrintOptions): Promise<Buffer> {
  const timeout = options.timeoutMs ?? 180_000;
  const browser = await chromium.launch({
    executablePath: options.executablePath,
    // No sandbox: sna may run as root in a container, where Chromium's sandbox cannot start.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    timeout,
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(timeout);
    await page.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    );
    await page.goto(pathToFileURL(htmlPath).href);
    await page.waitForSelector('html[data-charts="done"]', { state: 'attached' });
    return await page.pdf({
      format: 'A4',
      margin: { top: '15mm', right: '15mm', bottom: '18mm', left: '15mm' },
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(options.footer ?? ''),
    });
  } finally {
    await browser.close();
  }
}
