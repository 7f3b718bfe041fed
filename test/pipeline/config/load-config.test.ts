import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, EXIT } from '../../../core/errors.js';
import { loadConfig, parseConfig } from '../../../pipeline/config/load-config.js';

const CONFIG_PATH = '/srv/sna/bury/sna.config.yaml';
const DIR = '/srv/sna/bury';

/** Every key of the config (docs/contract.md#config-keys), as the README's example writes it. */
const FULL = `
area:
  name: Bury
  codes: [E08000002]
period:
  end: 2024-03-31
  months: 12
  history_years: 5
inputs:
  police_crimes: extracts/police/crimes-*.csv
  police_victims: extracts/police/victims-*.csv
  police_offenders: extracts/police/offenders-*.csv
  police_uk_street: extracts/police-uk/*-street.csv
  ae_assaults: extracts/ae/*.csv
  youth_justice: extracts/yj/*.csv
reference:
  geography: reference/geography.csv
  population: reference/population.csv
  imd: reference/imd.csv
  comparators: reference/comparators.csv
  ethnicity_population: reference/ethnicity.csv
  offence_groups: reference/offence-groups.csv
thresholds:
  repeat_address_min: 3
  suppress_below: 5
  max_reject_pct: 1
output_dir: out
database: out/sna.duckdb
`;

const MINIMAL = `
area: {name: Bury, codes: [E08000002]}
period: {end: 2024-03-31}
reference: {geography: ref/geo.csv, population: ref/pop.csv}
`;

/** The problems a config text is rejected with (fails the test if it is accepted). */
function problemsOf(text: string): string[] {
  try {
    parseConfig(text, CONFIG_PATH);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(EXIT.usage);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig: a valid config', () => {
  it('normalises every contract key, with paths absolute against the config folder', () => {
    const config = parseConfig(FULL, CONFIG_PATH);
    expect(config.configPath).toBe(CONFIG_PATH);
    expect(config.configDir).toBe(DIR);
    expect(config.configSha256).toBe(createHash('sha256').update(FULL).digest('hex'));
    expect(config.area).toEqual({
      name: 'Bury',
      codes: ['E08000002'],
      synthetic: false,
      townCentreWards: [],
    });
    expect(config.period).toEqual({
      end: '2024-03-31',
      months: 12,
      historyYears: 5,
      allowMidMonth: false,
    });
    expect(config.thresholds).toEqual({
      repeatAddressMin: 3,
      suppressBelow: 5,
      maxRejectPct: 1,
      requireCompleteCoverage: false,
    });
    expect(config.outputDir).toBe(`${DIR}/out`);
    expect(config.database).toBe(`${DIR}/out/sna.duckdb`);
    expect(Object.keys(config.inputs)).toHaveLength(6);
    expect(Object.keys(config.reference)).toHaveLength(6);
    expect(config.inputs.police_crimes).toEqual({
      pattern: 'extracts/police/crimes-*.csv',
      absolutePattern: `${DIR}/extracts/police/crimes-*.csv`,
      columns: {},
      dateFormat: 'yyyy-MM-dd',
      encoding: 'utf-8',
    });
    expect(config.reference.offence_groups?.absolutePattern).toBe(
      `${DIR}/reference/offence-groups.csv`,
    );
  });

  it('reads police.uk months as yyyy-MM by default', () => {
    expect(parseConfig(FULL, CONFIG_PATH).inputs.police_uk_street?.dateFormat).toBe('yyyy-MM');
  });

  it('fills the defaults of a minimal config', () => {
    const config = parseConfig(MINIMAL, CONFIG_PATH);
    expect(config.period).toEqual({
      end: '2024-03-31',
      months: 12,
      historyYears: 5,
      allowMidMonth: false,
    });
    expect(config.thresholds).toEqual({
      repeatAddressMin: 3,
      suppressBelow: 5,
      maxRejectPct: 1,
      requireCompleteCoverage: false,
    });
    expect(config.inputs).toEqual({});
    expect(config.outputDir).toBe(`${DIR}/out`);
    expect(config.database).toBe(`${DIR}/out/sna.duckdb`);
    expect(config.resources).toEqual({ memoryLimit: null, threads: null });
  });

  it('reads DuckDB’s memory cap and threads from resources:', () => {
    const config = parseConfig(
      `${MINIMAL}resources: {memory_limit: 6GB, threads: 1}\n`,
      CONFIG_PATH,
    );
    expect(config.resources).toEqual({ memoryLimit: '6GB', threads: 1 });
    const binary = parseConfig(`${MINIMAL}resources: {memory_limit: 1.5 GiB}\n`, CONFIG_PATH);
    expect(binary.resources).toEqual({ memoryLimit: '1.5 GiB', threads: null });
  });

  it('puts the default database under a configured output_dir', () => {
    const config = parseConfig(`${MINIMAL}output_dir: ../results\n`, CONFIG_PATH);
    expect(config.outputDir).toBe('/srv/sna/results');
    expect(config.database).toBe('/srv/sna/results/sna.duckdb');
  });

  it('keeps absolute paths as they are', () => {
    const text = MINIMAL.replace('ref/geo.csv', '/data/geo.csv');
    expect(parseConfig(text, CONFIG_PATH).reference.geography?.absolutePattern).toBe(
      '/data/geo.csv',
    );
  });

  it('accepts the object form with columns, date_format and encoding', () => {
    const text = `${MINIMAL}inputs:
  police_crimes:
    path: extracts/gmp/*.csv
    columns: {crime_ref: "Crime Number", recorded_date: "Date Recorded"}
    date_format: dd/MM/yyyy
    encoding: CP1252
  ae_assaults: {path: ae.csv, encoding: UTF8}
  police_uk_street: {path: street/*.csv, date_format: MM/yyyy}
`;
    const { inputs } = parseConfig(text, CONFIG_PATH);
    expect(inputs.police_crimes).toEqual({
      pattern: 'extracts/gmp/*.csv',
      absolutePattern: `${DIR}/extracts/gmp/*.csv`,
      columns: { crime_ref: 'Crime Number', recorded_date: 'Date Recorded' },
      dateFormat: 'dd/MM/yyyy',
      encoding: 'windows-1252',
    });
    expect(inputs.ae_assaults?.encoding).toBe('utf-8');
    expect(inputs.ae_assaults?.dateFormat).toBe('yyyy-MM-dd');
    expect(inputs.police_uk_street?.dateFormat).toBe('MM/yyyy');
  });

  it('reads YAML 1.2 core types even under a %YAML 1.1 directive', () => {
    const config = parseConfig(`%YAML 1.1\n---\n${MINIMAL}`, CONFIG_PATH);
    expect(config.area.codes).toEqual(['E08000002']);
    expect(config.period.end).toBe('2024-03-31');
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    const config = parseConfig(`\uFEFF${MINIMAL.replaceAll('\n', '\r\n')}`, CONFIG_PATH);
    expect(config.area.name).toBe('Bury');
  });

  it('drops repeated area codes', () => {
    const text = MINIMAL.replace('[E08000002]', '[E08000002, E08000001, E08000002]');
    expect(parseConfig(text, CONFIG_PATH).area.codes).toEqual(['E08000002', 'E08000001']);
  });
});

describe('parseConfig: problems', () => {
  it('reports every mistake at once, each at its dotted path', () => {
    const broken = `
area:
  name: ""
  codes: [E08000002, e08000003, X123]
period:
  end: 2024-02-30
  months: 30
  history_years: 5
inputs:
  police_crime: extracts/crimes.csv
  ae_assaults:
    path: ae/*.csv
    date_format: Q/yyyy
    encoding: latin1
    colums: {}
reference:
  population: reference/population.csv
  police_victims: victims.csv
thresholds:
  repeat_address_min: 1
  suppress_below: five
  max_reject_pct: 150
outputdir: out
`;
    expect(problemsOf(broken)).toEqual([
      'outputdir: unknown key (did you mean output_dir?)',
      'area.name: must be a non-empty string, got ""',
      'area.codes[1]: "e08000003" is not an ONS code (did you mean E08000003?)',
      'area.codes[2]: "X123" is not an ONS code (a letter E, W, S or N then 8 digits, e.g. E08000002)',
      'period.end: "2024-02-30" is not a real date (use yyyy-MM-dd)',
      'period.months: must be a whole number from 1 to 24, got 30',
      'inputs.police_crime: unknown key (did you mean police_crimes?)',
      'inputs.ae_assaults.colums: unknown key (did you mean columns?)',
      'inputs.ae_assaults.date_format: unsupported token "Q" in "Q/yyyy" (supported: yyyy yy MMMM MMM MM M dd d HH H mm ss)',
      'inputs.ae_assaults.encoding: "latin1" is not supported (use utf-8 or windows-1252)',
      'reference.police_victims: unknown key (it belongs under inputs:)',
      'reference.geography: required (the LSOA → ward → LAD lookup)',
      'thresholds.repeat_address_min: must be a whole number ≥ 2, got 1',
      'thresholds.suppress_below: must be a whole number ≥ 0, got "five"',
      'thresholds.max_reject_pct: must be a number from 0 to 100, got 150',
    ]);
  });

  it('reads area.synthetic as a true/false, false when absent, whatever the area is called', () => {
    const named = (extra: string) =>
      `area: {name: Brackenford (SYNTHETIC), codes: [E08999999]${extra}}
period: {end: 2024-03-31}
reference: {geography: ref/geo.csv, population: ref/pop.csv}
`;
    expect(parseConfig(named(''), CONFIG_PATH).area.synthetic).toBe(false);
    expect(parseConfig(named(', synthetic: true'), CONFIG_PATH).area.synthetic).toBe(true);
    expect(parseConfig(named(', synthetic: false'), CONFIG_PATH).area.synthetic).toBe(false);
    expect(problemsOf(named(', synthetic: yes please'))).toEqual([
      'area.synthetic: must be true or false, got "yes please"',
    ]);
  });

  it('reads area.town_centre_wards as a list of ward codes, none when absent', () => {
    const area = (extra: string) =>
      `area: {name: Bury, codes: [E08000002]${extra}}
period: {end: 2024-03-31}
reference: {geography: ref/geo.csv, population: ref/pop.csv}
`;
    expect(parseConfig(area(''), CONFIG_PATH).area.townCentreWards).toEqual([]);
    expect(
      parseConfig(area(', town_centre_wards: [E05000650, E05000651, E05000650]'), CONFIG_PATH).area
        .townCentreWards,
    ).toEqual(['E05000650', 'E05000651']);
    expect(problemsOf(area(', town_centre_wards: e05000650'))).toEqual([
      'area.town_centre_wards: must be a non-empty list such as [E05000650], got "e05000650"',
    ]);
    expect(problemsOf(area(', town_centre_wards: [e05000650]'))).toEqual([
      'area.town_centre_wards[0]: "e05000650" is not an ONS code (did you mean E05000650?)',
    ]);
  });

  it('rejects a memory cap DuckDB would not read and a thread count below 1', () => {
    expect(
      problemsOf(`${MINIMAL}resources: {memory_limit: lots, threads: 0, thread: 2}\n`),
    ).toEqual(
      [
        'resources.thread: unknown key (did you mean threads?)',
        'resources.memory_limit: "lots" is not an amount of memory such as 2GB, 512MB or 4GiB',
        'resources.threads: must be a whole number ≥ 1, got 0',
      ].map((problem) => expect.stringContaining(problem)),
    );
    expect(problemsOf(`${MINIMAL}resources: {memory_limit: 2}\n`)).toEqual([
      expect.stringContaining('resources.memory_limit: "2" is not an amount of memory'),
    ]);
  });

  it('names the config file on the error', () => {
    try {
      parseConfig('area: 1', CONFIG_PATH);
    } catch (error) {
      expect((error as ConfigError).location.file).toBe(CONFIG_PATH);
      return;
    }
    throw new Error('expected a ConfigError');
  });

  it('reports missing sections and required keys of an empty file', () => {
    expect(problemsOf('')).toEqual([
      'area: required (name: and codes: of the CSP area)',
      'period: required (end: of the assessment period)',
      'reference.geography: required (the LSOA → ward → LAD lookup)',
      'reference.population: required (LSOA populations by year, sex and age)',
    ]);
  });

  it('requires enough history to cover the period', () => {
    const text = MINIMAL.replace(
      '{end: 2024-03-31}',
      '{end: 2024-03-31, months: 18, history_years: 1}',
    );
    expect(problemsOf(text)).toEqual([
      'period.history_years: 1 year of history is shorter than the 18-month period (need history_years × 12 ≥ period.months)',
    ]);
  });

  it('checks the shape of each input', () => {
    const text = `${MINIMAL}inputs:
  police_crimes: 42
  police_victims: {columns: {victim_ref: 7}}
  ae_assaults: {path: a.csv, date_format: MM/yyyy}
  police_uk_street: {path: s.csv, date_format: yyyy}
  youth_justice:
`;
    expect(problemsOf(text)).toEqual([
      'inputs.police_crimes: must be a path or glob, or a mapping with path:, got 42',
      'inputs.police_victims.path: required (the file or glob to read)',
      `inputs.police_victims.columns.victim_ref: must be the source file's header as a string (quote it), got 7`,
      'inputs.police_uk_street.date_format: "yyyy" must contain year and month (e.g. yyyy-MM)',
      'inputs.ae_assaults.date_format: "MM/yyyy" must contain year, month and day (e.g. dd/MM/yyyy)',
      'inputs.youth_justice: must be a path or glob, or a mapping with path:, got nothing',
    ]);
  });

  it('fills the spatial defaults, reads given settings, and lists every bad one', () => {
    expect(parseConfig(MINIMAL, CONFIG_PATH).spatial).toEqual({
      hexCellM: 250,
      nearRepeat: {
        spaceBandsM: [100, 200, 300, 400],
        timeBandsDays: [7, 14, 21, 28],
        iterations: 99,
        seed: 1,
      },
    });
    const given = `${MINIMAL}spatial:
  hex_cell_m: 400
  near_repeat: {space_bands_m: [50, 150], time_bands_days: [3], iterations: 999, seed: 7}
`;
    expect(parseConfig(given, CONFIG_PATH).spatial).toEqual({
      hexCellM: 400,
      nearRepeat: { spaceBandsM: [50, 150], timeBandsDays: [3], iterations: 999, seed: 7 },
    });
    const bad = `${MINIMAL}spatial:
  hex_cell_m: 0
  near_repeat: {space_bands_m: [200, 100], time_bands_days: [], iterations: 5, seeds: 2}
`;
    expect(problemsOf(bad)).toEqual([
      'spatial.hex_cell_m: must be a number from 10 to 10000, got 0',
      'spatial.near_repeat.seeds: unknown key (did you mean seed?)',
      'spatial.near_repeat.space_bands_m: must rise from band to band, got [200, 100]',
      'spatial.near_repeat.time_bands_days: must be a list of 1 to 20 rising band edges, got 0 edges',
      'spatial.near_repeat.iterations: must be a whole number from 19 to 9999, got 5',
    ]);
  });

  it('says where a misplaced key belongs, and what is allowed when nothing is close', () => {
    const text = `${MINIMAL}end: 2024-03-31\nzzzzzzzz: 1\n`;
    expect(problemsOf(text)).toEqual([
      'end: unknown key (it belongs under period:)',
      'zzzzzzzz: unknown key (allowed: area, period, inputs, reference, thresholds, spatial, comparators, national, output_dir, database, resources)',
    ]);
  });

  it('rejects a period end that is not an ISO date', () => {
    const text = MINIMAL.replace('{end: 2024-03-31}', '{end: 31/03/2024}');
    expect(problemsOf(text)).toEqual([
      'period.end: "31/03/2024" is not a date in yyyy-MM-dd form (e.g. 2024-03-31)',
    ]);
  });

  it('rejects a top level that is not a mapping', () => {
    expect(problemsOf('- a\n- b\n')[0]).toBe(
      `${CONFIG_PATH}: must be a mapping of keys (area:, period:, …), got a list`,
    );
  });

  it('gives the line and column of a YAML syntax error', () => {
    expect(problemsOf('area: name: Bury\n')).toEqual([
      `${CONFIG_PATH}:1:7: Nested mappings are not allowed in compact mappings`,
    ]);
    const unclosed = problemsOf(
      'area:\n  name: Bury\n  codes: [E08000002\nperiod:\n  end: 2024-03-31\n',
    );
    expect(unclosed[0]).toMatch(new RegExp(`^${CONFIG_PATH}:4:1: Flow sequence`));
    expect(unclosed.every((p) => !p.includes('\n'))).toBe(true);
  });

  it('reports a duplicate key with its position', () => {
    const problems = problemsOf(`${MINIMAL}output_dir: a\noutput_dir: b\n`);
    expect(problems).toEqual([`${CONFIG_PATH}:6:1: Map keys must be unique`]);
  });
});

describe('loadConfig', () => {
  const made: string[] = [];
  const tempDir = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sna-config-'));
    made.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the file and hashes its bytes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'sna.config.yaml');
    fs.writeFileSync(file, FULL);
    const config = await loadConfig(path.relative(process.cwd(), file));
    expect(config.configPath).toBe(file);
    expect(config.configDir).toBe(dir);
    expect(config.configSha256).toBe(
      createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
    );
    expect(config.reference.geography?.absolutePattern).toBe(
      path.join(dir, 'reference/geography.csv'),
    );
  });

  it('names a missing config file', async () => {
    const missing = path.join(os.tmpdir(), 'sna-no-such-dir', 'sna.config.yaml');
    await expect(loadConfig(missing)).rejects.toMatchObject({
      exitCode: EXIT.usage,
      problems: [`${missing}: config file not found (give --config <file>)`],
    });
  });

  it('refuses a folder given as the config', async () => {
    const dir = tempDir();
    await expect(loadConfig(dir)).rejects.toMatchObject({
      problems: [`${dir}: is a folder, not a config file (give --config <file>)`],
    });
  });
});
