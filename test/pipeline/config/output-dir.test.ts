/**
 * `output_dir` must be a folder of sna's own: sna replaces and removes files in it, so a folder
 * that holds other things (the whole disk, the home folder, the config, the inputs) is refused
 * with exit 2, by `loadConfig` and so by `validate` and every run.
 */
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, EXIT } from '../../../core/errors.js';
import { parseConfig } from '../../../pipeline/config/load-config.js';
import { baseConfig, runCli, workspace, writeReference } from '../../helpers/workspace.js';

const CONFIG_PATH = '/srv/sna/bury/sna.config.yaml';

const config = (outputDir: string, inputs = 'extracts/police/crimes-*.csv') => `
area: {name: Bury, codes: [E08000002]}
period: {end: 2024-03-31}
inputs: {police_crimes: "${inputs}"}
reference: {geography: ref/geo.csv, population: ref/pop.csv}
output_dir: ${outputDir}
`;

/** The one problem a config is refused with (fails the test if it is accepted). */
function refusal(text: string, configPath = CONFIG_PATH): string {
  try {
    parseConfig(text, configPath);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(EXIT.usage);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(1);
    return problems[0] ?? '';
  }
  throw new Error('expected a ConfigError');
}

describe('output_dir: a folder of sna’s own', () => {
  it('refuses the root folder', () => {
    expect(refusal(config('/'))).toMatch(/^output_dir: "\/" is the root folder: /);
  });

  it('refuses the home folder, and a path starting with ~ (which sna does not expand)', () => {
    expect(refusal(config(homedir()))).toMatch(/^output_dir: ".+" is the home folder: /);
    expect(refusal(config('"~/sna-out"'))).toMatch(
      /^output_dir: "~\/sna-out" starts with ~, which sna does not expand/,
    );
  });

  it('refuses any folder above the home folder', () => {
    const ws = workspace('sna-output-dir-');
    const home = ws.path('home/someone');
    mkdirSync(home, { recursive: true });
    const before = process.env.HOME;
    process.env.HOME = home;
    try {
      expect(homedir()).toBe(home);
      expect(refusal(config(ws.path('home')), ws.path('sna.config.yaml'))).toMatch(
        new RegExp(`^output_dir: "${ws.path('home')}" holds the home folder \\(${home}\\): `),
      );
    } finally {
      process.env.HOME = before;
    }
  });

  it('follows links: a link to a folder of inputs, or to the config’s, is refused', () => {
    const ws = workspace('sna-output-dir-');
    mkdirSync(ws.path('extracts'));
    mkdirSync(ws.path('deep/out'), { recursive: true });
    symlinkSync(ws.path('extracts'), ws.path('extlink'));
    symlinkSync(ws.dir, ws.path('deep/here'));
    const configPath = ws.path('sna.config.yaml');
    const real = (p: string) => p.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(refusal(config('extlink', 'extracts/*.csv'), configPath)).toMatch(
      new RegExp(
        `^output_dir: "${real(ws.path('extlink'))}" \\(${real(ws.path('extracts'))} once links are followed\\) holds the files of inputs\\.police_crimes`,
      ),
    );
    // Not yet made: the nearest folder that exists is resolved, the rest appended.
    expect(refusal(config('extlink/out', 'extracts/**/*.csv'), configPath)).toMatch(
      /is inside .*extracts, which inputs\.police_crimes searches/,
    );
    expect(refusal(config('deep/here'), configPath)).toMatch(
      /holds the config file \(sna\.config\.yaml\)/,
    );
    // The other way round: inputs read through a link into output_dir.
    symlinkSync(ws.path('deep/out'), ws.path('outlink'));
    expect(refusal(config('deep/out', 'outlink/*.csv'), configPath)).toMatch(
      /holds the files of inputs\.police_crimes \(outlink\/\*\.csv\)/,
    );
    expect(parseConfig(config('deep/out', 'extlink/*.csv'), configPath).outputDir).toBe(
      ws.path('deep/out'),
    );
  });

  it('refuses the config’s folder and any folder above it', () => {
    expect(refusal(config('.'))).toBe(
      'output_dir: "/srv/sna/bury" holds the config file (sna.config.yaml): sna replaces and removes files in its output folder, so give it a folder of its own, e.g. out',
    );
    expect(refusal(config('..'))).toMatch(/^output_dir: "\/srv\/sna" holds the config file /);
    expect(refusal(config('/srv'))).toMatch(/^output_dir: "\/srv" holds the config file /);
  });

  it('refuses a folder holding an input, or one a recursive input glob searches', () => {
    expect(refusal(config('extracts'))).toMatch(
      /^output_dir: "\/srv\/sna\/bury\/extracts" holds the files of inputs\.police_crimes \(extracts\/police\/crimes-\*\.csv\): sna would read its own CSV files as extracts/,
    );
    expect(refusal(config('extracts/police'))).toMatch(/holds the files of inputs.police_crimes/);
    expect(refusal(config('ref'))).toMatch(/holds the files of reference.geography/);
    expect(refusal(config('extracts/out', 'extracts/**/*.csv'))).toMatch(
      /^output_dir: "\/srv\/sna\/bury\/extracts\/out" is inside \/srv\/sna\/bury\/extracts, which inputs\.police_crimes searches \(extracts\/\*\*\/\*\.csv\)/,
    );
  });

  it('accepts a folder of its own, beside or below the config', () => {
    expect(parseConfig(config('out'), CONFIG_PATH).outputDir).toBe('/srv/sna/bury/out');
    expect(parseConfig(config('../results'), CONFIG_PATH).outputDir).toBe('/srv/sna/results');
    expect(parseConfig(config('/data/sna-out'), CONFIG_PATH).outputDir).toBe('/data/sna-out');
    // Beside the extracts, not holding them: a glob without ** searches one folder only.
    expect(parseConfig(config('extracts/out'), CONFIG_PATH).outputDir).toBe(
      '/srv/sna/bury/extracts/out',
    );
  });

  it('`sna validate` and `sna run` exit 2 with that one line, and write nothing', () => {
    const ws = workspace('sna-output-dir-');
    writeReference(ws);
    ws.write('extracts/crimes.csv', 'crime_ref,recorded_date,ho_offence_code\nA1,2025-01-01,8N\n');
    // `run` only where a regression would harm nothing outside the workspace.
    for (const [outputDir, why, commands] of [
      ['/', 'is the root folder', ['validate']],
      ['..', 'holds the config file', ['validate']],
      ['.', 'holds the config file', ['validate', 'run']],
      ['extracts', 'holds the files of inputs.police_crimes', ['validate', 'run']],
    ] as const) {
      const configPath = ws.config(
        baseConfig('  police_crimes: extracts/crimes.csv', `output_dir: ${outputDir}\n`),
      );
      for (const command of commands) {
        const result = runCli([command, '--config', configPath]);
        expect(result.status, `${command} ${outputDir}: ${result.stderr}`).toBe(EXIT.usage);
        const lines = result.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`^error: output_dir: ".*" ${why}`));
      }
    }
    expect(readdirSync(ws.dir).sort()).toEqual(['extracts', 'ref', 'sna.config.yaml']);
  }, 120_000);
});
