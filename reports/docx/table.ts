/**
 * A real Word table: a header row Word repeats at the top of every page the table runs onto,
 * fixed column widths that add up to the text width (so Word and LibreOffice lay it out alike
 * instead of guessing from the content), and light rules between rows.
 */
import {
  BorderStyle,
  type Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import { COLOUR, CONTENT_WIDTH_TWIPS } from './styles.js';

export interface Column {
  title: string;
  /** Relative width: the columns share the text width in proportion. */
  share: number;
}

const RULE = { style: BorderStyle.SINGLE, size: 4, color: COLOUR.rule };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** Column widths in twips, in proportion to their shares, summing exactly to the text width. */
export function columnWidths(columns: readonly Column[], total = CONTENT_WIDTH_TWIPS): number[] {
  const shares = columns.reduce((sum, c) => sum + c.share, 0);
  const widths = columns.map((c) => Math.floor((total * c.share) / shares));
  widths[widths.length - 1] = total - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * `rows` holds each row's cells, each cell its paragraphs. `header` makes the paragraphs of a
 * heading cell (bold text in the table's style).
 */
export function wordTable(
  columns: readonly Column[],
  rows: ReadonlyArray<ReadonlyArray<readonly Paragraph[]>>,
  header: (title: string) => Paragraph,
): Table {
  const widths = columnWidths(columns);
  const cell = (children: readonly Paragraph[], i: number, shaded = false) =>
    new TableCell({
      children,
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(shaded ? { shading: { fill: COLOUR.shade, type: 'clear', color: 'auto' } } : {}),
    });
  return new Table({
    width: { size: CONTENT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: RULE,
      bottom: RULE,
      left: NONE,
      right: NONE,
      insideHorizontal: RULE,
      insideVertical: NONE,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => cell([header(c.title)], i, true)),
      }),
      ...rows.map((cells) => new TableRow({ children: cells.map((c, i) => cell(c, i)) })),
    ],
  });
}
