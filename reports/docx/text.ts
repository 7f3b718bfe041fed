/** The few kinds of paragraph every part of the Word report is made of. */
import { HeadingLevel, Paragraph, TextRun } from 'docx';
import { MONO_FONT, STYLE_IDS } from './styles.js';

/** A piece of a paragraph: plain text, or a code-like name set in a fixed-width font. */
export type Piece = string | { code: string } | { bold: string };

const run = (piece: Piece): TextRun =>
  typeof piece === 'string'
    ? new TextRun(piece)
    : 'code' in piece
      ? new TextRun({ text: piece.code, font: MONO_FONT })
      : new TextRun({ text: piece.bold, bold: true });

export const paragraph = (...pieces: Piece[]): Paragraph =>
  new Paragraph({ children: pieces.map(run) });

export const bullet = (...pieces: Piece[]): Paragraph =>
  new Paragraph({ children: pieces.map(run), bullet: { level: 0 } });

export const note = (text: string): Paragraph => new Paragraph({ text, style: STYLE_IDS.note });

const LEVELS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

/** A heading in Word's own style for its level, so it is in the navigation pane and the TOC. */
export const heading = (level: 1 | 2 | 3, text: string, pageBreakBefore = false): Paragraph =>
  new Paragraph({ text, heading: LEVELS[level], pageBreakBefore });
