/**
 * The headline table as Markdown, in the seeds' layout: crime type, local intelligence,
 * victims, perpetrators. Text from data (beat names, ethnic groups, the area's name) is
 * escaped so it cannot break the table or turn into markup or HTML.
 */
import type { Finding, Headline, HeadlineRow, HeadlineSentence } from '../types.js';
import { periodWords } from './format.js';

/** Shown in a cell with no sentence, as the seeds do. */
export const EMPTY_CELL = 'N/A';

/**
 * Escapes text for a GFM table cell: Markdown punctuation and `|` get a backslash, `<` and `>`
 * cannot open HTML, an `&` that would start an entity is written `&amp;`, and line breaks
 * become spaces (a cell is one line).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/[\\`*_[\]{}<>|~#]/g, (c) => `\\${c}`);
}

/** A column's sentences in one cell, separated by `<br>` (which GFM renders as a line break). */
export function markdownCell(sentences: readonly HeadlineSentence[]): string {
  if (sentences.length === 0) return EMPTY_CELL;
  return sentences.map((s) => escapeMarkdown(s.text)).join('<br>');
}

/** The row's title, and under it (in italics) what a police.uk category includes. */
function titleCell(row: HeadlineRow): string {
  const title = escapeMarkdown(row.title);
  return row.caveat ? `${title}<br>*${escapeMarkdown(row.caveat)}*` : title;
}

/**
 * The key findings as a numbered list, each linking to its evidence in report.html (written
 * beside headline.md); a run with none says so rather than leave the heading empty.
 */
function findingsMarkdown(findings: readonly Finding[]): string[] {
  const items =
    findings.length === 0
      ? ['No indicator shows a significant difference that the key-findings rules select.']
      : findings.map(
          (f, i) =>
            `${i + 1}. ${escapeMarkdown(f.text)} ([evidence](report.html#${encodeURIComponent(f.evidence)}))`,
        );
  return ['## Key findings', '', ...items, ''];
}

/** Each category's paragraph, under its title. */
const narrativesMarkdown = (rows: readonly HeadlineRow[]): string[] => [
  '## By category',
  '',
  ...rows.flatMap((row) => [
    `**${escapeMarkdown(row.title)}.** ${escapeMarkdown(row.narrative.text)}`,
    '',
  ]),
];

export function headlineMarkdown(headline: Headline): string {
  const period = periodWords(headline.period.start, headline.period.end).label;
  const lines = [
    `# Serious violence: headlines for ${escapeMarkdown(headline.area)}, ${period}`,
    '',
    ...(headline.scope ? [escapeMarkdown(headline.scope), ''] : []),
    ...findingsMarkdown(headline.findings),
    ...narrativesMarkdown(headline.rows),
    '## Headline table',
    '',
    '| Crime type | Local intelligence | Victims | Perpetrators |',
    '| --- | --- | --- | --- |',
    ...headline.rows.map(
      (row) =>
        `| ${titleCell(row)} | ${markdownCell(row.intelligence)} | ${markdownCell(row.victims)} | ${markdownCell(row.perpetrators)} |`,
    ),
    '',
    'Percentages are rounded to whole numbers, rates and ratios to one decimal (two significant',
    'figures below 1). Small numbers are not published. Changes are called significant only when',
    'the 95% confidence interval excludes no change; otherwise they are described as similar.',
    '',
  ];
  return lines.join('\n');
}
