/**
 * The SNA headline table (docs/contract.md#headline-table): `buildHeadline` turns the published indicator rows
 * into plain-English sentences per category, each with the rows it was made from;
 * `writeHeadline` writes it as JSON, CSV and Markdown.
 */
export { buildHeadline, categoriesWithData } from './build.js';
export { escapeMarkdown, headlineMarkdown } from './markdown.js';
export { HEADLINE_CSV_COLUMNS, writeHeadline } from './write.js';
