/**
 * The Word document's page and styles. Headings use Word's own Heading 1–3 styles (not bold
 * body text), so the navigation pane, the table of contents and screen readers find them;
 * fonts are ones Word has everywhere (LibreOffice substitutes metric-compatible Liberation).
 */
import { type IStylesOptions, LineRuleType } from 'docx';

/** A4 portrait in twentieths of a point (twips), with 2 cm margins. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: 1134,
} as const;

/** The width text and tables may take, in twips. */
export const CONTENT_WIDTH_TWIPS = PAGE.width - 2 * PAGE.margin;

/** The same in the pixels (96 to the inch) docx sizes images in: 1 px = 15 twips. */
export const CONTENT_WIDTH_PX = Math.floor(CONTENT_WIDTH_TWIPS / 15);

/**
 * The tallest a chart may be drawn, in pixels: the page's text height less room for the
 * chart's heading, caption and source line, so a figure and its caption share a page.
 */
export const MAX_IMAGE_HEIGHT_PX = Math.floor((PAGE.height - 2 * PAGE.margin) / 15) - 190;

export const BODY_FONT = 'Arial';
export const MONO_FONT = 'Courier New';

/** Half-points, as Word counts font sizes. */
export const SIZE = { body: 21, small: 17, table: 17, caption: 18 } as const;

export const COLOUR = { accent: '1F4E79', muted: '595959', rule: 'BFBFBF', shade: 'E7EEF5' };

export const STYLE_IDS = {
  caption: 'Caption',
  source: 'SourceLine',
  note: 'Note',
  tableText: 'TableText',
  synthetic: 'SyntheticBanner',
} as const;

export const DOCUMENT_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: BODY_FONT, size: SIZE.body },
      // The line rule must be said: LibreOffice reads a bare `line` as exact, which clips images.
      paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
    },
    title: {
      run: { font: BODY_FONT, size: 56, bold: true, color: COLOUR.accent },
      paragraph: { spacing: { before: 2400, after: 240 } },
    },
    heading1: {
      run: { font: BODY_FONT, size: 36, bold: true, color: COLOUR.accent },
      paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true },
    },
    heading2: {
      run: { font: BODY_FONT, size: 28, bold: true, color: COLOUR.accent },
      paragraph: { spacing: { before: 280, after: 120 }, keepNext: true, keepLines: true },
    },
    heading3: {
      run: { font: BODY_FONT, size: 23, bold: true },
      paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true },
    },
    caption: {
      run: { font: BODY_FONT, size: SIZE.caption, italics: false, color: '000000' },
      paragraph: { spacing: { before: 80, after: 40 } },
    },
  },
  paragraphStyles: [
    {
      id: STYLE_IDS.source,
      name: 'Source line',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: SIZE.small, color: COLOUR.muted },
      paragraph: { spacing: { after: 240 } },
    },
    {
      id: STYLE_IDS.note,
      name: 'Note',
      basedOn: 'Normal',
      next: 'Normal',
      run: { italics: true, color: COLOUR.muted },
    },
    {
      id: STYLE_IDS.tableText,
      name: 'Table text',
      basedOn: 'Normal',
      next: STYLE_IDS.tableText,
      run: { size: SIZE.table },
      paragraph: { spacing: { before: 20, after: 40, line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: STYLE_IDS.synthetic,
      name: 'Synthetic data banner',
      basedOn: 'Normal',
      next: 'Normal',
      run: { bold: true, color: '9C0006' },
      paragraph: {
        spacing: { before: 120, after: 120 },
        border: {
          top: { style: 'single', size: 12, color: '9C0006', space: 4 },
          bottom: { style: 'single', size: 12, color: '9C0006', space: 4 },
        },
      },
    },
  ],
};
