/** The benchmark's parts: arguments, config, measuring a child process, the baseline, the summary. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/args.js';
import { measureBaseline } from '../../bench/baseline.js';
import { parseGnuTime, runMeasured, stageEnded } from '../../bench/child.js';
import { benchConfig } from '../../bench/dataset.js';
import { formatCosts, statementCosts } from '../../bench/profile.js';
import { benchResult, formatTable } from '../../bench/summary.js';
import { loadConfig } from '../../pipeline/config/load-config.js';
import { REPO_ROOT, workspace } from '../helpers/workspace.js';

describe('parseBenchArgs', () => {
  it('defaults to a million crimes, seed 42', () => {
    const options = parseBenchArgs([]);
    expect(options).toMatchObject({ crimes: 1_000_000, seed: 42, keep: false, profile: false });
  });

  it('reads sizes with separators, --keep, --profile and --out', () => {
    expect(
      parseBenchArgs(['--crimes', '5_000_000', '--seed', '7', '--keep', '--profile', '--out', 'x']),
    ).toMatchObject({
      crimes: 5_000_000,
      seed: 7,
      keep: true,
      profile: true,
      outDir: join(process.cwd(), 'x'),
    });
  });

  it('refuses sizes the generator cannot plant its answers in, and non-integers', () => {
    expect(() => parseBenchArgs(['--crimes', '100'])).toThrow(/at least 2000/);
    expect(() => parseBenchArgs(['--crimes', '1e9x'])).toThrow(/integer/);
  });
});

describe('benchConfig', () => {
  const demo = readFileSync(join(REPO_ROOT, 'sna.config.yaml'), 'utf8');

  it('points every demo input into the dataset and the outputs into the run folder', async () => {
    const ws = workspace('sna bench #');
    const data = ws.path('data dir #1');
    const text = benchConfig(demo, data, ws.path('run'));
    expect(text).not.toMatch(/:\s*fixtures\/synthetic\//);
    const configPath = ws.write('run/sna.config.yaml', text);
    const config = await loadConfig(configPath);
    expect(config.outputDir).toBe(ws.path('run/out'));
    expect(config.inputs.police_crimes?.absolutePattern).toBe(
      join(data, 'extracts/police/crimes-*.csv'),
    );
    expect(config.reference.geography?.absolutePattern).toBe(join(data, 'reference/geography.csv'));
  });

  it('fails loudly when the demo config no longer has the shape it rewrites', () => {
    expect(() => benchConfig('area:\n  name: x\n', '/d', '/r')).toThrow(/changed shape/);
  });
});

describe('measuring a child process', () => {
  it('parses GNU time: peak kB and user + system seconds, also after a failure line', () => {
    expect(parseGnuTime('123456 1.50 0.25\n')).toEqual({ maxRssKb: 123456, cpuSeconds: 1.75 });
    expect(parseGnuTime('Command exited with non-zero status 3\n2048 0.10 0.00\n')).toEqual({
      maxRssKb: 2048,
      cpuSeconds: 0.1,
    });
    expect(parseGnuTime('')).toBeUndefined();
  });

  it('knows the log lines that end a stage', () => {
    expect(stageEnded('{"level":"info","message":"Ingest: 3 files","stage":"ingest"}')).toBe(
      'ingest',
    );
    expect(stageEnded('{"level":"info","message":"Report: 12 charts"}')).toBe('report');
    expect(stageEnded('{"level":"info","message":"loaded 3 rows"}')).toBeUndefined();
    expect(stageEnded('plain text')).toBeUndefined();
  });

  it('sees the memory a child holds, in the stage that held it', async () => {
    // Stage "small" ends at once; "big" holds 300 MB of touched memory before it ends.
    const script = `
      console.log(JSON.stringify({ stage: 'small' }));
      setTimeout(() => {
        const held = Buffer.alloc(300 * 1024 * 1024, 1);
        setTimeout(() => { console.log(JSON.stringify({ stage: 'big', n: held.length })); }, 400);
      }, 300);`;
    const measure = await runMeasured(['-e', script], { cwd: REPO_ROOT });
    expect(measure.exitCode).toBe(0);
    expect(measure.peakRssMb).toBeGreaterThan(300);
    expect(measure.stagePeakRssMb.big).toBeGreaterThan(290);
    expect(measure.stagePeakRssMb.small).toBeLessThan(200);
    expect(measure.finishSeconds).toBeGreaterThanOrEqual(0);
    expect(measure.finishSeconds).toBeLessThan(measure.wallSeconds);
    expect(measure.stdout).toHaveLength(2);
    if (existsSync('/usr/bin/time')) expect(measure.cpuSeconds).toBeGreaterThan(0);
  });
});

describe('measureBaseline', () => {
  it('loads every file into its own table of a fresh database, counting the rows', async () => {
    const ws = workspace();
    const a = ws.write('a.csv', 'x,y\n1,2\n3,4\n');
    // A planted malformed row must not stop DuckDB's own load.
    const b = ws.write('b.csv', 'p,q,r\n1,2,3\n4,5\n6,7,8\n');
    const dbPath = ws.path('baseline.duckdb');
    const measure = await measureBaseline([a, b], dbPath);
    expect(measure.rows).toBe(4);
    expect(measure.seconds).toBeGreaterThan(0);
    expect(measure.cpuSeconds).toBeGreaterThan(0);
    expect(existsSync(dbPath)).toBe(false);
  });
});

describe('the summary', () => {
  const input = {
    crimes: 2000,
    seed: 42,
    rows: 10_000,
    stages: { ingest: 4, models: 2, indicators: 1, report: 1 },
    totalSeconds: 10,
    finishSeconds: 0.5,
    baselineSeconds: 2.5,
    cpuSeconds: 12,
    baselineCpuSeconds: 3,
    peakRssMb: 512.345,
    stagePeakRssMb: { ingest: 300, models: 512.345 },
    loadAverage: [0.5, 0.25, 0.125],
  };

  it('computes the ratio and the time outside the stages', () => {
    const result = benchResult(input);
    expect(result.ratio).toBe(4);
    expect(result.startup_seconds).toBe(1.5);
    expect(result.finish_seconds).toBe(0.5);
    expect(result.report_seconds).toBe(1);
    expect(result.peak_rss_mb).toBe(512.3);
    expect(result.machine.load_average).toEqual([0.5, 0.25, 0.13]);
  });

  it('prints a line per stage, the total, the baseline and the ratio', () => {
    const table = formatTable(benchResult(input));
    for (const stage of ['start-up', 'ingest', 'models', 'indicators', 'report', 'finish']) {
      expect(table).toMatch(new RegExp(`^${stage}`, 'm'));
    }
    expect(table).toMatch(/^total: sna run\s+10\.00\s+1,000\s+512$/m);
    expect(table).toMatch(/^baseline: .*\s+2\.50\s+4,000/m);
    expect(table).toContain('ratio total / baseline: 4.00 (CPU seconds: 12.0 / 3.0 = 4.00)');
  });
});

describe('statementCosts', () => {
  it('sums the profile lines by statement, slowest first, ignoring other output', () => {
    const stderr = [
      'sna-profile\t10.0\t9.0\tINSERT INTO raw_police__crimes (file_id, line, crime_ref, recorded_date, committed_date) SELECT 1',
      'a warning',
      'sna-profile\t30.0\t25.0\tcreate or replace table main.fct_crime_people as select',
      'sna-profile\t15.0\t14.0\tINSERT INTO raw_police__crimes (file_id, line, crime_ref, recorded_date, committed_date) SELECT 2',
    ].join('\n');
    const costs = statementCosts(stderr);
    expect(costs.map((c) => [c.count, c.wallMs, c.cpuMs])).toEqual([
      [1, 30, 25],
      [2, 25, 23],
    ]);
    expect(formatCosts(costs)).toContain('of 0.06 s in SQL');
  });
});
