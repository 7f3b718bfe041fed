import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputSpec, SnaConfig } from '../../../core/config.js';
import { ConfigError, EXIT } from '../../../core/errors.js';
import { checkInputPaths, resolveFiles } from '../../../pipeline/config/resolve-files.js';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sna-resolve-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function touch(...relative: string[]): void {
  for (const file of relative) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), 'a,b\n1,2\n');
  }
}

function spec(pattern: string, base = dir): InputSpec {
  return {
    pattern,
    absolutePattern: path.resolve(base, pattern),
    columns: {},
    dateFormat: 'yyyy-MM-dd',
    encoding: 'utf-8',
  };
}

async function problemOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(EXIT.usage);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveFiles', () => {
  it('returns absolute matches sorted by name, whatever order they were written in', async () => {
    touch('police/crimes-2024-03.csv', 'police/crimes-2023-12.csv', 'police/crimes-2024-01.csv.gz');
    const files = await resolveFiles(spec('police/crimes-*'), 'inputs.police_crimes');
    expect(files).toEqual([
      path.join(dir, 'police/crimes-2023-12.csv'),
      path.join(dir, 'police/crimes-2024-01.csv.gz'),
      path.join(dir, 'police/crimes-2024-03.csv'),
    ]);
  });

  it('keeps to .csv and .csv.gz unless the pattern names another extension', async () => {
    touch('ae/a.csv', 'ae/b.CSV.GZ', 'ae/readme.txt', 'ae/c.tsv');
    const csv = await resolveFiles(spec('ae/*'), 'inputs.ae_assaults');
    expect(csv.map((f) => path.basename(f))).toEqual(['a.csv', 'b.CSV.GZ']);
    const tsv = await resolveFiles(spec('ae/*.tsv'), 'inputs.ae_assaults');
    expect(tsv.map((f) => path.basename(f))).toEqual(['c.tsv']);
  });

  it('returns a plain file path as itself, even one with glob characters in it', async () => {
    touch('ref (2024)/geography [v2].csv');
    const files = await resolveFiles(spec('ref (2024)/geography [v2].csv'), 'reference.geography');
    expect(files).toEqual([path.join(dir, 'ref (2024)/geography [v2].csv')]);
  });

  it('globs under a config folder whose name looks like glob syntax', async () => {
    touch('Safety (2024)/yj/b.csv', 'Safety (2024)/yj/a.csv');
    const files = await resolveFiles(
      spec('yj/*.csv', path.join(dir, 'Safety (2024)')),
      'inputs.youth_justice',
    );
    expect(files.map((f) => path.basename(f))).toEqual(['a.csv', 'b.csv']);
  });

  it('follows ** into subfolders', async () => {
    touch('yj/2023/q4.csv', 'yj/2024/q1.csv');
    const files = await resolveFiles(spec('yj/**/*.csv'), 'inputs.youth_justice');
    expect(files).toEqual([path.join(dir, 'yj/2023/q4.csv'), path.join(dir, 'yj/2024/q1.csv')]);
  });

  it('refuses a pattern that matches no file', async () => {
    touch('police/crimes.csv');
    expect(
      await problemOf(resolveFiles(spec('police/victims-*.csv'), 'inputs.police_victims')),
    ).toEqual(['inputs.police_victims: "police/victims-*.csv" matches no file']);
    expect(await problemOf(resolveFiles(spec('nowhere/x.csv'), 'reference.imd'))).toEqual([
      'reference.imd: "nowhere/x.csv" matches no file',
    ]);
  });

  it('says why when files matched but none is a CSV', async () => {
    touch('ae/readme.txt');
    expect(await problemOf(resolveFiles(spec('ae/*'), 'inputs.ae_assaults'))).toEqual([
      'inputs.ae_assaults: "ae/*" matches no file (1 file matched, none ending .csv or .csv.gz)',
    ]);
  });

  it('refuses a folder and suggests a glob', async () => {
    touch('police/crimes.csv');
    expect(await problemOf(resolveFiles(spec('police/'), 'inputs.police_crimes'))).toEqual([
      'inputs.police_crimes: "police/" is a folder; give a file or a glob such as police/*.csv',
    ]);
  });
});

describe('checkInputPaths', () => {
  it('lists every path problem, inputs then references, without throwing', async () => {
    touch('ref/geo.csv', 'police/crimes.csv', 'police/victims/v.csv', 'maps/wards/w.shp');
    const config = {
      inputs: {
        police_crimes: spec('police/*.csv'),
        police_victims: spec('police/victims'),
        ae_assaults: spec('ae/*.csv'),
      },
      reference: { geography: spec('ref/geo.csv'), population: spec('ref/pop.csv') },
      boundaries: { lsoa: spec('maps/*.csv'), ward: spec('maps/wards/*') },
    } as unknown as SnaConfig;
    expect(await checkInputPaths(config)).toEqual([
      'inputs.police_victims: "police/victims" is a folder; give a file or a glob such as police/victims/*.csv',
      'inputs.ae_assaults: "ae/*.csv" matches no file',
      'reference.population: "ref/pop.csv" matches no file',
      'reference.boundaries.lsoa: "maps/*.csv" matches no file',
      'reference.boundaries.ward: "maps/wards/*" matches no file (1 file matched, none ending .geojson, .topojson or .json)',
    ]);
  });

  it('is empty when everything resolves', async () => {
    touch('ref/geo.csv', 'ref/pop.csv', 'maps/a.geojson', 'maps/b.topojson');
    const config = {
      inputs: {},
      reference: { geography: spec('ref/geo.csv'), population: spec('ref/pop.csv') },
      boundaries: { lsoa: spec('maps/*') },
    } as unknown as SnaConfig;
    expect(await checkInputPaths(config)).toEqual([]);
  });
});
