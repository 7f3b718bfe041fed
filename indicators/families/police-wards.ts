/**
 * Crime rates by ward, placed on a funnel plot: which wards stand out from the area's average
 * by more than chance would allow for their size. Computed in the police-place family from its
 * per-LSOA counts (one scan of the period's crimes serves both).
 */

import { areaLabels } from '../area-labels.js';
import {
  type IndicatorContext,
  type IndicatorDefinition,
  type IndicatorRow,
  POLICE_CRIMES,
} from '../define.js';
import { crudeRate, funnelRateSignificance } from '../methods/index.js';
import { fromEstimate, indicatorRow, num } from '../rows.js';

export const rateByWard: IndicatorDefinition = {
  id: 'police.rate_by_ward',
  title: 'Crimes per 1,000 residents by ward',
  definition:
    'Crimes in the period with a known LSOA per 1,000 residents of each ward’s LSOAs in the area, exact Poisson / Byar’s 95% CI. The row with breakdown none is the funnel’s centre line: all the wards’ crimes ÷ all their residents. significance places each ward on PHE’s funnel plot (assign_funnel_significance): higher or lower when the average lies outside the ward’s 95% interval, similar otherwise; the note says when it lies outside the 99.8% interval too.',
  numerator: { from: 'agg_police_by_lsoa', measure: 'count', text: 'crimes in the ward’s LSOAs' },
  denominator: {
    from: 'dim_area_population',
    measure: 'sum(population)',
    text: 'residents of the ward’s LSOAs',
  },
  unit: 'per_1000',
  method: 'byar',
  polarity: 'higher_is_worse',
  breakdowns: ['none', 'ward'],
  needs: [POLICE_CRIMES, 'geography', 'population'],
  disclosure: ['numerator'],
};

/** One area LSOA's crimes and residents, with its ward (from `police_by_lsoa`). */
export interface WardLsoa {
  crimes: number;
  residents: number | null;
  ward_code: string | null;
  ward_name: string | null;
}

interface Ward {
  code: string;
  name: string;
  count: number;
  denominator: number;
}

/** Wards with residents, each summed over its LSOAs; LSOAs without a ward are left out. */
function wardsOf(lsoas: readonly WardLsoa[]): Ward[] {
  const wards = new Map<string, Ward>();
  for (const lsoa of lsoas) {
    if (!lsoa.ward_code) continue;
    const ward = wards.get(lsoa.ward_code) ?? {
      code: lsoa.ward_code,
      name: lsoa.ward_name?.trim() || lsoa.ward_code,
      count: 0,
      denominator: 0,
    };
    ward.count += num(lsoa.crimes);
    ward.denominator += num(lsoa.residents);
    wards.set(lsoa.ward_code, ward);
  }
  return [...wards.values()].filter((w) => w.denominator > 0);
}

/** The note of a ward outside the 99.8% limits (PHE's "(0.001)"); the ward funnel chart names them. */
export const OUTSIDE_998_NOTE = 'outside the 99.8% funnel limits';

const SIGNIFICANCE = {
  'High (0.001)': 'higher',
  'High (0.025)': 'higher',
  'Low (0.001)': 'lower',
  'Low (0.025)': 'lower',
  'Not significant': 'similar',
} as const;

/** The wards' rates and their average, for one category; none with fewer than two wards. */
export function wardRows(
  context: IndicatorContext,
  category: string,
  lsoas: readonly WardLsoa[],
): IndicatorRow[] {
  const wards = wardsOf(lsoas);
  if (wards.length < 2) return [];
  // Labelled over every ward of the area, with residents or not, as the maps label them.
  const label = areaLabels(
    lsoas.flatMap((l) => (l.ward_code ? [{ code: l.ward_code, name: l.ward_name }] : [])),
  );
  // The funnel's centre line pools the wards (PHE: Σ events ÷ Σ denominators, not a mean rate).
  const count = wards.reduce((sum, w) => sum + w.count, 0);
  const denominator = wards.reduce((sum, w) => sum + w.denominator, 0);
  const average = count / denominator;
  const rate = (c: number, d: number) =>
    fromEstimate(crudeRate({ count: c, denominator: d, multiplier: 1000 }));
  return [
    indicatorRow(context, rateByWard, {
      category,
      numerator: count,
      denominator,
      ...rate(count, denominator),
      note: `funnel centre line over ${wards.length} wards`,
    }),
    ...wards.map((ward) => {
      const funnel = funnelRateSignificance({ ...ward, average });
      return indicatorRow(context, rateByWard, {
        category,
        breakdown: 'ward',
        breakdown_value: label.get(ward.code) ?? ward.code,
        numerator: ward.count,
        denominator: ward.denominator,
        ...rate(ward.count, ward.denominator),
        significance: SIGNIFICANCE[funnel],
        note: funnel.endsWith('(0.001)') ? OUTSIDE_998_NOTE : null,
      });
    }),
  ];
}
