/**
 * Crude rates against PHE's `testdata_Rate` (every row, both levels, per 100 and per 100,000),
 * the grouped results, and the SNA vectors generated with the package (per 1,000).
 * Tolerance: 1e-12 relative (achieved ≤ 9e-15); zero limits exactly 0.
 */
import { describe, expect, it } from 'vitest';
import { crudeRate } from '../../../indicators/methods/index.js';
import {
  expectClose,
  fixtures,
  generated,
  HAVE_VECTORS,
  LEVELS,
  type TwoLevelLimits,
  vectorSuite,
} from './vectors.js';

const REL = 1e-12;

const METHOD = { Exact: 'exact_poisson', Byars: 'byar' } as const;

function checkBothLevels(
  input: { count: number | null; denominator: number | null; multiplier: number },
  expected: TwoLevelLimits,
): void {
  for (const level of LEVELS) {
    const rate = crudeRate({ ...input, confidence: level.confidence });
    expectClose(rate.value, expected.value, REL);
    expectClose(rate.lower, expected[level.lower], REL);
    expectClose(rate.upper, expected[level.upper], REL);
  }
}

describe('crude rate, embedded rows', () => {
  // fixtures.json test_Rate, Area1 per 100 (exact), Area4 per 100,000 (Byar's), Area12 (count
  // above denominator); generated-and-fingertips-vectors.json rates "zero" and "ten" per 1,000.
  const rows = [
    {
      label: 'Area1, rate per 100, O = 1',
      input: { count: 1, denominator: 100, multiplier: 100 },
      method: 'exact_poisson',
      expected: {
        value: 1,
        lower95_0cl: 0.0253178079842899,
        upper95_0cl: 5.5716433909389,
        lower99_8cl: 0.00100050033358353,
        upper99_8cl: 9.23341347645158,
      },
    },
    {
      label: 'Area4, rate per 100000, O = 65',
      input: { count: 65, denominator: 100, multiplier: 100000 },
      method: 'byar',
      expected: {
        value: 65000,
        lower95_0cl: 50163.1877104595,
        upper95_0cl: 82849.1385459398,
        lower99_8cl: 42880.2614714802,
        upper99_8cl: 94000.290844318,
      },
    },
    {
      label: 'Area12, rate per 100000, O = 250 of 220',
      input: { count: 250, denominator: 220, multiplier: 100000 },
      method: 'byar',
      expected: {
        value: 113636.363636364,
        lower95_0cl: 99984.9473853288,
        upper95_0cl: 128631.144874558,
        lower99_8cl: 92710.0055443895,
        upper99_8cl: 137651.237721475,
      },
    },
    {
      label: 'rate per 1000, O = 0',
      input: { count: 0, denominator: 250000, multiplier: 1000 },
      method: 'exact_poisson',
      expected: {
        value: 0,
        lower95_0cl: 0,
        upper95_0cl: 0.0147555178164557,
        lower99_8cl: 0,
        upper99_8cl: 0.0276310211159285,
      },
    },
    {
      label: 'rate per 1000, O = 10',
      input: { count: 10, denominator: 250000, multiplier: 1000 },
      method: 'byar',
      expected: {
        value: 0.04,
        lower95_0cl: 0.0191497996558703,
        upper95_0cl: 0.0735658344230259,
        lower99_8cl: 0.0116652734987827,
        upper99_8cl: 0.0967748997115222,
      },
    },
  ];
  for (const row of rows) {
    it(`rate, 95% and 99.8%, ${row.label}`, () => {
      checkBothLevels(row.input, row.expected);
      expect(crudeRate(row.input).method).toBe(row.method);
    });
  }
});

describe.skipIf(!HAVE_VECTORS)(vectorSuite('crude rate, every row of test_Rate'), () => {
  const rows = fixtures?.test_Rate.rows ?? [];

  it('the sheet has its 20 rows (8 areas × 2 multipliers, 3 with NA, Area12)', () => {
    expect(rows).toHaveLength(20);
  });

  for (const row of rows) {
    it(`rate per ${row.multiplier}, 95% and 99.8%, ${row.Area} (O = ${row.Numerator}, n = ${row.Denominator})`, () => {
      const input = {
        count: row.Numerator,
        denominator: row.Denominator,
        multiplier: row.multiplier,
      };
      checkBothLevels(input, row);
      if (row.method !== null) expect(crudeRate(input).method).toBe(METHOD[row.method]);
    });
  }
});

describe.skipIf(!HAVE_VECTORS)(
  vectorSuite('crude rate, grouped rows (test_Rate_g_results)'),
  () => {
    const rows = fixtures?.test_Rate_g_results.rows ?? [];

    it('the sheet has its 12 rows', () => {
      expect(rows).toHaveLength(12);
    });

    // Grouped input is summed before the statistic (docs/methods.md#conventions); the sums are
    // given.
    for (const row of rows) {
      it(`rate per ${row.multiplier}, 95%, ${row.Area} (O = ${row.Numerator}, n = ${row.Denominator})`, () => {
        const rate = crudeRate({
          count: row.Numerator,
          denominator: row.Denominator,
          multiplier: row.multiplier,
        });
        expectClose(rate.value, row.value, REL);
        expectClose(rate.lower, row.lowercl, REL);
        expectClose(rate.upper, row.uppercl, REL);
      });
    }
  },
);

describe.skipIf(!HAVE_VECTORS)(
  vectorSuite('crude rate, SNA vectors generated with phe_rate'),
  () => {
    const rows = generated?.rates ?? [];

    it('the file has its 7 rate cases', () => {
      expect(rows).toHaveLength(7);
    });

    for (const row of rows) {
      it(`rate per ${row.multiplier}, 95% and 99.8%, O = ${row.x} (${row.case})`, () => {
        const input = { count: row.x, denominator: row.n, multiplier: row.multiplier };
        checkBothLevels(input, row);
        expect(crudeRate(input).method).toBe(row.method === 'Exact' ? 'exact_poisson' : 'byar');
      });
    }
  },
);

describe('crude rate, data that leave no value', () => {
  it('denominator 0 gives a null value with a note', () => {
    expect(crudeRate({ count: 3, denominator: 0 })).toEqual({
      value: null,
      lower: null,
      upper: null,
      method: 'exact_poisson',
      note: 'denominator is 0',
    });
  });

  it('a missing count or denominator gives null values, as PHE gives NA', () => {
    expect(crudeRate({ count: null, denominator: 100 }).note).toBe('count is missing');
    expect(crudeRate({ count: 10, denominator: null }).note).toBe('denominator is missing');
  });

  it('defaults to per 1,000 at 95%', () => {
    expect(crudeRate({ count: 37, denominator: 150000 }).value).toBeCloseTo(0.246666666666667, 14);
  });
});

describe('crude rate, argument validation', () => {
  it('rejects a negative count', () => {
    expect(() => crudeRate({ count: -1, denominator: 100 })).toThrow(
      new RangeError('count must be a non-negative number'),
    );
  });

  it('rejects a negative or NaN denominator', () => {
    for (const denominator of [-5, Number.NaN]) {
      expect(() => crudeRate({ count: 1, denominator })).toThrow(
        new RangeError('denominator must be greater than zero'),
      );
    }
  });

  it('rejects a multiplier of 0', () => {
    expect(() => crudeRate({ count: 1, denominator: 100, multiplier: 0 })).toThrow(
      new RangeError('multiplier must be greater than zero'),
    );
  });

  it('rejects confidence 0.8', () => {
    expect(() => crudeRate({ count: 1, denominator: 100, confidence: 0.8 })).toThrow(
      new RangeError('confidence must be between 0.9 and 1'),
    );
  });
});
