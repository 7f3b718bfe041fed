/**
 * The police sentence builders on hand-made published rows: what each says, which rows it
 * cites, and what it refuses to say (suppressed, not available, not significant).
 */
import { describe, expect, it } from 'vitest';
import { categoryNames } from '../../reports/headline/categories.js';
import { periodWords } from '../../reports/headline/format.js';
import * as place from '../../reports/headline/sentences/place.js';
import {
  countAndChange,
  rateAndRank,
  seasonality,
} from '../../reports/headline/sentences/volume.js';
import type { PublishedRow } from '../../reports/types.js';
import { publishedRow } from '../helpers/published-row.js';

const PERIOD = periodWords('2024-04-01', '2025-03-31');
const SUPPRESSED_NOTE = 'suppressed: fewer than 5 (or derivable from such a count)';

function row(indicator_id: string, fields: Partial<PublishedRow> = {}): PublishedRow {
  return publishedRow({ indicator_id, unit: 'percent', method: 'wilson' }, fields);
}
const suppressed = (id: string, fields: Partial<PublishedRow> = {}) =>
  row(id, { suppressed: true, note: SUPPRESSED_NOTE, ...fields });
const notAvailable = (id: string) => row(id, { note: 'not available: needs police_victims' });

const count = (n: number) => row('police.count', { numerator: n, value: n, unit: 'count' });
const change = (now: number, before: number, significance: PublishedRow['significance']) =>
  row('police.change', {
    numerator: now,
    denominator: before,
    value: 100 * (now / before - 1),
    significance,
  });

describe('count and change', () => {
  it('states a significant increase with its size', () => {
    const facts = [count(412), change(412, 378, 'higher')];
    const s = countAndChange(facts[0], facts[1], PERIOD);
    expect(s?.text).toBe(
      '412 crimes in 2024/25, 9% more than the year before (a significant increase).',
    );
    expect(s?.facts).toEqual(facts);
  });

  it('states a significant decrease as fewer', () => {
    const s = countAndChange(count(1200), change(1200, 1500, 'lower'), PERIOD);
    expect(s?.text).toBe(
      '1,200 crimes in 2024/25, 20% fewer than the year before (a significant decrease).',
    );
  });

  it('words a non-significant change as similar, with the previous count', () => {
    const s = countAndChange(count(380), change(380, 336, 'similar'), PERIOD);
    expect(s?.text).toBe('380 crimes in 2024/25, similar to the year before (336).');
    expect(s?.text).not.toMatch(/13%|more|increase/);
  });

  it('says a suppressed count is too small to publish, with no number', () => {
    const c = suppressed('police.count', { unit: 'count' });
    const s = countAndChange(c, suppressed('police.change'), PERIOD);
    expect(s?.text).toBe('Too few crimes in 2024/25 to publish the number.');
    expect(s?.facts).toEqual([c]);
  });

  it('says the change cannot be published when the previous count is suppressed', () => {
    const s = countAndChange(count(5), suppressed('police.change'), PERIOD);
    expect(s?.text).toBe(
      '5 crimes in 2024/25; too few crimes in the year before to publish the change.',
    );
    expect(s?.facts).toHaveLength(2);
  });

  it('gives no sentence for a count that is not available', () => {
    expect(countAndChange(notAvailable('police.count'), undefined, PERIOD)).toBeNull();
  });

  it('uses the given words for other events', () => {
    const s = countAndChange(row('ae.count', { value: 1, numerator: 1 }), undefined, PERIOD, {
      one: 'attendance',
      many: 'attendances',
    });
    expect(s?.text).toBe('1 attendance in 2024/25.');
  });
});

describe('rate and rank', () => {
  const rate = row('police.rate_per_1000', {
    value: 2.0912,
    numerator: 200,
    denominator: 95637,
    unit: 'per_1000',
  });

  it('states the rate per 1,000 and the rank counted from the nearer end', () => {
    const low = row('police.rank_among_comparators', { value: 3, denominator: 10, unit: 'rank' });
    expect(rateAndRank(rate, low)?.text).toBe(
      '2.1 crimes per 1,000 residents: the third lowest rate of the 10 areas compared.',
    );
    const high = row('police.rank_among_comparators', { value: 9, denominator: 10, unit: 'rank' });
    expect(rateAndRank(rate, high)?.text).toContain('the second highest rate of the 10 areas');
    const top = row('police.rank_among_comparators', { value: 10, denominator: 10, unit: 'rank' });
    expect(rateAndRank(rate, top)?.text).toContain('the highest rate');
  });

  it('states the rate alone without comparators, and nothing when the rate is suppressed', () => {
    expect(rateAndRank(rate, undefined)?.text).toBe('2.1 crimes per 1,000 residents.');
    expect(rateAndRank(rate, undefined)?.facts).toEqual([rate]);
    expect(rateAndRank(suppressed('police.rate_per_1000'), undefined)).toBeNull();
  });

  it('adds how the rate stands against the comparators together, when they were compared', () => {
    const low = row('police.rank_among_comparators', { value: 3, denominator: 10, unit: 'rank' });
    const combined = (significance: PublishedRow['significance'], note: string | null = null) =>
      row('police.comparators_combined_rate_per_1000', {
        value: 5.1075,
        numerator: 12028,
        denominator: 2354988,
        unit: 'per_1000',
        significance,
        note,
      });
    const lower = rateAndRank(rate, low, 'crimes', combined('lower'));
    expect(lower?.text).toBe(
      '2.1 crimes per 1,000 residents: the third lowest rate of the 10 areas compared, and significantly lower than the comparator areas together (5.1).',
    );
    expect(lower?.facts).toEqual([rate, low, combined('lower')]);
    expect(rateAndRank(rate, undefined, 'crimes', combined('similar'))?.text).toBe(
      '2.1 crimes per 1,000 residents: similar to the comparator areas together (5.1).',
    );
    expect(rateAndRank(rate, low, 'crimes', combined('higher'))?.text).toContain(
      'and significantly higher than the comparator areas together (5.1)',
    );
    // Not compared (the area's count too small to publish): the clause and its fact are left out.
    const notCompared = rateAndRank(rate, low, 'crimes', combined(null, 'not compared: …'));
    expect(notCompared?.text).toBe(
      '2.1 crimes per 1,000 residents: the third lowest rate of the 10 areas compared.',
    );
    expect(notCompared?.facts).toEqual([rate, low]);
  });
});

describe('seasonality', () => {
  const months = (higher: number[], fields: Partial<PublishedRow> = {}) =>
    Array.from({ length: 12 }, (_, i) =>
      row('police.seasonal_index', {
        breakdown: 'month_of_year',
        breakdown_value: String(i + 1),
        value: higher.includes(i + 1) ? 130 : 90,
        significance: higher.includes(i + 1) ? 'higher' : 'similar',
        unit: 'index',
        ...fields,
      }),
    );

  it('names the peak months as ranges and cites only the peaks', () => {
    const s = seasonality(months([5, 6, 7, 10, 11, 12]));
    expect(s?.text).toBe('Seasonal increases in May–July and October–December.');
    expect(s?.facts.map((f) => f.breakdown_value)).toEqual(['5', '6', '7', '10', '11', '12']);
  });

  it('merges a run across the year end', () => {
    expect(seasonality(months([1, 11, 12]))?.text).toBe('Seasonal increases in November–January.');
  });

  it('names a single peak month', () => {
    expect(seasonality(months([11]))?.text).toBe('Seasonal increase in November.');
  });

  it('says there is no pattern only when all twelve months are published', () => {
    expect(seasonality(months([]))?.text).toBe('No significant seasonal pattern.');
    const withGap = months([]);
    withGap[3] = suppressed('police.seasonal_index', { breakdown_value: '4' });
    expect(seasonality(withGap)).toBeNull();
    expect(
      seasonality(months([], { suppressed: true, value: null, significance: null })),
    ).toBeNull();
  });
});

describe('place', () => {
  it('states the top beat share with its beat and counts', () => {
    const r = row('police.top_beat_share', {
      category: 'knife_crime',
      breakdown: 'beat',
      breakdown_value: 'N1G1',
      numerator: 12,
      denominator: 60,
      value: 20,
    });
    expect(place.topBeat(r, categoryNames('knife_crime'))?.text).toBe(
      '20% of knife crime takes place in the N1G1 beat (12 of 60 crimes with a known beat).',
    );
    expect(
      place.topBeat({ ...r, category: 'sexual_offences' }, categoryNames('sexual_offences'))?.text,
    ).toMatch(/^20% of sexual offences take place/);
    expect(
      place.topBeat(suppressed('police.top_beat_share'), categoryNames('knife_crime')),
    ).toBeNull();
  });

  it('states the night-time economy share with its counts, and nothing when suppressed or absent', () => {
    const r = row('police.night_time_economy_share', {
      numerator: 7,
      denominator: 339,
      value: 2.0649,
    });
    expect(place.nightTimeEconomy(r, categoryNames('violence_with_injury'))?.text).toBe(
      '2% of violence with injury (7 of 339 crimes with a known time) happened in the town centre on Friday and Saturday nights, between eight in the evening and four in the morning.',
    );
    const names = categoryNames('violence_with_injury');
    expect(place.nightTimeEconomy(suppressed('police.night_time_economy_share'), names)).toBeNull();
    expect(
      place.nightTimeEconomy(
        row('police.night_time_economy_share', {
          note: 'not available: needs area.town_centre_wards',
        }),
        names,
      ),
    ).toBeNull();
  });

  it('adds the share in or near licensed premises when it is published, and only then', () => {
    const names = categoryNames('violence_with_injury');
    const night = row('police.night_time_economy_share', {
      numerator: 16,
      denominator: 339,
      value: 4.7198,
    });
    const licensed = row('police.night_time_economy_licensed_share', {
      numerator: 6,
      denominator: 15,
      value: 40,
    });
    const said = place.nightTimeEconomy(night, names, licensed);
    expect(said?.text).toBe(
      '5% of violence with injury (16 of 339 crimes with a known time) happened in the town centre on Friday and Saturday nights, between eight in the evening and four in the morning; 40% of those with a known location type (6 of 15) were in or near licensed premises.',
    );
    expect(said?.facts).toEqual([night, licensed]);
    const hidden = suppressed('police.night_time_economy_licensed_share', { denominator: 7 });
    expect(place.nightTimeEconomy(night, names, hidden)?.text).not.toContain('licensed');
    const absent = row('police.night_time_economy_licensed_share', {
      note: 'not available: needs police_crimes.location_type',
    });
    expect(place.nightTimeEconomy(night, names, absent)?.facts).toEqual([night]);
  });

  it('states the concentration in the top 10% of LSOAs', () => {
    const r = row('police.top10pct_lsoa_share', { numerator: 123, denominator: 372, value: 33.06 });
    expect(place.topLsoaShare(r)?.text).toBe(
      '33% of crimes with a known location are in the 10% of neighbourhoods (LSOAs) with most crime (123 of 372).',
    );
  });

  it('leaves out a top 10% share that is 100% by construction', () => {
    // 5 crimes in 3 of 60 LSOAs: the top 10% (6 LSOAs) holds them all whatever the pattern.
    const r = row('police.top10pct_lsoa_share', {
      numerator: 5,
      denominator: 5,
      value: 100,
    });
    expect(place.topLsoaShare(r)).toBeNull();
    // 95%: some crimes lie outside the top 10%, so the share tells of concentration.
    expect(place.topLsoaShare({ ...r, numerator: 19, denominator: 20, value: 95 })?.text).toMatch(
      /^95% of crimes/,
    );
  });

  it('names the wards above the funnel, highest rate first, at most three', () => {
    const ward = (name: string, value: number, significance: PublishedRow['significance']) =>
      row('police.rate_by_ward', {
        breakdown: 'ward',
        breakdown_value: name,
        value,
        unit: 'per_1000',
        significance,
      });
    const centre = row('police.rate_by_ward', { value: 3.8246, unit: 'per_1000' });
    const wards = [
      ward('Kettlewick', 5.0714, 'higher'),
      ward('Northfold', 11.2758, 'higher'),
      ward('Fernley', 1.0126, 'lower'),
      ward('Tanyard', 3.9, 'similar'),
    ];
    const s = place.wardsAboveAverage([centre, ...wards]);
    expect(s?.text).toBe(
      'Significantly higher crime rates than the area’s wards together (3.8 per 1,000) in Northfold (11.3) and Kettlewick (5.1).',
    );
    expect(s?.facts).toEqual([centre, wards[1], wards[0]]);
    const many = ['A', 'B', 'C', 'D'].map((name, i) => ward(name, 10 + i, 'higher'));
    expect(place.wardsAboveAverage([centre, ...many])?.text).toMatch(
      / in D \(13\.0\), C \(12\.0\) and B \(11\.0\)\.$/,
    );
    // No ward above the funnel, or a suppressed one: nothing to say.
    expect(place.wardsAboveAverage([centre, wards[2] as PublishedRow])).toBeNull();
    const hidden = { ...ward('Northfold', 11.2758, 'higher'), suppressed: true };
    expect(place.wardsAboveAverage([centre, hidden])).toBeNull();
  });

  it('claims a link with deprivation only when the CI of rho excludes 0', () => {
    const rho = (value: number, lower: number, upper: number) =>
      row('police.imd_spearman', {
        value,
        lower_ci95: lower,
        upper_ci95: upper,
        denominator: 60,
        unit: 'rho',
      });
    expect(place.deprivation(rho(-0.75, -0.85, -0.59))?.text).toBe(
      'Crime rates are higher in more deprived neighbourhoods (a strong link: Spearman’s rho −0.75 across 60 LSOAs).',
    );
    expect(place.deprivation(rho(0.45, 0.2, 0.65))?.text).toMatch(
      /^Crime rates are higher in less deprived .* moderate link/,
    );
    expect(place.deprivation(rho(-0.16, -0.4, 0.1))?.text).toMatch(
      /^No significant link .*not significant/,
    );
    expect(
      place.deprivation(row('police.imd_spearman', { value: null, note: 'fewer than 3 pairs' })),
    ).toBeNull();
  });

  it('states repeat addresses and the crimes at them', () => {
    const r = row('addresses.repeat_count', {
      value: 26,
      numerator: 120,
      denominator: 322,
      unit: 'count',
    });
    expect(place.repeatAddresses(r)?.text).toBe(
      '26 addresses accounted for 120 crimes (of 322 with a known address).',
    );
    const none = row('addresses.repeat_count', { value: 0, numerator: 0, denominator: 46 });
    expect(place.repeatAddresses(none)?.text).toBe('No repeat addresses.');
    expect(place.repeatAddresses(suppressed('addresses.repeat_count'))?.text).toBe(
      'The numbers of repeat addresses and of the crimes at them are too small to publish.',
    );
    expect(place.repeatAddresses(notAvailable('addresses.repeat_count'))).toBeNull();
  });
});
