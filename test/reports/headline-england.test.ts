/**
 * The area among England's districts in the headline (issue 17), on hand-made rows: the rank
 * counted from the nearer end ("6th highest", "4th lowest"), ties as "joint", the comparison
 * with England only as the rank row's significance says it, the rank among the comparators, a
 * rank not available giving its reason, and a run without national rows unchanged.
 */
import { describe, expect, it } from 'vitest';
import { buildHeadline } from '../../reports/headline/build.js';
import { categoryNames } from '../../reports/headline/categories.js';
import {
  type EnglandRankInput,
  notRankedInEngland,
  rankFromNearerEnd,
  rankInEngland,
} from '../../reports/headline/sentences/england.js';
import type { PublishedRow } from '../../reports/types.js';
import { publishedRow } from '../helpers/published-row.js';
import { isFactNumber, statedNumbers } from '../helpers/stated-numbers.js';
import { reportData } from './html-fixtures.js';
import { AREA, comparatorRows, nationalData, OUT, PERIOD, VSO } from './national-fixtures.js';

const rank = (value: number | null, of: number, fields: Partial<PublishedRow> = {}) =>
  publishedRow({
    ...PERIOD,
    indicator_id: 'police.rank_in_england',
    category: VSO,
    area_code: AREA,
    value,
    denominator: of,
    unit: 'rank',
    method: 'rank',
    ...fields,
  });
const rate = (value: number, fields: Partial<PublishedRow> = {}) =>
  publishedRow({
    ...PERIOD,
    indicator_id: 'police.district_rate_per_1000',
    category: VSO,
    area_code: AREA,
    numerator: Math.round(value * 486.1),
    denominator: 486_100,
    value,
    lower_ci95: value * 0.95,
    upper_ci95: value * 1.05,
    unit: 'per_1000',
    method: 'byar',
    ...fields,
  });
const england = publishedRow({
  ...PERIOD,
  indicator_id: 'police.england_rate_per_1000',
  category: VSO,
  area_code: 'E92000001',
  numerator: 511_000,
  denominator: 56_150_000,
  value: 9.1,
  unit: 'per_1000',
  method: 'byar',
});
const comparatorRank = publishedRow({
  ...PERIOD,
  indicator_id: 'police.rank_among_comparators',
  category: VSO,
  area_code: AREA,
  value: 14,
  denominator: 16,
  unit: 'rank',
  method: 'rank',
});

const input = (fields: Partial<EnglandRankInput>): EnglandRankInput => ({
  area: 'Liverpool',
  names: categoryNames(VSO),
  rank: rank(221, 226, { significance: 'higher' }),
  areaRate: rate(12.3, { significance: 'higher' }),
  england,
  tied: 1,
  ...fields,
});

describe('the rank in England in words', () => {
  it('counts from the nearer end, in words to the tenth, then in figures', () => {
    expect(rankFromNearerEnd(221, 226)).toBe('the sixth highest');
    expect(rankFromNearerEnd(226, 226)).toBe('the highest');
    expect(rankFromNearerEnd(1, 226)).toBe('the lowest');
    expect(rankFromNearerEnd(4, 226)).toBe('the fourth lowest');
    expect(rankFromNearerEnd(216, 226)).toBe('the 11th highest');
    expect(rankFromNearerEnd(11, 226)).toBe('the 11th lowest');
    expect(rankFromNearerEnd(113, 226)).toBe('the 113th lowest');
    expect(rankFromNearerEnd(114, 226)).toBe('the 113th highest');
    expect(rankFromNearerEnd(204, 226)).toBe('the 23rd highest');
  });

  it('says "joint" when districts share the rate, each end counting them as one place', () => {
    // Ranks 220, 220, 220 of 226 (1 = lowest): the three are the 5th highest together.
    expect(rankFromNearerEnd(220, 226, 3)).toBe('the joint fifth highest');
    expect(rankFromNearerEnd(2, 226, 2)).toBe('the joint second lowest');
    expect(rankFromNearerEnd(225, 226, 2)).toBe('the joint highest');
  });
});

describe('rankInEngland', () => {
  it('states the rank, the rate and a significance above England with the 99.8% limit', () => {
    const s = rankInEngland(input({ areaRate: rate(12.3, { significance: 'higher', note: OUT }) }));
    expect(s?.text).toBe(
      'Liverpool had the sixth highest rate of violence and sexual offences of 226 districts with complete data (12.3 per 1,000 residents); significantly above England (9.1), outside the 99.8% funnel limits.',
    );
    expect(s?.facts.map((f) => f.indicator_id)).toEqual([
      'police.rank_in_england',
      'police.district_rate_per_1000',
      'police.england_rate_per_1000',
    ]);
  });

  it('says lowest when the rank is nearer that end, and below or similar as the row says', () => {
    const below = rankInEngland(input({ rank: rank(4, 226, { significance: 'lower' }) }));
    expect(below?.text).toBe(
      'Liverpool had the fourth lowest rate of violence and sexual offences of 226 districts with complete data (12.3 per 1,000 residents); significantly below England (9.1).',
    );
    const similar = rankInEngland(input({ rank: rank(120, 226, { significance: 'similar' }) }));
    expect(similar?.text).toContain(
      'Liverpool had the 107th highest rate of violence and sexual offences of 226 districts',
    );
    expect(similar?.text).toContain('; similar to England (9.1).');
    // A similar rate is never called beyond a limit, whatever the note says.
    const noted = rankInEngland(
      input({
        rank: rank(120, 226, { significance: 'similar' }),
        areaRate: rate(9.2, { note: OUT }),
      }),
    );
    expect(noted?.text).not.toContain('99.8%');
  });

  it('claims no significance the rank row does not hold', () => {
    const s = rankInEngland(input({ rank: rank(221, 226) }));
    expect(s?.text).toBe(
      'Liverpool had the sixth highest rate of violence and sexual offences of 226 districts with complete data (12.3 per 1,000 residents); England’s rate 9.1.',
    );
    expect(s?.text).not.toMatch(/significant|similar/);
  });

  it('adds the rank among the comparators and their combined rate', () => {
    const combined = publishedRow({
      ...PERIOD,
      indicator_id: 'police.comparators_combined_rate_per_1000',
      category: VSO,
      area_code: AREA,
      value: 10.1,
      unit: 'per_1000',
      method: 'byar',
      significance: 'higher',
    });
    const s = rankInEngland(
      input({
        comparatorRank,
        combined,
        comparators: { set: 'its statistical neighbours', members: 'districts' },
      }),
    );
    expect(s?.text).toBe(
      'Liverpool had the sixth highest rate of violence and sexual offences of 226 districts with complete data (12.3 per 1,000 residents); significantly above England (9.1); among its statistical neighbours it had the third highest rate of the 16 districts compared, significantly above them together (10.1).',
    );
    expect(s?.facts).toContain(comparatorRank);
    expect(s?.facts).toContain(combined);
  });

  it('gives no sentence without a published rank, and the reason when it is not available', () => {
    const missing = rank(null, 226, {
      denominator: null,
      status: 'not_available',
      note: 'not available: Merseyside Police: no file for 2022-09',
    });
    expect(rankInEngland(input({ rank: missing }))).toBeNull();
    expect(notRankedInEngland('Liverpool', missing)?.text).toBe(
      'Liverpool is not ranked among England’s districts: Merseyside Police: no file for 2022-09.',
    );
    expect(notRankedInEngland('Liverpool', rank(221, 226))).toBeNull();
    expect(notRankedInEngland('Liverpool', undefined)).toBeNull();
  });
});

const count = (category: string, n: number) =>
  publishedRow({
    ...PERIOD,
    indicator_id: 'police.count',
    category,
    area_code: AREA,
    numerator: n,
    value: n,
  });

describe('the headline table in national mode', () => {
  const intelligence = (rows: PublishedRow[], auto?: 'force') => {
    const data = { ...nationalData(rows), ...(auto ? { autoComparators: auto } : {}) };
    const headline = buildHeadline(data);
    return headline.rows.find((r) => r.category === VSO)?.intelligence.map((s) => s.text) ?? [];
  };

  it('states the area’s place in England, counting ties among the published district rates', () => {
    const texts = intelligence(
      [count(VSO, 2_100), rank(10, 11, { significance: 'higher' }), ...comparatorRows()],
      'force',
    );
    expect(texts).toContain(
      'Liverpool had the second highest rate of violence and sexual offences of 11 districts with complete data (4.3 per 1,000 residents); significantly above England (3.0), outside the 99.8% funnel limits; among the districts of its force area it had the highest rate of the 5 districts compared, significantly above them together (3.4).',
    );
    // The England sentence replaces the rate-and-comparators one: the rate is said once.
    expect(texts.filter((t) => t.includes('per 1,000 residents'))).toHaveLength(1);
  });

  it('says "joint" when another ranked district has the area’s published rate', () => {
    const area = nationalData().rows.find(
      (r) => r.indicator_id === 'police.district_rate_per_1000' && r.area_code === AREA,
    );
    const twin = { ...(area as PublishedRow), area_code: 'E08000099' };
    const texts = intelligence([count(VSO, 2_100), twin, rank(10, 12, { significance: 'higher' })]);
    expect(texts.some((t) => t.startsWith('Liverpool had the joint second highest rate'))).toBe(
      true,
    );
  });

  it('keeps the rate sentence and says why when the area is not ranked', () => {
    const texts = intelligence([
      count(VSO, 2_100),
      ...comparatorRows(),
      rank(null, 0, {
        denominator: null,
        status: 'not_available',
        note: 'not available: Merseyside Police: no file for 2022-09',
      }),
    ]);
    expect(texts.some((t) => t.startsWith('4.3 crimes per 1,000 residents'))).toBe(true);
    expect(texts).toContain(
      'Liverpool is not ranked among England’s districts: Merseyside Police: no file for 2022-09.',
    );
  });

  it('says nothing of England without national rows', () => {
    const headline = buildHeadline(reportData());
    const all = headline.rows.flatMap((r) => r.intelligence.map((s) => s.text)).join(' ');
    expect(all).not.toMatch(/England|districts with complete data/);
  });
});

describe('the category paragraph in national mode', () => {
  it('places the area among England’s districts as the table does', () => {
    const data = nationalData([count(VSO, 2_100), rank(10, 11, { significance: 'higher' })]);
    const row = buildHeadline(data).rows.find((r) => r.category === VSO);
    const england = row?.intelligence.find((s) => s.text.includes('districts with complete data'));
    expect(england).toBeDefined();
    expect(row?.narrative.text).toContain(england?.text);
    expect(row?.narrative.facts).toEqual(expect.arrayContaining(england?.facts ?? []));
  });
});

describe('honesty: every number the England sentences state is a number of their rows', () => {
  it('holds for the table’s sentence, its paragraph and the key finding', () => {
    const data = {
      ...nationalData([
        count(VSO, 2_100),
        rank(10, 11, { significance: 'higher' }),
        ...comparatorRows(),
      ]),
      autoComparators: 'force' as const,
    };
    const headline = buildHeadline(data);
    const row = headline.rows.find((r) => r.category === VSO);
    const england = row?.intelligence.find((s) => s.text.includes('districts with complete data'));
    const finding = headline.findings.find((f) => f.rule === 'above_england');
    expect(finding).toBeDefined();
    for (const said of [england, finding]) {
      const stated = statedNumbers(said?.text ?? '', said?.facts ?? []);
      expect(stated.length).toBeGreaterThan(2);
      for (const n of stated)
        expect(isFactNumber(n, said?.facts ?? []), `${n} in ${said?.text}`).toBe(true);
    }
  });
});

describe('the comparators left out', () => {
  it('says the districts ranked are those with complete data when the rank’s note leaves some out', () => {
    const s = rankInEngland(
      input({
        comparatorRank: { ...comparatorRank, note: 'left out, incomplete: Bolton (E08000001)' },
        comparators: { set: 'its statistical neighbours', members: 'districts' },
      }),
    );
    expect(s?.text).toContain(
      'among its statistical neighbours it had the third highest rate of the 16 districts with complete data.',
    );
  });

  it('states a place from the top beyond the tenth, which the honesty check reads as the rank’s', () => {
    const s = rankInEngland(input({ rank: rank(204, 226, { significance: 'higher' }) }));
    expect(s?.text).toContain('Liverpool had the 23rd highest rate');
    for (const n of statedNumbers(s?.text ?? '', s?.facts ?? [])) {
      expect(isFactNumber(n, s?.facts ?? []), n).toBe(true);
    }
  });
});
