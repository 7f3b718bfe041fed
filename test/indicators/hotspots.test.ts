import { describe, expect, it } from 'vitest';
import { Rng } from '../../fixtures/generator/random.js';
import { testHotspots, twoSidedP } from '../../indicators/hotspots.js';

/** Queen neighbours on a side × side grid of squares, codes "r,c". */
function grid(side: number, crimes: (r: number, c: number) => number) {
  const units = [];
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const neighbours: string[] = [];
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          const [nr, nc] = [r + dr, c + dc];
          if ((dr || dc) && nr >= 0 && nc >= 0 && nr < side && nc < side) {
            neighbours.push(`${nr},${nc}`);
          }
        }
      }
      units.push({ code: `${r},${c}`, crimes: crimes(r, c), neighbours });
    }
  }
  return units;
}

/** A fixed pseudo-random sequence (the fixtures' seeded generator): the same every run. */
function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

describe('hotspot test (Gi* + Benjamini–Hochberg)', () => {
  it('gives the two-sided normal p-value (1.959964 → 0.05; 2.575829 → 0.01)', () => {
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(-2.575829)).toBeCloseTo(0.01, 6);
    expect(twoSidedP(0)).toBe(1);
  });

  const next = random(7);
  const background = Array.from({ length: 144 }, () => Math.floor(next() * 6));
  const planted = new Set(['3,3', '3,4', '4,3', '4,4', '5,4']);

  it('finds a planted cluster of adjacent units, and nothing far from it', () => {
    const units = grid(
      12,
      (r, c) => (background[r * 12 + c] ?? 0) + (planted.has(`${r},${c}`) ? 12 : 0),
    );
    const results = testHotspots(units);
    const hot = results.filter((x) => x.class === 'hot').map((x) => x.code);
    for (const code of planted) expect(hot).toContain(code);
    for (const code of hot) {
      const [r, c] = code.split(',').map(Number) as [number, number];
      // Every hot unit is in the cluster or touches it.
      expect(Math.abs(r - 4) <= 2 && Math.abs(c - 4) <= 2, code).toBe(true);
    }
    const inCluster = results.find((x) => x.code === '4,4');
    expect(inCluster?.neighbours).toBe(8);
    expect(inCluster?.adjusted).toBeLessThanOrEqual(0.05);
  });

  it('flags nothing when the same counts are shuffled among the units', () => {
    const counts = grid(
      12,
      (r, c) => (background[r * 12 + c] ?? 0) + (planted.has(`${r},${c}`) ? 12 : 0),
    ).map((u) => u.crimes);
    const shuffle = random(11);
    for (let i = counts.length - 1; i > 0; i--) {
      const j = Math.floor(shuffle() * (i + 1));
      [counts[i], counts[j]] = [counts[j] ?? 0, counts[i] ?? 0];
    }
    const results = testHotspots(grid(12, (r, c) => counts[r * 12 + c] ?? 0));
    expect(results.filter((x) => x.class !== 'not significant')).toEqual([]);
  });

  it('ignores neighbours outside the units tested, and leaves z undefined when all are equal', () => {
    const results = testHotspots([
      { code: 'a', crimes: 2, neighbours: ['b', 'elsewhere'] },
      { code: 'b', crimes: 2, neighbours: ['a'] },
      { code: 'c', crimes: 2, neighbours: [] },
    ]);
    expect(results.map((r) => r.neighbours)).toEqual([1, 1, 0]);
    expect(results.every((r) => r.z === null && r.class === 'not significant')).toBe(true);
  });
});
