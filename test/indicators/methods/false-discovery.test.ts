/**
 * Benjamini–Hochberg on a case worked by hand from the definition (m = 5, rate 5%): sorted
 * p = 0.005, 0.01, 0.03, 0.04, 0.2 against k·0.05/5 = 0.01, 0.02, 0.03, 0.04, 0.05; the largest
 * k with p_(k) ≤ k·0.05/5 is 4, so the four smallest are significant. Adjusted, from the top:
 * 0.2; min(0.2, 0.04·5/4) = 0.05; min(0.05, 0.03·5/3) = 0.05; min(0.05, 0.01·5/2) = 0.025;
 * min(0.025, 0.005·5) = 0.025 (what R's p.adjust(p, "BH") gives).
 */
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../../indicators/methods/false-discovery.js';

describe('benjaminiHochberg', () => {
  it('adjusts and decides as worked by hand, in the order given', () => {
    const { adjusted, significant } = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2]);
    const byHand = [0.025, 0.05, 0.05, 0.025, 0.2];
    for (const [i, p] of byHand.entries()) expect(adjusted[i], `test ${i}`).toBeCloseTo(p, 12);
    expect(significant).toEqual([true, true, true, true, false]);
  });

  it('calls fewer significant than uncorrected tests would', () => {
    // Each of 0.02, 0.03, 0.04 is below 0.05 alone; adjusted the smallest is 0.04·6/3 = 0.08.
    const { adjusted, significant } = benjaminiHochberg([0.02, 0.03, 0.04, 0.5, 0.9, 0.95]);
    expect(significant).toEqual([false, false, false, false, false, false]);
    expect(Math.min(...adjusted)).toBeCloseTo(0.08, 12);
  });

  it('refuses a p-value outside [0, 1] and a rate outside (0, 1)', () => {
    expect(() => benjaminiHochberg([0.5, 1.2])).toThrow('a p-value must lie in [0, 1], got 1.2');
    expect(() => benjaminiHochberg([0.5], 0)).toThrow('rate must lie between 0 and 1');
  });
});
