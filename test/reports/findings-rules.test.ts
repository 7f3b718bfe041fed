/**
 * The key-findings rules (docs/methods.md#key-findings) on hand-made published rows: what each
 * finds, with its number and 95% interval, and what it must not turn into a finding (a row not
 * significant, suppressed, not available or not applicable); the gate on its own; and the
 * selection: one fact stated once, the total last, the cap.
 */
import { describe, expect, it } from 'vitest';
import { findingFacts, significantDirection } from '../../reports/findings/gate.js';
import { keyFindings } from '../../reports/findings/index.js';
import { MAX_PER_RULE, selectFindings } from '../../reports/findings/select.js';
import { periodWords } from '../../reports/headline/format.js';
import type { PublishedRow } from '../../reports/types.js';
import { publishedRow } from '../helpers/published-row.js';

const CONTEXT = {
  period: periodWords('2024-04-01', '2025-03-31'),
  wardOfLsoa: new Map([
    ['E01000001', 'Northfold'],
    ['E01000002', 'Northfold'],
    ['E01000003', 'Kettlewick'],
    ['E01000009', 'Tanyard'],
  ]),
};
const SUPPRESSED = 'suppressed: fewer than 5 (or derivable from such a count)';

type Fields = Partial<PublishedRow>;
const row = (indicator_id: string, fields: Fields): PublishedRow =>
  publishedRow({ indicator_id }, fields);
/** The same row with its value blanked by suppression, as indicators_published leaves it. */
const suppress = (r: PublishedRow): PublishedRow => ({
  ...r,
  numerator: null,
  value: null,
  lower_ci95: null,
  upper_ci95: null,
  significance: null,
  suppressed: true,
  status: 'suppressed',
  note: SUPPRESSED,
});
const findings = (rows: PublishedRow[], categories = ['violence_with_injury']) =>
  keyFindings(rows, categories, CONTEXT);

// ── rows ────────────────────────────────────────────────────────────────────────────────────

const count = (value: number, category = 'violence_with_injury') =>
  row('police.count', { category, numerator: value, value });
const change = (
  now: number,
  before: number,
  significance: PublishedRow['significance'],
  limits: [number, number],
  category = 'violence_with_injury',
) =>
  row('police.change', {
    category,
    unit: 'percent',
    method: 'rate_ratio_exact',
    numerator: now,
    denominator: before,
    value: 100 * (now / before - 1),
    lower_ci95: limits[0],
    upper_ci95: limits[1],
    significance,
  });

const rate = row('police.rate_per_1000', {
  unit: 'per_1000',
  method: 'byar',
  numerator: 560,
  denominator: 95_000,
  value: 5.8947,
  lower_ci95: 5.4152,
  upper_ci95: 6.4044,
});
const combined = (significance: PublishedRow['significance']) =>
  row('police.comparators_combined_rate_per_1000', {
    unit: 'per_1000',
    method: 'byar',
    numerator: 12_028,
    denominator: 2_354_988,
    value: 5.1075,
    lower_ci95: 5.017,
    upper_ci95: 5.1994,
    significance,
  });

const gi = (lsoa: string, significance: PublishedRow['significance'], category?: string) =>
  row('police.hotspot_gi', {
    ...(category ? { category } : {}),
    breakdown: 'lsoa',
    breakdown_value: lsoa,
    unit: 'z',
    method: 'getis_ord_gi_star',
    value: significance === 'higher' ? 4.2 : 0.3,
    significance,
  });
const hotShare = (category?: string) =>
  row('police.hotspot_share', {
    ...(category ? { category } : {}),
    unit: 'percent',
    method: 'wilson',
    numerator: 127,
    denominator: 372,
    value: 34.1398,
    lower_ci95: 29.5053,
    upper_ci95: 39.0985,
  });
const hotLsoas = (n: number, category?: string) =>
  row('police.hotspot_lsoa_share', {
    ...(category ? { category } : {}),
    unit: 'percent',
    method: 'wilson',
    numerator: n,
    denominator: 60,
    value: (100 * n) / 60,
    lower_ci95: 1,
    upper_ci95: 20,
  });

const centre = (category?: string) =>
  row('police.rate_by_ward', {
    ...(category ? { category } : {}),
    unit: 'per_1000',
    method: 'byar',
    numerator: 372,
    denominator: 97_264,
    value: 3.8246,
    lower_ci95: 3.4458,
    upper_ci95: 4.2338,
  });
const ward = (
  name: string,
  value: number,
  significance: PublishedRow['significance'],
  note: string | null = null,
  category?: string,
) =>
  row('police.rate_by_ward', {
    ...(category ? { category } : {}),
    breakdown: 'ward',
    breakdown_value: name,
    unit: 'per_1000',
    method: 'byar',
    numerator: Math.round(value * 11),
    denominator: 11_000,
    value,
    lower_ci95: value * 0.8,
    upper_ci95: value * 1.2,
    significance,
    note,
  });

const ratio = (group: string, lower: number, upper: number, category?: string) =>
  row('offenders.disproportionality', {
    ...(category ? { category } : {}),
    breakdown: 'ethnic_group',
    breakdown_value: group,
    unit: 'ratio',
    method: 'katz_log',
    numerator: 27,
    denominator: 185,
    value: Math.sqrt(lower * upper),
    lower_ci95: lower,
    upper_ci95: upper,
  });

// ── the gate ────────────────────────────────────────────────────────────────────────────────

describe('the gate', () => {
  const significant = change(380, 300, 'higher', [8, 45]);

  it('passes a significant claim with statable support, each row once', () => {
    expect(findingFacts([significant], 'either', [count(380), significant])).toEqual([
      significant,
      count(380),
    ]);
  });

  it('refuses a claim that is not significant, suppressed, not available or not applicable', () => {
    expect(findingFacts([change(380, 336, 'similar', [-3, 31])], 'either')).toBeNull();
    expect(findingFacts([suppress(significant)], 'either')).toBeNull();
    const notAvailable = { ...significant, status: 'not_available' as const };
    expect(findingFacts([notAvailable], 'either')).toBeNull();
    const notApplicable = { ...significant, value: null, status: 'not_applicable' as const };
    expect(findingFacts([notApplicable], 'either')).toBeNull();
    expect(findingFacts([], 'either')).toBeNull();
  });

  it('refuses a claim in the other direction, and support that is suppressed or similar', () => {
    expect(findingFacts([significant], 'lower')).toBeNull();
    expect(findingFacts([significant], 'higher', [suppress(count(380))])).toBeNull();
    expect(findingFacts([significant], 'higher', [combined('similar')])).toBeNull();
  });

  it('reads a Katz ratio, published without a significance, from its interval against 1', () => {
    expect(significantDirection(ratio('Black', 2.29, 4.6))).toBe('higher');
    expect(significantDirection(ratio('White', 0.83, 0.98))).toBe('lower');
    expect(significantDirection(ratio('Mixed', 0.84, 2.8))).toBeNull();
    // A rate's interval says nothing by itself: only its significance column does.
    expect(significantDirection(rate)).toBeNull();
  });
});

// ── the rules ───────────────────────────────────────────────────────────────────────────────

describe('rule 1: a significant change', () => {
  it('states a significant rise with its size, interval and the previous count', () => {
    const [found, ...rest] = findings([count(380), change(380, 304, 'higher', [8.1, 45.2])]);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      rule: 'change',
      category: 'violence_with_injury',
      subject: ['violence_with_injury'],
      evidence: 'indicator-police.change',
      text: 'Violence with injury rose 25% to 380 crimes in 2024/25 (95% CI 8% to 45% more), a significant increase on the year before (304).',
    });
    expect(found?.facts.map((f) => f.indicator_id)).toEqual(['police.change', 'police.count']);
  });

  it('states a significant fall as the size of the fall', () => {
    const [found] = findings([count(60), change(60, 80, 'lower', [-40.3, -8.2])]);
    expect(found?.text).toBe(
      'Violence with injury fell 25% to 60 crimes in 2024/25 (95% CI 8% to 40% fewer), a significant decrease on the year before (80).',
    );
  });

  it('finds nothing in a change that is not significant, suppressed or without its count', () => {
    expect(findings([count(380), change(380, 336, 'similar', [-2.6, 31.4])])).toEqual([]);
    expect(findings([count(380), suppress(change(380, 300, 'higher', [8, 45]))])).toEqual([]);
    expect(findings([suppress(count(3)), change(380, 300, 'higher', [8, 45])])).toEqual([]);
  });

  it('reads A&E attendances through ae.change', () => {
    const aeCount = row('ae.count', { category: 'ae_assault', numerator: 300, value: 300 });
    const aeChange: PublishedRow = {
      ...change(300, 240, 'higher', [5, 48], 'ae_assault'),
      indicator_id: 'ae.change',
    };
    const [found] = findings([aeCount, aeChange], ['ae_assault']);
    expect(found?.text).toBe(
      'A&E attendances for assault rose 25% to 300 attendances in 2024/25 (95% CI 5% to 48% more), a significant increase on the year before (240).',
    );
  });
});

describe('rule 2: a rate above the comparator areas', () => {
  it('states the rate, its interval and the comparators’ rate', () => {
    const [found] = findings([rate, combined('higher')]);
    expect(found).toMatchObject({
      rule: 'above_comparators',
      subject: ['violence_with_injury'],
      evidence: 'indicator-police.comparators_combined_rate_per_1000',
      text: 'The rate of violence with injury, 5.9 crimes per 1,000 residents (95% CI 5.4 to 6.4), is significantly higher than the comparator areas’ together (5.1).',
    });
  });

  it('finds nothing when the rate is similar to or below theirs, or not compared', () => {
    expect(findings([rate, combined('similar')])).toEqual([]);
    expect(findings([rate, combined('lower')])).toEqual([]);
    expect(findings([rate, combined(null)])).toEqual([]);
    expect(findings([suppress(rate), combined('higher')])).toEqual([]);
  });
});

describe('rule 3: significant hot spots', () => {
  const hot = [gi('E01000001', 'higher'), gi('E01000002', 'higher'), gi('E01000003', 'higher')];

  it('names the wards of the hot LSOAs, with the share they hold and its interval', () => {
    const [found] = findings([...hot, gi('E01000009', 'similar'), hotShare(), hotLsoas(3)]);
    expect(found).toMatchObject({
      rule: 'hotspot',
      subject: ['Kettlewick', 'Northfold'],
      evidence: 'indicator-police.hotspot_gi',
      text: 'Violence with injury concentrates in significant hot spots: 3 of the 60 neighbourhoods (LSOAs), in Northfold and Kettlewick, hold 34% of it (127 of 372 crimes; 95% CI 30% to 39%).',
    });
    // The LSOA that is not a hot spot is no fact of it.
    expect(found?.facts.some((f) => f.breakdown_value === 'E01000009')).toBe(false);
  });

  it('finds nothing without a significant hot spot, or with the share suppressed', () => {
    expect(findings([gi('E01000001', 'similar'), hotShare(), hotLsoas(0)])).toEqual([]);
    expect(findings([...hot, suppress(hotShare()), hotLsoas(3)])).toEqual([]);
    expect(findings([...hot.map(suppress), hotShare(), hotLsoas(3)])).toEqual([]);
  });
});

describe('rule 4: wards above the funnel', () => {
  const above = [
    ward('Northfold', 11.2758, 'higher', 'outside the 99.8% funnel limits; population of mid-2025'),
    ward('Kettlewick', 5.0714, 'higher', 'population of mid-2025'),
  ];

  it('names each ward with its rate and interval, and says which lie outside 99.8%', () => {
    const [found] = findings([centre(), ...above, ward('Tanyard', 2.3, 'similar')]);
    expect(found).toMatchObject({
      rule: 'wards_above',
      subject: ['Kettlewick', 'Northfold'],
      evidence: 'indicator-police.rate_by_ward',
      text: 'The rate of violence with injury is significantly higher than across the area’s wards together (3.8 per 1,000 residents) in Northfold (11.3; 95% CI 9.0 to 13.5, outside the 99.8% funnel limits) and Kettlewick (5.1; 95% CI 4.1 to 6.1).',
    });
    expect(found?.facts.some((f) => f.breakdown_value === 'Tanyard')).toBe(false);
  });

  it('names at most three, then counts the rest', () => {
    const many = ['A', 'B', 'C', 'D', 'E'].map((n, i) => ward(n, 9 - i, 'higher'));
    const [found] = findings([centre(), ...many]);
    expect(found?.subject).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(found?.text).toMatch(/in A \(9\.0; .*\), B \(8\.0; .*\), C \(7\.0; .*\) and 2 more\.$/);
  });

  it('finds nothing from wards that are similar, below, or suppressed', () => {
    expect(
      findings([centre(), ward('Tanyard', 2.3, 'similar'), ward('Fernley', 1, 'lower')]),
    ).toEqual([]);
    expect(findings([centre(), ...above.map(suppress)])).toEqual([]);
  });
});

describe('rule 5: a group over-represented among offenders', () => {
  it('states the ratio, its interval and the offenders it rests on', () => {
    const [found] = findings([ratio('Black', 2.2859, 4.6013), ratio('Mixed', 0.84, 2.82)]);
    expect(found).toMatchObject({
      rule: 'over_represented',
      subject: ['Black'],
      evidence: 'indicator-offenders.disproportionality',
      text: 'In violence with injury, Black offenders are 3.2 times (95% CI 2.3 to 4.6) what the area’s population would suggest (27 of 185 offenders with a known ethnicity).',
    });
    expect(found?.facts.map((f) => f.breakdown_value)).toEqual(['Black']);
  });

  it('finds nothing in a ratio whose interval holds 1, one below 1, or one suppressed', () => {
    expect(findings([ratio('Mixed', 0.84, 2.82)])).toEqual([]);
    expect(findings([ratio('White', 0.83, 0.98)])).toEqual([]);
    expect(findings([suppress(ratio('Black', 2.29, 4.6))])).toEqual([]);
  });
});

// ── the selection ───────────────────────────────────────────────────────────────────────────

describe('one fact stated once, the total last, the cap', () => {
  const hotIn = (category: string, lsoas: string[]) => [
    ...lsoas.map((l) => gi(l, 'higher', category)),
    hotShare(category),
    hotLsoas(lsoas.length, category),
  ];

  it('states a hot spot with its own category, naming the others in the same wards', () => {
    const rows = [
      ...hotIn('serious_violence', ['E01000001', 'E01000002', 'E01000003']),
      ...hotIn('violence_with_injury', ['E01000001', 'E01000002', 'E01000003']),
      ...hotIn('robbery_personal', ['E01000002']),
    ];
    const found = findings(rows, ['serious_violence', 'violence_with_injury', 'robbery_personal']);
    expect(found).toHaveLength(1);
    expect(found[0]?.category).toBe('violence_with_injury');
    expect(found[0]?.text).toMatch(
      /The hot spots of personal robbery and serious violence lie in these wards too\.$/,
    );
    // Every category's rows are facts of it, and every one passed the gate.
    expect(new Set(found[0]?.facts.map((f) => f.category))).toEqual(
      new Set(['serious_violence', 'violence_with_injury', 'robbery_personal']),
    );
  });

  it('states a hot spot in other wards as a finding of its own', () => {
    const rows = [
      ...hotIn('violence_with_injury', ['E01000001']),
      ...hotIn('robbery_personal', ['E01000009']),
    ];
    const found = findings(rows, ['violence_with_injury', 'robbery_personal']);
    expect(found.map((f) => [f.category, f.subject])).toEqual([
      ['violence_with_injury', ['Northfold']],
      ['robbery_personal', ['Tanyard']],
    ]);
  });

  it('lists the rules in order and keeps at most three findings of one rule', () => {
    const categories = [
      'violence_with_injury',
      'robbery_personal',
      'knife_crime',
      'sexual_offences',
    ];
    const rows = [
      ratio('Black', 2.29, 4.6),
      ...categories.flatMap((c) => [count(380, c), change(380, 300, 'higher', [8, 45], c)]),
    ];
    const found = findings(rows, categories);
    expect(found.map((f) => f.rule)).toEqual([
      ...Array(MAX_PER_RULE).fill('change'),
      'over_represented',
    ]);
    expect(found.map((f) => f.category).slice(0, 3)).toEqual(categories.slice(0, 3));
  });

  it('makes no finding from a candidate that fails the gate, whatever its rule proposed', () => {
    const similar = change(380, 336, 'similar', [-3, 31]);
    const candidate = {
      rule: 'change' as const,
      category: 'violence_with_injury',
      subject: ['violence_with_injury'],
      claims: [similar],
      direction: 'either' as const,
      support: [count(380)],
      text: 'Violence with injury rose 13%.',
      also: () => '',
      evidence: 'police.change' as const,
    };
    expect(selectFindings([candidate])).toEqual([]);
    expect(selectFindings([{ ...candidate, claims: [suppress(similar)] }])).toEqual([]);
    expect(selectFindings([{ ...candidate, support: [suppress(count(380))] }])).toEqual([]);
    const significant = change(380, 300, 'higher', [8, 45]);
    expect(selectFindings([{ ...candidate, claims: [significant] }])).toHaveLength(1);
  });

  it('says what part of the period the data cover', () => {
    const note = 'data cover 3 of 12 months: January to March 2025';
    const [found] = findings([
      { ...centre(), note },
      { ...ward('Northfold', 11.2758, 'higher'), note },
    ]);
    expect(found?.text).toMatch(/ Data cover 3 of 12 months: January to March 2025\.$/);
  });
});
