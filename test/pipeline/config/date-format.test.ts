import { describe, expect, it } from 'vitest';
import { ConfigError, EXIT } from '../../../core/errors.js';
import { dateFormatProblem, toStrptime } from '../../../pipeline/config/date-format.js';

describe('toStrptime', () => {
  it.each([
    ['yyyy-MM-dd', '%Y-%m-%d'],
    ['dd/MM/yyyy', '%d/%m/%Y'],
    ['d/M/yy', '%d/%m/%y'],
    ['dd MMM yyyy', '%d %b %Y'],
    ['d MMMM yyyy', '%d %B %Y'],
    ['dd/MM/yyyy HH:mm', '%d/%m/%Y %H:%M'],
    ['yyyy-MM-dd H:mm:ss', '%Y-%m-%d %H:%M:%S'],
    ["yyyy-MM-dd'T'HH:mm:ss", '%Y-%m-%dT%H:%M:%S'],
    ["dd 'of' MMMM yyyy", '%d of %B %Y'],
    ["dd/MM/yyyy 'o''clock'", "%d/%m/%Y o'clock"],
    ["dd''MM''yyyy", "%d'%m'%Y"],
    ['yyyy.MM.dd', '%Y.%m.%d'],
    ["dd/MM/yyyy '100%'", '%d/%m/%Y 100%%'],
    ['dd%MM%yyyy', '%d%%%m%%%Y'],
  ])('%s → %s', (format, strptime) => {
    expect(toStrptime(format)).toBe(strptime);
  });

  it('accepts a month-only format when asked (police.uk months)', () => {
    expect(toStrptime('yyyy-MM', { allowMonthOnly: true })).toBe('%Y-%m');
    expect(toStrptime('MMM yyyy', { allowMonthOnly: true })).toBe('%b %Y');
  });

  it('throws a usage ConfigError naming an unsupported token', () => {
    expect(() => toStrptime('Q/yyyy')).toThrow(ConfigError);
    try {
      toStrptime('Q/yyyy');
    } catch (error) {
      expect((error as ConfigError).exitCode).toBe(EXIT.usage);
      expect((error as ConfigError).problems).toEqual([
        'date_format: unsupported token "Q" in "Q/yyyy" (supported: yyyy yy MMMM MMM MM M dd d HH H mm ss)',
      ]);
    }
  });

  it.each([
    ['dd/MM/yyyy hh:mm', 'hh'],
    ['DD/MM/yyyy', 'DD'],
    ['dd/MM/YYYY', 'YYYY'],
    ['yyy-MM-dd', 'yyy'],
    ['EEE dd/MM/yyyy', 'EEE'],
    ['dd/MM/yyyy s', 's'],
  ])('refuses %s (token %s)', (format, token) => {
    expect(dateFormatProblem(format)).toBe(
      `unsupported token "${token}" in "${format}" (supported: yyyy yy MMMM MMM MM M dd d HH H mm ss)`,
    );
  });

  it('requires year, month and day', () => {
    expect(() => toStrptime('MM/yyyy')).toThrow(
      'date_format: "MM/yyyy" must contain year, month and day (e.g. dd/MM/yyyy)',
    );
    expect(dateFormatProblem('dd/MM')).toBe(
      '"dd/MM" must contain year, month and day (e.g. dd/MM/yyyy)',
    );
    expect(dateFormatProblem('HH:mm')).toMatch(/must contain year, month and day/);
    expect(dateFormatProblem('')).toMatch(/must contain year, month and day/);
  });

  it('still requires year and month when month-only is allowed', () => {
    expect(dateFormatProblem('yyyy', { allowMonthOnly: true })).toBe(
      '"yyyy" must contain year and month (e.g. yyyy-MM)',
    );
  });

  it('refuses an unterminated quote', () => {
    expect(dateFormatProblem("yyyy-MM-dd'T")).toBe(
      `unterminated quote in "yyyy-MM-dd'T" (close it with ')`,
    );
  });

  it('does not read letters inside quotes as tokens', () => {
    expect(toStrptime("'Quarter' dd/MM/yyyy")).toBe('Quarter %d/%m/%Y');
  });
});
