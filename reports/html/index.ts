/** The HTML report: `renderReportHtml` builds the page; `escapeHtml` is the one escaper. */
export { escapeHtml, jsonForScript } from './escape.js';
export { type ReportHtmlInput, renderReportHtml } from './render-report-html.js';
