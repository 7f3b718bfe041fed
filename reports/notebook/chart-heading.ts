/** What both notebooks put before each chart's cell: its id and its heading. */
import { escapeMarkdown } from '../headline/index.js';
import type { RenderedChart } from '../types.js';
import { type MarkdownCell, markdownCell } from './nbformat.js';

/** A chart's cell id: nbformat allows [A-Za-z0-9_-], at most 64; the index keeps them unique. */
export const chartCellId = (chart: RenderedChart, index: number): string =>
  `chart-${index + 1}-${chart.name.replace(/[^A-Za-z0-9_-]+/g, '-')}`.slice(0, 56);

/** The chart's title and description as a Markdown cell, `<id>-title`. */
export const chartHeading = (chart: RenderedChart, id: string): MarkdownCell =>
  markdownCell(
    `${id}-title`,
    `### ${escapeMarkdown(chart.title)}\n\n${escapeMarkdown(chart.description)}`,
  );
