/**
 * A fingerprint of the sna code that made a run: the sha256 of every TypeScript, SQL, CSV and
 * Python file (the Python notebook's helper cell) under the folders that decide what a run
 * computes, plus package.json and package-lock.json.
 * The nightly shortcut compares it, so an upgraded sna (a `git pull` and a build, the version
 * number unchanged) recomputes instead of keeping outputs the old code made. The sources are
 * hashed rather than dist/, since `bin/sna.js` refuses a dist/ older than them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PACKAGE_ROOT } from '../../core/paths.js';

const CODE_FOLDERS = ['core', 'pipeline', 'indicators', 'reports', 'data'];
const CODE_FILES = ['package.json', 'package-lock.json'];
const CODE_EXTENSIONS = ['.ts', '.sql', '.csv', '.py'];

function codeFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (CODE_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) found.push(path);
    }
  };
  for (const folder of CODE_FOLDERS) if (existsSync(join(root, folder))) walk(join(root, folder));
  for (const file of CODE_FILES) if (existsSync(join(root, file))) found.push(join(root, file));
  return found;
}

const cache = new Map<string, string>();

/** sha256 over the code files' relative paths and contents, in path order. */
export function codeFingerprint(root = PACKAGE_ROOT): string {
  const known = cache.get(root);
  if (known) return known;
  const hash = createHash('sha256');
  const files = codeFiles(root)
    .map((path) => ({ path, name: relative(root, path).split('\\').join('/') }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { path, name } of files) {
    hash.update(`${name}\u0000`);
    hash.update(readFileSync(path));
    hash.update('\u0000');
  }
  const fingerprint = hash.digest('hex');
  // One process runs one version of the code: hash it once.
  if (root === PACKAGE_ROOT) cache.set(root, fingerprint);
  return fingerprint;
}
