/**
 * Exact conditional rate ratios against R reference vectors (`poisson.test` / `rateratio.test`;
 * docs/methods.md#rate-ratio-exact-conditional), plus edge cases whose limits have closed forms.
 * Tolerance: 1e-6 relative (the note prints 6–10 significant digits); closed forms 1e-12.
 * There is no fixture file for this method: every vector is embedded here.
 */
import { describe, expect, it } from 'vitest';
import { clopperPearson, rateRatioExact } from '../../../indicators/methods/index.js';
import { expectClose } from './vectors.js';

const PRINTED = 1e-6;
const CLOSED_FORM = 1e-12;

describe('rate ratio, R reference vectors', () => {
  // The kc series' "Block May–Jul vs rest" (R `poisson.test`): 86 events in 9 months vs 151 in 27.
  it('rate ratio, 95%, O = 86 (9 months) vs 151 (27 months)', () => {
    const ratio = rateRatioExact({ count: 86, previousCount: 151, exposureRatio: 9 / 27 });
    expectClose(ratio.value, 1.708609, PRINTED);
    expectClose(ratio.lower, 1.295572, PRINTED);
    expectClose(ratio.upper, 2.241181, PRINTED);
    expect(ratio.significance).toBe('higher');
    expect(ratio.method).toBe('rate_ratio_exact');
  });

  // Fay's `rateratio.test` vignette: O = 2 in 17,877 vs 9 in 16,660.
  it('rate ratio, 95%, O = 2 (E = 17877) vs 9 (E = 16660)', () => {
    const ratio = rateRatioExact({ count: 2, previousCount: 9, exposureRatio: 17877 / 16660 });
    expectClose(ratio.value, 0.2070941557, PRINTED);
    expectClose(ratio.lower, 0.02177406, PRINTED);
    expectClose(ratio.upper, 1.0005491, PRINTED);
    // The upper limit only just reaches past 1: not significant, as the p of 0.05011 says.
    expect(ratio.significance).toBe('similar');
  });

  // R `poisson.test`: 150 vs 120 with equal exposure.
  it('rate ratio, 95%, O = 150 vs 120', () => {
    const ratio = rateRatioExact({ count: 150, previousCount: 120 });
    expectClose(ratio.value, 1.25, CLOSED_FORM);
    expectClose(ratio.lower, 0.976674, PRINTED);
    expectClose(ratio.upper, 1.602666, PRINTED);
    expect(ratio.significance).toBe('similar');
  });

  // Gu et al. 2008 example 1 (statsmodels' test_rates_poisson.py): 60/51477.5 vs 30/54308.7
  // has a one-sided exact conditional p of 0.000428 (statsmodels). By the test–interval
  // duality, the central interval at confidence 1 − 2p has its lower limit at 1: just above it
  // for p = 0.0004285, just below for p = 0.0004275.
  it('rate ratio, O = 60 vs 30: lower limit crosses 1 at the published one-sided p 0.000428', () => {
    const input = { count: 60, previousCount: 30, exposureRatio: 51477.5 / 54308.7 };
    const above = rateRatioExact({ ...input, confidence: 1 - 2 * 0.0004285 });
    const below = rateRatioExact({ ...input, confidence: 1 - 2 * 0.0004275 });
    expect(above.lower).toBeGreaterThan(1);
    expect(below.lower).toBeLessThan(1);
    expect(above.significance).toBe('higher');
  });
});

describe('rate ratio, zero counts', () => {
  // With one count 0 the beta quantiles have closed forms: B⁻¹(q; k, 1) = q^(1/k) and
  // B⁻¹(q; 1, k) = 1 − (1 − q)^(1/k).
  it('rate ratio, 95%, O = 5 vs 0: infinite ratio, finite lower limit', () => {
    const ratio = rateRatioExact({ count: 5, previousCount: 0 });
    const pLower = 0.025 ** (1 / 5);
    expect(ratio.value).toBeNull();
    expect(ratio.upper).toBeNull();
    expect(ratio.note).toBe('previous count is 0: the ratio is infinite');
    expectClose(ratio.lower, pLower / (1 - pLower), CLOSED_FORM);
    expect(ratio.significance).toBe('similar');
  });

  it('rate ratio, 95%, O = 10 vs 0: the lower limit alone shows a rise', () => {
    const ratio = rateRatioExact({ count: 10, previousCount: 0 });
    const pLower = 0.025 ** (1 / 10);
    expectClose(ratio.lower, pLower / (1 - pLower), CLOSED_FORM);
    expect(ratio.significance).toBe('higher');
  });

  it('rate ratio, 95%, O = 0 vs 5: ratio 0, lower 0, finite upper', () => {
    const ratio = rateRatioExact({ count: 0, previousCount: 5 });
    const pUpper = 1 - 0.025 ** (1 / 5);
    expect(ratio.value).toBe(0);
    expect(ratio.lower).toBe(0);
    expectClose(ratio.upper, pUpper / (1 - pUpper), CLOSED_FORM);
    expect(ratio.significance).toBe('similar');
  });

  it('rate ratio, 95%, O = 0 vs 0: nothing to compare', () => {
    expect(rateRatioExact({ count: 0, previousCount: 0 })).toEqual({
      value: null,
      lower: null,
      upper: null,
      method: 'rate_ratio_exact',
      significance: null,
      note: 'no events in either period',
    });
  });

  it('a large fall is significantly lower', () => {
    expect(rateRatioExact({ count: 20, previousCount: 60 }).significance).toBe('lower');
  });
});

describe('Clopper–Pearson limits', () => {
  // 0 of n and n of n have closed forms: upper 1 − (α/2)^(1/n), lower (α/2)^(1/n).
  it('clopper-pearson, 95%, 0 of 10 and 10 of 10', () => {
    expect(clopperPearson(0, 10).lower).toBe(0);
    expectClose(clopperPearson(0, 10).upper, 1 - 0.025 ** (1 / 10), CLOSED_FORM);
    expectClose(clopperPearson(10, 10).lower, 0.025 ** (1 / 10), CLOSED_FORM);
    expect(clopperPearson(10, 10).upper).toBe(1);
  });

  it('rejects successes above trials', () => {
    expect(() => clopperPearson(11, 10)).toThrow(
      new RangeError('successes must not exceed trials'),
    );
  });
});

describe('rate ratio, argument validation', () => {
  it('rejects a fractional or negative count', () => {
    for (const count of [1.5, -1]) {
      expect(() => rateRatioExact({ count, previousCount: 3 })).toThrow(
        new RangeError('count must be a non-negative integer'),
      );
    }
  });

  it('rejects a negative previous count', () => {
    expect(() => rateRatioExact({ count: 3, previousCount: -3 })).toThrow(
      new RangeError('previousCount must be a non-negative integer'),
    );
  });

  it('rejects an exposure ratio of 0', () => {
    expect(() => rateRatioExact({ count: 3, previousCount: 3, exposureRatio: 0 })).toThrow(
      new RangeError('exposureRatio must be greater than zero'),
    );
  });

  it('rejects confidence 0.8', () => {
    expect(() => rateRatioExact({ count: 3, previousCount: 3, confidence: 0.8 })).toThrow(
      new RangeError('confidence must be between 0.9 and 1'),
    );
  });
});
