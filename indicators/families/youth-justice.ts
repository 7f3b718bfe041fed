/** Youth justice: the cohort of children, their offences, outcomes and first-time entrants. */
import { YOUTH_JUSTICE_CATEGORY } from '../categories.js';
import { defineFamily, type IndicatorDefinition, type IndicatorRow } from '../define.js';
import { crudeRate, meanCi, proportion } from '../methods/index.js';
import { aggregate, fromEstimate, indicatorRow, noResidentsNote, num } from '../rows.js';

const CATEGORY = YOUTH_JUSTICE_CATEGORY;
const base = {
  categories: [YOUTH_JUSTICE_CATEGORY],
  polarity: 'none',
  breakdowns: ['none'],
  needs: ['youth_justice'],
  disclosure: ['numerator'],
  unit: 'count',
  method: 'count',
  denominator: null,
} as const;

export const yjChildren: IndicatorDefinition = {
  ...base,
  id: 'yj.children',
  title: 'Children who offended',
  definition: 'Distinct children (child_ref) with an offence in the period.',
  numerator: { from: 'agg_yj_summary', measure: 'count', text: 'distinct children' },
  disclosure: ['value', 'numerator'],
};
export const yjOffences: IndicatorDefinition = {
  ...base,
  id: 'yj.offences',
  title: 'Offences by children',
  definition: 'Offences by children in the period.',
  numerator: { from: 'agg_yj_summary', measure: 'count', text: 'offences' },
  disclosure: ['value', 'numerator'],
};
export const yjOffenceMix: IndicatorDefinition = {
  ...base,
  id: 'yj.offence_mix',
  title: 'Offences by category',
  definition: 'Share (%) of the period’s offences in each offence category; Wilson 95% CI.',
  numerator: { from: 'agg_yj_summary', measure: 'count', text: 'offences in the category' },
  denominator: { from: 'agg_yj_summary', measure: 'count', text: 'offences' },
  unit: 'percent',
  method: 'wilson',
  breakdowns: ['offence_category'],
};
export const yjMeanAge: IndicatorDefinition = {
  ...base,
  id: 'yj.mean_age',
  title: 'Mean age at offence',
  definition: 'Mean age at offence over the period’s offences; Student’s t 95% CI.',
  numerator: { from: 'agg_yj_summary', measure: 'count', text: '' },
  denominator: { from: 'agg_yj_summary', measure: 'count', text: 'offences' },
  unit: 'years',
  method: 't',
  // A mean over 1 to 4 offences tells of those children's ages: the count is the denominator.
  disclosure: ['denominator'],
};
export const yjMale: IndicatorDefinition = {
  ...base,
  id: 'yj.male_pct',
  title: 'Children who are male',
  definition: 'Share (%) of distinct children of known sex who are male; Wilson 95% CI.',
  numerator: { from: 'agg_yj_summary', measure: 'count', text: 'male children' },
  denominator: { from: 'agg_yj_summary', measure: 'count', text: 'children of known sex' },
  unit: 'percent',
  method: 'wilson',
  disclosure: ['numerator', 'complement'],
};
export const yjByLocality: IndicatorDefinition = {
  ...base,
  id: 'yj.by_locality',
  title: 'Offences by locality',
  definition: 'Share (%) of the period’s offences in each locality; Wilson 95% CI.',
  numerator: { from: 'agg_yj_summary', measure: 'count', text: 'offences in the locality' },
  denominator: { from: 'agg_yj_summary', measure: 'count', text: 'offences' },
  unit: 'percent',
  method: 'wilson',
  breakdowns: ['locality'],
};
export const yjFteRate: IndicatorDefinition = {
  ...base,
  id: 'yj.fte_rate_per_100000',
  title: 'First-time entrants per 100,000 aged 10–17',
  definition:
    'Distinct children flagged as first-time entrants in the period per 100,000 residents aged 10–17; exact Poisson / Byar’s 95% CI.',
  numerator: { from: 'agg_yj_summary', measure: 'count', text: 'first-time entrants' },
  denominator: {
    from: 'dim_area_population',
    measure: 'sum(population)',
    text: 'residents aged 10–17',
  },
  unit: 'per_100000',
  method: 'byar',
  polarity: 'higher_is_worse',
  needs: ['youth_justice', 'geography', 'population'],
};
export const yjOoc: IndicatorDefinition = {
  ...base,
  id: 'yj.ooc_pct',
  title: 'Out-of-court outcomes',
  definition:
    'Share (%) of offences with a known outcome that had an out-of-court outcome (community resolution, youth caution, youth conditional caution); Wilson 95% CI.',
  numerator: {
    from: 'agg_yj_summary',
    measure: 'count',
    text: 'offences with an out-of-court outcome',
  },
  denominator: { from: 'agg_yj_summary', measure: 'count', text: 'offences with a known outcome' },
  unit: 'percent',
  method: 'wilson',
  disclosure: ['numerator', 'complement'],
};

interface Summary extends Record<string, number | null> {
  children: number;
  offences: number;
  male_children: number;
  sexed_children: number;
  fte_children: number;
  mean_age: number | null;
  sd_age: number | null;
  out_of_court: number;
  outcomes_known: number;
  residents_10_17: number | null;
}
interface Mix extends Record<string, unknown> {
  breakdown: 'offence_category' | 'locality';
  breakdown_value: string;
  offences: number;
  total: number;
}

export const family = defineFamily({
  name: 'youth-justice',
  order: 100,
  indicators: [
    yjChildren,
    yjOffences,
    yjOffenceMix,
    yjMeanAge,
    yjMale,
    yjByLocality,
    yjFteRate,
    yjOoc,
  ],
  async compute(context) {
    const [s] = await aggregate<Summary>(context, 'yj_summary');
    if (!s) return [];
    const category = CATEGORY;
    const share = (
      definition: IndicatorDefinition,
      n: unknown,
      d: unknown,
      extra: Partial<IndicatorRow> = {},
    ) =>
      indicatorRow(context, definition, {
        category,
        numerator: num(n),
        denominator: num(d),
        ...fromEstimate(proportion({ count: num(n), denominator: num(d) })),
        ...extra,
      });
    const rows: IndicatorRow[] = [
      indicatorRow(context, yjChildren, {
        category,
        numerator: num(s.children),
        value: num(s.children),
      }),
      indicatorRow(context, yjOffences, {
        category,
        numerator: num(s.offences),
        value: num(s.offences),
      }),
      indicatorRow(context, yjMeanAge, {
        category,
        denominator: num(s.offences),
        ...(s.mean_age === null
          ? { note: 'no offences in the period' }
          : fromEstimate(meanCi({ mean: s.mean_age, sd: num(s.sd_age), n: num(s.offences) }))),
      }),
      share(yjMale, s.male_children, s.sexed_children),
      share(yjOoc, s.out_of_court, s.outcomes_known),
      indicatorRow(context, yjFteRate, {
        category,
        numerator: num(s.fte_children),
        denominator: s.residents_10_17,
        ...(s.residents_10_17
          ? fromEstimate(
              crudeRate({
                count: num(s.fte_children),
                denominator: s.residents_10_17,
                multiplier: 100000,
              }),
            )
          : { note: noResidentsNote('residents aged 10–17') }),
      }),
    ];
    for (const m of await aggregate<Mix>(context, 'yj_mix')) {
      const definition = m.breakdown === 'offence_category' ? yjOffenceMix : yjByLocality;
      rows.push(
        share(definition, m.offences, m.total, {
          breakdown: m.breakdown,
          breakdown_value: m.breakdown_value,
        }),
      );
    }
    return rows;
  },
});
