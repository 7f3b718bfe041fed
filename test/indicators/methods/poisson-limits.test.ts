/**
 * Poisson limits on a count: Byar's against every Byar's row of PHE's `testdata_B_W`, exact (χ²)
 * against the exact-method rate rows, and the switch at 10 events.
 * Tolerance: 1e-12 relative (achieved ≤ 1e-14); 1e-9 for the DescTools exact pair.
 */
import { describe, expect, it } from 'vitest';
import {
  byarsLimits,
  exactPoissonLimits,
  poissonLimits,
} from '../../../indicators/methods/index.js';
import { expectClose, fixtures, HAVE_VECTORS, vectorSuite } from './vectors.js';

const REL = 1e-12;

describe("Byar's limits, embedded rows", () => {
  // Copied from fixtures.json test_BW (testdata_Byars_Wilson.xlsx, sheet testdata_B_W).
  const rows = [
    { x: 65, confidence: 0.95, lower: 50.1631877104595, upper: 82.8491385459398 }, // row 1
    { x: 1, confidence: 0.95, lower: 0.0130721329015044, upper: 5.56375558247526 }, // row 3
    { x: 10, confidence: 0.998, lower: 2.91631837469569, upper: 24.1937249278805 }, // row 6
    { x: 1, confidence: 0.998, lower: null, upper: 9.36218021790836 }, // row 13: lower is NA
  ];
  for (const row of rows) {
    it(`byars, ${row.confidence * 100}%, O = ${row.x}`, () => {
      const limits = byarsLimits(row.x, row.confidence);
      expectClose(limits.lower, row.lower, REL);
      expectClose(limits.upper, row.upper, REL);
      expect(limits.method).toBe('byar');
    });
  }
});

describe.skipIf(!HAVE_VECTORS)(vectorSuite("Byar's limits, every Byar's row of test_BW"), () => {
  const rows = fixtures?.test_BW.rows.filter((r) => r.method === 'Byars') ?? [];

  it('the sheet has its 7 Byar rows', () => {
    expect(rows).toHaveLength(7);
  });

  for (const row of rows) {
    it(`byars, ${row.confidence}, O = ${row.x}`, () => {
      const limits = byarsLimits(row.x, row.confidence === '95%' ? 0.95 : 0.998);
      expectClose(limits.lower, row.lowercl, REL);
      expectClose(limits.upper, row.uppercl, REL);
    });
  }
});

describe('exact Poisson limits', () => {
  // fixtures.json test_Rate, Area1 and Area2 (n = 100, per 100, so the rate limits are the
  // count limits).
  it('exact, 95%, O = 1', () => {
    const limits = exactPoissonLimits(1, 0.95);
    expectClose(limits.lower, 0.0253178079842899, REL);
    expectClose(limits.upper, 5.5716433909389, REL);
  });

  it('exact, 99.8%, O = 5', () => {
    const limits = exactPoissonLimits(5, 0.998);
    expectClose(limits.lower, 0.739371731917839, REL);
    expectClose(limits.upper, 16.4547452036801, REL);
  });

  // docs/methods.md#crude-rate: O = 0 gives lower 0 and upper ½χ²⁻¹(1 − α/2; 2).
  it('exact, 95%, O = 0', () => {
    const limits = exactPoissonLimits(0, 0.95);
    expect(limits.lower).toBe(0);
    expectClose(limits.upper, 3.688879454113935, REL);
  });

  it('exact, 99.8%, O = 0', () => {
    const limits = exactPoissonLimits(0, 0.998);
    expect(limits.lower).toBe(0);
    expectClose(limits.upper, 6.907755278982137, REL);
  });

  // DescTools PoissonCI exact interval for 15/400, × 400 back to counts.
  it('exact, 95%, O = 15 (DescTools PoissonCI)', () => {
    const limits = exactPoissonLimits(15, 0.95);
    expectClose(limits.lower, 0.0209884653319583 * 400, 1e-9);
    expectClose(limits.upper, 0.0618505471787146 * 400, 1e-9);
  });

  // The same source's "Byar" pair (0.02190844, 0.06029335) is NOT PHE's Byar's: DescTools
  // evaluates the formula at O + 0.5 for both limits, PHE at O and O + 1. It is not a vector here.
});

describe('poissonLimits switches from exact to Byar at 10 events (PHE switching rule)', () => {
  // generated-and-fingertips-vectors.json rates "nine" and "ten" (n = 250,000, per 1,000),
  // multiplied back by 250 to counts.
  it('rate, 95%, O = 9 is exact', () => {
    const limits = poissonLimits(9, 0.95);
    expect(limits.method).toBe('exact_poisson');
    expectClose(limits.lower, 0.0164614923895133 * 250, REL);
    expectClose(limits.upper, 0.0683392138056767 * 250, REL);
  });

  it("rate, 95%, O = 10 is Byar's", () => {
    const limits = poissonLimits(10, 0.95);
    expect(limits.method).toBe('byar');
    expectClose(limits.lower, 0.0191497996558703 * 250, REL);
    expectClose(limits.upper, 0.0735658344230259 * 250, REL);
  });
});

describe('argument validation', () => {
  for (const f of [byarsLimits, exactPoissonLimits, poissonLimits]) {
    it(`${f.name} rejects a negative or non-finite count`, () => {
      for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => f(bad, 0.95)).toThrow(new RangeError('count must be a non-negative number'));
      }
    });

    it(`${f.name} rejects confidence 0.8`, () => {
      expect(() => f(5, 0.8)).toThrow(new RangeError('confidence must be between 0.9 and 1'));
    });
  }
});
