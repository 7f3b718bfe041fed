/**
 * report.docx: the report as a Word document people edit before they publish it. It is built
 * from the data report.html is built from (never from the HTML), in this order:
 *
 *   title page · contents · key findings · headline table · charts · methods · provenance
 *
 * Page header and footer carry the area, SYNTHETIC DATA when the data are generated, and the
 * page number; the title page has neither.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
} from 'docx';
import type { Headline, Provenance, RenderedChart, ReportData } from '../types.js';
import { chartsSection } from './charts.js';
import { type Finding, findingsSection } from './findings.js';
import { headlineSection } from './headline-table.js';
import { methodsSection } from './methods.js';
import { provenanceSection } from './provenance.js';
import { COLOUR, DOCUMENT_STYLES, PAGE, SIZE } from './styles.js';
import { titlePage } from './title-page.js';

export interface ReportDocxInput {
  data: ReportData;
  charts: readonly RenderedChart[];
  headline: Headline;
  provenance: Provenance;
  /** The bytes of `charts/<name>.png`, as written for this run. */
  pngOf: (name: string) => Uint8Array;
  /** The headline's key findings; none gives the section a note saying so. */
  findings?: readonly Finding[];
}

const small = (text: string, extra: { bold?: boolean; color?: string } = {}) =>
  new TextRun({ text, size: SIZE.small, color: extra.color ?? COLOUR.muted, bold: extra.bold });

function pageHeader(data: ReportData): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          ...(data.synthetic ? [small('SYNTHETIC DATA · ', { bold: true, color: '9C0006' })] : []),
          small(`${data.area.name} · Serious violence strategic needs assessment`),
        ],
      }),
    ],
  });
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: SIZE.small,
            color: COLOUR.muted,
            children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}

/**
 * The contents page: Word's own TOC field over Heading 1–2, its entries written from the
 * headings (linked to them) so it is not empty before Word updates it; the page numbers are
 * Word's to fill in.
 */
function contents(): Array<Paragraph | TableOfContents> {
  return [
    new Paragraph({
      pageBreakBefore: true,
      spacing: { after: 240 },
      children: [new TextRun({ text: 'Contents', bold: true, size: 36, color: COLOUR.accent })],
    }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
  ];
}

export function reportDocument(input: ReportDocxInput): Document {
  const { data, charts, headline, provenance } = input;
  return new Document({
    title: `Serious violence strategic needs assessment: ${data.area.name}`,
    subject: 'Serious Violence Duty strategic needs assessment',
    creator: `sna ${provenance.version}`,
    description: data.synthetic ? 'SYNTHETIC DATA: generated, fictional extracts' : undefined,
    styles: DOCUMENT_STYLES,
    // Word fills in the contents' page numbers when it opens the document (after asking).
    // docx's estimatePageNumbers (docx/layout) would write them in, for LibreOffice too, but
    // costs ten times the rest of the document (about 8 s against 0.9 s on the demo here).
    features: { updateFields: true },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
              header: 567,
              footer: 567,
            },
          },
        },
        headers: {
          default: pageHeader(data),
          first: new Header({ children: [new Paragraph('')] }),
        },
        footers: { default: pageFooter(), first: new Footer({ children: [new Paragraph('')] }) },
        children: [
          ...titlePage(data, provenance),
          ...contents(),
          ...findingsSection(input.findings ?? []),
          ...headlineSection(headline),
          ...chartsSection(charts, input.pngOf, data, provenance),
          ...methodsSection(data),
          ...provenanceSection(provenance),
        ],
      },
    ],
  });
}

/** The .docx file's bytes (a zip of WordprocessingML parts). */
export async function buildReportDocx(input: ReportDocxInput): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(input));
}
