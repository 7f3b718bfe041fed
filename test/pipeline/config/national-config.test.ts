import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../core/errors.js';
import { parseConfig } from '../../../pipeline/config/load-config.js';

const CONFIG_PATH = '/tmp/sna-national/sna.config.yaml';
const MINIMAL = `
area: {name: Liverpool, codes: [E08000012]}
period: {end: 2022-09-30, months: 1, history_years: 1}
reference: {geography: ref/geo.csv, population: ref/pop.csv}
`;

function problemsOf(text: string): string[] {
  try {
    parseConfig(text, CONFIG_PATH);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('comparators: and national:', () => {
  it('are off when absent: no automatic comparators, outside rows not kept, no groups', () => {
    const config = parseConfig(MINIMAL, CONFIG_PATH);
    expect(config.comparators).toBeNull();
    expect(config.national).toEqual({ keepOutsideRows: false, groups: [] });
  });

  it('read a rule, with 15 statistical neighbours by default', () => {
    expect(parseConfig(`${MINIMAL}comparators: {auto: force}\n`, CONFIG_PATH).comparators).toEqual({
      auto: 'force',
      codes: [],
      n: 15,
    });
    const neighbours = parseConfig(
      `${MINIMAL.replace('pop.csv}', 'pop.csv, imd_districts: ref/imd-districts.csv}')}comparators: {auto: neighbours, n: 8}\n`,
      CONFIG_PATH,
    );
    expect(neighbours.comparators).toEqual({ auto: 'neighbours', codes: [], n: 8 });
  });

  it('read a list of district codes, bare or under codes:', () => {
    const bare = parseConfig(`${MINIMAL}comparators: [E08000011, E08000013]\n`, CONFIG_PATH);
    expect(bare.comparators).toEqual({ auto: null, codes: ['E08000011', 'E08000013'], n: 0 });
    const keyed = parseConfig(`${MINIMAL}comparators: {codes: [E08000011]}\n`, CONFIG_PATH);
    expect(keyed.comparators?.codes).toEqual(['E08000011']);
  });

  it('read groups of districts and whether to keep outside rows', () => {
    const text = `${MINIMAL}national:\n  keep_outside_rows: true\n  groups:\n    - {name: Cheshire West, codes: [E06000050, E06000049]}\n`;
    expect(parseConfig(text, CONFIG_PATH).national).toEqual({
      keepOutsideRows: true,
      groups: [{ name: 'Cheshire West', codes: ['E06000050', 'E06000049'] }],
    });
  });

  it('need the reference file a rule reads, unless a comparators file is given (it wins)', () => {
    expect(problemsOf(`${MINIMAL}comparators: {auto: region}\n`)).toEqual([
      'comparators.auto: region needs reference.regions (a LAD → region lookup)',
    ]);
    expect(problemsOf(`${MINIMAL}comparators: {auto: neighbours}\n`)).toEqual([
      'comparators.auto: neighbours needs reference.imd_districts (the IoD2019 local authority district summaries)',
    ]);
    const withRegions = MINIMAL.replace('pop.csv}', 'pop.csv, regions: ref/regions.csv}');
    expect(
      parseConfig(`${withRegions}comparators: {auto: region}\n`, CONFIG_PATH).comparators?.auto,
    ).toBe('region');
    const withFile = MINIMAL.replace('pop.csv}', 'pop.csv, comparators: ref/comparators.csv}');
    expect(
      parseConfig(`${withFile}comparators: {auto: region}\n`, CONFIG_PATH).reference.comparators,
    ).toBeDefined();
  });

  it('say what is wrong, one line each', () => {
    expect(problemsOf(`${MINIMAL}comparators: {auto: county}\n`)).toEqual([
      'comparators.auto: must be one of force, region, england, neighbours, got "county"',
      'comparators: needs auto: (force, region, england, neighbours) or codes: (a list of district codes)',
    ]);
    expect(problemsOf(`${MINIMAL}comparators: {auto: force, n: 5}\n`)).toEqual([
      'comparators.n: applies to auto: neighbours only',
    ]);
    expect(
      problemsOf(
        `${MINIMAL}national: {groups: [{name: A, codes: [E06000050]}, {name: B, codes: [E06000050]}]}\n`,
      ),
    ).toEqual(['national.groups[1].codes: E06000050 is already in the group "A"']);
  });
});
