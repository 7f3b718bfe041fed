/** Temporary workspaces: a folder with a config and extract files, and ways to run sna on it. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Database } from '../../core/database.js';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

export interface Workspace {
  dir: string;
  write(relPath: string, content: string | Buffer): string;
  config(yaml: string): string;
  path(relPath: string): string;
}

export function workspace(prefix = 'sna-test-'): Workspace {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const write = (relPath: string, content: string | Buffer) => {
    const path = join(dir, relPath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return path;
  };
  return {
    dir,
    write,
    config: (yaml: string) => write('sna.config.yaml', yaml),
    path: (relPath: string) => join(dir, relPath),
  };
}

/** Geography and population for a two-LSOA area plus one LSOA outside it. */
export function writeReference(ws: Workspace): void {
  ws.write(
    'ref/geography.csv',
    [
      'lsoa_code,lsoa_name,ward_code,ward_name,lad_code,lad_name,beat,locality',
      'E01999001,Test 001A,E05999001,Ward A,E08999999,Testshire,N1G1,North',
      'E01999002,Test 001B,E05999001,Ward A,E08999999,Testshire,N1G2,North',
      'E01999901,Other 001A,E05999901,Ward Z,E08999998,Otherton,Z1,East',
    ].join('\n'),
  );
  ws.write('ref/population.csv', 'area_code,year,sex,age,population\nE01999001,2025,M,20,1000\n');
}

export function baseConfig(inputs: string, extra = ''): string {
  return `area:
  name: Testshire
  codes: [E08999999]
period:
  end: 2025-03-31
inputs:
${inputs}
reference:
  geography: ref/geography.csv
  population: ref/population.csv
${extra}`;
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Node's arguments to run `sna <args>` from source (tests never depend on a built dist/). */
export const cliArgv = (args: readonly string[]): string[] => [
  '--import',
  'tsx',
  join(REPO_ROOT, 'pipeline', 'cli.ts'),
  ...args,
];

/** The environment a child `sna` runs in: the test's own, without colour codes. */
export const cliEnv = (): NodeJS.ProcessEnv => ({ ...process.env, NO_COLOR: '1' });

/** Runs the CLI from source in a child process, as a user would run `sna`. */
export function runCli(args: string[], cwd = REPO_ROOT): CliResult {
  const result = spawnSync(process.execPath, cliArgv(args), {
    cwd,
    encoding: 'utf8',
    env: cliEnv(),
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Opens a database read-only-ish for assertions, runs `query`, and closes it. */
export async function query<T extends Record<string, unknown>>(
  databasePath: string,
  sql: string,
): Promise<T[]> {
  const db = await Database.open(databasePath);
  try {
    return await db.all<T>(sql);
  } finally {
    db.close();
  }
}

export const FIXTURES = join(REPO_ROOT, 'fixtures', 'synthetic');

/**
 * A copy of the demo config (`sna.config.yaml`) in a temp workspace, its inputs pointed at the
 * committed fixtures and its outputs at `<workspace>/out`, so test files never share a database.
 */
export function demoWorkspace(prefix = 'sna-demo-'): Workspace & { configPath: string } {
  const ws = workspace(prefix);
  const demo = readFileSync(join(REPO_ROOT, 'sna.config.yaml'), 'utf8')
    .replaceAll('fixtures/synthetic/', `${FIXTURES}/`)
    .replace(/^output_dir: .*$/m, `output_dir: ${ws.path('out')}`);
  return { ...ws, configPath: ws.config(demo) };
}
