/**
 * Folders of generated files compared as trees (the fixture generators' byte-for-byte
 * reproducibility tests), and the temporary folders they are written to.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect } from 'vitest';

/** A maker of temporary folders, all removed after the test file's tests. */
export function tempDirs(prefix: string): () => Promise<string> {
  const made: string[] = [];
  afterAll(async () => {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/** Every file under `dir`, relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Both folders hold the same files with the same bytes. */
export async function expectSameTree(a: string, b: string): Promise<void> {
  const files = await listFiles(a);
  expect(await listFiles(b)).toEqual(files);
  for (const f of files) {
    const [x, y] = await Promise.all([readFile(join(a, f)), readFile(join(b, f))]);
    expect(x.equals(y), `${f} differs`).toBe(true);
  }
}
