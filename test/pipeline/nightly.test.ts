import {
  copyFileSync,
  cpSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../pipeline/outputs/manifest.js';
import {
  type CliResult,
  demoWorkspace,
  FIXTURES,
  runCli,
  type Workspace,
} from '../helpers/workspace.js';

/** These tests spawn sna several times: allow for a busy 2-core machine. */
const SPAWNS_TIMEOUT = 240_000;

/** The demo borough with its extracts copied into the workspace, so tests can add files. */
function nightlyWorkspace(): Workspace & { configPath: string } {
  const ws = demoWorkspace('sna-nightly-');
  cpSync(join(FIXTURES, 'extracts'), ws.path('extracts'), { recursive: true });
  const demo = readFileSync(ws.configPath, 'utf8');
  ws.config(demo.replaceAll(`${FIXTURES}/extracts/`, 'extracts/'));
  return ws;
}

/** Modification time of every file under `dir`, by relative path. */
function mtimes(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = statSync(path).mtimeMs;
  }
  return out;
}

interface LogLine {
  level: string;
  message: string;
  file?: string;
  stage?: string;
  exit_code?: number;
}
const logLines = (result: CliResult): LogLine[] =>
  `${result.stdout}${result.stderr}`
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as LogLine);

const nightly = (ws: { configPath: string }) =>
  runCli(['run', '--config', ws.configPath, '--json-logs']);

/** police.count for violence_with_injury, from the published indicators.csv. */
function violenceWithInjuryCount(ws: Workspace): number {
  const rows = parse(readFileSync(ws.path('out/indicators.csv')), { columns: true }) as Array<
    Record<string, string>
  >;
  const row = rows.find(
    (r) => r.indicator_id === 'police.count' && r.category === 'violence_with_injury',
  );
  return Number(row?.value);
}

const NEW_CRIMES = `crime_ref,recorded_date,ho_offence_code,lsoa_code
NIGHTLY1,2025-01-15,8N,E01999001
NIGHTLY2,2025-01-16,8N,E01999002
`;

describe('the nightly refresh', { timeout: SPAWNS_TIMEOUT }, () => {
  let ws: Workspace & { configPath: string };
  let first: CliResult;
  beforeAll(() => {
    ws = nightlyWorkspace();
    first = nightly(ws);
  }, SPAWNS_TIMEOUT);

  it('with nothing new exits 0 at once, says so, and rewrites no output', () => {
    expect(first.status, first.stderr).toBe(0);
    const before = mtimes(ws.path('out'));
    const second = nightly(ws);
    expect(second.status).toBe(0);
    const lines = logLines(second);
    // 39 extracts and reference CSVs, and the two boundary files.
    expect(lines[0]?.message).toMatch(
      /^Nothing new since the last run \(.+; 41 input files unchanged\): outputs are up to date\.$/,
    );
    expect(lines.some((l) => l.stage !== undefined)).toBe(false);
    expect(lines.at(-1)).toMatchObject({ level: 'info', exit_code: 0 });
    expect(mtimes(ws.path('out'))).toEqual(before);
  });

  it('with a new file ingests only that file and recomputes the indicators', () => {
    const countBefore = violenceWithInjuryCount(ws);
    ws.write('extracts/police/crimes-2025-26-late.csv', NEW_CRIMES);
    const result = nightly(ws);
    expect(result.status, result.stderr).toBe(0);
    const lines = logLines(result);
    expect(lines.filter((l) => l.file !== undefined).map((l) => l.file)).toEqual([
      'extracts/police/crimes-2025-26-late.csv',
    ]);
    expect(lines.find((l) => l.stage === 'ingest')?.message).toBe(
      'Ingest: 1 files loaded, 39 unchanged',
    );
    expect(lines.some((l) => l.stage === 'indicators')).toBe(true);
    expect(violenceWithInjuryCount(ws)).toBe(countBefore + 2);
    const manifest = JSON.parse(readFileSync(ws.path('out/manifest.json'), 'utf8')) as Manifest;
    expect(manifest.inputs.map((i) => i.path)).toContain('extracts/police/crimes-2025-26-late.csv');
    expect(logLines(nightly(ws))[0]?.message).toMatch(/^Nothing new since the last run/);
  });

  it('recomputes when an output is missing or the config changed, though no input did', () => {
    rmSync(ws.path('out/indicators.csv'));
    const missing = logLines(nightly(ws));
    expect(missing.find((l) => l.stage === 'ingest')?.message).toBe(
      'No new or changed input files.',
    );
    expect(missing.some((l) => l.stage === 'indicators')).toBe(true);
    expect(statSync(ws.path('out/indicators.csv')).isFile()).toBe(true);

    ws.config(`${readFileSync(ws.configPath, 'utf8')}\n# a comment changes the config's hash\n`);
    const changed = logLines(nightly(ws));
    expect(changed.some((l) => l.stage === 'indicators')).toBe(true);
  });

  it('recomputes when the last run was made by other sna code (an upgrade with the same version)', () => {
    const path = ws.path('out/manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    expect(manifest.code_sha256).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(path, JSON.stringify({ ...manifest, code_sha256: '0'.repeat(64) }));
    const lines = logLines(nightly(ws));
    expect(lines.some((l) => l.stage === 'indicators')).toBe(true);
    const rewritten = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    expect(rewritten.code_sha256).toBe(manifest.code_sha256);
    expect(logLines(nightly(ws))[0]?.message).toMatch(/^Nothing new since the last run/);
  });

  it('recomputes when the database holds files the last good outputs do not (a run killed after ingest)', () => {
    const lastGood = ws.path('last-good-manifest.json');
    copyFileSync(ws.path('out/manifest.json'), lastGood);
    ws.write('extracts/police/crimes-2025-26-later.csv', NEW_CRIMES.replaceAll('NIGHTLY', 'LATER'));
    // `sna ingest` commits the file but computes no indicators: as a run killed after ingest.
    expect(runCli(['ingest', '--config', ws.configPath]).status).toBe(0);
    copyFileSync(lastGood, ws.path('out/manifest.json'));
    const countBefore = violenceWithInjuryCount(ws);
    const lines = logLines(nightly(ws));
    expect(lines.find((l) => l.stage === 'ingest')?.message).toBe('No new or changed input files.');
    expect(violenceWithInjuryCount(ws)).toBe(countBefore + 2);
  });
});
