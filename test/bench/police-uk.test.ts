/**
 * The national bench (`npm run bench -- --police-uk DIR`): its arguments, its config, and a
 * small run on two of the shared September 2022 files laid out as two months.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/args.js';
import {
  findStreetFiles,
  GEOGRAPHY,
  monthEnd,
  nationalConfig,
  POPULATION,
} from '../../bench/police-uk.js';
import { loadConfig } from '../../pipeline/config/load-config.js';
import { REPO_ROOT, workspace } from '../helpers/workspace.js';

const NATIONAL = resolve(
  REPO_ROOT,
  '..',
  'shared',
  'data',
  'real',
  'police-uk',
  'national-2022-09',
);

describe('parseBenchArgs --police-uk', () => {
  it('reads the folder, area and period, with Liverpool and the months found as defaults', () => {
    expect(parseBenchArgs(['--police-uk', 'data/x'])).toMatchObject({
      policeUk: { dir: join(process.cwd(), 'data/x'), area: 'E08000012' },
    });
    const options = parseBenchArgs([
      '--police-uk',
      '/d',
      '--area',
      'E06000015',
      '--end',
      '2022-11-30',
      '--months',
      '11',
    ]);
    expect(options).toMatchObject({
      policeUk: { dir: '/d', area: 'E06000015', end: '2022-11-30', months: 11 },
    });
  });

  it('refuses a bad date or month count, and --area without --police-uk', () => {
    expect(() => parseBenchArgs(['--police-uk', '/d', '--end', '2022-11'])).toThrow(/yyyy-mm-dd/);
    expect(() => parseBenchArgs(['--police-uk', '/d', '--months', '0'])).toThrow(/1 to 36/);
    expect(() => parseBenchArgs(['--area', 'E06000015'])).toThrow(/--police-uk/);
  });
});

describe('the police.uk bench parts', () => {
  it('finds street files at any depth by month, and writes a config sna reads', async () => {
    const ws = workspace('sna-bench-police-');
    ws.write('a/2022-01-x-street.csv', 'h\n');
    ws.write('a/b/2022-02-y-street.csv.gz', 'h\n');
    ws.write('a/2022-01-z-street.csv', 'h\n');
    ws.write('notes.txt', '');
    const months = await findStreetFiles(ws.dir);
    expect(months.map((m) => [m.month, m.files.length])).toEqual([
      ['2022-01', 2],
      ['2022-02', 1],
    ]);
    expect(monthEnd('2022-02')).toBe('2022-02-28');
    expect(monthEnd('2022-12')).toBe('2022-12-31');
    if (!existsSync(GEOGRAPHY) || !existsSync(POPULATION)) return;
    ws.write(
      'sna.config.yaml',
      nationalConfig({ area: 'E08000012', end: '2022-02-28', months: 2, inputs: 'a/*.csv' }),
    );
    const config = await loadConfig(ws.path('sna.config.yaml'));
    expect(config.comparators?.auto).toBe('england');
    expect(config.period).toMatchObject({ end: '2022-02-28', months: 2 });
  });

  const FILES = ['2022-09-btp-street.csv.gz', '2022-09-city-of-london-street.csv.gz'];
  const HAS = [...FILES.map((f) => join(NATIONAL, f)), GEOGRAPHY, POPULATION].every(existsSync);
  if (!HAS) console.warn(`skipping the police.uk bench run: ${NATIONAL} is not here`);
  it.skipIf(!HAS)(
    'runs sna and DuckDB on the files, then a no-op and a month added; JSON last',
    () => {
      const ws = workspace('sna-bench-police-run-');
      // Two files as two months: the second is the increment.
      mkdirSync(ws.path('in/08'), { recursive: true });
      mkdirSync(ws.path('in/09'), { recursive: true });
      copyFileSync(join(NATIONAL, FILES[0] ?? ''), ws.path('in/08/2022-08-btp-street.csv.gz'));
      copyFileSync(join(NATIONAL, FILES[1] ?? ''), ws.path(`in/09/${FILES[1]}`));
      const result = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          join(REPO_ROOT, 'bench', 'run.ts'),
          '--police-uk',
          ws.path('in'),
          '--out',
          ws.path('out'),
        ],
        { cwd: REPO_ROOT, encoding: 'utf8', timeout: 400_000 },
      );
      expect(result.status, result.stderr).toBe(0);
      const lines = result.stdout.trim().split('\n');
      const figures = JSON.parse(lines.at(-1) ?? '') as Record<string, unknown>;
      expect(figures).toMatchObject({ files: 2, months: 2, area: 'E08000012' });
      expect(figures.rows).toBeGreaterThan(1000);
      for (const key of [
        'total_seconds',
        'baseline_seconds',
        'ratio',
        'cpu_ratio',
        'noop_seconds',
        'increment_seconds',
        'increment_baseline_seconds',
        'increment_ratio',
        'increment_ingest_seconds',
        'increment_ingest_ratio',
        'peak_rss_mb',
      ]) {
        expect(figures[key], key).toBeGreaterThan(0);
      }
      expect(figures.increment_month).toBe('2022-09');
      // The month's load is a stage of the run that adds it, so never longer than that run.
      expect(figures.increment_ingest_seconds as number).toBeLessThan(
        figures.increment_seconds as number,
      );
      expect(Object.keys(figures.increment_stages as object)).toEqual(
        expect.arrayContaining(['ingest', 'models', 'indicators', 'report']),
      );
      expect(result.stdout).toMatch(/no-op re-run: [\d.]+ s/);
    },
    420_000,
  );
});
