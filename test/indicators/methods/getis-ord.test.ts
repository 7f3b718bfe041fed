/**
 * Gi* against PySAL's published values: the `G_Local` docstring example of esda
 * (esda/getisord.py, commit 11450be3e1860c87f109661ef7964331b68a5f99, v2.10.0+2), six points
 * with y = [2, 3, 3.2, 5, 8, 7] and binary distance-band weights (threshold 15, so points 3 and
 * 4, exactly 15 apart, are neighbours), `star=True`; esda's test_getisord.py::test_star_binary
 * asserts its first value. The neighbour lists are the ones that distance band gives.
 */
import { describe, expect, it } from 'vitest';
import { getisOrdGiStar } from '../../../indicators/methods/getis-ord.js';

const VALUES = [2, 3, 3.2, 5, 8, 7];
const NEIGHBOURS = [[1, 3], [0, 3, 4], [4], [0, 1, 4], [1, 2, 3, 5], [4]];
/** G_Local(y, w, transform='B', star=True).Zs, as esda prints them. */
const ESDA_ZS = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331];

describe('getisOrdGiStar', () => {
  it('gives esda’s published Gi* z-scores to 1e-6', () => {
    const zs = getisOrdGiStar({ values: VALUES, neighbours: NEIGHBOURS });
    // toBeCloseTo(…, 6): within 5e-7 of the printed value.
    for (const [i, z] of zs.entries()) {
      expect(z, `area ${i}`).toBeCloseTo(ESDA_ZS[i] ?? Number.NaN, 6);
    }
  });

  it('depends on each link (dropping the 3–4 tie changes areas 3 and 4)', () => {
    const looser = NEIGHBOURS.map((list, i) =>
      list.filter((j) => !((i === 3 && j === 4) || (i === 4 && j === 3))),
    );
    const zs = getisOrdGiStar({ values: VALUES, neighbours: looser });
    expect(Math.abs((zs[3] ?? 0) - (ESDA_ZS[3] ?? 0))).toBeGreaterThan(0.01);
    expect(Math.abs((zs[4] ?? 0) - (ESDA_ZS[4] ?? 0))).toBeGreaterThan(0.01);
  });

  it('is undefined (null) with no spread, or for an area next to every other', () => {
    expect(getisOrdGiStar({ values: [4, 4, 4], neighbours: [[1], [0], []] })).toEqual([
      null,
      null,
      null,
    ]);
    const zs = getisOrdGiStar({ values: [1, 2, 6], neighbours: [[1, 2], [0], [0]] });
    expect(zs[0]).toBeNull();
    expect(zs[1]).not.toBeNull();
  });

  it('refuses neighbour lists that do not fit the values', () => {
    expect(() => getisOrdGiStar({ values: [1, 2], neighbours: [[1]] })).toThrow(
      'neighbours must list one entry per value (1 for 2)',
    );
    expect(() => getisOrdGiStar({ values: [1, 2], neighbours: [[2], [0]] })).toThrow(
      'area 0: neighbour 2 is not an area index (0 to 1)',
    );
    expect(() => getisOrdGiStar({ values: [1, 2], neighbours: [[0], []] })).toThrow(
      'area 0 lists itself as a neighbour',
    );
    expect(() => getisOrdGiStar({ values: [1, Number.NaN], neighbours: [[1], [0]] })).toThrow(
      'values must be finite numbers',
    );
  });
});
