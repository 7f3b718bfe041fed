/**
 * Key findings in national mode (issue 17): a rate above England beyond the funnel's 99.8%
 * limits is a finding, with its interval, England's rate and the rank; above England at 95%
 * only, similar, below, suppressed, or contradicted by the rank row, it is not.
 */
import { describe, expect, it } from 'vitest';
import { keyFindings } from '../../reports/findings/index.js';
import { RULE_ORDER } from '../../reports/findings/select.js';
import { periodWords } from '../../reports/headline/format.js';
import type { PublishedRow } from '../../reports/types.js';
import { publishedRow } from '../helpers/published-row.js';
import { AREA, OUT, PERIOD, VSO } from './national-fixtures.js';

const CONTEXT = {
  period: periodWords('2022-09-01', '2022-09-30'),
  wardOfLsoa: new Map<string, string>(),
  areaUnit: AREA,
};

const rate = (significance: PublishedRow['significance'], note: string | null = OUT) =>
  publishedRow({
    ...PERIOD,
    indicator_id: 'police.district_rate_per_1000',
    category: VSO,
    area_code: AREA,
    numerator: 5_979,
    denominator: 486_100,
    value: 12.3,
    lower_ci95: 11.99,
    upper_ci95: 12.61,
    unit: 'per_1000',
    method: 'byar',
    significance,
    note,
  });
const england = publishedRow({
  ...PERIOD,
  indicator_id: 'police.england_rate_per_1000',
  category: VSO,
  area_code: 'E92000001',
  numerator: 511_000,
  denominator: 56_150_000,
  value: 9.1,
  lower_ci95: 9.08,
  upper_ci95: 9.12,
  unit: 'per_1000',
  method: 'byar',
});
const rank = (significance: PublishedRow['significance']) =>
  publishedRow({
    ...PERIOD,
    indicator_id: 'police.rank_in_england',
    category: VSO,
    area_code: AREA,
    value: 221,
    denominator: 226,
    unit: 'rank',
    method: 'rank',
    significance,
  });
const findings = (rows: PublishedRow[], context = CONTEXT) => keyFindings(rows, [VSO], context);

describe('rule: a rate above England beyond 99.8%', () => {
  it('comes after the comparators’ rule', () => {
    expect(RULE_ORDER.indexOf('above_england')).toBe(RULE_ORDER.indexOf('above_comparators') + 1);
  });

  it('states the rate, its interval, England’s rate and the rank', () => {
    const [found] = findings([rate('higher'), england, rank('higher')]);
    expect(found).toMatchObject({
      rule: 'above_england',
      subject: [VSO],
      evidence: 'indicator-police.district_rate_per_1000',
      text: 'The rate of violence and sexual offences, 12.3 crimes per 1,000 residents (95% CI 12.0 to 12.6), is significantly higher than England’s (9.1), outside the 99.8% funnel limits: the sixth highest of 226 districts with complete data.',
    });
    expect(found?.facts.map((f) => f.indicator_id).sort()).toEqual([
      'police.district_rate_per_1000',
      'police.england_rate_per_1000',
      'police.rank_in_england',
    ]);
  });

  it('finds nothing above England at 95% only, similar, below or suppressed', () => {
    expect(findings([rate('higher', null), england, rank('higher')])).toEqual([]);
    expect(findings([rate('similar'), england])).toEqual([]);
    expect(findings([rate('lower'), england])).toEqual([]);
    const hidden = {
      ...rate('higher'),
      value: null,
      significance: null,
      suppressed: true,
      status: 'suppressed' as const,
    };
    expect(findings([hidden, england])).toEqual([]);
  });

  it('finds nothing when the rank row calls the area similar, or England has no rate', () => {
    expect(findings([rate('higher'), england, rank('similar')])).toEqual([]);
    expect(findings([rate('higher')])).toEqual([]);
  });

  it('reads only the area’s own district row', () => {
    const other = { ...rate('higher'), area_code: 'E08000011' };
    expect(findings([other, england])).toEqual([]);
    const { areaUnit: _unit, ...withoutUnit } = CONTEXT;
    expect(keyFindings([rate('higher'), england], [VSO], withoutUnit)).toEqual([]);
  });
});

describe('the 99.8% note in either wording', () => {
  it('reads the ward funnel’s words too, and never a similar row’s note', () => {
    const ward = rate('higher', 'outside the 99.8% funnel limits');
    expect(findings([ward, england])).toHaveLength(1);
    expect(findings([rate('similar', OUT), england])).toEqual([]);
  });
});
