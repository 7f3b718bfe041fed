/**
 * `bin/sna.js` runs the compiled CLI only when dist/ is at least as new as the TypeScript: the
 * SQL is read from the sources, so a stale build would pair old code with new models (found
 * when a pulled tree ran the old ingest against new SQL and failed on `age_to`).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../../bin/sna.js');

/** A tree shaped like the repository: bin/, a stand-in dist/ CLI and one source file. */
function tree(options: { built: boolean; sourceAge: number; buildAge: number }) {
  const root = mkdtempSync(join(tmpdir(), 'sna-bin-'));
  mkdirSync(join(root, 'bin'));
  copyFileSync(BIN, join(root, 'bin', 'sna.js'));
  writeFileSync(join(root, 'package.json'), '{"type":"module"}');
  mkdirSync(join(root, 'pipeline', 'stages'), { recursive: true });
  const source = join(root, 'pipeline', 'stages', 'build-models.ts');
  writeFileSync(source, 'export {};\n');
  const now = Date.now() / 1000;
  utimesSync(source, now - options.sourceAge, now - options.sourceAge);
  if (options.built) {
    mkdirSync(join(root, 'dist', 'pipeline'), { recursive: true });
    const cli = join(root, 'dist', 'pipeline', 'cli.js');
    writeFileSync(cli, "console.log('compiled cli ran', process.argv.slice(2).join(' '));\n");
    utimesSync(cli, now - options.buildAge, now - options.buildAge);
  }
  return root;
}

const runBin = (root: string) =>
  spawnSync(process.execPath, [join(root, 'bin', 'sna.js'), 'run', '--quiet'], {
    encoding: 'utf8',
  });

describe('bin/sna.js', () => {
  it('runs the compiled CLI, passing its arguments, when the build is newer than the sources', () => {
    const result = runBin(tree({ built: true, sourceAge: 60, buildAge: 10 }));
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('compiled cli ran run --quiet');
  });

  it('refuses a build older than a source file, naming the file and the fix', () => {
    const result = runBin(tree({ built: true, sourceAge: 10, buildAge: 60 }));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      'error: dist/ is older than the sources (pipeline/stages/build-models.ts changed since the build): run `npm run build`',
    );
  });

  it('says how to build when there is no dist/', () => {
    const result = runBin(tree({ built: false, sourceAge: 10, buildAge: 0 }));
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'error: sna is not built (no dist/): run `npm ci` or `npm run build` first',
    );
  });
});
