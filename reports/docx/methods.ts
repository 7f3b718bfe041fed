/**
 * Methods and definitions: the words of reports/methods/content.ts (which report.html's methods
 * section renders too) as Word paragraphs, and each described indicator's declaration.
 * test/reports/docx.test.ts checks every paragraph here is also in the HTML's methods.
 */
import type { Paragraph } from 'docx';
import { describeMethod } from '../../indicators/method-descriptions.js';
import { unitLabel } from '../format/numbers.js';
import { type MethodsContent, type MethodsPart, methodsContent } from '../methods/content.js';
import type { ReportData } from '../types.js';
import { bullet, heading, paragraph } from './text.js';

export const METHODS_TITLE = 'Methods and definitions';

function definitions(content: MethodsContent): Paragraph[] {
  const described = content.described.flatMap((d) => [
    heading(3, `${d.title} (${d.id})`),
    paragraph(d.definition),
    ...(d.numerator.text ? [paragraph({ bold: 'Numerator: ' }, d.numerator.text)] : []),
    ...(d.denominator?.text ? [paragraph({ bold: 'Denominator: ' }, d.denominator.text)] : []),
    paragraph({ bold: 'Unit: ' }, unitLabel(d.unit)),
    paragraph({ bold: 'Method: ' }, { code: d.method }, ` — ${describeMethod(d.method)}`),
  ]);
  if (content.others.length === 0) return described;
  return [
    ...described,
    heading(3, 'Indicators with no values in this run'),
    paragraph('Declared in sna’s registry, with no row in this run’s ', { code: 'indicators.csv' }),
    ...content.others.map((d) => bullet(`${d.title} `, { code: d.id })),
  ];
}

function partParagraphs(part: MethodsPart): Paragraph[] {
  return [
    heading(2, part.title),
    ...(part.paragraphs ?? []).map((p) => paragraph(...p)),
    ...(part.bullets ?? []).map((b) => bullet(...b)),
  ];
}

export function methodsSection(data: ReportData): Paragraph[] {
  const content = methodsContent(data);
  return [
    heading(1, METHODS_TITLE, true),
    ...content.parts.flatMap(partParagraphs),
    heading(2, 'Statistical methods used'),
    ...content.methodsUsed.map((m) => bullet({ code: m.method }, ` — ${m.description}`)),
    heading(2, 'Indicators'),
    ...definitions(content),
  ];
}
