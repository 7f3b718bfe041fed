/**
 * Police place: where crime concentrates (beats, the top 10% of LSOAs), how it follows
 * deprivation (rate by IMD decile, Spearman rho), which wards stand out (`police-wards.ts`) and
 * how the area compares with its peers (`police-peers.ts`).
 */
import {
  defineFamily,
  type IndicatorContext,
  type IndicatorDefinition,
  type IndicatorRow,
  type Measure,
  POLICE_CRIMES,
} from '../define.js';
import { crudeRate, proportion, spearman } from '../methods/index.js';
import { aggregate, fromEstimate, indicatorRow, num } from '../rows.js';
import {
  comparatorsCombinedRate,
  type LeftOut,
  type OwnCount,
  type PeerCount,
  peerRows,
  rankAmongComparators,
} from './police-peers.js';
import { rateByWard, wardRows } from './police-wards.js';

const share = (
  id: string,
  title: string,
  definition: string,
  numerator: Measure,
  denominator: Measure,
  breakdowns: IndicatorDefinition['breakdowns'],
  needs: IndicatorDefinition['needs'] = ['police_crimes', 'geography'],
  disclosure: IndicatorDefinition['disclosure'] = ['numerator'],
): IndicatorDefinition => ({
  id,
  title,
  definition,
  numerator,
  denominator,
  unit: 'percent',
  method: 'wilson',
  polarity: 'none',
  breakdowns,
  needs,
  disclosure,
});

export const byBeat = share(
  'police.by_beat',
  'Share of crimes by beat',
  'Each beat’s share (%) of the category’s crimes in the period with a known beat.',
  { from: 'agg_police_by_beat', measure: 'crimes', text: 'crimes in the beat' },
  { from: 'agg_police_by_beat', measure: 'sum(crimes)', text: 'crimes with a known beat' },
  ['beat'],
);
export const topBeatShare = share(
  'police.top_beat_share',
  'Share in the top beat',
  'The share (%) of crimes with a known beat that fall in the beat with most crimes.',
  { from: 'agg_police_by_beat', measure: 'max(crimes)', text: 'crimes in the top beat' },
  { from: 'agg_police_by_beat', measure: 'sum(crimes)', text: 'crimes with a known beat' },
  ['beat'],
  undefined,
  // The rest are the crimes in every other beat: 10 of 12 would tell of 2 that by_beat blanks.
  ['numerator', 'complement'],
);
export const top10pctLsoaShare = share(
  'police.top10pct_lsoa_share',
  'Share in the top 10% of LSOAs',
  'The share (%) of crimes with a known LSOA that fall in the ceil(10%) of the area’s LSOAs with most crimes (all the area’s LSOAs count, including those with none).',
  { from: 'agg_police_by_lsoa', measure: 'crimes', text: 'crimes in the top 10% of LSOAs' },
  { from: 'agg_police_by_lsoa', measure: 'sum(crimes)', text: 'crimes with a known LSOA' },
  ['none'],
  [POLICE_CRIMES, 'geography'],
  ['numerator', 'complement'],
);

export const rateByImdDecile: IndicatorDefinition = {
  id: 'police.rate_by_imd_decile',
  title: 'Crimes per 1,000 residents by deprivation decile',
  definition:
    'Crimes in the period per 1,000 residents of the area’s LSOAs in each IMD decile (1 = most deprived), with exact Poisson / Byar’s 95% CIs.',
  numerator: { from: 'agg_police_by_lsoa', measure: 'count', text: 'crimes in the decile’s LSOAs' },
  denominator: {
    from: 'dim_area_population',
    measure: 'sum(population)',
    text: 'residents of the decile’s LSOAs',
  },
  unit: 'per_1000',
  method: 'byar',
  polarity: 'higher_is_worse',
  breakdowns: ['imd_decile'],
  needs: [POLICE_CRIMES, 'geography', 'population', 'imd'],
  disclosure: ['numerator'],
};

export const imdSpearman: IndicatorDefinition = {
  id: 'police.imd_spearman',
  title: 'Correlation of crime with deprivation',
  definition:
    'Spearman’s rho between the area’s LSOA crime rates per 1,000 and IMD rank (ties averaged); negative means more crime where more deprived.',
  numerator: { from: 'agg_police_by_lsoa', measure: 'count', text: '' },
  denominator: {
    from: 'dim_area_population',
    measure: 'sum(population)',
    text: 'LSOAs with residents',
  },
  unit: 'rho',
  method: 'spearman',
  polarity: 'none',
  breakdowns: ['none'],
  needs: [POLICE_CRIMES, 'geography', 'population', 'imd'],
  disclosure: [],
};

interface BeatCount extends Record<string, unknown> {
  category: string;
  beat: string;
  crimes: number;
}
interface LsoaCount extends Record<string, unknown> {
  category: string;
  lsoa_code: string;
  crimes: number;
  residents: number | null;
  ward_code: string | null;
  ward_name: string | null;
  imd_rank: number | null;
  imd_decile: number | null;
}
function beatRows(context: IndicatorContext, category: string, beats: BeatCount[]): IndicatorRow[] {
  const known = beats.reduce((s, b) => s + num(b.crimes), 0);
  if (known === 0) return [];
  const rows = beats.map((b) =>
    indicatorRow(context, byBeat, {
      category,
      breakdown: 'beat',
      breakdown_value: b.beat,
      numerator: num(b.crimes),
      denominator: known,
      ...fromEstimate(proportion({ count: num(b.crimes), denominator: known })),
    }),
  );
  const [top] = beats; // ordered by crimes desc, then beat
  if (top) {
    rows.push(
      indicatorRow(context, topBeatShare, {
        category,
        breakdown: 'beat',
        breakdown_value: top.beat,
        numerator: num(top.crimes),
        denominator: known,
        ...fromEstimate(proportion({ count: num(top.crimes), denominator: known })),
      }),
    );
  }
  return rows;
}

/**
 * When the LSOAs with any crime are no more than the top 10% holds, every crime is in the top
 * 10% whatever the pattern (5 crimes in 60 LSOAs: 100%, 5 of 5): a share that says nothing of
 * concentration. The note says so, without the number of LSOAs with crime (with a small count
 * that would tell how the crimes are spread); the headline leaves a 100% share out.
 */
function byConstructionNote(lsoas: readonly LsoaCount[], top: number): string | null {
  const withCrime = lsoas.filter((l) => num(l.crimes) > 0).length;
  if (withCrime > top) return null;
  return `100% by construction: the crimes lie in no more LSOAs than the top 10% (${top} of the area's ${lsoas.length} LSOAs) holds`;
}

function lsoaRows(context: IndicatorContext, category: string, lsoas: LsoaCount[]): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  const known = lsoas.reduce((s, l) => s + num(l.crimes), 0);
  if (known > 0) {
    const top = Math.ceil(0.1 * lsoas.length);
    const inTop = [...lsoas]
      .sort((a, b) => num(b.crimes) - num(a.crimes))
      .slice(0, top)
      .reduce((s, l) => s + num(l.crimes), 0);
    const estimate = fromEstimate(proportion({ count: inTop, denominator: known }));
    rows.push(
      indicatorRow(context, top10pctLsoaShare, {
        category,
        numerator: inTop,
        denominator: known,
        ...estimate,
        note: [estimate.note, byConstructionNote(lsoas, top)].filter(Boolean).join('; ') || null,
      }),
    );
  }
  const ranked = lsoas.filter((l) => l.imd_rank !== null && num(l.residents) > 0);
  if (ranked.length === 0) return rows;
  for (let decile = 1; decile <= 10; decile++) {
    const inDecile = ranked.filter((l) => num(l.imd_decile) === decile);
    if (inDecile.length === 0) continue;
    const crimes = inDecile.reduce((s, l) => s + num(l.crimes), 0);
    const residents = inDecile.reduce((s, l) => s + num(l.residents), 0);
    rows.push(
      indicatorRow(context, rateByImdDecile, {
        category,
        breakdown: 'imd_decile',
        breakdown_value: String(decile),
        numerator: crimes,
        denominator: residents,
        ...fromEstimate(crudeRate({ count: crimes, denominator: residents, multiplier: 1000 })),
      }),
    );
  }
  const rho = spearman(
    ranked.map((l) => (1000 * num(l.crimes)) / num(l.residents)),
    ranked.map((l) => num(l.imd_rank)),
  );
  rows.push(
    indicatorRow(context, imdSpearman, {
      category,
      denominator: ranked.length,
      ...fromEstimate(rho),
    }),
  );
  return rows;
}

export const family = defineFamily({
  name: 'police-place',
  order: 30,
  indicators: [
    byBeat,
    topBeatShare,
    top10pctLsoaShare,
    rateByImdDecile,
    imdSpearman,
    rankAmongComparators,
    comparatorsCombinedRate,
    rateByWard,
  ],
  async compute(context) {
    const beats = await aggregate<BeatCount>(context, 'police_by_beat');
    const lsoas = await aggregate<LsoaCount>(context, 'police_by_lsoa');
    const peers = await aggregate<PeerCount>(context, 'police_comparators');
    const counts = await aggregate<OwnCount>(context, 'police_period_counts');
    const leftOut = await aggregate<LeftOut>(context, 'comparators_left_out');
    const categories = [...new Set(lsoas.map((l) => l.category))];
    return categories.flatMap((category) => {
      const mine = lsoas.filter((l) => l.category === category);
      return [
        ...beatRows(
          context,
          category,
          beats.filter((b) => b.category === category),
        ),
        ...lsoaRows(context, category, mine),
        ...wardRows(context, category, mine),
        ...peerRows(
          context,
          category,
          counts.find((c) => c.category === category),
          peers.filter((p) => p.category === category),
          leftOut,
        ),
      ];
    });
  },
});
