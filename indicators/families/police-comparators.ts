/**
 * Comparator areas' crime rates: the inputs of `police.rank_among_comparators`, published so
 * that the report can chart the area's rate against its peers' with confidence intervals.
 *
 * Each row carries the peer's own code in `area_code` (breakdown `none`): the contract's
 * breakdown vocabulary has no `area`, and a peer's rate is a headline value of that peer, not
 * a breakdown of ours. The area's own rate stays `police.rate_per_1000`.
 *
 * Every category with area crimes gets a row: a category the comparators file does not cover
 * gets one row, under the area's code, saying why there is no rate. The file being loaded
 * makes the indicator runnable, so the stage's "not available" rows never cover that case.
 */
import { defineFamily, type IndicatorDefinition, POLICE_CRIMES } from '../define.js';
import { crudeRate } from '../methods/index.js';
import { aggregate, fromEstimate, indicatorRow, notRunRow, num } from '../rows.js';

export const comparatorRate: IndicatorDefinition = {
  id: 'police.comparator_rate_per_1000',
  title: 'Comparator areas’ crimes per 1,000 residents',
  definition:
    'Each comparator area’s crimes per 1,000 residents for the category in the year the period ends, from the comparators file (area_code is the comparator’s code); exact Poisson / Byar’s 95% CI. These are the rates the area is ranked among.',
  numerator: { from: 'agg_police_comparators', measure: 'count', text: 'the comparator’s crimes' },
  denominator: {
    from: 'dim_area_population',
    measure: 'sum(population)',
    text: 'the comparator’s residents',
  },
  unit: 'per_1000',
  method: 'byar',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs: [POLICE_CRIMES, 'geography', 'population', 'comparators'],
  disclosure: ['numerator'],
};

interface PeerCount extends Record<string, unknown> {
  category: string;
  area_code: string;
  crimes: number;
  residents: number;
}

/**
 * Why a category has no comparator to rank the area among, or null when it has one: the
 * rows of the year the period ends, peers without residents left out (they have no rate).
 */
export function noComparatorsNote(
  peers: readonly PeerCount[],
  category: string,
  periodEnd: string,
): string | null {
  const year = periodEnd.slice(0, 4);
  const rows = peers.filter((p) => p.category === category);
  if (rows.length === 0) {
    return `not available: the comparators file has no rows for this category in ${year}`;
  }
  if (!rows.some((p) => num(p.residents) > 0)) {
    return `not available: the comparators file gives no residents for this category in ${year}`;
  }
  return null;
}

export const family = defineFamily({
  name: 'police-comparators',
  order: 50,
  indicators: [comparatorRate],
  async compute(context) {
    const peers = await aggregate<PeerCount>(context, 'police_comparators');
    // The categories with the area's crimes, as every other police family has them.
    const own = await aggregate<{ category: string }>(context, 'police_period_counts');
    const uncovered = own.flatMap(({ category }) => {
      const note = noComparatorsNote(peers, category, context.period.end);
      return note ? [notRunRow(context, comparatorRate, category, 'not_available', note)] : [];
    });
    // The rank leaves out peers without residents; so does the chart of its inputs.
    const rates = peers
      .filter((peer) => num(peer.residents) > 0)
      .map((peer) =>
        indicatorRow(context, comparatorRate, {
          category: peer.category,
          area_code: peer.area_code,
          numerator: num(peer.crimes),
          denominator: num(peer.residents),
          ...fromEstimate(
            crudeRate({
              count: num(peer.crimes),
              denominator: num(peer.residents),
              multiplier: 1000,
            }),
          ),
        }),
      );
    return [...rates, ...uncovered];
  },
});
