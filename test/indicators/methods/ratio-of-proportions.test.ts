/**
 * Katz log ratios of two proportions against a worked example (R, epitools-style Katz interval;
 * docs/methods.md#ratio-of-two-proportions-katz-log), plus the zero cells.
 * Tolerance: 1e-6 relative for the note's 7-digit values; 1e-9 for the independent Python value.
 * There is no fixture file for this method: every vector is embedded here.
 */
import { describe, expect, it } from 'vitest';
import { katzLogRatio } from '../../../indicators/methods/index.js';
import { expectClose } from './vectors.js';

const PRINTED = 1e-6;

describe('Katz log ratio, reference vectors', () => {
  // Worked example: 45 of 300 offenders vs 5,000 of 100,000 residents.
  it('representation ratio, 95%, 45/300 vs 5000/100000', () => {
    const ratio = katzLogRatio({
      count1: 45,
      denominator1: 300,
      count2: 5000,
      denominator2: 100000,
    });
    expect(ratio.value).toBe(3);
    expectClose(ratio.lower, 2.288484, PRINTED);
    expectClose(ratio.upper, 3.932734, PRINTED);
    expect(ratio.method).toBe('katz_log');
  });

  it('a wider interval at 99.8% around the same ratio', () => {
    const ratio = katzLogRatio({
      count1: 45,
      denominator1: 300,
      count2: 5000,
      denominator2: 100000,
      confidence: 0.998,
    });
    expect(ratio.lower).toBeLessThan(2.288484);
    expect(ratio.upper).toBeGreaterThan(3.932734);
    // The interval is symmetric about ln 3 on the log scale.
    expectClose(Math.log(ratio.lower ?? 0) + Math.log(ratio.upper ?? 0), 2 * Math.log(3), 1e-12);
  });
});

describe('Katz log ratio, zero cells', () => {
  // count1 = 0: 0.5 added to each of a, n₁ − a, c, n₂ − c (the zero-cell correction). Expected
  // upper computed independently in Python (statistics.NormalDist): a = 0.5, n₁ = 301, c = 5000.5,
  // n₂ = 100001 → 0.5299466767771271.
  it('representation ratio, 95%, 0/300 vs 5000/100000', () => {
    const ratio = katzLogRatio({
      count1: 0,
      denominator1: 300,
      count2: 5000,
      denominator2: 100000,
    });
    expect(ratio.value).toBe(0);
    expect(ratio.lower).toBe(0);
    expectClose(ratio.upper, 0.5299466767771271, 1e-9);
    expect(ratio.note).toBe('count1 is 0: upper limit with 0.5 added to every cell');
  });

  it('count2 = 0 leaves the ratio undefined', () => {
    const ratio = katzLogRatio({ count1: 4, denominator1: 300, count2: 0, denominator2: 100000 });
    expect([ratio.value, ratio.lower, ratio.upper]).toEqual([null, null, null]);
    expect(ratio.note).toBe(
      'count2 is 0: the reference proportion is 0, so the ratio is undefined',
    );
  });

  it('a denominator of 0 gives a null value with a note', () => {
    const ratio = katzLogRatio({ count1: 0, denominator1: 0, count2: 50, denominator2: 1000 });
    expect(ratio.value).toBeNull();
    expect(ratio.note).toBe('denominator1 is 0');
  });
});

describe('Katz log ratio, argument validation', () => {
  it('rejects a count above its denominator', () => {
    expect(() =>
      katzLogRatio({ count1: 301, denominator1: 300, count2: 50, denominator2: 1000 }),
    ).toThrow(new RangeError('count1 must not exceed denominator1'));
  });

  it('rejects a negative count', () => {
    expect(() =>
      katzLogRatio({ count1: 1, denominator1: 300, count2: -50, denominator2: 1000 }),
    ).toThrow(new RangeError('count2 must be a non-negative number'));
  });

  it('rejects a negative denominator', () => {
    expect(() =>
      katzLogRatio({ count1: 1, denominator1: 300, count2: 0, denominator2: -1 }),
    ).toThrow(new RangeError('denominator2 must be greater than zero'));
  });
});
