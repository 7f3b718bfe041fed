/**
 * Never a part presented as the whole (issue "Never silently wrong on a real area"): what the data
 * cover of each period, periods by calendar, the population year, and area checks, each on a small
 * inline table whose answer is worked out by hand.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, InputError } from '../../core/errors.js';
import { memoryLogger } from '../../core/log.js';
import { loadConfig } from '../../pipeline/config/load-config.js';
import { run, validate } from '../../pipeline/index.js';
import type { Manifest } from '../../pipeline/outputs/manifest.js';
import { query, workspace } from '../helpers/workspace.js';

const STREET_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const street = (id: string, month: string, lsoa: string, type = 'Violence and sexual offences') =>
  `${id},${month},Test Police,Test Police,-2.1,53.5,On or near Test Street,${lsoa},,${type},,`;

const GEOGRAPHY = [
  'lsoa_code,lsoa_name,ward_code,ward_name,lad_code,lad_name',
  'E01999001,Test 001A,E05999001,Ward A,E08999999,Testshire',
  'E01999002,Test 001B,E05999001,Ward A,E08999999,Testshire',
  'E01999901,Other 001A,E05999901,Ward Z,E08999998,Otherton',
].join('\n');

interface Setup {
  end: string;
  months?: number;
  extraPeriod?: string;
  thresholds?: string;
  codes?: string;
  populationYear?: number;
  street?: Record<string, string[]>;
  crimes?: string[];
}

function setUp(setup: Setup) {
  const ws = workspace('sna-coverage-');
  ws.write('ref/geography.csv', GEOGRAPHY);
  ws.write(
    'ref/population.csv',
    `area_code,year,sex,age,population\nE01999001,${setup.populationYear ?? 2022},M,20,1000\nE01999002,${setup.populationYear ?? 2022},F,30,1000\n`,
  );
  const inputs: string[] = [];
  for (const [name, rows] of Object.entries(setup.street ?? {})) {
    ws.write(`street/${name}`, [STREET_HEADER, ...rows].join('\n'));
  }
  if (setup.street) inputs.push('  police_uk_street: street/*-street.csv');
  if (setup.crimes) {
    ws.write(
      'crimes.csv',
      ['crime_ref,recorded_date,ho_offence_code,lsoa_code', ...setup.crimes].join('\n'),
    );
    inputs.push('  police_crimes: crimes.csv');
  }
  ws.config(`area:
  name: Testshire
  codes: ${setup.codes ?? '[E08999999]'}
period:
  end: ${setup.end}
  months: ${setup.months ?? 12}
  history_years: 1
${setup.extraPeriod ?? ''}
inputs:
${inputs.join('\n')}
reference:
  geography: ref/geography.csv
  population: ref/population.csv
${setup.thresholds ?? ''}
`);
  return ws;
}

async function runAll(ws: ReturnType<typeof workspace>) {
  const log = memoryLogger();
  await run(ws.path('sna.config.yaml'), { log });
  const manifest = JSON.parse(readFileSync(ws.path('out/manifest.json'), 'utf8')) as Manifest;
  const indicators = readFileSync(ws.path('out/indicators.csv'), 'utf8');
  const headline = readFileSync(ws.path('out/headline.md'), 'utf8');
  return { log, manifest, indicators, headline };
}

const row = (csv: string, id: string, category: string) =>
  csv.split('\n').find((line) => line.startsWith(`${id},${category},`)) ?? '';

/** Three months of police.uk files, seven violence crimes a month in the area. */
const threeMonths = (): Record<string, string[]> =>
  Object.fromEntries(
    ['2022-09', '2022-10', '2022-11'].map((month) => [
      `${month}-test-street.csv`,
      Array.from({ length: 7 }, (_, i) => street(`${month}-${i}`, month, 'E01999001')),
    ]),
  );

describe('coverage: what the data cover of each period', () => {
  it('says "data cover 3 of 12 months" on every affected row, in the manifest and the headline', async () => {
    const ws = setUp({ end: '2022-11-30', street: threeMonths() });
    const { log, manifest, indicators, headline } = await runAll(ws);
    const words = 'data cover 3 of 12 months: September to November 2022';
    const assessment = manifest.coverage.police_uk_street?.periods.assessment;
    expect(assessment).toMatchObject({ months_expected: 12, months_covered: 3, complete: false });
    expect(assessment?.missing_months).toEqual([
      '2021-12',
      '2022-01',
      '2022-02',
      '2022-03',
      '2022-04',
      '2022-05',
      '2022-06',
      '2022-07',
      '2022-08',
    ]);
    const category = 'violence_and_sexual_offences';
    // 21 crimes counted, not scaled up to a year.
    expect(row(indicators, 'police.count', category)).toContain(',21.0,');
    for (const id of ['police.count', 'police.rate_per_1000', 'police.top10pct_lsoa_share']) {
      expect(row(indicators, id, category), id).toContain(words);
    }
    // No change over a period the data do not cover: blank, saying why.
    const change = row(indicators, 'police.change', category);
    expect(change).toContain('data cover 0 of 12 months of the previous period');
    expect(change.split(',').slice(9, 12)).toEqual(['', '', '']);
    expect(headline).toContain(`21 crimes in December 2021 to November 2022 (${words})`);
    expect(log.lines.some((l) => l.message.includes('police_uk_street: data cover 3 of 12'))).toBe(
      true,
    );
    // The monthly history is blank before the data, not zero.
    const august = indicators
      .split('\n')
      .find((l) => l.startsWith(`police.monthly,${category},`) && l.includes(',month,2022-08,'));
    expect(august).toContain('no data for this month');
  });

  it('ranks no part of a year among other areas’ whole years', async () => {
    const ws = setUp({ end: '2022-11-30', street: threeMonths() });
    // The peers' full-year rates (3 and 40 per 1,000) would rank the area's three months (10.5)
    // second of three: a rank of part of a year against whole years.
    ws.write(
      'ref/comparators.csv',
      [
        'area_code,area_name,year,category,count,population',
        'E08999901,Peer One,2022,violence_and_sexual_offences,30,10000',
        'E08999902,Peer Two,2022,violence_and_sexual_offences,400,10000',
      ].join('\n'),
    );
    const yaml = readFileSync(ws.path('sna.config.yaml'), 'utf8').replace(
      'reference:\n',
      'reference:\n  comparators: ref/comparators.csv\n',
    );
    ws.config(yaml);
    const { indicators, headline } = await runAll(ws);
    for (const id of [
      'police.rank_among_comparators',
      'police.comparators_combined_rate_per_1000',
    ]) {
      const fields = row(indicators, id, 'violence_and_sexual_offences').split(',');
      expect([id, fields[9], fields[13]]).toEqual([id, '', '']);
      // The note, then the status: a blank value with its reason.
      expect(fields.at(-1)).toBe('not_applicable');
      expect(fields.at(-2)).toContain(
        'no comparison with other areas over a period the data do not fully cover',
      );
    }
    expect(headline).not.toContain('areas compared');
    // Nor drawn among them.
    expect(existsSync(ws.path('out/charts/police-rate-comparators.vl.json'))).toBe(false);
  });

  it('sets no rate of an old population among peers’ rates of the period’s year', async () => {
    const year = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => {
        const month = `20${i === 0 ? '21-12' : `22-${String(i).padStart(2, '0')}`}`;
        return [`${month}-test-street.csv`, [street(`${month}-a`, month, 'E01999001')]];
      }),
    );
    const ws = setUp({ end: '2022-11-30', populationYear: 2015, street: year });
    ws.write(
      'ref/comparators.csv',
      'area_code,area_name,year,category,count,population\nE08999901,Peer One,2022,violence_and_sexual_offences,30,10000\n',
    );
    ws.config(
      readFileSync(ws.path('sna.config.yaml'), 'utf8').replace(
        'reference:\n',
        'reference:\n  comparators: ref/comparators.csv\n',
      ),
    );
    const { manifest, indicators } = await runAll(ws);
    expect(manifest.coverage.police_uk_street?.periods.assessment?.complete).toBe(true);
    const rank = row(indicators, 'police.rank_among_comparators', 'violence_and_sexual_offences');
    expect(rank.split(',')[9]).toBe('');
    expect(rank).toContain(
      "no comparison with other areas: the area's rates use the population of mid-2015, the comparators' that of 2022",
    );
    expect(existsSync(ws.path('out/charts/police-rate-comparators.vl.json'))).toBe(false);
  });

  it('exits 3 naming the source and the missing months when complete coverage is required', async () => {
    const ws = setUp({
      end: '2022-11-30',
      street: threeMonths(),
      thresholds: 'thresholds:\n  require_complete_coverage: true',
    });
    const error = await run(ws.path('sna.config.yaml'), { log: memoryLogger() }).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(3);
    expect((error as InputError).message).toMatch(
      /police_uk_street: data cover 3 of 12 months .*no rows for December 2021 to August 2022/,
    );
    const result = await validate(ws.path('sna.config.yaml'));
    expect(result.exitCode).toBe(3);
    expect(result.coverage[0]).toContain('police_uk_street: data cover 3 of 12 months');
  });
});

describe('periods by calendar', () => {
  /** One crime on each day given; the extract covers June to November 2022. */
  const crimesOn = (days: string[]) => days.map((day, i) => `C${i},${day},8N,E01999001`);
  const everyMonth = ['2022-06-15', '2022-07-15', '2022-08-15', '2022-09-15', '2022-10-15'];

  it('makes the previous period the months just before, so 31 August counts (end 2022-11-30, 3 months)', async () => {
    const ws = setUp({
      end: '2022-11-30',
      months: 3,
      crimes: crimesOn([...everyMonth, '2022-08-31', '2022-11-30', '2022-09-01']),
      // Small counts stay visible here: the test is about which days count, not disclosure.
      thresholds: 'thresholds:\n  suppress_below: 1',
    });
    const { indicators } = await runAll(ws);
    const config = await query(
      ws.path('out/sna.duckdb'),
      `SELECT strftime(previous_start, '%Y-%m-%d') AS previous_start,
              strftime(previous_end, '%Y-%m-%d') AS previous_end,
              strftime(period_start, '%Y-%m-%d') AS period_start FROM run_config`,
    );
    expect(config).toEqual([
      { previous_start: '2022-06-01', previous_end: '2022-08-31', period_start: '2022-09-01' },
    ]);
    // Previous: 15 June, 15 July, 15 August, 31 August = 4; period: 15 Sep, 15 Oct, 30 Nov, 1 Sep = 4.
    const change = row(indicators, 'police.change', 'violence_with_injury');
    expect(change.split(',').slice(7, 9)).toEqual(['4.0', '4.0']);
    expect(change).toContain('previous period 1 June to 31 August 2022');
  });

  it('refuses a period.end that is not a month-end, naming the month-end probably meant', async () => {
    const ws = setUp({ end: '2022-11-29', crimes: crimesOn(everyMonth) });
    const error = await loadConfig(ws.path('sna.config.yaml')).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join('\n')).toContain(
      'period.end: 2022-11-29 is not the last day of a month: did you mean 2022-11-30?',
    );
    const early = setUp({ end: '2022-12-02', crimes: crimesOn(everyMonth) });
    const earlyError = await loadConfig(early.path('sna.config.yaml')).catch((e) => e);
    expect((earlyError as ConfigError).problems.join('\n')).toContain('did you mean 2022-11-30?');
  });

  it('makes day-exact periods with period.allow_mid_month', async () => {
    const ws = setUp({
      end: '2022-11-15',
      months: 3,
      extraPeriod: '  allow_mid_month: true',
      crimes: crimesOn(everyMonth),
    });
    await run(ws.path('sna.config.yaml'), { stages: ['ingest'], log: memoryLogger() });
    const config = await query(
      ws.path('out/sna.duckdb'),
      `SELECT strftime(period_start, '%Y-%m-%d') AS s, strftime(previous_start, '%Y-%m-%d') AS ps,
              strftime(previous_end, '%Y-%m-%d') AS pe FROM run_config`,
    );
    expect(config).toEqual([{ s: '2022-08-16', ps: '2022-05-16', pe: '2022-08-15' }]);
  });
});

describe('the population year', () => {
  it('names the year on every rate and warns when it is more than two years before the end', async () => {
    const ws = setUp({ end: '2022-11-30', populationYear: 2015, street: threeMonths() });
    const { log, manifest, indicators } = await runAll(ws);
    expect(manifest.population).toEqual({ year: 2015, period_end_year: 2022 });
    const rate = row(indicators, 'police.rate_per_1000', 'violence_and_sexual_offences');
    expect(rate).toContain('population of mid-2015 (7 years before the period ends)');
    expect(
      log.lines.some((l) => l.level === 'warn' && l.message.includes('mid-2015, 7 years')),
    ).toBe(true);
    const html = readFileSync(ws.path('out/report.html'), 'utf8');
    expect(html).toContain('mid-2015');
  });
});

describe('area checks', () => {
  it('exits 2 naming an area code the lookup lacks, and the code meant by the area name', async () => {
    const ws = setUp({ end: '2022-11-30', codes: '[E08999990]', street: threeMonths() });
    const error = await run(ws.path('sna.config.yaml'), { log: memoryLogger() }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(2);
    expect((error as ConfigError).problems).toEqual([
      'area.codes: E08999990 is not a local authority code in the geography lookup: did you mean E08999999 (Testshire)?',
    ]);
    expect((await validate(ws.path('sna.config.yaml'))).exitCode).toBe(2);
  });

  it('warns, and says in the outputs, when a police source has no row in the area', async () => {
    const ws = setUp({
      end: '2022-11-30',
      street: {
        '2022-11-test-street.csv': [
          street('x1', '2022-11', 'E01999901'),
          street('x2', '2022-11', 'E01999901'),
          street('x3', '2022-11', 'E01888888'),
        ],
      },
    });
    const { log, indicators, headline } = await runAll(ws);
    const said = "police_uk_street's rows fall in Otherton, LSOAs not in the geography lookup";
    expect(
      log.lines.some(
        (l) =>
          l.level === 'warn' &&
          l.message.includes(
            'police_uk_street: no rows in Testshire; its 3 rows fall in Otherton (2)',
          ),
      ),
    ).toBe(true);
    expect(row(indicators, 'police.count', 'serious_violence')).toContain(
      `no rows in the area: ${said}`,
    );
    expect(headline).toContain('The police crime files hold no rows for Testshire: police');
    expect(headline).toContain('rows fall in Otherton, LSOAs not in the geography lookup.');
  });
});
