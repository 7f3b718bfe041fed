/** `reference.boundaries:` in the config: forms accepted, and every problem one line. */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../core/errors.js';
import { parseConfig } from '../../../pipeline/config/load-config.js';

const CONFIG_PATH = '/srv/sna/bury/sna.config.yaml';
const base = (boundaries: string) => `
area: {name: Bury, codes: [E08000002]}
period: {end: 2024-03-31}
reference:
  geography: ref/geo.csv
  population: ref/pop.csv
${boundaries}
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

describe('reference.boundaries', () => {
  it('is empty when absent', () => {
    expect(parseConfig(base(''), CONFIG_PATH).boundaries).toEqual({});
  });

  it('takes a glob, or a path with the code property, resolved against the config folder', () => {
    const config = parseConfig(
      base(`  boundaries:
    lsoa: boundaries/lsoa11/*.geojson
    ward: {path: maps/wards.topojson, code_property: WD22CD}`),
      CONFIG_PATH,
    );
    expect(config.boundaries).toEqual({
      lsoa: {
        pattern: 'boundaries/lsoa11/*.geojson',
        absolutePattern: '/srv/sna/bury/boundaries/lsoa11/*.geojson',
        codeProperty: null,
      },
      ward: {
        pattern: 'maps/wards.topojson',
        absolutePattern: '/srv/sna/bury/maps/wards.topojson',
        codeProperty: 'WD22CD',
      },
    });
    // Not a CSV reference source.
    expect(Object.keys(config.reference).sort()).toEqual(['geography', 'population']);
  });

  it('collects every problem, one line each', () => {
    expect(
      problemsOf(
        base(`  boundaries:
    lsoa: {code_property: LSOA11CD, columns: {a: b}}
    msoa: x.geojson
    ward: 3`),
      ),
    ).toEqual([
      'reference.boundaries.msoa: unknown key (did you mean lsoa?)',
      'reference.boundaries.lsoa.columns: unknown key (allowed: path, code_property)',
      'reference.boundaries.lsoa.path: required (the GeoJSON or TopoJSON file or glob to read)',
      'reference.boundaries.ward: must be a path or glob, or a mapping with path:, got 3',
    ]);
    expect(problemsOf(base('  boundaries: [a.geojson]'))).toEqual([
      expect.stringMatching(
        /^reference\.boundaries: must be a mapping of lsoa: and\/or ward: paths, got /,
      ),
    ]);
  });
});
