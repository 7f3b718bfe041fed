/** The Word report: `buildReportDocx` makes report.docx from the data report.html is made from. */
export { buildReportDocx, type ReportDocxInput, reportDocument } from './build-docx.js';
export type { Finding } from './findings.js';

/** Where the Word report is written, relative to the output folder. */
export const REPORT_DOCX = 'report.docx';
