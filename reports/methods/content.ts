/**
 * What the methods say, once, for every format that prints them: report.html's methods section
 * and report.docx's render these words and lists; neither writes its own. Text is given as
 * pieces (plain, bold, code) so each format styles the same words its own way.
 */
import { type IndicatorDefinition, METHODS } from '../../indicators/define.js';
import { describeMethod } from '../../indicators/method-descriptions.js';
import { populationGap } from '../../indicators/population-year.js';
import { formatDate } from '../html/format.js';
import { isNationalRun, NATIONAL_IDS } from '../national.js';
import type { ReportData } from '../types.js';

export type Piece = string | { bold: string } | { code: string };

/** A titled part of the methods: its paragraphs, or its bullets. */
export interface MethodsPart {
  title: string;
  paragraphs?: Piece[][];
  bullets?: Piece[][];
}

export interface MethodsContent {
  parts: MethodsPart[];
  /** The statistical methods the run's rows name, each once, in the declared order. */
  methodsUsed: Array<{ method: string; description: string }>;
  /** The declarations of the indicators with values in this run, described in full. */
  described: IndicatorDefinition[];
  /** The declarations with no row in this run: named, not described. */
  others: IndicatorDefinition[];
}

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

export function methodsContent(data: ReportData): MethodsContent {
  const { period } = data;
  const below = data.suppressBelow;
  const withRows = new Set<string>(data.rows.map((r) => r.indicator_id));
  const named = new Set(data.rows.filter((r) => r.status !== 'not_available').map((r) => r.method));
  return {
    parts: [
      {
        title: 'Periods',
        bullets: [
          [
            `The assessment period runs from ${formatDate(period.start)} to ${formatDate(period.end)}.`,
          ],
          [
            `The previous period, for change, runs from ${formatDate(period.previousStart)} to ${formatDate(period.previousEnd)}.`,
          ],
          [
            `Monthly trends and seasonality use the history from ${formatDate(period.historyStart)} to ${formatDate(period.end)}.`,
          ],
          [
            'Police crimes are dated by the date committed (else the date recorded), A&E attendances by arrival date, and youth justice offences by offence date. Rates use the population of the year in which the period ends, or the latest year before it that the population file holds: ',
            ...populationWords(data),
          ],
          [
            'Counts over months a source does not cover are not scaled up: each such figure says “data cover N of M months”, and no change is computed unless both periods are fully covered.',
          ],
        ],
      },
      {
        title: 'Small numbers',
        paragraphs: [
          [
            `To protect the people behind the figures, a published count from 1 to ${below - 1} is suppressed (a count of 0 is shown). The value and confidence limits that would reveal it are suppressed too: a share whose remainder is that small, and a change whose previous count is. Where one value of a breakdown is suppressed, the next smallest is suppressed as well, so it cannot be worked out by subtraction. No figure in this report is about an identifiable person or address.`,
          ],
        ],
      },
      {
        title: 'Significance',
        paragraphs: [
          [
            '“Higher” or “lower” means the 95% confidence interval excludes the comparison value (the previous period, the comparator areas, 1 for a ratio, or 100 for the seasonal index); “similar” means it does not. Chance alone would produce a “higher” or “lower” about once in twenty comparisons.',
          ],
        ],
      },
      {
        title: 'Repeat addresses',
        paragraphs: [
          [
            `An address is a repeat address when ${data.repeatAddressMin} or more of the category’s crimes in the period took place there.`,
          ],
        ],
      },
    ],
    methodsUsed: METHODS.filter((m) => named.has(m)).map((method) => ({
      method,
      description: describeMethod(method),
    })),
    described: data.definitions.filter((d) => withRows.has(d.id)),
    // National mode's indicators are not "without values" in a run that is not national.
    others: data.definitions.filter(
      (d) => !withRows.has(d.id) && (isNationalRun(data) || !NATIONAL_IDS.has(d.id)),
    ),
  };
}
