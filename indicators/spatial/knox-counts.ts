/**
 * The Knox test's pair counts, set-based in DuckDB (docs/methods.md#near-repeat-knox-test).
 *
 * Pairs close in space are found without an all-pairs step: each event goes in a square grid
 * cell as wide as the largest distance band, and is joined only with the events of its own and
 * the eight neighbouring cells of the same category. Space never changes between permutations,
 * so those pairs are found once; each permutation only re-dates them.
 *
 * A permutation gives the event in slot i (events of a category ordered by id) the date of the
 * event ranked i-th by the hash of the text `seed:iteration:id`: the same seed gives the same
 * permutations however many threads run (for one DuckDB version), and iteration 0 is the
 * observed dates. The text, not hash(seed, iteration, id): DuckDB combines the hashes of several
 * arguments so weakly that the first slot went to one event 2,000 times in 4,000 permutations of
 * five, against 800 for a fair shuffle (the test against all 120 permutations caught it).
 */
import type { SpatialConfig } from '../../core/config.js';
import type { Database } from '../../core/database.js';

export type KnoxBands = SpatialConfig['nearRepeat'];

/** Pairs of one category in one space band × time band, in one iteration (0 = observed). */
export interface KnoxCount extends Record<string, unknown> {
  category: string;
  iteration: number;
  /** 1-based: band 1 runs from 0 to the first edge, band k from edge k−1 (exclusive) to edge k. */
  space_band: number;
  time_band: number;
  pairs: number;
}

/** SQL CASE giving the 1-based band of `value` among rising upper `edges`; NULL beyond the last. */
function bandCase(value: string, edges: readonly number[]): string {
  const arms = edges.map((edge, i) => `WHEN ${value} <= ${Number(edge)} THEN ${i + 1}`);
  return `CASE ${arms.join(' ')} END`;
}

/**
 * Counts per category × iteration × band cell, from `events` (a table or view with columns
 * category, event_id VARCHAR unique within a category, easting, northing in metres, and day, a
 * whole number of days). Cells with no pair have no row.
 */
export async function knoxCounts(
  db: Database,
  events: string,
  bands: KnoxBands,
): Promise<KnoxCount[]> {
  if (!/^[a-z_][a-z0-9_]*$/.test(events)) throw new Error(`not a table name: ${events}`);
  const maxDistance = Math.max(...bands.spaceBandsM);
  return db.all<KnoxCount>(
    `WITH ev AS MATERIALIZED (
      -- DOUBLE and INTEGER whatever the input's types: DECIMAL arithmetic is ten times slower.
      SELECT category, event_id::VARCHAR AS event_id, easting::DOUBLE AS easting,
        northing::DOUBLE AS northing, day::INTEGER AS day,
        floor(easting::DOUBLE / $distance)::BIGINT AS cx,
        floor(northing::DOUBLE / $distance)::BIGINT AS cy,
        row_number() OVER (PARTITION BY category ORDER BY event_id) AS slot
      FROM ${events}
    ),
    offsets AS (SELECT * FROM range(-1, 2) dx(dx) CROSS JOIN range(-1, 2) dy(dy)),
    near AS MATERIALIZED (
      SELECT a.category, a.slot AS slot_a, b.slot AS slot_b,
        ${bandCase('sqrt((a.easting - b.easting) ** 2 + (a.northing - b.northing) ** 2)', bands.spaceBandsM)} AS space_band
      FROM ev a
      CROSS JOIN offsets
      JOIN ev b
        ON b.category = a.category AND b.cx = a.cx + offsets.dx AND b.cy = a.cy + offsets.dy
        AND a.slot < b.slot
    ),
    iterations AS (SELECT range AS iteration FROM range(0, $iterations + 1)),
    dated AS MATERIALIZED (
      SELECT ev.category, iterations.iteration, ev.day,
        row_number() OVER (
          PARTITION BY ev.category, iterations.iteration
          ORDER BY CASE WHEN iterations.iteration = 0 THEN 0
                        ELSE hash(concat_ws(':', $seed, iterations.iteration, ev.event_id)) END,
                   ev.event_id
        ) AS slot
      FROM ev CROSS JOIN iterations
    ),
    banded AS (
      SELECT near.category, da.iteration, near.space_band,
        ${bandCase('abs(da.day - db.day)', bands.timeBandsDays)} AS time_band
      FROM near
      JOIN dated da ON da.category = near.category AND da.slot = near.slot_a
      JOIN dated db
        ON db.category = near.category AND db.iteration = da.iteration AND db.slot = near.slot_b
      WHERE near.space_band IS NOT NULL
    )
    SELECT category, iteration::INTEGER AS iteration, space_band::INTEGER AS space_band,
      time_band::INTEGER AS time_band, count(*)::INTEGER AS pairs
    FROM banded
    WHERE time_band IS NOT NULL
    GROUP BY ALL
    ORDER BY category, iteration, space_band, time_band`,
    { distance: maxDistance, iterations: bands.iterations, seed: bands.seed },
  );
}

/**
 * An upper bound, per category, on the pairs the test must band: events are put in grid cells
 * as wide as the largest distance band, and each event may pair with the events of its own and
 * the eight neighbouring cells. Counted from the cells, so it costs one grouping, not the join.
 */
export async function knoxPairBounds(
  db: Database,
  events: string,
  bands: KnoxBands,
): Promise<Array<{ category: string; pairs: number }>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(events)) throw new Error(`not a table name: ${events}`);
  return db.all<{ category: string; pairs: number }>(
    `WITH cells AS (
      SELECT category, floor(easting::DOUBLE / $distance)::BIGINT AS cx,
        floor(northing::DOUBLE / $distance)::BIGINT AS cy, count(*) AS n
      FROM ${events} GROUP BY ALL
    ),
    offsets AS (SELECT * FROM range(-1, 2) dx(dx) CROSS JOIN range(-1, 2) dy(dy))
    SELECT a.category, (sum(a.n * b.n) / 2)::DOUBLE AS pairs
    FROM cells a CROSS JOIN offsets
    JOIN cells b ON b.category = a.category AND b.cx = a.cx + offsets.dx AND b.cy = a.cy + offsets.dy
    GROUP BY a.category ORDER BY a.category`,
    { distance: Math.max(...bands.spaceBandsM) },
  );
}
