/**
 * The SNA headline table as a Word table in the seeds' layout: one row per category, its
 * intelligence, victims and perpetrators sentences in three columns, the header row repeated
 * on every page the table runs onto.
 */
import { Paragraph, TextRun } from 'docx';
import type { Headline, HeadlineRow, HeadlineSentence } from '../types.js';
import { STYLE_IDS } from './styles.js';
import { type Column, wordTable } from './table.js';
import { heading, paragraph } from './text.js';

export const HEADLINE_TITLE = 'Headline table';

export const HEADLINE_COLUMNS: readonly Column[] = [
  { title: 'Crime type', share: 1 },
  // Intelligence says most (volume, rate, place, repeat addresses): it gets the widest column.
  { title: 'Intelligence', share: 2.2 },
  { title: 'Victims', share: 1.4 },
  { title: 'Perpetrators', share: 1.4 },
];

/** Hanging indent for a sentence's bullet, in twips: narrow, as the columns are. */
const HANG = 170;

const tableText = (children: TextRun[], extra: Partial<{ bullet: boolean }> = {}) =>
  new Paragraph({
    style: STYLE_IDS.tableText,
    children,
    ...(extra.bullet ? { indent: { left: HANG, hanging: HANG } } : {}),
  });

function sentences(list: readonly HeadlineSentence[]): Paragraph[] {
  if (list.length === 0) return [tableText([new TextRun({ text: 'No statement', italics: true })])];
  return list.map((s) => tableText([new TextRun(`•\t${s.text}`)], { bullet: true }));
}

function categoryCell(row: HeadlineRow): Paragraph[] {
  return [
    tableText([new TextRun({ text: row.title, bold: true })]),
    ...(row.caveat ? [tableText([new TextRun({ text: row.caveat, italics: true })])] : []),
  ];
}

const headerCell = (title: string) => tableText([new TextRun({ text: title, bold: true })]);

export function headlineSection(headline: Headline) {
  return [
    heading(1, HEADLINE_TITLE, true),
    paragraph(
      'What the indicators say about each serious violence category. Every statement is generated from rows of ',
      { code: 'indicators.csv' },
      '; where a number is suppressed or a difference is not statistically significant, the statement says so or is left out.',
    ),
    ...(headline.scope ? [paragraph(headline.scope)] : []),
    headline.rows.length === 0
      ? paragraph('No category had data for the headline table.')
      : wordTable(
          HEADLINE_COLUMNS,
          headline.rows.map((row) => [
            categoryCell(row),
            sentences(row.intelligence),
            sentences(row.victims),
            sentences(row.perpetrators),
          ]),
          headerCell,
        ),
  ];
}
