/**
 * Victims and offenders: age and sex profile over crime–person pairs, repeat victims, the sex
 * of repeat offenders, and offenders' disproportionality by ethnic group.
 */
import type { Source } from '../../core/config.js';
import {
  defineFamily,
  type IndicatorContext,
  type IndicatorDefinition,
  type IndicatorRow,
} from '../define.js';
import { katzLogRatio, proportion } from '../methods/index.js';
import { aggregate, fromEstimate, indicatorRow, num } from '../rows.js';

type Role = 'victim' | 'offender';
const sourceOf = (role: Role): Source =>
  role === 'victim' ? 'police_victims' : 'police_offenders';

function pairShare(
  role: Role,
  name: string,
  what: string,
  numerator: string,
  denominator: string,
): IndicatorDefinition {
  const plural = `${role}s`;
  return {
    id: `${plural}.${name}`,
    title: `${role === 'victim' ? 'Victims' : 'Offenders'} ${what}`,
    definition: `Share (%) of ${plural} of the category’s crimes in the period (one per crime–${role} pair) who are ${what}, over those with known ${denominator}; Wilson 95% CI.`,
    numerator: {
      from: 'agg_people_in_period',
      measure: 'count',
      text: `${role}–crime pairs ${numerator}`,
    },
    denominator: {
      from: 'agg_people_in_period',
      measure: 'count',
      text: `${role}–crime pairs with known ${denominator}`,
    },
    unit: 'percent',
    method: 'wilson',
    polarity: 'none',
    breakdowns: ['none'],
    needs: ['police_crimes', 'geography', sourceOf(role)],
    disclosure: ['numerator', 'complement'],
  };
}

export const victimsUnder25 = pairShare(
  'victim',
  'under_25_pct',
  'under 25',
  'aged under 25',
  'age',
);
export const victimsUnder18 = pairShare(
  'victim',
  'under_18_pct',
  'under 18',
  'aged under 18',
  'age',
);
export const victimsMale = pairShare('victim', 'male_pct', 'male', 'male', 'sex');
export const offendersUnder18 = pairShare(
  'offender',
  'under_18_pct',
  'under 18',
  'aged under 18',
  'age',
);
export const offendersUnder25 = pairShare(
  'offender',
  'under_25_pct',
  'under 25',
  'aged under 25',
  'age',
);
export const offendersMale = pairShare('offender', 'male_pct', 'male', 'male', 'sex');

export const victimsRepeat: IndicatorDefinition = {
  id: 'victims.repeat_pct',
  title: 'Repeat victims',
  definition:
    'Share (%) of distinct victims of the category in the period who were victims of 2 or more of its crimes in the period; Wilson 95% CI.',
  numerator: {
    from: 'agg_people_in_period',
    measure: 'count',
    text: 'victims of 2 or more crimes',
  },
  denominator: { from: 'agg_people_in_period', measure: 'count', text: 'distinct victims' },
  unit: 'percent',
  method: 'wilson',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs: ['police_crimes', 'geography', 'police_victims'],
  disclosure: ['numerator', 'complement'],
};

export const offendersRepeatMale: IndicatorDefinition = {
  id: 'offenders.repeat_male_pct',
  title: 'Repeat offenders who are male',
  definition:
    'Of distinct offenders linked to 2 or more of the category’s crimes in the period, the share (%) who are male, over those of known sex; Wilson 95% CI.',
  numerator: { from: 'agg_people_in_period', measure: 'count', text: 'male repeat offenders' },
  denominator: {
    from: 'agg_people_in_period',
    measure: 'count',
    text: 'repeat offenders of known sex',
  },
  unit: 'percent',
  method: 'wilson',
  polarity: 'none',
  breakdowns: ['none'],
  needs: ['police_crimes', 'geography', 'police_offenders'],
  disclosure: ['numerator', 'complement'],
};

export const offendersDisproportionality: IndicatorDefinition = {
  id: 'offenders.disproportionality',
  title: 'Offender disproportionality by ethnic group',
  definition:
    '(Distinct offenders in the group ÷ distinct offenders of known ethnicity) ÷ (the group’s residents ÷ all residents in the ethnicity file); Katz log 95% CI.',
  numerator: {
    from: 'agg_people_in_period',
    measure: 'count',
    text: 'distinct offenders in the group',
  },
  denominator: {
    from: 'agg_people_in_period',
    measure: 'count',
    text: 'distinct offenders of known ethnicity',
  },
  unit: 'ratio',
  method: 'katz_log',
  polarity: 'none',
  breakdowns: ['ethnic_group'],
  needs: ['police_crimes', 'geography', 'police_offenders', 'ethnicity_population'],
  disclosure: ['numerator', 'complement'],
};

interface Profile extends Record<string, unknown> {
  role: Role;
  category: string;
  aged: number;
  under_18: number;
  under_25: number;
  sexed: number;
  male: number;
  persons: number;
  repeat_persons: number;
  repeat_sexed: number;
  repeat_male: number;
}
interface GroupCount extends Record<string, unknown> {
  category: string;
  ethnic_group: string;
  offenders: number;
  known_offenders: number;
  residents: number;
  all_residents: number;
}

function shareRow(
  context: IndicatorContext,
  definition: IndicatorDefinition,
  category: string,
  count: unknown,
  denominator: unknown,
): IndicatorRow {
  const n = num(count);
  const d = num(denominator);
  return indicatorRow(context, definition, {
    category,
    numerator: n,
    denominator: d,
    ...fromEstimate(proportion({ count: n, denominator: d })),
  });
}

function profileRows(context: IndicatorContext, p: Profile): IndicatorRow[] {
  const { category } = p;
  if (p.role === 'victim') {
    return [
      shareRow(context, victimsUnder25, category, p.under_25, p.aged),
      shareRow(context, victimsUnder18, category, p.under_18, p.aged),
      shareRow(context, victimsMale, category, p.male, p.sexed),
      shareRow(context, victimsRepeat, category, p.repeat_persons, p.persons),
    ];
  }
  return [
    shareRow(context, offendersUnder18, category, p.under_18, p.aged),
    shareRow(context, offendersUnder25, category, p.under_25, p.aged),
    shareRow(context, offendersMale, category, p.male, p.sexed),
    shareRow(context, offendersRepeatMale, category, p.repeat_male, p.repeat_sexed),
  ];
}

function disproportionalityRow(context: IndicatorContext, g: GroupCount): IndicatorRow {
  return indicatorRow(context, offendersDisproportionality, {
    category: g.category,
    breakdown: 'ethnic_group',
    breakdown_value: g.ethnic_group,
    numerator: num(g.offenders),
    denominator: num(g.known_offenders),
    ...fromEstimate(
      katzLogRatio({
        count1: num(g.offenders),
        denominator1: num(g.known_offenders),
        count2: num(g.residents),
        denominator2: num(g.all_residents),
      }),
    ),
  });
}

export const family = defineFamily({
  name: 'people',
  order: 60,
  indicators: [
    victimsUnder25,
    victimsUnder18,
    victimsMale,
    victimsRepeat,
    offendersUnder18,
    offendersUnder25,
    offendersMale,
    offendersRepeatMale,
    offendersDisproportionality,
  ],
  async compute(context) {
    const profiles = await aggregate<Profile>(context, 'people_in_period');
    const groups = await aggregate<GroupCount>(context, 'offenders_by_ethnic_group');
    return [
      ...profiles.flatMap((p) => profileRows(context, p)),
      ...groups.filter((g) => num(g.residents) > 0).map((g) => disproportionalityRow(context, g)),
    ];
  },
});
