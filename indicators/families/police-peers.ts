/**
 * How the area's crime rate compares with its comparator areas': its rank among them, and the
 * Fingertips benchmark comparison against the comparators' combined rate. Computed in the
 * police-place family, which already holds the area's counts and the comparators' rows.
 */
import {
  type IndicatorContext,
  type IndicatorDefinition,
  type IndicatorRow,
  POLICE_CRIMES,
} from '../define.js';
import { crudeRate, significanceAgainst } from '../methods/index.js';
import { fromEstimate, indicatorRow, noResidentsNote, num } from '../rows.js';
import { noComparatorsNote } from './police-comparators.js';

export const rankAmongComparators: IndicatorDefinition = {
  id: 'police.rank_among_comparators',
  comparison: 'other_areas',
  title: 'Rank among comparator areas',
  definition:
    'Rank of the area’s rate per 1,000 among itself and its comparators for the same category and year (1 = lowest rate).',
  numerator: { from: 'agg_police_comparators', measure: 'count', text: '' },
  denominator: { from: 'agg_police_comparators', measure: 'count', text: 'areas ranked' },
  unit: 'rank',
  method: 'rank',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs: [POLICE_CRIMES, 'geography', 'population', 'comparators'],
  disclosure: [],
};

export const comparatorsCombinedRate: IndicatorDefinition = {
  id: 'police.comparators_combined_rate_per_1000',
  comparison: 'other_areas',
  title: 'Comparator areas together: crimes per 1,000 residents',
  definition:
    'The comparator areas’ crimes per 1,000 residents taken together (all their crimes ÷ all their residents, not the mean of their rates; the area itself left out), exact Poisson / Byar’s 95% CI. significance compares the area’s own rate with this value as Fingertips does (“CI overlapping reference value”): higher or lower when the area’s 95% CI lies wholly above or below it, else similar.',
  numerator: { from: 'agg_police_comparators', measure: 'count', text: 'the comparators’ crimes' },
  denominator: {
    from: 'dim_area_population',
    measure: 'sum(population)',
    text: 'the comparators’ residents',
  },
  unit: 'per_1000',
  method: 'byar',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs: [POLICE_CRIMES, 'geography', 'population', 'comparators'],
  disclosure: ['numerator'],
};

/** The area's counts for one category (from `police_period_counts`). */
export interface OwnCount extends Record<string, unknown> {
  category: string;
  period_count: number;
  residents: number | null;
}

/** One comparator area's counts (from `police_comparators`). */
export interface PeerCount extends Record<string, unknown> {
  category: string;
  area_code: string;
  crimes: number;
  residents: number;
}

/** A comparator chosen by rule but not ranked (from `comparators_left_out`, national mode). */
export interface LeftOut extends Record<string, unknown> {
  area_code: string;
  area_name: string;
  coverage: string;
}

/** "left out, incomplete: Manchester (E08000003), …": the rank row names whom it leaves out. */
export function leftOutNote(leftOut: readonly LeftOut[]): string | null {
  const parts = ['incomplete', 'no_population', 'no_data'].flatMap((coverage) => {
    const units = leftOut.filter((u) => u.coverage === coverage);
    if (units.length === 0) return [];
    const names = units.map((u) => `${u.area_name} (${u.area_code})`).join(', ');
    return [`left out, ${coverage.replace('_', ' ')}: ${names}`];
  });
  return parts.length > 0 ? parts.join('; ') : null;
}

/**
 * The rank and the combined-rate comparison for one category; without peers or without the
 * area's residents, a row of each saying why, so no category silently lacks them. Comparators
 * chosen by rule but incomplete (`leftOut`) are named in the rank's note.
 */
export function peerRows(
  context: IndicatorContext,
  category: string,
  own: OwnCount | undefined,
  allPeers: PeerCount[],
  leftOut: readonly LeftOut[] = [],
): IndicatorRow[] {
  const residents = num(own?.residents);
  const uncovered = noComparatorsNote(allPeers, category, context.period.end);
  const why = uncovered ?? (residents === 0 ? noResidentsNote() : null);
  if (why) {
    const status = uncovered ? 'not_available' : undefined;
    return [rankAmongComparators, comparatorsCombinedRate].map((definition) =>
      indicatorRow(context, definition, { category, note: why, ...(status ? { status } : {}) }),
    );
  }
  // Peers without residents have no rate: the rank and the combined rate both leave them out.
  const peers = allPeers.filter((p) => num(p.residents) > 0);
  const count = num(own?.period_count);
  return [
    rankRow(context, category, count / residents, peers, leftOutNote(leftOut)),
    combinedRow(context, category, count, residents, peers),
  ];
}

/** Rank 1 = lowest rate; ties share the better rank. */
function rankRow(
  context: IndicatorContext,
  category: string,
  ownRate: number,
  peers: PeerCount[],
  note: string | null,
): IndicatorRow {
  const rank = 1 + peers.filter((p) => num(p.crimes) / num(p.residents) < ownRate).length;
  return indicatorRow(context, rankAmongComparators, {
    category,
    value: rank,
    denominator: peers.length + 1,
    ...(note ? { note } : {}),
  });
}

function combinedRow(
  context: IndicatorContext,
  category: string,
  count: number,
  residents: number,
  peers: PeerCount[],
): IndicatorRow {
  const crimes = peers.reduce((sum, p) => sum + num(p.crimes), 0);
  const peerResidents = peers.reduce((sum, p) => sum + num(p.residents), 0);
  const combined = crudeRate({ count: crimes, denominator: peerResidents, multiplier: 1000 });
  // The same interval as the published police.rate_per_1000.
  const own = crudeRate({ count, denominator: residents, multiplier: 1000 });
  const threshold = context.config.thresholds.suppressBelow;
  // A comparison would say something about a count too small to publish.
  const tooSmall = count > 0 && count < threshold;
  return indicatorRow(context, comparatorsCombinedRate, {
    category,
    numerator: crimes,
    denominator: peerResidents,
    ...fromEstimate(combined),
    significance:
      tooSmall || combined.value === null
        ? null
        : significanceAgainst(own.lower, own.upper, combined.value),
    note: tooSmall ? `not compared: the area's count is below ${threshold}` : null,
  });
}
