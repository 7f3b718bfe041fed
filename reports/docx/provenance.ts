/**
 * Data sources and provenance: sna's version, the configuration's hash, when the report was
 * made, and every input file with its rows and sha256, as report.html's provenance section
 * (reports/html/sections/provenance.ts) lists them. The hash is what proves which file was used.
 */
import { AlignmentType, Paragraph, TextRun } from 'docx';
import type { Provenance } from '../types.js';
import { MONO_FONT, SIZE, STYLE_IDS } from './styles.js';
import { type Column, wordTable } from './table.js';
import { heading, paragraph } from './text.js';

export const PROVENANCE_TITLE = 'Data sources and provenance';

const count = (n: number) => n.toLocaleString('en-GB');

const INPUT_COLUMNS: readonly Column[] = [
  // Wide enough for `ethnicity_population` and "Rejected" on one line at the table's size.
  { title: 'Source', share: 2.1 },
  { title: 'File and sha256', share: 3.6 },
  { title: 'Read', share: 1 },
  { title: 'Loaded', share: 1 },
  { title: 'Set aside', share: 1 },
  { title: 'Rejected', share: 1 },
];

const cellText = (
  text: string,
  options: { mono?: boolean; bold?: boolean; number?: boolean } = {},
) =>
  new Paragraph({
    style: STYLE_IDS.tableText,
    ...(options.number ? { alignment: AlignmentType.RIGHT } : {}),
    children: [
      new TextRun({
        text,
        bold: options.bold,
        ...(options.mono ? { font: MONO_FONT, size: SIZE.small - 3 } : {}),
      }),
    ],
  });

export function provenanceSection(provenance: Provenance) {
  const rows = provenance.inputs.map((input) => [
    [cellText(input.source)],
    [cellText(input.path), cellText(input.sha256, { mono: true })],
    [cellText(count(input.rows_read), { number: true })],
    [cellText(count(input.rows_loaded), { number: true })],
    [cellText(count(input.rows_set_aside), { number: true })],
    [cellText(count(input.rows_rejected), { number: true })],
  ]);
  return [
    heading(1, PROVENANCE_TITLE, true),
    paragraph({ bold: 'Generated: ' }, provenance.generatedAt),
    paragraph({ bold: 'sna version: ' }, provenance.version),
    paragraph({ bold: 'Configuration (sha256): ' }, { code: provenance.configSha256 }),
    paragraph(
      'Every input file read for this run, with the rows read, loaded, set aside (kept apart, e.g. out-of-area or superseded rows) and rejected; rejected rows are listed in ',
      { code: 'rejects.csv' },
      '. The sha256 identifies the exact file used.',
    ),
    wordTable(INPUT_COLUMNS, rows, (title) =>
      cellText(title, { bold: true, number: !['Source', 'File and sha256'].includes(title) }),
    ),
  ];
}
