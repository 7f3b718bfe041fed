/**
 * National mode (docs/contract.md#national-mode): every district's (or group's) police.uk rate
 * per 1,000 over the assessment period, England's rate, and the area's rank among the districts
 * with complete data, from `fct_national_units` (which computes rates, intervals, funnel labels
 * and ranks set-based in SQL with the methods of indicators/methods). Only in national mode: a
 * run without `comparators:` or `national:` writes none of these rows.
 */
import { isNationalMode } from '../../core/config.js';
import type {
  IndicatorContext,
  IndicatorDefinition,
  IndicatorRow,
  Significance,
} from '../define.js';
import { defineFamily } from '../define.js';
import { crudeRate, EXACT_BELOW } from '../methods/index.js';
import { fromEstimate, indicatorRow, num } from '../rows.js';

const NEEDS = ['police_uk_street', 'geography', 'population'] as const;

export const districtRate: IndicatorDefinition = {
  id: 'police.district_rate_per_1000',
  title: 'Crimes per 1,000 residents, every district',
  definition:
    'Each district’s (or configured group’s) police.uk crimes per 1,000 residents over exactly the assessment period’s months (area_code is the unit’s code); exact Poisson / Byar’s 95% CI. significance is the PHE funnel against England’s rate at the unit’s population: higher or lower outside the 95% limits (the note says when outside the 99.8% limits too). Units whose force does not cover every month, or without residents, are listed as not available with the reason.',
  numerator: {
    from: 'fct_national_units',
    measure: 'crimes',
    text: 'the unit’s crimes in the period',
  },
  denominator: {
    from: 'fct_national_units',
    measure: 'population',
    text: 'the unit’s residents (population of the year the period ends)',
  },
  unit: 'per_1000',
  method: 'byar',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs: NEEDS,
  disclosure: ['numerator'],
};

export const englandRate: IndicatorDefinition = {
  id: 'police.england_rate_per_1000',
  title: 'England: crimes per 1,000 residents',
  definition:
    'Crimes per 1,000 residents of the English districts with complete data taken together (all their crimes ÷ all their residents; area_code E92000001); exact Poisson / Byar’s 95% CI. The centre line of the England funnel.',
  numerator: {
    from: 'fct_national_units',
    measure: 'crimes',
    text: 'crimes in complete English districts',
  },
  denominator: {
    from: 'fct_national_units',
    measure: 'population',
    text: 'residents of complete English districts',
  },
  unit: 'per_1000',
  method: 'byar',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs: NEEDS,
  disclosure: ['numerator'],
};

export const rankInEngland: IndicatorDefinition = {
  id: 'police.rank_in_england',
  comparison: 'other_areas',
  title: 'Rank among districts with complete data',
  definition:
    'Rank of the area’s rate per 1,000 among every district (or group) with complete data and residents for the same category and period (1 = lowest rate; ties share); denominator is the number ranked. significance is the area’s funnel label against England’s rate at 95%.',
  numerator: { from: 'fct_national_units', measure: 'rank', text: '' },
  denominator: { from: 'fct_national_units', measure: 'ranked_of', text: 'districts ranked' },
  unit: 'rank',
  method: 'rank',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs: NEEDS,
  disclosure: [],
};

/** England's code (ONS country code). */
export const ENGLAND_CODE = 'E92000001';

export type FunnelLabel = 'higher_99_8' | 'higher_95' | 'similar' | 'lower_95' | 'lower_99_8';

/** One row of fct_national_units as the family reads it. */
export interface NationalUnit extends Record<string, unknown> {
  unit_code: string;
  unit_name: string;
  is_area: boolean;
  category: string;
  crimes: number;
  population: number | null;
  rate_per_1000: number | null;
  lower_95: number | null;
  upper_95: number | null;
  funnel_significance: FunnelLabel | null;
  rank: number | null;
  ranked_of: number | null;
  coverage: string;
  coverage_note: string | null;
}

/** The funnel label as the contract's significance (95%), and the note when beyond 99.8%. */
export function funnelWords(label: FunnelLabel | null): {
  significance: Significance | null;
  note: string | null;
} {
  if (label === null) return { significance: null, note: null };
  const significance: Significance = label.startsWith('higher')
    ? 'higher'
    : label.startsWith('lower')
      ? 'lower'
      : 'similar';
  const note = label.endsWith('99_8')
    ? `${significance} than England beyond the funnel's 99.8% limits`
    : null;
  return { significance, note };
}

const notAvailable = (unit: NationalUnit) =>
  `not available: ${unit.coverage.replace('_', ' ')}${unit.coverage_note ? ` (${unit.coverage_note})` : ''}`;

function unitRow(context: IndicatorContext, unit: NationalUnit): IndicatorRow {
  if (unit.coverage !== 'complete') {
    return indicatorRow(context, districtRate, {
      category: unit.category,
      area_code: unit.unit_code,
      status: 'not_available',
      note: notAvailable(unit),
    });
  }
  const funnel = funnelWords(unit.funnel_significance);
  const crimes = num(unit.crimes);
  return indicatorRow(context, districtRate, {
    category: unit.category,
    area_code: unit.unit_code,
    numerator: crimes,
    denominator: num(unit.population),
    value: unit.rate_per_1000,
    lower_ci95: unit.lower_95,
    upper_ci95: unit.upper_95,
    method: crimes < EXACT_BELOW ? 'exact_poisson' : 'byar',
    significance: funnel.significance,
    note: funnel.note,
  });
}

function rankRow(context: IndicatorContext, unit: NationalUnit | undefined, category: string) {
  if (!unit || unit.rank === null || unit.coverage !== 'complete') {
    return indicatorRow(context, rankInEngland, {
      category,
      status: 'not_available',
      note: unit ? notAvailable(unit) : 'not available: the area is not in the national table',
    });
  }
  const funnel = funnelWords(unit.funnel_significance);
  return indicatorRow(context, rankInEngland, {
    category,
    value: num(unit.rank),
    denominator: num(unit.ranked_of),
    significance: funnel.significance,
    note: funnel.note,
  });
}

export const family = defineFamily({
  name: 'police-national',
  order: 55,
  indicators: [districtRate, englandRate, rankInEngland],
  when: isNationalMode,
  async compute(context) {
    const units = await context.db.all<NationalUnit>(
      'SELECT * FROM fct_national_units ORDER BY category, unit_code',
    );
    // England: complete English units pooled, as the funnel's centre line in fct_national_units.
    const england = await context.db.all<{ category: string; crimes: number; population: number }>(
      `SELECT category, sum(crimes)::DOUBLE AS crimes, sum(population)::DOUBLE AS population
       FROM fct_national_units WHERE rank IS NOT NULL AND country = 'E'
       GROUP BY category ORDER BY category`,
    );
    const categories = [...new Set(units.map((u) => u.category))];
    return [
      ...units.map((unit) => unitRow(context, unit)),
      ...england.map((e) =>
        indicatorRow(context, englandRate, {
          category: e.category,
          area_code: ENGLAND_CODE,
          numerator: num(e.crimes),
          denominator: num(e.population),
          ...fromEstimate(
            crudeRate({ count: num(e.crimes), denominator: num(e.population), multiplier: 1000 }),
          ),
        }),
      ),
      ...categories.map((category) =>
        rankRow(
          context,
          units.find((u) => u.is_area && u.category === category),
          category,
        ),
      ),
    ];
  },
});
