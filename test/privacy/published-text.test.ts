/**
 * How the privacy scans read the documents sna publishes: report.pdf's text by pdftotext's
 * blocks, so that a clause wrapped over two lines is read whole while a chart's axis ticks do
 * not run into its axis title (which would read "8 Crimes per month" as a count of crimes).
 */
import { describe, expect, it } from 'vitest';
import { pdfClauses } from './published.js';
import { smallCountsInText } from './small-counts.js';

/** pdftotext -bbox-layout's XHTML for blocks of lines of words (coordinates left out). */
const bbox = (blocks: string[][]) =>
  `<doc><page><flow>${blocks
    .map(
      (lines) =>
        `<block>${lines
          .map(
            (line) =>
              `<line>${line
                .split(' ')
                .map((w) => `<word xMin="1">${w}</word>`)
                .join('')}</line>`,
          )
          .join('')}</block>`,
    )
    .join('')}</flow></page></doc>`;

describe('report.pdf as the privacy scans read it', () => {
  it("joins a block's lines, so a count wrapped away from its noun is found", () => {
    const text = pdfClauses(bbox([['26 addresses accounted for 3', 'crimes in the period.']]));
    expect(text).toBe('26 addresses accounted for 3 crimes in the period.');
    expect(smallCountsInText(text, 5)).toEqual(['3 crimes']);
  });

  it('ends a clause at a block, and after a line of numbers alone (axis ticks)', () => {
    const text = pdfClauses(
      bbox([['8', '6', '4', '2', 'Crimes per month'], ['1 category'], ['Children who offended']]),
    );
    expect(text.split('\n')).toEqual([
      '8',
      '6',
      '4',
      '2',
      'Crimes per month',
      '1 category',
      'Children who offended',
    ]);
    expect(smallCountsInText(text, 5)).toEqual([]);
  });

  it('decodes the XML entities of the words', () => {
    expect(pdfClauses(bbox([['A&amp;E attendances']]))).toBe('A&E attendances');
  });
});
