import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../core/log.js';
import type { IndicatorFamily } from '../../indicators/define.js';
import { FAMILIES, registryProblems, rowProblem } from '../../indicators/registry.js';
import { run } from '../../pipeline/index.js';
import { baseConfig, query, workspace, writeReference } from '../helpers/workspace.js';

const HEADER = 'crime_ref,recorded_date,ho_offence_code,lsoa_code,beat';

function crimesOnly(periodEnd: string) {
  const ws = workspace();
  writeReference(ws);
  const rows = Array.from({ length: 30 }, (_, i) => {
    const month = String((i % 12) + 1).padStart(2, '0');
    return `C${i},2024-${month}-15,8N,E01999001,N1G1`;
  });
  ws.write('extracts/crimes.csv', `${HEADER}\n${rows.join('\n')}\n`);
  ws.config(
    baseConfig('  police_crimes: extracts/crimes.csv').replace(
      'end: 2025-03-31',
      `end: ${periodEnd}`,
    ),
  );
  return ws;
}

describe('indicators whose inputs are absent', () => {
  it('are written as "not available" with the reason, and the reason is logged', async () => {
    const ws = crimesOnly('2024-12-31');
    const log = memoryLogger();
    await run(ws.path('sna.config.yaml'), { stages: ['ingest', 'indicators'], log });
    const rows = await query<{
      indicator_id: string;
      category: string;
      value: number | null;
      note: string;
    }>(
      ws.path('out/sna.duckdb'),
      `SELECT indicator_id, category, value, note FROM indicator_values
       WHERE indicator_id IN ('victims.under_25_pct', 'ae.count', 'yj.children', 'police.imd_spearman')
       ORDER BY indicator_id, category`,
    );
    const victims = rows.filter((r) => r.indicator_id === 'victims.under_25_pct');
    expect(victims.length).toBeGreaterThan(0);
    for (const r of victims) {
      expect(r.value).toBeNull();
      expect(r.note).toBe('not available: needs police_victims');
    }
    expect(rows.find((r) => r.indicator_id === 'ae.count')).toMatchObject({
      category: 'ae_assault',
      value: null,
      note: 'not available: needs ae_assaults',
    });
    expect(rows.find((r) => r.indicator_id === 'police.imd_spearman')?.note).toBe(
      'not available: needs imd',
    );
    expect(log.lines).toContainEqual({
      level: 'warn',
      message:
        'not available (needs youth_justice): yj.children, yj.offences, yj.offence_mix, yj.mean_age, yj.male_pct, yj.by_locality, yj.fte_rate_per_100000, yj.ooc_pct',
    });
    const csv = readFileSync(ws.path('out/indicators.csv'), 'utf8');
    expect(csv).toContain('not available: needs police_victims');
  });
});

describe('periods', () => {
  it('work for a calendar year as well as a financial year', async () => {
    const ws = crimesOnly('2024-12-31');
    await run(ws.path('sna.config.yaml'), {
      stages: ['ingest', 'indicators'],
      log: memoryLogger(),
    });
    const [count] = await query<{ period_start: string; period_end: string; value: number }>(
      ws.path('out/sna.duckdb'),
      `SELECT strftime(period_start, '%Y-%m-%d') period_start, strftime(period_end, '%Y-%m-%d') period_end, value
       FROM indicator_values WHERE indicator_id = 'police.count' AND category = 'violence_with_injury'`,
    );
    expect(count).toEqual({ period_start: '2024-01-01', period_end: '2024-12-31', value: 30 });
    const months = await query<{ n: number; first: string; last: string }>(
      ws.path('out/sna.duckdb'),
      `SELECT count(*)::INTEGER n, min(breakdown_value) "first", max(breakdown_value) "last" FROM indicator_values
       WHERE indicator_id = 'police.monthly' AND category = 'violence_with_injury'`,
    );
    expect(months[0]).toEqual({ n: 60, first: '2020-01', last: '2024-12' });
  });

  it('puts only the months of a shorter period in it', async () => {
    const ws = crimesOnly('2024-06-30');
    ws.config(
      readFileSync(ws.path('sna.config.yaml'), 'utf8').replace(
        'end: 2024-06-30',
        'end: 2024-06-30\n  months: 6',
      ),
    );
    await run(ws.path('sna.config.yaml'), {
      stages: ['ingest', 'indicators'],
      log: memoryLogger(),
    });
    const [change] = await query<{ numerator: number; denominator: number; note: string }>(
      ws.path('out/sna.duckdb'),
      `SELECT numerator, denominator, note FROM indicator_values
       WHERE indicator_id = 'police.change' AND category = 'violence_with_injury'`,
    );
    // Jan–Jun 2024 hold C0–C5, C12–C17, C24–C29 (18 crimes). The data begin in January 2024,
    // so the previous six months are not "no crime" but not covered: no change is stated.
    expect(change).toEqual({
      numerator: 18,
      denominator: null,
      note: 'previous period 1 July to 31 December 2023; data cover 0 of 6 months of the previous period; no change is computed over a period the data do not fully cover',
    });
  });
});

describe('the registry', () => {
  it('has no duplicate or malformed ids', () => {
    expect(registryProblems()).toEqual([]);
  });

  it('reports a duplicate id with both families named', () => {
    const [first] = FAMILIES;
    const copy: IndicatorFamily = { ...(first as IndicatorFamily), name: 'copy' };
    expect(registryProblems([first as IndicatorFamily, copy])[0]).toMatch(
      /declared twice \(families police-counts and copy\)/,
    );
  });

  it('rejects a declaration outside the closed vocabularies, naming the field', () => {
    const [first] = FAMILIES as IndicatorFamily[];
    const broken = {
      ...(first?.indicators[0] as IndicatorFamily['indicators'][number]),
      id: 'police.broken',
      unit: 'per_mile',
      breakdowns: ['postcode'],
      needs: ['police_crime'],
    } as unknown as IndicatorFamily['indicators'][number];
    const family: IndicatorFamily = {
      name: 'broken',
      order: 1,
      indicators: [broken],
      compute: async () => [],
    };
    expect(registryProblems([family])).toEqual([
      'police.broken.unit: unknown unit "per_mile"',
      'police.broken.breakdowns: unknown "postcode"',
      'police.broken.needs: unknown source "police_crime"',
    ]);
  });

  it('refuses a declaration that counts areas and suppresses them as people', () => {
    const base = FAMILIES.flatMap((f) => f.indicators).find(
      (i) => i.id === 'police.hotspot_lsoa_share',
    );
    if (!base) throw new Error('police.hotspot_lsoa_share is not declared');
    const family: IndicatorFamily = {
      name: 'broken',
      order: 1,
      indicators: [{ ...base, disclosure: ['numerator'] }],
      compute: async () => [],
    };
    expect(registryProblems([family])).toEqual([
      'police.hotspot_lsoa_share.disclosure: lists "numerator", which counts areas',
    ]);
  });

  it('refuses a computed row with a breakdown its indicator did not declare', () => {
    const indicator = FAMILIES[0]?.indicators.find((i) => i.id === 'police.count');
    const row = {
      indicator_id: 'police.count',
      breakdown: 'beat',
      significance: null,
    } as unknown as Parameters<typeof rowProblem>[0];
    expect(rowProblem(row, indicator)).toBe(
      'police.count: breakdown "beat" is not among its declared none',
    );
  });

  it('takes a row with no breakdown from any indicator only when it says why it has no value', () => {
    const indicator = FAMILIES.flatMap((f) => f.indicators).find(
      (i) => i.id === 'police.hotspot_gi',
    );
    const row = (status: string, note: string | null) =>
      ({
        indicator_id: 'police.hotspot_gi',
        breakdown: 'none',
        method: 'getis_ord_gi_star',
        significance: null,
        status,
        note,
      }) as unknown as Parameters<typeof rowProblem>[0];
    expect(rowProblem(row('not_applicable', 'fewer than 30 crimes'), indicator)).toBeUndefined();
    expect(rowProblem(row('not_applicable', null), indicator)).toMatch(/breakdown "none"/);
    expect(rowProblem(row('published', 'fewer than 30 crimes'), indicator)).toMatch(
      /breakdown "none"/,
    );
  });
});

describe('a population file that does not cover the area', () => {
  it('leaves the rate blank with a note instead of dividing by a wrong number', async () => {
    const ws = crimesOnly('2024-12-31');
    ws.write('ref/population.csv', 'area_code,year,sex,age,population\nE01999901,2024,M,20,1000\n');
    await run(ws.path('sna.config.yaml'), {
      stages: ['ingest', 'indicators'],
      log: memoryLogger(),
    });
    const [rate] = await query<{ value: number | null; numerator: number; note: string }>(
      ws.path('out/sna.duckdb'),
      `SELECT value, numerator, note FROM indicator_values
       WHERE indicator_id = 'police.rate_per_1000' AND category = 'violence_with_injury'`,
    );
    expect(rate).toEqual({
      value: null,
      numerator: 30,
      note: "no residents of the area's LSOAs in the population file (or only age bands that cannot give them)",
    });
  });
});
