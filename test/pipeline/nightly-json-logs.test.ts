import { describe, expect, it } from 'vitest';
import {
  baseConfig,
  type CliResult,
  runCli,
  workspace,
  writeReference,
} from '../helpers/workspace.js';

/** These tests spawn sna several times: allow for a busy 2-core machine. */
const SPAWNS_TIMEOUT = 240_000;

interface LogLine {
  time: string;
  level: string;
  message: string;
  [field: string]: unknown;
}

/** Every line of stdout and stderr, each of which must be one JSON object of the log's shape. */
function jsonLines(result: CliResult): { out: LogLine[]; err: LogLine[] } {
  const parse = (text: string) =>
    text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        const parsed = JSON.parse(line) as LogLine;
        expect(parsed.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(['debug', 'info', 'warn', 'error']).toContain(parsed.level);
        expect(typeof parsed.message).toBe('string');
        return parsed;
      });
  return { out: parse(result.stdout), err: parse(result.stderr) };
}

function setUp(crimes: string) {
  const ws = workspace('sna-json-logs-');
  writeReference(ws);
  ws.write('extracts/crimes.csv', crimes);
  return ws.config(baseConfig('  police_crimes: extracts/crimes.csv'));
}

const GOOD = 'crime_ref,recorded_date,ho_offence_code,lsoa_code\nC1,2024-06-01,8N,E01999001\n';

describe('--json-logs: one JSON object per line, for a scheduler', {
  timeout: SPAWNS_TIMEOUT,
}, () => {
  it('on success: stage timings along the way, exit code 0 on the last line', () => {
    const result = runCli(['run', '--config', setUp(GOOD), '--json-logs']);
    expect(result.status, result.stderr).toBe(0);
    const { out, err } = jsonLines(result);
    expect(err).toEqual([]);
    for (const stage of ['ingest', 'indicators']) {
      const line = out.find((l) => l.stage === stage);
      expect(line, `no line for the ${stage} stage`).toBeDefined();
      expect(line?.seconds).toBeGreaterThan(0);
    }
    expect(out.find((l) => l.file === 'extracts/crimes.csv')).toMatchObject({
      source: 'police_crimes',
      rows_read: 1,
      rows_rejected: 0,
    });
    // After the models are built, the manifest's accounting for each source.
    expect(out.find((l) => l.message.startsWith('police_crimes:'))).toMatchObject({
      source: 'police_crimes',
      rows_read: 1,
      rows_loaded: 1,
      rows_set_aside: 0,
      rows_rejected: 0,
    });
    expect(out.at(-1)).toMatchObject({ level: 'info', exit_code: 0 });
    expect(out.at(-1)?.seconds).toBeGreaterThan(0);
  });

  it('on rejected input: errors on stderr with the file, line and exit code 3', () => {
    const config = setUp('crime_ref,ho_offence_code\nC1,8N\n');
    const result = runCli(['run', '--config', config, '--json-logs']);
    expect(result.status).toBe(3);
    const { out, err } = jsonLines(result);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatchObject({ level: 'error', exit_code: 3, line: 1 });
    expect(err[0]?.file).toMatch(/extracts\/crimes\.csv$/);
    expect(err[0]?.message).toContain('missing required column "recorded_date"');
  });

  it('on a bad config and on bad usage: exit code 2, still JSON', () => {
    const ws = workspace('sna-json-logs-');
    const config = ws.config('area: {}\n');
    const bad = runCli(['run', '--config', config, '--json-logs']);
    expect(bad.status).toBe(2);
    const { err } = jsonLines(bad);
    expect(err.length).toBeGreaterThan(0);
    expect(err.every((l) => l.level === 'error' && l.exit_code === 2)).toBe(true);

    const usage = runCli(['frobnicate', '--json-logs']);
    expect(usage.status).toBe(2);
    const lines = jsonLines(usage);
    expect(lines.out).toEqual([]);
    expect(lines.err[0]).toMatchObject({ level: 'error', exit_code: 2 });
    expect(lines.err[0]?.message).toContain("unknown command 'frobnicate'");
  });
});
