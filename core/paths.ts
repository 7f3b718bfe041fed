/** Where the package's own files are, whether running from source (tests) or from dist/. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('sna: cannot find the package root (package.json)');
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = findPackageRoot();
export const SQL_DIR = join(PACKAGE_ROOT, 'pipeline', 'sql');
export const DATA_DIR = join(PACKAGE_ROOT, 'data');
/** The built-in Home Office offence code → category table (docs/contract.md#offence-groups). */
export const BUILTIN_OFFENCE_GROUPS = join(DATA_DIR, 'offence-groups.csv');
