/**
 * The Knox near-repeat test: observed pairs on a table worked by hand, the Monte Carlo expected
 * against the exact expectation over every permutation, determinism, and a planted pattern.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../../core/database.js';
import { knoxCell } from '../../../indicators/methods/knox.js';
import { type KnoxBands, knoxCounts } from '../../../indicators/spatial/knox-counts.js';

let db: Database;
beforeEach(async () => {
  db = await Database.open(':memory:');
});
afterEach(() => db.close());

type Event = [category: string, id: string, easting: number, northing: number, day: number];

async function load(events: readonly Event[]): Promise<void> {
  const values = events.map(([c, id, e, n, d]) => `('${c}', '${id}', ${e}, ${n}, ${d})`);
  await db.run(`CREATE OR REPLACE TABLE events AS SELECT * FROM (VALUES ${values.join(', ')})
    t(category, event_id, easting, northing, day)`);
}

const BANDS: KnoxBands = {
  spaceBandsM: [100, 200],
  timeBandsDays: [7, 14],
  iterations: 99,
  seed: 1,
};

/** `category s,t` → pairs, for one iteration. */
async function table(bands: KnoxBands, iteration = 0): Promise<Record<string, number>> {
  const counts = await knoxCounts(db, 'events', bands);
  return Object.fromEntries(
    counts
      .filter((c) => c.iteration === iteration)
      .map((c) => [`${c.category} ${c.space_band},${c.time_band}`, c.pairs]),
  );
}

describe('observed pairs (worked by hand)', () => {
  it('counts each pair once in its distance band × time band, within its category', async () => {
    // Bands 0–100 m, 100–200 m × 0–7, 8–14 days. The 15 pairs of category x:
    //   A–B  100 m (6-8-10), 3 d   → 0–100 m × 0–7 d
    //   A–C  300 m                  → beyond the distance bands
    //   A–D  150 m, 20 d            → beyond the time bands
    //   A–E    0 m, 14 d            → 0–100 m × 8–14 d
    //   B–C  √(240² + 80²) = 253 m  → beyond
    //   B–D  √(90² + 80²) = 120 m, 17 d → beyond the time bands
    //   B–E  100 m, 11 d            → 0–100 m × 8–14 d
    //   C–D  150 m, 10 d            → 100–200 m × 8–14 d
    //   C–E  300 m                  → beyond
    //   D–E  150 m, 6 d             → 100–200 m × 0–7 d
    //   F is 1.4 km from every other event: its 5 pairs are beyond.
    // Category y's two events sit on A on A's day: one pair of y, none with x.
    await load([
      ['x', 'A', 0, 0, 0],
      ['x', 'B', 60, 80, 3],
      ['x', 'C', 300, 0, 10],
      ['x', 'D', 150, 0, 20],
      ['x', 'E', 0, 0, 14],
      ['x', 'F', 1000, 1000, 1],
      ['y', 'G', 0, 0, 0],
      ['y', 'H', 0, 0, 0],
    ]);
    expect(await table(BANDS)).toEqual({
      'x 1,1': 1,
      'x 1,2': 2,
      'x 2,1': 1,
      'x 2,2': 1,
      'y 1,1': 1,
    });
  });

  it('finds pairs across the grid cells’ edges (the neighbouring cells are joined)', async () => {
    // Cells are 200 m wide: (199, 199) and (201, 201) fall in cells (0,0) and (1,1), 2.8 m apart;
    // (−1, 0) is in cell (−1, 0), 200 m from (199, 0).
    await load([
      ['x', 'A', 199, 199, 0],
      ['x', 'B', 201, 201, 1],
      ['x', 'C', -1, 0, 30],
      ['x', 'D', 199, 0, 30],
    ]);
    expect(await table(BANDS)).toEqual({ 'x 1,1': 1, 'x 2,1': 1 });
  });
});

/** Every permutation of 0..n−1. */
function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]),
  );
}

describe('Monte Carlo expected counts', () => {
  // Five events: positions fixed, days permuted. Worked independently of the SQL below.
  const points = [
    [0, 0],
    [50, 0],
    [0, 150],
    [120, 90],
    [400, 400],
  ] as const;
  const days = [0, 3, 9, 12, 40];
  const band = (value: number, edges: readonly number[]) => {
    const i = edges.findIndex((edge) => value <= edge);
    return i < 0 ? null : i + 1;
  };

  it('averages to the exact expectation over all 120 permutations (4,000 iterations)', async () => {
    const exact = new Map<string, number[]>();
    for (const order of permutations(5)) {
      const counts = new Map<string, number>();
      for (let i = 0; i < 5; i++) {
        for (let j = i + 1; j < 5; j++) {
          const [xi, yi] = points[i] as readonly [number, number];
          const [xj, yj] = points[j] as readonly [number, number];
          const s = band(Math.hypot(xi - xj, yi - yj), BANDS.spaceBandsM);
          const dt = Math.abs(
            (days[order[i] as number] as number) - (days[order[j] as number] as number),
          );
          const t = band(dt, BANDS.timeBandsDays);
          if (s !== null && t !== null) counts.set(`${s},${t}`, (counts.get(`${s},${t}`) ?? 0) + 1);
        }
      }
      for (const cell of ['1,1', '1,2', '2,1', '2,2']) {
        exact.set(cell, [...(exact.get(cell) ?? []), counts.get(cell) ?? 0]);
      }
    }
    await load(points.map(([e, n], i) => ['x', `E${i}`, e, n, days[i] as number]));
    const iterations = 4000;
    const counts = await knoxCounts(db, 'events', { ...BANDS, iterations, seed: 7 });
    for (const [cell, values] of exact) {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
      const simulated = counts
        .filter((c) => c.iteration > 0 && `${c.space_band},${c.time_band}` === cell)
        .reduce((sum, c) => sum + c.pairs, 0);
      // Four standard errors of a mean of 4,000 draws: fails by chance about once in 16,000.
      expect(Math.abs(simulated / iterations - mean)).toBeLessThan(
        (4 * sd) / Math.sqrt(iterations),
      );
    }
    // The pairs worked out: 0–50 m pair (E0–E1) and 120–150 m pairs exist, so cells have mass.
    expect((exact.get('1,1') ?? []).some((v) => v > 0)).toBe(true);
  });

  it('gives the same counts for the same seed, and others for another seed', async () => {
    await load(points.map(([e, n], i) => ['x', `E${i}`, e, n, days[i] as number]));
    const first = await knoxCounts(db, 'events', BANDS);
    const again = await knoxCounts(db, 'events', BANDS);
    const other = await knoxCounts(db, 'events', { ...BANDS, seed: 2 });
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    // The observed counts (iteration 0) do not depend on the seed.
    const observed = (rows: typeof first) => rows.filter((c) => c.iteration === 0);
    expect(observed(other)).toEqual(observed(first));
  });
});

/** A small seeded generator (mulberry32) for the planted pattern's background. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a planted near-repeat pattern', () => {
  const next = random(2024);
  // 300 crimes spread over 5 km × 5 km and a year, and 25 repeats each 50 m and 2 days after
  // one of them.
  const background: Event[] = Array.from({ length: 300 }, (_, i) => [
    'robbery',
    `B${String(i).padStart(3, '0')}`,
    5000 * next(),
    5000 * next(),
    Math.floor(365 * next()),
  ]);
  const repeats: Event[] = background
    .slice(0, 25)
    .map(([c, id, e, n, d]) => [c, `R${id}`, e + 30, n + 40, d + 2]);
  const events = [...background, ...repeats];

  async function verdict(rows: readonly Event[]) {
    await load(rows);
    const counts = await knoxCounts(db, 'events', BANDS);
    const at = (iteration: number) =>
      counts.find((c) => c.iteration === iteration && c.space_band === 1 && c.time_band === 1)
        ?.pairs ?? 0;
    const simulated = Array.from({ length: BANDS.iterations }, (_, i) => at(i + 1));
    return knoxCell({ observed: at(0), simulated });
  }

  it('is flagged higher in the 0–100 m × 0–7 day cell', async () => {
    const cell = await verdict(events);
    expect(cell.observed).toBeGreaterThanOrEqual(25);
    expect(cell.significance).toBe('higher');
    expect(cell.pHigher).toBeCloseTo(0.01, 10); // no permutation reaches it: 1 / (99 + 1)
    expect(cell.ratio).toBeGreaterThan(3);
  });

  it('is not flagged once the dates are shuffled among the same places', async () => {
    const shuffle = random(99);
    const days = events.map((e) => e[4]);
    for (let i = days.length - 1; i > 0; i--) {
      const j = Math.floor(shuffle() * (i + 1));
      [days[i], days[j]] = [days[j] as number, days[i] as number];
    }
    const cell = await verdict(events.map(([c, id, e, n], i) => [c, id, e, n, days[i] as number]));
    expect(cell.significance).not.toBe('higher');
  });
});
