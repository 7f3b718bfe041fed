import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseConfig, runCli, workspace, writeReference } from '../helpers/workspace.js';

const HEADER = 'crime_ref,recorded_date,ho_offence_code,lsoa_code';

describe('sna validate', () => {
  it('prints every problem of a broken config, one per line, and exits 2', () => {
    const ws = workspace();
    const config = ws.config(`area:
  name: ""
  codes: [E0800000X]
period:
  end: 2024-02-30
  months: 30
inputs:
  police_crime: extracts/*.csv
reference:
  population: ref/population.csv
thresholds:
  suppress_below: five
`);
    const result = runCli(['validate', '--config', config]);
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('area.name:'),
        expect.stringContaining('area.codes[0]:'),
        expect.stringContaining('period.end: "2024-02-30" is not a real date'),
        expect.stringContaining('period.months:'),
        expect.stringContaining('inputs.police_crime: unknown key (did you mean police_crimes?)'),
        expect.stringContaining('reference.geography: required'),
        expect.stringContaining('thresholds.suppress_below:'),
      ]),
    );
    expect(lines.length).toBeGreaterThanOrEqual(7);
  });

  it('exits 2 when a configured path matches no file', () => {
    const ws = workspace();
    writeReference(ws);
    const config = ws.config(baseConfig('  police_crimes: extracts/nothing-*.csv'));
    const result = runCli(['validate', '--config', config]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'inputs.police_crimes: "extracts/nothing-*.csv" matches no file',
    );
  });

  it('lists rejected rows without creating a database', () => {
    const ws = workspace();
    writeReference(ws);
    ws.write(
      'extracts/crimes.csv',
      `${HEADER}\nC1,2024-01-01,8N,E01999001\nC2,2024-01-01,8N,BAD\n`,
    );
    const config = ws.config(
      baseConfig('  police_crimes: extracts/crimes.csv', 'thresholds:\n  max_reject_pct: 100\n'),
    );
    const result = runCli(['validate', '--config', config]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'warn: rejected row: extracts/crimes.csv:3: column "lsoa_code": not an LSOA code',
    );
    expect(existsSync(ws.path('out'))).toBe(false);
  });
});

describe('sna ingest / run', () => {
  it('exits 3 naming the file when a required column is missing, and loads nothing', () => {
    const ws = workspace();
    writeReference(ws);
    const bad = ws.write('extracts/crimes.csv', 'crime_ref,ho_offence_code\nC1,8N\n');
    const config = ws.config(baseConfig('  police_crimes: extracts/crimes.csv'));
    const result = runCli(['ingest', '--config', config]);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(`${bad}:1: missing required column "recorded_date"`);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('runs every stage and writes JSON log lines on request', () => {
    const ws = workspace();
    writeReference(ws);
    ws.write('extracts/crimes.csv', `${HEADER}\nC1,2024-01-01,8N,E01999001\n`);
    const config = ws.config(baseConfig('  police_crimes: extracts/crimes.csv'));
    const result = runCli(['run', '--config', config, '--json-logs']);
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { level: string; message: string });
    expect(
      lines.some((l) => l.message.includes('extracts/crimes.csv: read 1 row, 0 rejected')),
    ).toBe(true);
    expect(lines.some((l) => l.level === 'info' && l.message.startsWith('Report: '))).toBe(true);
  });

  it('prints nothing but errors with --quiet', () => {
    const ws = workspace();
    writeReference(ws);
    ws.write('extracts/crimes.csv', `${HEADER}\nC1,2024-01-01,8N,E01999001\n`);
    const config = ws.config(baseConfig('  police_crimes: extracts/crimes.csv'));
    const result = runCli(['ingest', '--config', config, '--quiet']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('exits 2 on an unknown command', () => {
    expect(runCli(['frobnicate']).status).toBe(2);
  });
});
