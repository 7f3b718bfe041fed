/** The one definition of how outputs write numbers (reports/format/numbers.ts). */
import { describe, expect, it } from 'vitest';
import { UNITS } from '../../indicators/define.js';
import {
  decimalsFor,
  formatEstimate,
  formatInterval,
  formatNumber,
  UNIT_LABELS,
  unitLabel,
} from '../../reports/format/numbers.js';
import { formatPercent, formatRate } from '../../reports/headline/format.js';
import { formatValue, formatInterval as htmlInterval } from '../../reports/html/format.js';
import type { PublishedRow } from '../../reports/types.js';

describe('numbers', () => {
  it('labels every published unit', () => {
    for (const unit of UNITS) expect(UNIT_LABELS[unit], unit).toBeTruthy();
    expect(unitLabel('per_1000')).toBe('per 1,000 residents');
    expect(unitLabel('unheard_of')).toBe('unheard_of');
  });

  it('writes rates to one decimal, two significant figures below 1, with thousands separators', () => {
    expect(formatNumber(5.8123, 'per_1000')).toBe('5.8');
    expect(formatNumber(531.94, 'per_100000')).toBe('531.9');
    expect(formatNumber(1234.56, 'per_1000')).toBe('1,234.6');
    expect(formatNumber(0.6477, 'per_1000')).toBe('0.65');
    expect(formatNumber(0.0514, 'per_1000')).toBe('0.051');
    expect(formatNumber(0, 'per_1000')).toBe('0.0');
    expect(formatNumber(0.96, 'ratio')).toBe('1.0');
  });

  it('writes counts, ranks and the seasonal index whole; percentages whole, one decimal below 1%', () => {
    expect(formatNumber(1234567, 'count')).toBe('1,234,567');
    expect(formatNumber(112.4, 'index')).toBe('112');
    expect(formatNumber(43.8, 'percent')).toBe('44');
    expect(formatNumber(0.42, 'percent')).toBe('0.4');
    expect(formatNumber(-0.7514, 'rho')).toBe('-0.75');
    expect(formatNumber(14.87, 'years')).toBe('14.9');
    expect(decimalsFor(1.5, 'unheard_of')).toBe(2);
  });

  it('gives an interval the decimals of its estimate, or of its upper limit when the estimate is 0', () => {
    expect(formatInterval(0.0514, 0.0168, 0.12, 'per_1000')).toBe('0.017 – 0.120');
    expect(formatInterval(5.81, 5.34, 6.31, 'per_1000')).toBe('5.3 – 6.3');
    expect(formatInterval(0, 0, 0.84, 'per_1000')).toBe('0.00 – 0.84');
    expect(formatEstimate(0, 0.84, 'per_1000')).toBe('0.00');
  });

  it('is what the report, the headline and the charts print', () => {
    const row = {
      value: 0.6477,
      lower_ci95: 0.49,
      upper_ci95: 0.82,
      unit: 'per_1000',
      suppressed: false,
    } as PublishedRow;
    expect(formatValue(row)).toBe(formatRate(row.value as number));
    expect(htmlInterval(row)).toBe('0.49 – 0.82');
    expect(formatValue({ ...row, value: 43.8, unit: 'percent', upper_ci95: 50 })).toBe(
      `${formatPercent(43.8)}%`,
    );
  });
});
