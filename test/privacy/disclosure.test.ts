/**
 * Which published columns are counts of people, addresses or events is declared per indicator
 * (`disclosure`), checked against its unit, and applied by `indicators_published`: a count of
 * addresses in the value, or of offences in the denominator of a mean, is suppressed as a
 * numerator is. The published-outputs scan (`small-counts.ts`) finds such counts in sentences.
 */
import { describe, expect, it } from 'vitest';
import type {
  IndicatorDefinition,
  IndicatorFamily,
  IndicatorRow,
} from '../../indicators/define.js';
import { INDICATORS, registryProblems } from '../../indicators/registry.js';
import { publishRows, testRow } from '../helpers/published-rows.js';
import { smallCountsInText } from './small-counts.js';

const family = (indicator: Partial<IndicatorDefinition>): IndicatorFamily => ({
  name: 'test',
  order: 1,
  indicators: [{ ...(INDICATORS[0] as IndicatorDefinition), id: 'test.x', ...indicator }],
  compute: async () => [],
});

const row = (fields: Partial<IndicatorRow>): IndicatorRow =>
  testRow(
    { indicator_id: 'addresses.repeat_count', category: 'violence_with_injury_domestic' },
    fields,
  );

const publish = (rows: IndicatorRow[]) =>
  publishRows(
    rows,
    'indicator_id, category, numerator, denominator, value, suppressed',
    'indicator_id, category',
  );

describe('disclosure declarations', () => {
  it('every indicator whose value is a count declares it, and no other does', () => {
    expect(registryProblems()).toEqual([]);
    const counts = INDICATORS.filter((i) => i.unit === 'count');
    expect(counts.map((i) => i.id)).toContain('addresses.repeat_count');
    expect(counts.map((i) => i.id)).toContain('yj.children');
    for (const indicator of INDICATORS) {
      expect([indicator.id, indicator.disclosure.includes('value')]).toEqual([
        indicator.id,
        indicator.unit === 'count',
      ]);
    }
  });

  it('refuses a count that does not declare its value, and a percentage that does', () => {
    expect(registryProblems([family({ unit: 'count', disclosure: ['numerator'] })])).toEqual([
      'test.x.disclosure: lists "value" exactly when the unit is count (unit count)',
    ]);
    expect(
      registryProblems([family({ unit: 'percent', disclosure: ['value', 'numerator'] })]),
    ).toEqual(['test.x.disclosure: lists "value" exactly when the unit is count (unit percent)']);
    const unknown = ['numerator', 'people'] as unknown as IndicatorDefinition['disclosure'];
    expect(registryProblems([family({ unit: 'percent', disclosure: unknown })])).toEqual([
      'test.x.disclosure: unknown column "people"',
    ]);
  });
});

describe('suppression of counted values and denominators', () => {
  it('blanks 1 to 4 addresses with the crimes at them and the crimes with a known address', async () => {
    const out = await publish([
      // D1..D6: six crimes at one household (issue 13).
      row({ value: 1, numerator: 6, denominator: 6 }),
      // 4 addresses with 12 crimes among 3,850: the 300,000-crime set's knife crime.
      row({ category: 'knife_crime', value: 4, numerator: 12, denominator: 3850 }),
      row({ category: 'serious_violence', value: 26, numerator: 120, denominator: 322 }),
      // No repeat address among 3 crimes with a known address: the 3 is a small count too.
      row({ category: 'robbery_personal', value: 0, numerator: 0, denominator: 3 }),
      row({ category: 'sexual_offences', value: 0, numerator: 0, denominator: 46 }),
    ]);
    expect(out.map((r) => [r.category, r.suppressed, r.value, r.numerator, r.denominator])).toEqual(
      [
        ['knife_crime', true, null, null, null],
        ['robbery_personal', true, null, null, null],
        ['serious_violence', false, 26, 120, 322],
        ['sexual_offences', false, 0, 0, 46],
        ['violence_with_injury_domestic', true, null, null, null],
      ],
    );
  });

  it('blanks a mean age over 1 to 4 offences, its count being the denominator', async () => {
    const mean = (category: string, offences: number) =>
      row({
        indicator_id: 'yj.mean_age',
        category,
        unit: 'years',
        method: 't',
        value: 14.5,
        denominator: offences,
      });
    const out = await publish([mean('a', 3), mean('b', 5)]);
    expect(out.map((r) => [r.category, r.suppressed, r.value, r.denominator])).toEqual([
      ['a', true, null, null],
      ['b', false, 14.5, 5],
    ]);
  });
  it('blanks the top beat’s share when the crimes in every other beat are 1 to 4', async () => {
    const top = (category: string, numerator: number, denominator: number) =>
      row({
        indicator_id: 'police.top_beat_share',
        category,
        breakdown: 'beat',
        breakdown_value: 'N1G1',
        unit: 'percent',
        method: 'wilson',
        numerator,
        denominator,
        value: (100 * numerator) / denominator,
      });
    // 10 of 12: the other beats hold 2, which police.by_beat blanks.
    const out = await publish([top('a', 10, 12), top('b', 10, 40), top('c', 12, 12)]);
    expect(out.map((r) => [r.category, r.suppressed, r.numerator])).toEqual([
      ['a', true, null],
      ['b', false, 10],
      ['c', false, 12],
    ]);
  });
});

describe('the scan of sentences for small counts', () => {
  it('finds a small count of addresses, crimes or people however it is phrased', () => {
    expect(
      smallCountsInText('1 address accounted for 6 crimes (of 6 with a known address).', 5),
    ).toEqual(['1 address']);
    expect(
      smallCountsInText('20% of knife crime is in N1G1 (3 of 60 crimes with a known beat)', 5),
    ).toEqual(['3 of 60 crimes']);
    expect(smallCountsInText('a count (of 4 with a known address)', 5)).toEqual([
      '4 with a known address',
    ]);
    expect(smallCountsInText('2 children committed 9 offences', 5)).toEqual(['2 children']);
  });

  it('passes larger counts, percentages, decimals, dates and thresholds', () => {
    const fine = [
      '26 addresses accounted for 120 crimes (of 322 with a known address).',
      '4% of crimes with a known location', // a share, not a count
      '1.2 crimes per 1,000 residents',
      'Assessment period: 1 April 2024 to 31 March 2025',
      'Repeat address: 3 or more of the category’s crimes in the period',
      '565 crimes in 2024/25, similar to the year before (524).',
      'data cover 3 of 12 months',
    ];
    for (const text of fine) expect([text, smallCountsInText(text, 5)]).toEqual([text, []]);
  });
});
