/**
 * Means with Student's t intervals against PHE's `testdata_Mean` / `testdata_Mean_results`,
 * both from the raw values (`mean`) and from the sheet's own count, mean and SD (`meanCi`).
 * Tolerance: 1e-12 relative (achieved ≤ 3.1e-15).
 */
import { describe, expect, it } from 'vitest';
import { mean, meanCi } from '../../../indicators/methods/index.js';
import { expectClose, fixtures, HAVE_VECTORS, LEVELS, vectorSuite } from './vectors.js';

const REL = 1e-12;

describe('mean, embedded rows', () => {
  // fixtures.json test_Mean (Area1's eight values) and test_Mean_results row "Area1".
  const area1 = [33.09375, 48.38596, 64.83495, 67.98475, 22.93556, 71.23587, 38.78465, 82.37927];
  const expected = {
    n: 8,
    sd: 20.9755752577093,
    value: 53.704345,
    lower95_0cl: 36.1683252413365,
    upper95_0cl: 71.2403647586635,
    lower99_8cl: 18.2167052947888,
    upper99_8cl: 89.1919847052112,
  };

  for (const level of LEVELS) {
    it(`mean, ${level.label}, Area1 (k = 8), from values`, () => {
      const estimate = mean({ values: area1, confidence: level.confidence });
      expectClose(estimate.value, expected.value, REL);
      expectClose(estimate.lower, expected[level.lower], REL);
      expectClose(estimate.upper, expected[level.upper], REL);
      expect(estimate.method).toBe('t');
    });

    it(`mean, ${level.label}, Area1 (k = 8), from mean, sd and n`, () => {
      const estimate = meanCi({
        mean: expected.value,
        sd: expected.sd,
        n: expected.n,
        confidence: level.confidence,
      });
      expectClose(estimate.lower, expected[level.lower], REL);
      expectClose(estimate.upper, expected[level.upper], REL);
    });
  }
});

describe.skipIf(!HAVE_VECTORS)(vectorSuite('mean, every row of test_Mean_results'), () => {
  const rows = fixtures?.test_Mean_results.rows ?? [];
  const inputs = fixtures?.test_Mean.rows ?? [];

  it('the sheets hold 3 results over 26 values', () => {
    expect(rows).toHaveLength(3);
    expect(inputs).toHaveLength(26);
  });

  for (const row of rows) {
    // "No grouping" is all 26 values.
    const values = inputs
      .filter((input) => row.area === 'No grouping' || input.area === row.area)
      .map((input) => input.values);
    for (const level of LEVELS) {
      it(`mean, ${level.label}, ${row.area} (k = ${row.value_count}), from values`, () => {
        expect(values).toHaveLength(row.value_count);
        const estimate = mean({ values, confidence: level.confidence });
        expectClose(estimate.value, row.value, REL);
        expectClose(estimate.lower, row[level.lower], REL);
        expectClose(estimate.upper, row[level.upper], REL);
      });

      it(`mean, ${level.label}, ${row.area} (k = ${row.value_count}), from mean, sd and n`, () => {
        const estimate = meanCi({
          mean: row.value,
          sd: row.stdev,
          n: row.value_count,
          confidence: level.confidence,
        });
        expectClose(estimate.lower, row[level.lower], REL);
        expectClose(estimate.upper, row[level.upper], REL);
      });
    }
  }
});

describe('mean, samples too small for an interval', () => {
  it('no values gives a null value with a note', () => {
    expect(mean({ values: [] })).toEqual({
      value: null,
      lower: null,
      upper: null,
      method: 't',
      note: 'no values',
    });
  });

  it('one value gives the value without an interval', () => {
    expect(meanCi({ mean: 15, sd: null, n: 1 })).toEqual({
      value: 15,
      lower: null,
      upper: null,
      method: 't',
      note: 'one value: no confidence interval',
    });
  });

  it('identical values give a zero-width interval', () => {
    const estimate = mean({ values: [16, 16, 16] });
    expect([estimate.lower, estimate.value, estimate.upper]).toEqual([16, 16, 16]);
  });
});

describe('mean, argument validation', () => {
  it('rejects non-finite values', () => {
    expect(() => mean({ values: [1, Number.NaN] })).toThrow(
      new RangeError('values must be finite numbers'),
    );
  });

  it('rejects a fractional or negative n', () => {
    for (const n of [2.5, -1]) {
      expect(() => meanCi({ mean: 1, sd: 1, n })).toThrow(
        new RangeError('n must be a non-negative integer'),
      );
    }
  });

  it('rejects a negative sd', () => {
    expect(() => meanCi({ mean: 1, sd: -1, n: 5 })).toThrow(
      new RangeError('sd must be a non-negative number'),
    );
  });

  it('rejects a missing mean when n > 0', () => {
    expect(() => meanCi({ mean: null, sd: 1, n: 5 })).toThrow(
      new RangeError('mean must be a finite number'),
    );
  });

  it('rejects confidence 0.8', () => {
    expect(() => meanCi({ mean: 1, sd: 1, n: 5, confidence: 0.8 })).toThrow(
      new RangeError('confidence must be between 0.9 and 1'),
    );
  });
});
