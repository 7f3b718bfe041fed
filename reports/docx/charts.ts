/**
 * Every chart as a figure: a heading (so the navigation pane lists it), the PNG that
 * `charts/<name>.png` holds, sized to the text width with its aspect ratio kept, its caption
 * (the chart's description, as report.html's figcaption) and its source line. Heading, image
 * and caption are kept on one page.
 */

import { AlignmentType, ImageRun, Paragraph, TextRun } from 'docx';
import { chartsNotDrawn } from '../charts/define.js';
import { CHARTS } from '../charts/index.js';
import { capitalise } from '../headline/format.js';
import type { Provenance, RenderedChart, ReportData } from '../types.js';
import { fitToWidth, pngSize } from './png-size.js';
import { sourceLine } from './source-line.js';
import { CONTENT_WIDTH_PX, MAX_IMAGE_HEIGHT_PX, STYLE_IDS } from './styles.js';
import { heading, note, paragraph } from './text.js';

export const CHARTS_TITLE = 'Charts';

/** The chart's title without the area's name, which every chart title starts with. */
export function chartHeading(chart: RenderedChart, data: ReportData): string {
  const prefix = `${data.area.name}: `;
  return capitalise(
    chart.title.startsWith(prefix) ? chart.title.slice(prefix.length) : chart.title,
  );
}

function figure(
  chart: RenderedChart,
  index: number,
  png: Uint8Array,
  data: ReportData,
  provenance: Provenance,
): Paragraph[] {
  const size = fitToWidth(pngSize(png), CONTENT_WIDTH_PX, MAX_IMAGE_HEIGHT_PX);
  return [
    heading(2, chartHeading(chart, data)),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: size,
          altText: { name: chart.name, title: chart.title, description: chart.description },
        }),
      ],
    }),
    new Paragraph({
      style: STYLE_IDS.caption,
      keepNext: true,
      children: [
        new TextRun({ text: `Figure ${index + 1}. `, bold: true }),
        new TextRun(chart.description),
      ],
    }),
    new Paragraph({ style: STYLE_IDS.source, text: sourceLine(chart.name, data, provenance) }),
  ];
}

/** The maps a run could not draw, and why: a map left out is said, never silently missing. */
function mapsNotDrawn(data: ReportData): Paragraph[] {
  return (['lsoa', 'ward'] as const).flatMap((level) => {
    const reason = data.maps?.[level]?.refused;
    return reason ? [note(`${level === 'lsoa' ? 'LSOA' : 'Ward'} maps not drawn: ${reason}`)] : [];
  });
}

/** `pngOf(name)` gives the bytes of `charts/<name>.png` as the report stage wrote them. */
export function chartsSection(
  charts: readonly RenderedChart[],
  pngOf: (name: string) => Uint8Array,
  data: ReportData,
  provenance: Provenance,
): Paragraph[] {
  return [
    heading(1, CHARTS_TITLE, true),
    paragraph(
      'Each chart is also saved as ',
      { code: 'charts/<name>.svg' },
      ', ',
      { code: '.png' },
      ' and its Vega-Lite specification ',
      { code: '.vl.json' },
      '; report.html draws them interactively.',
    ),
    ...mapsNotDrawn(data),
    ...chartsNotDrawn(CHARTS, new Set(charts.map((c) => c.name)), data).map((line) =>
      note(`Chart not drawn: ${line}`),
    ),
    ...(charts.length === 0
      ? [note('No charts: there was no data to draw.')]
      : charts.flatMap((chart, i) => figure(chart, i, pngOf(chart.name), data, provenance))),
  ];
}
