/**
 * The near-repeat test's bound on the pairs it must band, worked by hand: events in cells as
 * wide as the largest distance band, each pairing at most with its own and the eight
 * neighbouring cells' events. Past MAX_KNOX_PAIRS a category is not tested (a whole force's
 * crimes would take hours), so the bound must never be below the pairs truly compared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../core/database.js';
import { knoxCounts, knoxPairBounds } from '../../../indicators/spatial/knox-counts.js';

const BANDS = { spaceBandsM: [100, 200], timeBandsDays: [7, 14], iterations: 0, seed: 1 };

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
  // Cells 200 m wide. Category a: 3 events in cell (0,0), 1 in (1,0) next door, 1 far away in
  // (10,10). Category b: 2 events in one cell.
  await db.run(`CREATE TABLE events AS SELECT * FROM (VALUES
    ('a', '1', 10.0, 10.0, 0), ('a', '2', 50.0, 20.0, 1), ('a', '3', 150.0, 150.0, 2),
    ('a', '4', 250.0, 10.0, 3), ('a', '5', 2050.0, 2050.0, 4),
    ('b', '6', 10.0, 10.0, 0), ('b', '7', 20.0, 10.0, 30)
  ) AS t(category, event_id, easting, northing, day)`);
});
afterAll(() => db.close());

describe('the near-repeat pair bound', () => {
  it('sums n × n over each cell and its neighbours, halved', async () => {
    // a: cell (0,0) with itself 3×3 and with (1,0) 3×1; (1,0) with (0,0) 1×3 and itself 1×1;
    // the far cell 1×1: (9 + 3 + 3 + 1 + 1) / 2 = 8.5. b: 2 × 2 / 2 = 2.
    expect(await knoxPairBounds(db, 'events', BANDS)).toEqual([
      { category: 'a', pairs: 8.5 },
      { category: 'b', pairs: 2 },
    ]);
  });

  it('is never below the pairs the test compares', async () => {
    const counts = await knoxCounts(db, 'events', BANDS);
    const observed = (category: string) =>
      counts
        .filter((c) => c.category === category && c.iteration === 0)
        .reduce((sum, c) => sum + Number(c.pairs), 0);
    // a: pairs within 200 m: 1–2, 1–3, 2–3, 2–4, 3–4, 1–4 (240 m: out) → 5 at most; b: 1.
    expect(observed('a')).toBeLessThanOrEqual(8.5);
    expect(observed('b')).toBeLessThanOrEqual(2);
  });
});
