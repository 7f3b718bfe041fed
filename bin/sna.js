#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm run build`, which `npm ci` and `npm start` run).
// The SQL models are read from the sources at run time, so a dist/ older than the TypeScript
// (a `git pull` without a rebuild) would pair old code with new SQL: refuse it instead.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = join(root, 'dist', 'pipeline', 'cli.js');
const SOURCE_FOLDERS = ['core', 'pipeline', 'data', 'indicators', 'reports'];

function newestSource() {
  let newest = { path: '', mtimeMs: 0 };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const { mtimeMs } = statSync(path);
        if (mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
      }
    }
  };
  for (const folder of SOURCE_FOLDERS) if (existsSync(join(root, folder))) walk(join(root, folder));
  return newest;
}

if (!existsSync(compiled)) {
  console.error('error: sna is not built (no dist/): run `npm ci` or `npm run build` first');
  process.exit(1);
}
const source = newestSource();
if (source.mtimeMs > statSync(compiled).mtimeMs) {
  console.error(
    `error: dist/ is older than the sources (${relative(root, source.path)} changed since the build): run \`npm run build\``,
  );
  process.exit(1);
}
await import('../dist/pipeline/cli.js');
