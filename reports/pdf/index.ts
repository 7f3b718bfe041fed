/** report.pdf: report.html printed by a Chromium already on the machine. */
export { CHROMIUM_NAMES, type ChromiumLookup, findChromium } from './find-chromium.js';
export { printPdf, REPORT_PDF } from './print-pdf.js';
export { checkPdfChoice, type PdfChoice, writeReportPdf } from './write-pdf.js';
