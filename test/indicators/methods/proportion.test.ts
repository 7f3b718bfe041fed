/**
 * Wilson proportions against every Wilson row of PHE's `testdata_B_W`, every row of
 * `testdata_Prop` (multipliers 1 and 100), the grouped results, and the SNA percentage vectors
 * (0 of 12, 12 of 12, …).
 * Tolerance: 1e-12 relative (achieved ≤ 2.1e-14); the limits 0 and 100 exactly.
 */
import { describe, expect, it } from 'vitest';
import { proportion, wilsonLimits } from '../../../indicators/methods/index.js';
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

function checkBothLevels(
  input: { count: number | null; denominator: number | null; multiplier: number },
  expected: TwoLevelLimits,
): void {
  for (const level of LEVELS) {
    const share = proportion({ ...input, confidence: level.confidence });
    expectClose(share.value, expected.value, REL);
    expectClose(share.lower, expected[level.lower], REL);
    expectClose(share.upper, expected[level.upper], REL);
  }
}

describe('Wilson, embedded rows', () => {
  // fixtures.json test_BW (Wilson rows 7 and 9), test_Prop Area1 per 100, and
  // generated-and-fingertips-vectors.json proportions "zero" and "all".
  it('wilson, 95%, O = 65, n = 100', () => {
    const limits = wilsonLimits(65, 100, 0.95);
    expectClose(limits.lower, 0.55254443296888, REL);
    expectClose(limits.upper, 0.736357517569025, REL);
  });

  it('wilson, 95%, O = 0.445, n = 1 (a fractional count)', () => {
    const limits = wilsonLimits(0.445, 1, 0.95);
    expectClose(limits.lower, 0.0438174477205882, REL);
    expectClose(limits.upper, 0.933462127697916, REL);
  });

  it('percentage, 95% and 99.8%, Area1 (O = 1, n = 100)', () => {
    checkBothLevels(
      { count: 1, denominator: 100, multiplier: 100 },
      {
        value: 1,
        lower95_0cl: 0.176743206414065,
        upper95_0cl: 5.44861961787053,
        lower99_8cl: 0.0873065697299977,
        upper99_8cl: 10.4554452837058,
      },
    );
  });

  it('percentage, 95% and 99.8%, O = 0, n = 12 (proportion 0)', () => {
    checkBothLevels(
      { count: 0, denominator: 12, multiplier: 100 },
      {
        value: 0,
        lower95_0cl: 0,
        upper95_0cl: 24.2494006655241,
        lower99_8cl: 0,
        upper99_8cl: 44.3143454983464,
      },
    );
  });

  it('percentage, 95% and 99.8%, O = 12, n = 12 (proportion 1)', () => {
    checkBothLevels(
      { count: 12, denominator: 12, multiplier: 100 },
      {
        value: 100,
        lower95_0cl: 75.7505993344759,
        upper95_0cl: 100,
        lower99_8cl: 55.6856545016536,
        upper99_8cl: 100,
      },
    );
  });
});

describe.skipIf(!HAVE_VECTORS)(vectorSuite('Wilson, every Wilson row of test_BW'), () => {
  const rows = fixtures?.test_BW.rows.filter((r) => r.method === 'Wilson') ?? [];

  it('the sheet has its 6 Wilson rows', () => {
    expect(rows).toHaveLength(6);
  });

  for (const row of rows) {
    it(`wilson, ${row.confidence}, O = ${row.x}, n = ${row.n}`, () => {
      const limits = wilsonLimits(row.x, row.n ?? 0, row.confidence === '95%' ? 0.95 : 0.998);
      expectClose(limits.lower, row.lowercl, REL);
      expectClose(limits.upper, row.uppercl, REL);
    });
  }
});

describe.skipIf(!HAVE_VECTORS)(vectorSuite('proportion, every row of test_Prop'), () => {
  const rows = fixtures?.test_Prop.rows ?? [];

  it('the sheet has its 19 rows (8 areas × 2 multipliers, 3 with NA)', () => {
    expect(rows).toHaveLength(19);
  });

  for (const row of rows) {
    it(`proportion of ${row.multiplier}, 95% and 99.8%, ${row.Area} (O = ${row.Numerator}, n = ${row.Denominator})`, () => {
      checkBothLevels(
        { count: row.Numerator, denominator: row.Denominator, multiplier: row.multiplier },
        row,
      );
    });
  }
});

describe.skipIf(!HAVE_VECTORS)(
  vectorSuite('proportion, grouped rows (test_Prop_g_results)'),
  () => {
    const rows = fixtures?.test_Prop_g_results.rows ?? [];

    it('the sheet has its 11 rows', () => {
      expect(rows).toHaveLength(11);
    });

    for (const row of rows) {
      it(`proportion of ${row.multiplier}, 95%, ${row.Area} (O = ${row.Numerator}, n = ${row.Denominator})`, () => {
        const share = proportion({
          count: row.Numerator,
          denominator: row.Denominator,
          multiplier: row.multiplier,
        });
        expectClose(share.value, row.value, REL);
        expectClose(share.lower, row.lowercl, REL);
        expectClose(share.upper, row.uppercl, REL);
      });
    }
  },
);

describe.skipIf(!HAVE_VECTORS)(
  vectorSuite('percentage, SNA vectors generated with phe_proportion'),
  () => {
    const rows = generated?.proportions ?? [];

    it('the file has its 5 percentage cases', () => {
      expect(rows).toHaveLength(5);
    });

    for (const row of rows) {
      it(`percentage, 95% and 99.8%, O = ${row.x}, n = ${row.n} (${row.case})`, () => {
        checkBothLevels({ count: row.x, denominator: row.n, multiplier: 100 }, row);
      });
    }
  },
);

describe('proportion, edge cases', () => {
  it('denominator 0 gives a null value with a note', () => {
    expect(proportion({ count: 0, denominator: 0 })).toEqual({
      value: null,
      lower: null,
      upper: null,
      method: 'wilson',
      note: 'denominator is 0',
    });
  });

  it('confidence 1 gives the limits 0 and 100%, as PHE', () => {
    const share = proportion({ count: 3, denominator: 10, confidence: 1 });
    expect([share.lower, share.upper]).toEqual([0, 100]);
  });

  it('defaults to a percentage at 95%', () => {
    const share = proportion({ count: 65, denominator: 100 });
    expectClose(share.lower, 55.254443296888, REL);
  });
});

describe('proportion, argument validation', () => {
  it('rejects a count above its denominator', () => {
    expect(() => proportion({ count: 13, denominator: 12 })).toThrow(
      new RangeError('numerator must not exceed denominator'),
    );
  });

  it('rejects a negative count', () => {
    expect(() => proportion({ count: -1, denominator: 12 })).toThrow(
      new RangeError('count must be a non-negative number'),
    );
  });

  it('rejects a negative denominator', () => {
    expect(() => proportion({ count: 0, denominator: -12 })).toThrow(
      new RangeError('denominator must be greater than zero'),
    );
  });

  it('rejects confidence 0.5', () => {
    expect(() => proportion({ count: 1, denominator: 12, confidence: 0.5 })).toThrow(
      new RangeError('confidence must be between 0.9 and 1'),
    );
  });
});
