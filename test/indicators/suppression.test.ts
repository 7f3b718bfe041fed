import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../../indicators/define.js';
import { publishRows, testRow } from '../helpers/published-rows.js';

const row = (fields: Partial<IndicatorRow>): IndicatorRow =>
  testRow(
    { indicator_id: 'police.by_beat', breakdown: 'beat', unit: 'percent', method: 'wilson' },
    fields,
  );

const publish = (rows: IndicatorRow[]) =>
  publishRows(
    rows,
    'indicator_id, breakdown_value, numerator, denominator, value, lower_ci95, suppressed',
    'indicator_id, breakdown_value',
  );

describe('small-number suppression', () => {
  it('blanks a count of 1–4 with its value and limits, and one more value of its breakdown', async () => {
    const beat = (b: string, n: number) =>
      row({
        breakdown_value: b,
        numerator: n,
        denominator: 40,
        value: (100 * n) / 40,
        lower_ci95: 1,
      });
    const out = await publish([beat('A', 3), beat('B', 6), beat('C', 12), beat('D', 19)]);
    expect(out.map((r) => [r.breakdown_value, r.suppressed])).toEqual([
      ['A', true],
      ['B', true],
      ['C', false],
      ['D', false],
    ]);
    expect(out[0]).toMatchObject({
      numerator: null,
      value: null,
      lower_ci95: null,
      denominator: 40,
    });
  });

  it('shows 0, and suppresses a share whose complement is small', async () => {
    const out = await publish([
      row({
        indicator_id: 'police.count',
        breakdown: 'none',
        breakdown_value: 'zero',
        numerator: 0,
        value: 0,
        unit: 'count',
      }),
      row({
        indicator_id: 'victims.male_pct',
        breakdown: 'none',
        breakdown_value: 'almost all',
        numerator: 96,
        denominator: 98,
        value: 97.9,
      }),
    ]);
    expect(out.find((r) => r.breakdown_value === 'zero')).toMatchObject({
      suppressed: false,
      value: 0,
    });
    expect(out.find((r) => r.breakdown_value === 'almost all')).toMatchObject({
      suppressed: true,
      value: null,
    });
  });

  it('blanks both counts of a change when the previous period is small, but never a rank', async () => {
    const out = await publish([
      row({
        indicator_id: 'police.change',
        breakdown: 'none',
        breakdown_value: 'x',
        numerator: 40,
        denominator: 3,
        value: 1233,
      }),
      row({
        indicator_id: 'police.rank_among_comparators',
        breakdown: 'none',
        breakdown_value: 'y',
        value: 2,
        denominator: 3,
      }),
    ]);
    expect(out.find((r) => r.breakdown_value === 'x')).toMatchObject({
      suppressed: true,
      numerator: null,
      denominator: null,
      value: null,
    });
    expect(out.find((r) => r.breakdown_value === 'y')).toMatchObject({
      suppressed: false,
      value: 2,
    });
  });
});
