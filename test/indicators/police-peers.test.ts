/**
 * The area against its comparators: the rank, and the Fingertips benchmark comparison of the
 * area's rate with the comparators' combined rate (pooled counts, not the mean of rates).
 */
import { describe, expect, it } from 'vitest';
import type { IndicatorContext } from '../../indicators/define.js';
import { type PeerCount, peerRows } from '../../indicators/families/police-peers.js';
import { crudeRate } from '../../indicators/methods/index.js';

const context = {
  areaCode: 'E08000002',
  config: { thresholds: { suppressBelow: 5 } },
  period: { start: '2024-04-01', end: '2025-03-31' },
} as unknown as IndicatorContext;

const peer = (area_code: string, crimes: number, residents: number): PeerCount => ({
  category: 'violence_with_injury',
  area_code,
  crimes,
  residents,
});
const PEERS = [peer('E1', 300, 100_000), peer('E2', 900, 200_000), peer('E3', 50, 0)];

const rowsFor = (count: number, residents: number, peers = PEERS) =>
  peerRows(
    context,
    'violence_with_injury',
    { category: 'violence_with_injury', period_count: count, residents },
    peers,
  );
const combined = (count: number, residents: number) =>
  rowsFor(count, residents).find(
    (r) => r.indicator_id === 'police.comparators_combined_rate_per_1000',
  );

describe('the comparators’ combined rate', () => {
  it('pools the comparators’ crimes and residents, leaving out peers without residents', () => {
    const row = combined(200, 100_000);
    expect([row?.numerator, row?.denominator]).toEqual([1200, 300_000]);
    // 1,200 / 300,000 × 1,000 = 4.0, where the mean of the two rates (3.0 and 4.5) is 3.75.
    expect(row?.value).toBeCloseTo(4, 12);
    const ci = crudeRate({ count: 1200, denominator: 300_000, multiplier: 1000 });
    expect([row?.lower_ci95, row?.upper_ci95]).toEqual([ci.lower, ci.upper]);
    expect(row?.method).toBe('byar');
  });

  it('says whether the area’s 95% CI lies above, below or across it', () => {
    // 2.0 per 1,000 (1.73–2.30), 4.0 (3.61–4.41) and 6.0 (5.53–6.50) against 4.0.
    expect(combined(200, 100_000)?.significance).toBe('lower');
    expect(combined(400, 100_000)?.significance).toBe('similar');
    expect(combined(600, 100_000)?.significance).toBe('higher');
    // A wide interval from few crimes: 10 per 10,000 residents is 1.0 (0.48–1.84).
    expect(combined(10, 10_000)?.significance).toBe('lower');
    expect(combined(35, 10_000)?.significance).toBe('similar');
  });

  it('does not compare a count too small to publish, and says so', () => {
    const row = combined(3, 100_000);
    expect(row?.significance).toBeNull();
    expect(row?.note).toBe("not compared: the area's count is below 5");
    expect(row?.value).toBeCloseTo(4, 12);
    expect(combined(0, 100_000)?.significance).toBe('lower');
  });

  it('ranks the area among the comparators with residents, 1 = lowest rate', () => {
    const rank = (count: number) =>
      rowsFor(count, 100_000).find((r) => r.indicator_id === 'police.rank_among_comparators');
    expect([rank(200)?.value, rank(200)?.denominator]).toEqual([1, 3]);
    expect(rank(400)?.value).toBe(2);
    expect(rank(300)?.value).toBe(1); // a tie shares the better rank
    expect(rank(600)?.value).toBe(3);
  });

  it('gives no rows without comparators or without the area’s residents', () => {
    expect(rowsFor(200, 100_000, [])).toEqual([]);
    expect(rowsFor(200, 0)).toEqual([]);
  });
});
