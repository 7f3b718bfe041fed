/**
 * Statistical neighbours on four areas worked by hand (docs/methods.md#statistical-neighbours).
 * IMD scores 10, 20, 30, 20: mean 20, sample sd √(200/3), so z = −√1.5, 0, √1.5, 0.
 * log10 populations 3, 4, 5, 3 (1,000, 10,000, 100,000, 1,000): mean 3.75, sample sd
 * √(2.75/3), so a step of 1 is √(12/11) in z.
 * From A: D differs by √1.5 in score only, d = √1.5 = 1.2247…; B by √1.5 and √(12/11),
 * d = √(1.5 + 12/11) = 1.6096…; C by twice each, d = 2 × 1.6096… = 3.2192….
 */
import { describe, expect, it } from 'vitest';
import { nearestNeighbours } from '../../../indicators/methods/index.js';

const AREAS = [
  { code: 'A', imdScore: 10, population: 1_000 },
  { code: 'B', imdScore: 20, population: 10_000 },
  { code: 'C', imdScore: 30, population: 100_000 },
  { code: 'D', imdScore: 20, population: 1_000 },
];

describe('nearestNeighbours (standardised Euclidean distance, CIPFA)', () => {
  it('orders the others by distance, worked by hand', () => {
    const got = nearestNeighbours('A', AREAS, 3);
    expect(got.map((n) => n.code)).toEqual(['D', 'B', 'C']);
    expect(got[0]?.distance).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(got[1]?.distance).toBeCloseTo(Math.sqrt(1.5 + 12 / 11), 12);
    expect(got[2]?.distance).toBeCloseTo(2 * Math.sqrt(1.5 + 12 / 11), 12);
  });

  it('keeps the n nearest, the area itself left out, ties by code', () => {
    expect(nearestNeighbours('A', AREAS, 1)).toEqual([{ code: 'D', distance: expect.any(Number) }]);
    // Y and Z are both at distance 0 from X: the tie goes by code.
    const twins = [
      { code: 'X', imdScore: 20, population: 10_000 },
      { code: 'Z', imdScore: 20, population: 10_000 },
      { code: 'Y', imdScore: 20, population: 10_000 },
      { code: 'W', imdScore: 40, population: 1_000 },
    ];
    expect(nearestNeighbours('X', twins, 2).map((n) => n.code)).toEqual(['Y', 'Z']);
  });

  it('refuses an area not among them or without residents', () => {
    expect(() => nearestNeighbours('Q', AREAS, 2)).toThrow(/not among/);
    expect(() =>
      nearestNeighbours('A', [...AREAS, { code: 'E', imdScore: 1, population: 0 }], 2),
    ).toThrow(/population/);
  });
});
