/** The headline table's number and word formatting, and its Markdown escaping. */
import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatPercent,
  formatRate,
  formatRho,
  fractionWords,
  joinWords,
  monthRanges,
  periodWords,
  rankWords,
} from '../../reports/headline/format.js';
import { escapeMarkdown } from '../../reports/headline/markdown.js';

describe('numbers', () => {
  it('writes counts whole, with thousands separators', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(412)).toBe('412');
  });

  it('writes percentages whole, and to one decimal below 1%', () => {
    expect(formatPercent(43.84236453201971)).toBe('44');
    expect(formatPercent(0)).toBe('0');
    expect(formatPercent(0.42)).toBe('0.4');
    expect(formatPercent(99.6)).toBe('100');
  });

  it('writes rates to one decimal, and to two significant figures below 1', () => {
    expect(formatRate(3.9068925810166144)).toBe('3.9');
    expect(formatRate(1234.56)).toBe('1,234.6');
    expect(formatRate(0.6477216647474914)).toBe('0.65');
    expect(formatRate(0.05140648132916598)).toBe('0.051');
  });

  it('writes correlations to two decimals with a true minus sign', () => {
    expect(formatRho(-0.7514630119889011)).toBe('−0.75');
    expect(formatRho(0.036)).toBe('0.04');
  });

  it('names a simple fraction only when the exact and the shown percentage are within 2 points', () => {
    expect(fractionWords(68)).toBe('two thirds'); // 1.33 points off
    expect(fractionWords(49.6)).toBe('half');
    expect(fractionWords(74.6)).toBe('three quarters');
    expect(fractionWords(60)).toBeNull();
    expect(fractionWords(28)).toBeNull();
    // Two thirds is 66.67: 64.67 to 68.67 qualify by the exact value.
    expect(fractionWords(68.6)).toBeNull(); // 1.93 points off, but shown as 69 (2.33 off)
    expect(fractionWords(68.49)).toBe('two thirds'); // shown as 68
    expect(fractionWords(64.7)).toBe('two thirds'); // 1.97 off, shown as 65
    expect(fractionWords(64.6)).toBeNull(); // shown as 65 (1.67 off), but 2.07 off
    // Exactly 2 points off qualifies; just beyond does not.
    expect(fractionWords(48)).toBe('half');
    expect(fractionWords(52)).toBe('half');
    expect(fractionWords(47.99)).toBeNull(); // shown as 48, but 2.01 off
    expect(fractionWords(23)).toBe('a quarter');
    expect(fractionWords(22.9)).toBeNull(); // shown as 23
  });
});

describe('ranks in words', () => {
  it('counts from the low end up to the middle', () => {
    expect(rankWords(1, 10)).toBe('the lowest');
    expect(rankWords(2, 10)).toBe('the second lowest');
    expect(rankWords(3, 10)).toBe('the third lowest');
    expect(rankWords(5, 10)).toBe('the fifth lowest');
  });

  it('counts from the high end past the middle', () => {
    expect(rankWords(10, 10)).toBe('the highest');
    expect(rankWords(9, 10)).toBe('the second highest');
    expect(rankWords(6, 10)).toBe('the fifth highest');
    expect(rankWords(21, 30)).toBe('the tenth highest');
  });

  it('says the rank itself beyond the tenth from either end', () => {
    expect(rankWords(14, 30)).toBe('ranked 14th lowest');
    expect(rankWords(11, 40)).toBe('ranked 11th lowest');
    expect(rankWords(22, 40)).toBe('ranked 22nd lowest');
  });
});

describe('months', () => {
  it('merges consecutive peak months into ranges with en dashes', () => {
    expect(monthRanges([5, 6, 7, 10, 11, 12])).toBe('May–July and October–December');
  });

  it('keeps a run that crosses the year end whole', () => {
    expect(monthRanges([12, 1, 2])).toBe('December–February');
    expect(monthRanges([1, 6, 12])).toBe('June and December–January');
  });

  it('lists single months and several ranges', () => {
    expect(monthRanges([3, 8, 9])).toBe('March and August–September');
    expect(monthRanges([1, 3, 5])).toBe('January, March and May');
    expect(monthRanges([])).toBe('');
  });

  it('joins words in plain English', () => {
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('periods', () => {
  it('names an April–March year as 2024/25 and the previous one as the year before', () => {
    expect(periodWords('2024-04-01', '2025-03-31')).toEqual({
      label: '2024/25',
      previous: 'the year before',
    });
  });

  it('names a calendar year by its year', () => {
    expect(periodWords('2024-01-01', '2024-12-31').label).toBe('2024');
  });

  it('names twelve months that are neither April–March nor a calendar year in full', () => {
    expect(periodWords('2021-12-01', '2022-11-30')).toEqual({
      label: 'December 2021 to November 2022',
      previous: 'the year before',
    });
  });

  it('names any other length by its months', () => {
    expect(periodWords('2024-04-01', '2024-09-30')).toEqual({
      label: 'April 2024 to September 2024',
      previous: 'the previous period of equal length',
    });
  });
});

describe('Markdown escaping', () => {
  it('escapes pipes, markup and HTML so data cannot break a table cell', () => {
    expect(escapeMarkdown('N1|G1')).toBe('N1\\|G1');
    expect(escapeMarkdown('<script>*x*_y_[z](u)')).toBe('\\<script\\>\\*x\\*\\_y\\_\\[z\\](u)');
    expect(escapeMarkdown('a\nb')).toBe('a b');
    expect(escapeMarkdown('&amp; A&E')).toBe('&amp;amp; A&E');
  });
});
