/**
 * Near repeats: whether crimes of a category happen close in both space and time more often than
 * chance (the Knox test with Monte Carlo expected counts, as Ratcliffe's Near Repeat Calculator
 * runs it; docs/methods.md#near-repeat-knox-test). Needs each crime's point and its day: the
 * force's extracts with coordinates. police.uk dates crimes by month only, so it cannot say
 * whether two crimes were 2 or 20 days apart.
 */

import {
  defineFamily,
  type IndicatorContext,
  type IndicatorDefinition,
  type IndicatorRow,
  POLICE_CRIMES,
} from '../define.js';
import { knoxCell } from '../methods/index.js';
import { indicatorRow, notRunRow } from '../rows.js';
import { type KnoxCount, knoxCounts, knoxPairBounds } from '../spatial/knox-counts.js';

export const policeNearRepeat: IndicatorDefinition = {
  id: 'police.near_repeat',
  title: 'Near-repeat crimes (Knox ratio)',
  definition:
    'Pairs of crimes of the category in the period within each distance band and time band of each other (spatial.near_repeat), against the pairs expected were the dates shuffled among the same places: the Knox ratio observed ÷ expected, the expected being the mean over spatial.near_repeat.iterations permutations of the dates with a fixed seed. Above 1, crimes follow others nearby soon after more than chance would give. significance higher (or lower) when at most 5% of permutations reach as many (or as few) pairs. Needs police extracts with coordinates: police.uk gives months, not days.',
  numerator: { from: 'fct_crime_points', measure: 'count', text: 'pairs of crimes in the band' },
  denominator: {
    from: 'fct_crime_points',
    measure: 'count',
    text: 'pairs expected in the band (mean over the permutations)',
  },
  unit: 'ratio',
  method: 'knox_monte_carlo',
  polarity: 'higher_is_worse',
  breakdowns: ['space_time_band'],
  needs: [POLICE_CRIMES],
  // Fewer than suppress_below pairs observed, or expected: too few pairs to publish or to judge.
  disclosure: ['numerator', 'denominator'],
};

/**
 * The most candidate pairs a category's test bands (each once per permutation): seconds of
 * DuckDB on two cores at 99 permutations, where a whole force's crimes would take hours.
 */
export const MAX_KNOX_PAIRS = 100_000;

/** The label of a band with upper edges `edges`: 0–100 m, 100–200 m; 0–7 days, 8–14 days. */
function bandLabel(edges: readonly number[], index: number, unit: 'm' | 'days'): string {
  const upper = edges[index] as number;
  if (unit === 'm') return `${index === 0 ? 0 : edges[index - 1]}–${upper} m`;
  return `${index === 0 ? 0 : (edges[index - 1] as number) + 1}–${upper} days`;
}

function notAvailable(context: IndicatorContext, why: string): IndicatorRow[] {
  return [
    notRunRow(
      context,
      policeNearRepeat,
      'serious_violence',
      'not_available',
      `not available: ${why}`,
    ),
  ];
}

/** One row per category × band cell from the counts of every iteration. */
export function nearRepeatRows(
  context: IndicatorContext,
  counts: readonly KnoxCount[],
  categories: readonly string[],
): IndicatorRow[] {
  const { spaceBandsM, timeBandsDays, iterations, seed } = context.config.spatial.nearRepeat;
  const pairs = new Map(
    counts.map((c) => [`${c.category}|${c.space_band}|${c.time_band}|${c.iteration}`, c.pairs]),
  );
  const rows: IndicatorRow[] = [];
  // Loops over categories × bands × iterations (a few thousand numbers), not over crimes.
  for (const category of categories) {
    for (let s = 1; s <= spaceBandsM.length; s++) {
      for (let t = 1; t <= timeBandsDays.length; t++) {
        const at = (i: number) => pairs.get(`${category}|${s}|${t}|${i}`) ?? 0;
        const simulated = Array.from({ length: iterations }, (_, i) => at(i + 1));
        const cell = knoxCell({ observed: at(0), simulated });
        rows.push(
          indicatorRow(context, policeNearRepeat, {
            category,
            breakdown: 'space_time_band',
            breakdown_value: `${bandLabel(spaceBandsM, s - 1, 'm')}, ${bandLabel(timeBandsDays, t - 1, 'days')}`,
            numerator: cell.observed,
            denominator: cell.expected,
            value: cell.ratio,
            significance: cell.ratio === null ? null : cell.significance,
            note:
              cell.ratio === null
                ? `no permutation gave a pair in this band (${iterations} permutations, seed ${seed})`
                : `p (higher) = ${cell.pHigher.toFixed(3)}, p (lower) = ${cell.pLower.toFixed(3)}; ${iterations} permutations, seed ${seed}`,
          }),
        );
      }
    }
  }
  return rows;
}

export const family = defineFamily({
  name: 'police-near-repeat',
  order: 35,
  indicators: [policeNearRepeat],
  async compute(context) {
    const source = await context.db.one<{ police_source: string }>(
      'SELECT police_source FROM int_police_source',
    );
    if (source?.police_source !== 'police_crimes') {
      return notAvailable(
        context,
        'police.uk dates crimes by month only, and the near-repeat test needs each crime’s day (police extracts with coordinates)',
      );
    }
    await context.db.run(`CREATE OR REPLACE TEMP VIEW near_repeat_events AS
      SELECT category, crime_ref AS event_id, easting, northing,
        datediff('day', DATE '1970-01-01', offence_date) AS day
      FROM crime_points_located CROSS JOIN run_config
      WHERE date_exact
        AND offence_date BETWEEN run_config.period_start AND run_config.period_end`);
    const present = await context.db.all<{ category: string }>(
      `SELECT category FROM near_repeat_events GROUP BY category HAVING count(*) >= 2
       ORDER BY category`,
    );
    if (present.length === 0) {
      return notAvailable(
        context,
        'no two crimes of a category in the period have coordinates (easting and northing, or longitude and latitude, in the police extracts)',
      );
    }
    // Each candidate pair is banded once per permutation: past a bound the test would run for
    // hours (a whole force's crimes, or a dense city centre), so such a category says why instead.
    const bounds = await knoxPairBounds(
      context.db,
      'near_repeat_events',
      context.config.spatial.nearRepeat,
    );
    const tooMany = bounds.filter((b) => Number(b.pairs) > MAX_KNOX_PAIRS);
    for (const b of tooMany) {
      context.log.warn(
        `near repeats: ${b.category} not tested: up to ${Math.round(Number(b.pairs)).toLocaleString('en-GB')} pairs of crimes lie close enough to compare (the test compares at most ${MAX_KNOX_PAIRS.toLocaleString('en-GB')}); narrow spatial.near_repeat.space_bands_m or the area`,
      );
    }
    const skipped = new Set(tooMany.map((b) => b.category));
    // Category ids quoted as SQL literals: a typed empty list has no parameter form.
    const left = [...skipped].map((c) => `'${c.replaceAll("'", "''")}'`);
    await context.db.run(`CREATE OR REPLACE TEMP VIEW near_repeat_tested AS
      SELECT * FROM near_repeat_events
      ${left.length > 0 ? `WHERE category NOT IN (${left.join(', ')})` : ''}`);
    const counts = await knoxCounts(
      context.db,
      'near_repeat_tested',
      context.config.spatial.nearRepeat,
    );
    context.log.info(
      `near repeats: ${present.length} categories with points, ${context.config.spatial.nearRepeat.iterations} permutations`,
    );
    return [
      ...nearRepeatRows(
        context,
        counts,
        present.map((p) => p.category).filter((c) => !skipped.has(c)),
      ),
      ...[...skipped].map((category) =>
        notRunRow(
          context,
          policeNearRepeat,
          category,
          'not_applicable',
          `not tested: more than ${MAX_KNOX_PAIRS.toLocaleString('en-GB')} pairs of crimes lie close enough to compare; narrow spatial.near_repeat.space_bands_m or the area`,
        ),
      ),
    ];
  },
});
