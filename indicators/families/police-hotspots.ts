/**
 * Police place on the map: each LSOA's crime rate (the choropleth), and hotspots tested with
 * Getis–Ord Gi* over queen neighbours from the LSOA boundaries, corrected for testing every LSOA
 * (Benjamini–Hochberg at 5%), with the share of the category's crimes the hot LSOAs hold.
 */
import {
  defineFamily,
  type IndicatorContext,
  type IndicatorDefinition,
  type IndicatorRow,
  POLICE_CRIMES,
} from '../define.js';
import { HOTSPOT_FDR, type HotspotResult, MIN_HOTSPOT_CRIMES, testHotspots } from '../hotspots.js';
import { crudeRate, proportion } from '../methods/index.js';
import { aggregate, fromEstimate, indicatorRow, noResidentsNote, notRunRow, num } from '../rows.js';

export const rateByLsoa: IndicatorDefinition = {
  id: 'police.rate_by_lsoa',
  title: 'Crimes per 1,000 residents by LSOA',
  definition:
    'Crimes in the period in each of the area’s LSOAs per 1,000 of its residents, exact Poisson / Byar’s 95% CI: the choropleth map.',
  numerator: { from: 'agg_police_by_lsoa', measure: 'crimes', text: 'crimes in the LSOA' },
  denominator: { from: 'agg_police_by_lsoa', measure: 'residents', text: 'residents of the LSOA' },
  unit: 'per_1000',
  method: 'byar',
  polarity: 'higher_is_worse',
  breakdowns: ['lsoa'],
  needs: [POLICE_CRIMES, 'geography', 'population'],
  disclosure: ['numerator'],
};

const BOUNDARIES = { config: 'reference.boundaries.lsoa' } as const;

export const hotspotGi: IndicatorDefinition = {
  id: 'police.hotspot_gi',
  title: 'Hotspot z-score (Getis–Ord Gi*) by LSOA',
  definition: `Getis–Ord Gi* z-score of each LSOA’s crimes in the period over its queen neighbourhood (itself and the area’s LSOAs sharing an edge or a corner), binary weights, analytical variance; two-sided normal p-value, Benjamini–Hochberg false discovery rate ${100 * HOTSPOT_FDR}% across the area’s LSOAs. significance: higher = hot spot, lower = cold spot. Not run for a category with fewer than ${MIN_HOTSPOT_CRIMES} crimes.`,
  numerator: {
    from: 'agg_police_by_lsoa',
    measure: 'crimes',
    text: 'crimes in the LSOA and its queen neighbours',
  },
  denominator: {
    from: 'agg_lsoa_neighbourhoods',
    measure: 'neighbours',
    text: 'the area’s crimes per LSOA (mean and spread), over the LSOAs with a boundary',
  },
  unit: 'z',
  method: 'getis_ord_gi_star',
  polarity: 'higher_is_worse',
  breakdowns: ['lsoa'],
  needs: [POLICE_CRIMES, 'geography', BOUNDARIES],
  disclosure: [],
};

export const hotspotShare: IndicatorDefinition = {
  id: 'police.hotspot_share',
  title: 'Share of crimes in hotspot LSOAs',
  definition:
    'Share (%) of the category’s crimes in the area’s LSOAs with a boundary that fall in hot-spot LSOAs (police.hotspot_gi significance higher); Wilson 95% CI.',
  numerator: { from: 'agg_police_by_lsoa', measure: 'crimes', text: 'crimes in hot-spot LSOAs' },
  denominator: {
    from: 'agg_police_by_lsoa',
    measure: 'sum(crimes)',
    text: 'crimes in the LSOAs tested',
  },
  unit: 'percent',
  method: 'wilson',
  polarity: 'none',
  breakdowns: ['none'],
  needs: [POLICE_CRIMES, 'geography', BOUNDARIES],
  disclosure: ['numerator', 'complement'],
};

export const hotspotLsoaShare: IndicatorDefinition = {
  id: 'police.hotspot_lsoa_share',
  title: 'Share of LSOAs that are hot spots',
  definition:
    'Share (%) of the area’s LSOAs tested (those with a boundary) that are hot spots of the category (police.hotspot_gi significance higher); Wilson 95% CI.',
  numerator: {
    from: 'agg_lsoa_neighbourhoods',
    measure: 'count',
    text: 'hot-spot LSOAs',
    counts: 'areas',
  },
  denominator: {
    from: 'agg_lsoa_neighbourhoods',
    measure: 'count',
    text: 'the area’s LSOAs with a boundary',
    counts: 'areas',
  },
  unit: 'percent',
  method: 'wilson',
  polarity: 'none',
  breakdowns: ['none'],
  needs: [POLICE_CRIMES, 'geography', BOUNDARIES],
  disclosure: [],
};

interface LsoaCount extends Record<string, unknown> {
  category: string;
  lsoa_code: string;
  crimes: number;
  residents: number | null;
}
interface Neighbourhood extends Record<string, unknown> {
  lsoa_code: string;
  neighbours: string;
}
interface Coverage extends Record<string, unknown> {
  level: string;
  usable: boolean;
  reason: string | null;
}

function rateRows(context: IndicatorContext, category: string, lsoas: readonly LsoaCount[]) {
  return lsoas.map((lsoa) => {
    const residents = num(lsoa.residents);
    const fields = { category, breakdown: 'lsoa' as const, breakdown_value: lsoa.lsoa_code };
    if (residents <= 0) {
      return indicatorRow(context, rateByLsoa, {
        ...fields,
        numerator: num(lsoa.crimes),
        note: noResidentsNote(),
        status: 'not_applicable',
      });
    }
    return indicatorRow(context, rateByLsoa, {
      ...fields,
      numerator: num(lsoa.crimes),
      denominator: residents,
      ...fromEstimate(
        crudeRate({ count: num(lsoa.crimes), denominator: residents, multiplier: 1000 }),
      ),
    });
  });
}

const SIGNIFICANCE = { hot: 'higher', cold: 'lower', 'not significant': 'similar' } as const;

const pText = (p: number) => (p < 0.0001 ? '< 0.0001' : `= ${p.toPrecision(2)}`);

function giRow(context: IndicatorContext, category: string, result: HotspotResult): IndicatorRow {
  const tested = result.z !== null && result.p !== null && result.adjusted !== null;
  return indicatorRow(context, hotspotGi, {
    category,
    breakdown: 'lsoa',
    breakdown_value: result.code,
    value: result.z,
    significance: tested ? SIGNIFICANCE[result.class] : null,
    note: tested
      ? `${result.class}: p ${pText(result.p ?? 1)}, FDR-adjusted p ${pText(result.adjusted ?? 1)} (Benjamini–Hochberg, ${100 * HOTSPOT_FDR}%); ${result.neighbours} neighbours`
      : 'no z-score: every LSOA has the same count',
    ...(tested ? {} : { status: 'not_applicable' as const }),
  });
}

/** The category's rows when the test cannot run: one row of each indicator saying why. */
function notRun(
  context: IndicatorContext,
  category: string,
  note: string,
  status: 'not_available' | 'not_applicable',
): IndicatorRow[] {
  return [hotspotGi, hotspotShare, hotspotLsoaShare].map((definition) =>
    notRunRow(context, definition, category, status, note),
  );
}

function hotspotRows(
  context: IndicatorContext,
  category: string,
  lsoas: readonly LsoaCount[],
  neighbourhoods: ReadonlyMap<string, readonly string[]>,
): IndicatorRow[] {
  const units = lsoas
    .filter((l) => neighbourhoods.has(l.lsoa_code))
    .map((l) => ({
      code: l.lsoa_code,
      crimes: num(l.crimes),
      neighbours: neighbourhoods.get(l.lsoa_code) ?? [],
    }));
  const total = units.reduce((sum, u) => sum + u.crimes, 0);
  if (units.length < 2) {
    return notRun(context, category, 'fewer than two LSOAs with a boundary', 'not_applicable');
  }
  if (total < MIN_HOTSPOT_CRIMES) {
    return notRun(
      context,
      category,
      `fewer than ${MIN_HOTSPOT_CRIMES} crimes: too few for a hotspot test`,
      'not_applicable',
    );
  }
  const results = testHotspots(units);
  const hot = results.filter((r) => r.class === 'hot');
  const inHot = hot.reduce((sum, r) => sum + r.crimes, 0);
  const estimate = fromEstimate(proportion({ count: inHot, denominator: total }));
  const left = lsoas.length - units.length;
  const without = left > 0 ? `; ${left} of the area's LSOAs have no boundary and are left out` : '';
  return [
    ...results.map((r) => giRow(context, category, r)),
    indicatorRow(context, hotspotShare, {
      category,
      numerator: inHot,
      denominator: total,
      ...estimate,
      note:
        [
          estimate.note,
          hot.length === 0 ? 'no significant hot spot' : `${hot.length} hot-spot LSOAs`,
        ]
          .filter(Boolean)
          .join('; ') + without,
    }),
    indicatorRow(context, hotspotLsoaShare, {
      category,
      numerator: hot.length,
      denominator: units.length,
      ...fromEstimate(proportion({ count: hot.length, denominator: units.length })),
    }),
  ];
}

export const family = defineFamily({
  name: 'police-hotspots',
  order: 32,
  indicators: [rateByLsoa, hotspotGi, hotspotShare, hotspotLsoaShare],
  async compute(context) {
    const lsoas = await aggregate<LsoaCount>(context, 'police_by_lsoa');
    const categories = [...new Set(lsoas.map((l) => l.category))];
    const rates = categories.flatMap((category) =>
      rateRows(
        context,
        category,
        lsoas.filter((l) => l.category === category),
      ),
    );
    if (!context.config.boundaries.lsoa) return rates;
    const coverage = (await aggregate<Coverage>(context, 'boundary_coverage')).find(
      (c) => c.level === 'lsoa',
    );
    if (coverage && !coverage.usable) {
      const reason = `not available: ${coverage.reason ?? 'the LSOA boundaries do not match the area'}`;
      return [...rates, ...categories.flatMap((c) => notRun(context, c, reason, 'not_available'))];
    }
    const neighbourhoods = new Map(
      (await aggregate<Neighbourhood>(context, 'lsoa_neighbourhoods')).map((n) => [
        n.lsoa_code,
        n.neighbours ? n.neighbours.split(',') : [],
      ]),
    );
    return [
      ...rates,
      ...categories.flatMap((category) =>
        hotspotRows(
          context,
          category,
          lsoas.filter((l) => l.category === category),
          neighbourhoods,
        ),
      ),
    ];
  },
});
