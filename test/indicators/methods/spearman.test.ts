/**
 * Spearman's ρ against an R example with ties in both variables
 * (docs/methods.md#spearmans-rank-correlation) and hand-computed values.
 * Tolerance: ρ to 1e-9 relative (the note gives 10 digits); the Bonett–Wright interval to the
 * note's 4 decimals (5e-5 absolute); hand-computed values to 1e-12.
 * There is no fixture file for this method: every vector is embedded here.
 */
import { describe, expect, it } from 'vitest';
import { averageRanks, spearman } from '../../../indicators/methods/index.js';
import { expectClose } from './vectors.js';

describe('Spearman rho, reference vectors', () => {
  // R `cor.test`: ten LSOAs; IMD has a tie at 30.5, the rate one at 9.1.
  const imd = [45.2, 38.1, 30.5, 30.5, 22.0, 18.7, 15.3, 12.9, 9.8, 6.1];
  const rate = [31.0, 25.5, 28.0, 14.2, 12.0, 15.5, 9.1, 9.1, 4.0, 6.5];

  it('spearman, 10 LSOAs with ties: rho = 0.9207317073 (R cor.test)', () => {
    const rho = spearman(rate, imd);
    expectClose(rho.value, 0.9207317073, 1e-9);
    expect(rho.method).toBe('spearman');
  });

  it('spearman, 95%, 10 LSOAs: Bonett–Wright interval (0.6106, 0.9860)', () => {
    const rho = spearman(rate, imd);
    expectClose(rho.lower, 0.6106, 0, 5e-5);
    expectClose(rho.upper, 0.986, 0, 5e-5);
  });
});

describe('Spearman rho, hand-computed', () => {
  // x = [1, 2, 2, 3] ranks to [1, 2.5, 2.5, 4]; y = [1, 3, 2, 4] ranks to itself.
  // Deviations from 2.5: dx = [−1.5, 0, 0, 1.5], dy = [−1.5, 0.5, −0.5, 1.5];
  // Σdx·dy = 4.5, Σdx² = 4.5, Σdy² = 5, so ρ = 4.5/√22.5 = 3/√10.
  it('spearman, 4 pairs with a tie: rho = 3/√10', () => {
    expect(averageRanks([1, 2, 2, 3])).toEqual([1, 2.5, 2.5, 4]);
    expectClose(spearman([1, 2, 2, 3], [1, 3, 2, 4]).value, 3 / Math.sqrt(10), 1e-12);
  });

  it('ranks a three-way tie and unsorted input', () => {
    expect(averageRanks([5, 1, 5, 3, 5])).toEqual([4, 1, 4, 2, 4]);
  });

  it('spearman, a monotone but non-linear relation: rho = 1', () => {
    expect(spearman([1, 2, 3, 4, 5], [1, 8, 27, 64, 125]).value).toBe(1);
  });

  it('spearman, a reversed order: rho = −1', () => {
    expect(spearman([1, 2, 3, 4], [40, 30, 20, 10]).value).toBe(-1);
  });
});

describe('Spearman rho, too little to correlate', () => {
  it('2 pairs: no value', () => {
    expect(spearman([1, 2], [2, 1])).toEqual({
      value: null,
      lower: null,
      upper: null,
      method: 'spearman',
      note: '2 pairs: at least 3 needed',
    });
  });

  it('a constant variable: no value', () => {
    const rho = spearman([1, 2, 3, 4], [7, 7, 7, 7]);
    expect(rho.value).toBeNull();
    expect(rho.note).toBe('y is constant: rho is undefined');
  });

  it('3 pairs: a value, but no interval', () => {
    const rho = spearman([1, 2, 3], [1, 3, 2]);
    expectClose(rho.value, 0.5, 1e-12);
    expect([rho.lower, rho.upper]).toEqual([null, null]);
    expect(rho.note).toBe('3 pairs: no confidence interval');
  });
});

describe('Spearman rho, argument validation', () => {
  it('rejects arrays of different lengths', () => {
    expect(() => spearman([1, 2, 3], [1, 2])).toThrow(
      new RangeError('x and y must have the same length'),
    );
  });

  it('rejects non-finite values', () => {
    expect(() => spearman([1, 2, Number.NaN], [1, 2, 3])).toThrow(
      new RangeError('values must be finite numbers'),
    );
  });
});
