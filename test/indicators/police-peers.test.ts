/**
 * The area against its comparators: the rank, and the Fingertips benchmark comparison of the
 * area's rate with the comparators' combined rate (pooled counts, not the mean of rates).
 */
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../core/log.js';
import type { IndicatorContext } from '../../indicators/define.js';
import { type PeerCount, peerRows } from '../../indicators/families/police-peers.js';
import { crudeRate } from '../../indicators/methods/index.js';
import { noResidentsNote } from '../../indicators/rows.js';
import { run } from '../../pipeline/index.js';
import { baseConfig, query, workspace, writeReference } from '../helpers/workspace.js';

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

  it('says why there is no rank without comparators, without their residents or the area’s', () => {
    const notes = (rows: ReturnType<typeof rowsFor>) =>
      rows.map((r) => [r.indicator_id, r.value, r.note]);
    const none = 'not available: the comparators file has no rows for this category in 2025';
    expect(notes(rowsFor(200, 100_000, []))).toEqual([
      ['police.rank_among_comparators', null, none],
      ['police.comparators_combined_rate_per_1000', null, none],
    ]);
    const noResidents = rowsFor(200, 100_000, [peer('E3', 50, 0)]);
    expect(noResidents.map((r) => r.note)).toEqual([
      'not available: the comparators file gives no residents for this category in 2025',
      'not available: the comparators file gives no residents for this category in 2025',
    ]);
    const own = rowsFor(200, 0);
    expect(own.map((r) => [r.value, r.note])).toEqual([
      [null, noResidentsNote()],
      [null, noResidentsNote()],
    ]);
  });
});

const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const street = (id: string, type: string) =>
  `${id},2025-01,Test Police,Test Police,-2.1,53.5,On or near Test Street,E01999001,,${type},Under investigation,`;

describe('comparators on police.uk data', () => {
  it('gives each comparator’s rate, and says why for a category the file lacks', async () => {
    const ws = workspace('sna-comparators-');
    writeReference(ws);
    ws.write(
      'street/2025-01-test-street.csv',
      [
        HEADER,
        street('a1', 'Violence and sexual offences'),
        street('a2', 'Violence and sexual offences'),
        street('b1', 'Robbery'),
      ].join('\n'),
    );
    // The force's files for the rest of the year hold only anti-social behaviour: the year is
    // covered, so the area's rate may be ranked among the peers' years.
    for (const month of ['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09'].concat([
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-02',
      '2025-03',
    ])) {
      ws.write(
        `street/${month}-test-street.csv`,
        `${HEADER}\n,${month},Test Police,Test Police,-2.1,53.5,On or near Test Street,E01999001,,Anti-social behaviour,,`,
      );
    }
    ws.write(
      'ref/comparators.csv',
      [
        'area_code,area_name,year,category,count,population',
        'E08999901,Peer One,2025,violence_and_sexual_offences,30,10000',
        'E08999902,Peer Two,2025,violence_and_sexual_offences,5,1000',
        'E08999903,Peer Three,2024,robbery,7,1000', // another year: not the period's
      ].join('\n'),
    );
    ws.config(
      baseConfig('  police_uk_street: street/*-street.csv', '  comparators: ref/comparators.csv\n'),
    );
    await run(ws.path('sna.config.yaml'), {
      stages: ['ingest', 'indicators'],
      log: memoryLogger(),
    });
    const rows = await query<{
      indicator_id: string;
      category: string;
      area_code: string;
      value: number | null;
      note: string | null;
    }>(
      ws.path('out/sna.duckdb'),
      `SELECT indicator_id, category, area_code, value, note FROM indicator_values
       WHERE indicator_id IN ('police.comparator_rate_per_1000', 'police.rank_among_comparators')
       ORDER BY indicator_id, category, area_code`,
    );
    const none = 'not available: the comparators file has no rows for this category in 2025';
    expect(rows.map((r) => [r.indicator_id, r.category, r.area_code, r.value, r.note])).toEqual([
      ['police.comparator_rate_per_1000', 'robbery', 'E08999999', null, none],
      ['police.comparator_rate_per_1000', 'violence_and_sexual_offences', 'E08999901', 3, null],
      ['police.comparator_rate_per_1000', 'violence_and_sexual_offences', 'E08999902', 5, null],
      ['police.rank_among_comparators', 'robbery', 'E08999999', null, none],
      // 2 crimes per 1,000 residents (the reference's 1,000) against 3 and 5: the lowest.
      [
        'police.rank_among_comparators',
        'violence_and_sexual_offences',
        'E08999999',
        1,
        'population of mid-2025',
      ],
    ]);
  });
});
