/**
 * The title page: what the report is, of which area and period, when it was made, what the data
 * cover, and the warnings a reader must see before any figure. The words are the HTML cover's
 * (reports/html/sections/cover.ts), from the same coverage and population functions.
 */
import { AlignmentType, HeadingLevel, Paragraph, TextRun } from 'docx';
import { coverageWords, monthRangeWords, SOURCE_NAMES } from '../../indicators/coverage.js';
import { populationGap, populationWarning } from '../../indicators/population-year.js';
import { capitalise } from '../headline/format.js';
import { formatDate } from '../html/format.js';
import type { Provenance, ReportData } from '../types.js';
import { COLOUR, STYLE_IDS } from './styles.js';
import { bullet } from './text.js';

export const SYNTHETIC_WORDS =
  'This report was built from generated, fictional extracts. It describes no real place, crime or person, and none of its figures may be quoted as fact.';

/** The red-ruled SYNTHETIC DATA notice (also the page header of a synthetic report). */
export const syntheticBanner = (): Paragraph =>
  new Paragraph({
    style: STYLE_IDS.synthetic,
    children: [
      new TextRun('SYNTHETIC DATA'),
      new TextRun({ text: ` ${SYNTHETIC_WORDS}`, bold: false }),
    ],
  });

/** "Police crime extracts: 3 of 12 months: …", or every source named when all are complete. */
export function coverageText(data: ReportData): string | undefined {
  const assessment = data.coverage.filter((c) => c.period === 'assessment');
  if (assessment.length === 0) return undefined;
  const short = assessment.filter((c) => !c.complete);
  return short.length === 0
    ? `every month of the period (${assessment.map((c) => SOURCE_NAMES[c.source] ?? c.source).join(', ')})`
    : short
        .map(
          (c) =>
            `${SOURCE_NAMES[c.source] ?? c.source}: ${coverageWords(c).replace(/^data cover /, '')}`,
        )
        .join('; ');
}

/** Short coverage and an old population year, said before any figure is read. */
export function dataWarnings(data: ReportData): string[] {
  const short = data.coverage.filter((c) => c.period === 'assessment' && !c.complete);
  const population = data.population;
  return [
    ...short.map(
      (c) =>
        `${capitalise(SOURCE_NAMES[c.source] ?? c.source)} cover ${c.monthsCovered} of the assessment period’s ${c.monthsExpected} months${c.coveredMonths.length > 0 ? ` (${monthRangeWords(c.coveredMonths)})` : ''}. Their counts and rates are for those months only, not scaled up, and neither a change on the previous period nor a rank among other areas is computed from them.`,
    ),
    ...(populationWarning(population)
      ? [
          `Rates use the population of mid-${population.year}, ${populationGap(population)} years before the period ends. A newer population file (ONS mid-year estimates) would give rates of the period.`,
        ]
      : []),
  ];
}

/** One "Label: value" line of the title page. */
const fact = (label: string, value: string): Paragraph =>
  new Paragraph({
    spacing: { after: 60 },
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
  });

export function titlePage(data: ReportData, provenance: Provenance): Paragraph[] {
  const { period } = data;
  const generated = formatDate(provenance.generatedAt.slice(0, 10));
  const cover = coverageText(data);
  const warnings = dataWarnings(data);
  return [
    ...(data.synthetic ? [syntheticBanner()] : []),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [new TextRun(data.area.name)],
    }),
    new Paragraph({
      spacing: { after: 480 },
      children: [
        new TextRun({
          text: 'Serious Violence Duty · Strategic Needs Assessment',
          size: 30,
          color: COLOUR.muted,
        }),
      ],
    }),
    fact('Assessment period', `${formatDate(period.start)} to ${formatDate(period.end)}`),
    fact(
      'Compared with',
      `${formatDate(period.previousStart)} to ${formatDate(period.previousEnd)}`,
    ),
    fact('Trends from', formatDate(period.historyStart)),
    fact(`Area code${data.area.codes.length > 1 ? 's' : ''}`, data.area.codes.join(', ')),
    ...(cover ? [fact('Data cover', cover)] : []),
    fact('Generated', `${generated} by sna ${provenance.version}`),
    ...(warnings.length > 0
      ? [
          new Paragraph({
            spacing: { before: 360 },
            children: [new TextRun({ text: 'Before reading the figures', bold: true })],
          }),
          ...warnings.map((w) => bullet(w)),
        ]
      : []),
    new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: { before: 720 },
      style: STYLE_IDS.note,
      text: 'Every figure comes from the published (small-number suppressed) rows of indicators.csv; the charts, headline table and methods are those of report.html.',
    }),
  ];
}
