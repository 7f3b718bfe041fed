/**
 * The category paragraphs (docs/methods.md#key-findings) on hand-made headline rows: made from
 * the row's own facts only, a rise or fall called significant only when its change row is, the
 * part of the period the data cover said, and nothing stated from a row that is suppressed.
 */
import { describe, expect, it } from 'vitest';
import { narrative } from '../../reports/findings/index.js';
import { periodWords } from '../../reports/headline/format.js';
import { sentence } from '../../reports/headline/sentences/sentence.js';
import type { HeadlineRow, PublishedRow } from '../../reports/types.js';
import { publishedRow } from '../helpers/published-row.js';

const CONTEXT = {
  period: periodWords('2024-04-01', '2025-03-31'),
  wardOfLsoa: new Map([
    ['E01000001', 'Northfold'],
    ['E01000003', 'Kettlewick'],
  ]),
};

const row = (indicator_id: string, fields: Partial<PublishedRow>): PublishedRow =>
  publishedRow({ indicator_id }, fields);
const count = (value: number, note: string | null = null) =>
  row('police.count', { numerator: value, value, note });
const change = (now: number, before: number, significance: PublishedRow['significance']) =>
  row('police.change', {
    unit: 'percent',
    method: 'rate_ratio_exact',
    numerator: now,
    denominator: before,
    value: 100 * (now / before - 1),
    lower_ci95: -5,
    upper_ci95: 30,
    significance,
  });

/** A headline row whose intelligence is one sentence per group of facts (text irrelevant here). */
function headlineRow(
  intelligence: PublishedRow[][],
  victims: PublishedRow[][] = [],
  perpetrators: PublishedRow[][] = [],
  category = 'violence_with_injury',
): Omit<HeadlineRow, 'narrative'> {
  const sentences = (groups: PublishedRow[][]) => groups.map((f) => sentence('…', f));
  return {
    category,
    title: 'Violence with injury',
    intelligence: sentences(intelligence),
    victims: sentences(victims),
    perpetrators: sentences(perpetrators),
  };
}

describe('the first sentence: how many, and the change', () => {
  it('calls a rise significant only when its change row is', () => {
    const significant = narrative(headlineRow([[count(380), change(380, 304, 'higher')]]), CONTEXT);
    expect(significant.text).toBe(
      'Violence with injury rose 25% to 380 crimes in 2024/25, a significant increase on the year before (304).',
    );
    const similar = narrative(headlineRow([[count(380), change(380, 336, 'similar')]]), CONTEXT);
    expect(similar.text).toBe(
      'Violence with injury rose 13% to 380 crimes in 2024/25, not a significant change on the year before (336).',
    );
    const fall = narrative(headlineRow([[count(60), change(60, 80, 'lower')]]), CONTEXT);
    expect(fall.text).toContain('fell 25% to 60 crimes in 2024/25, a significant decrease');
  });

  it('says what part of the period the data cover, and that no change is given', () => {
    const covered = 'data cover 3 of 12 months: January to March 2025';
    const notComputed = row('police.change', {
      unit: 'percent',
      note: `previous period …; ${covered}; no change is computed over a period the data do not fully cover`,
    });
    const paragraph = narrative(headlineRow([[count(7275, covered), notComputed]]), CONTEXT);
    expect(paragraph.text).toBe(
      'Violence with injury: 7,275 crimes in 2024/25 (data cover 3 of 12 months: January to March 2025); the data do not cover the year before, so no change is given.',
    );
  });

  it('says a suppressed count is too small to publish, and then nothing more', () => {
    const blank = row('police.count', { suppressed: true, note: 'suppressed: fewer than 5' });
    const victims = row('victims.under_25_pct', { unit: 'percent', method: 'wilson', value: 44 });
    const paragraph = narrative(headlineRow([[blank]], [[victims]]), CONTEXT);
    expect(paragraph.text).toBe(
      'Violence with injury: too few crimes in 2024/25 to publish the number.',
    );
    expect(paragraph.facts).toEqual([blank]);
  });

  it('says a suppressed change cannot be published', () => {
    const blank = row('police.change', { suppressed: true, unit: 'percent' });
    expect(narrative(headlineRow([[count(5), blank]]), CONTEXT).text).toBe(
      'Violence with injury: 5 crimes in 2024/25; too few in the year before to publish a change.',
    );
  });
});

describe('the rest of the paragraph', () => {
  const rate = row('police.rate_per_1000', { unit: 'per_1000', method: 'byar', value: 3.9069 });
  const combined = (significance: PublishedRow['significance']) =>
    row('police.comparators_combined_rate_per_1000', {
      unit: 'per_1000',
      method: 'byar',
      value: 5.1075,
      significance,
    });
  const hot = row('police.hotspot_gi', {
    breakdown: 'lsoa',
    breakdown_value: 'E01000001',
    unit: 'z',
    value: 4.3,
    significance: 'higher',
  });
  const share = row('police.hotspot_share', { unit: 'percent', method: 'wilson', value: 34.14 });
  const ward = (name: string, significance: PublishedRow['significance']) =>
    row('police.rate_by_ward', {
      breakdown: 'ward',
      breakdown_value: name,
      unit: 'per_1000',
      value: 11,
      significance,
    });
  const ratio = (group: string, lower: number, upper: number) =>
    row('offenders.disproportionality', {
      breakdown: 'ethnic_group',
      breakdown_value: group,
      unit: 'ratio',
      method: 'katz_log',
      value: Math.sqrt(lower * upper),
      lower_ci95: lower,
      upper_ci95: upper,
    });
  const under25 = row('victims.under_25_pct', { unit: 'percent', method: 'wilson', value: 43.8 });
  const volume = [count(380), change(380, 336, 'similar')];

  it('states the rate, the places and the people the row holds, each only where significant', () => {
    const paragraph = narrative(
      headlineRow(
        [volume, [rate, combined('lower')], [share, hot], [ward('Northfold', 'higher')]],
        [[under25]],
        [[ratio('Black', 2.29, 4.6)]],
      ),
      CONTEXT,
    );
    expect(paragraph.text).toBe(
      [
        'Violence with injury rose 13% to 380 crimes in 2024/25, not a significant change on the year before (336).',
        'That is 3.9 crimes per 1,000 residents, significantly lower than the comparator areas together (5.1).',
        '34% of it lies in significant hot spots in Northfold, and its rate is significantly higher than across the area’s wards together in Northfold.',
        '44% of victims are under the age of 25 and Black offenders are 3.2 times what the area’s population would suggest.',
      ].join(' '),
    );
  });

  it('calls a rate like the comparators’ similar, and names no ward or group that is not significant', () => {
    const paragraph = narrative(
      headlineRow(
        [volume, [rate, combined('similar')], [ward('Tanyard', 'similar')]],
        [],
        [[ratio('Mixed', 0.84, 2.8)]],
      ),
      CONTEXT,
    );
    expect(paragraph.text).toContain(
      'That is 3.9 crimes per 1,000 residents, similar to the comparator areas together (5.1).',
    );
    expect(paragraph.text).not.toMatch(/Tanyard|mixed|significantly higher/);
    expect(paragraph.facts.map((f) => f.indicator_id)).not.toContain('police.rate_by_ward');
  });

  it('rests only on facts of the row itself', () => {
    const headline = headlineRow([volume, [rate]], [[under25]]);
    const own = new Set([...headline.intelligence, ...headline.victims].flatMap((s) => s.facts));
    const paragraph = narrative(headline, CONTEXT);
    expect(paragraph.facts.length).toBeGreaterThan(0);
    for (const fact of paragraph.facts) expect(own.has(fact)).toBe(true);
  });
});
