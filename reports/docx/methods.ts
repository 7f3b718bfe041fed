/**
 * Methods and definitions, in the words of report.html's methods section
 * (reports/html/sections/methods.ts) and from the same sources: the indicator declarations
 * (definition, numerator, denominator, unit, method), `describeMethod`, `unitLabel`, the
 * population year and the run's thresholds. test/reports/docx.test.ts checks every paragraph
 * here is also in the HTML's methods, so the two cannot drift apart.
 */
import type { Paragraph } from 'docx';
import { describeMethod } from '../../indicators/method-descriptions.js';
import { populationGap } from '../../indicators/population-year.js';
import { unitLabel } from '../format/numbers.js';
import { formatDate } from '../html/format.js';
import type { ReportData } from '../types.js';
import { bullet, heading, type Piece, paragraph } from './text.js';

export const METHODS_TITLE = 'Methods and definitions';

function populationWords(data: ReportData): Piece[] {
  const { year } = data.population;
  if (year === null)
    return ['no residents of the area were found in the population file, so no rate is given.'];
  const gap = populationGap(data.population);
  return gap === 0
    ? [`this run uses mid-${year}.`]
    : [
        'this run uses ',
        { bold: `mid-${year}` },
        `, ${gap} year${gap === 1 ? '' : 's'} before the period ends.`,
      ];
}

function periods(data: ReportData): Paragraph[] {
  const { period } = data;
  return [
    bullet(
      `The assessment period runs from ${formatDate(period.start)} to ${formatDate(period.end)}.`,
    ),
    bullet(
      `The previous period, for change, runs from ${formatDate(period.previousStart)} to ${formatDate(period.previousEnd)}.`,
    ),
    bullet(
      `Monthly trends and seasonality use the history from ${formatDate(period.historyStart)} to ${formatDate(period.end)}.`,
    ),
    bullet(
      'Police crimes are dated by the date committed (else the date recorded), A&E attendances by arrival date, and youth justice offences by offence date. Rates use the population of the year in which the period ends, or the latest year before it that the population file holds: ',
      ...populationWords(data),
    ),
    bullet(
      'Counts over months a source does not cover are not scaled up: each such figure says “data cover N of M months”, and no change is computed unless both periods are fully covered.',
    ),
  ];
}

function definitions(data: ReportData): Paragraph[] {
  return data.definitions.flatMap((d) => [
    heading(3, `${d.title} (${d.id})`),
    paragraph(d.definition),
    ...(d.numerator.text ? [paragraph({ bold: 'Numerator: ' }, d.numerator.text)] : []),
    ...(d.denominator?.text ? [paragraph({ bold: 'Denominator: ' }, d.denominator.text)] : []),
    paragraph({ bold: 'Unit: ' }, unitLabel(d.unit)),
    paragraph({ bold: 'Method: ' }, { code: d.method }, ` — ${describeMethod(d.method)}`),
  ]);
}

export function methodsSection(data: ReportData): Paragraph[] {
  const below = data.suppressBelow;
  return [
    heading(1, METHODS_TITLE, true),
    heading(2, 'Periods'),
    ...periods(data),
    heading(2, 'Small numbers'),
    paragraph(
      `To protect the people behind the figures, a published count from 1 to ${below - 1} is suppressed (a count of 0 is shown). The value and confidence limits that would reveal it are suppressed too: a share whose remainder is that small, and a change whose previous count is. Where one value of a breakdown is suppressed, the next smallest is suppressed as well, so it cannot be worked out by subtraction. No figure in this report is about an identifiable person or address.`,
    ),
    heading(2, 'Significance'),
    paragraph(
      '“Higher” or “lower” means the 95% confidence interval excludes the comparison value (the previous period, the comparator areas, 1 for a ratio, or 100 for the seasonal index); “similar” means it does not. Chance alone would produce a “higher” or “lower” about once in twenty comparisons.',
    ),
    heading(2, 'Repeat addresses'),
    paragraph(
      `An address is a repeat address when ${data.repeatAddressMin} or more of the category’s crimes in the period took place there.`,
    ),
    heading(2, 'Indicators'),
    ...definitions(data),
  ];
}
