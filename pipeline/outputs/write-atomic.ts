/** Outputs are written to a temporary name and renamed, so a failed run never leaves a half-written file. */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function temporaryName(path: string): string {
  return `${path}.tmp-${process.pid}`;
}

/**
 * Removes temporary files a killed run left in the output folder (`<name>.tmp-<pid>`). Only
 * called while holding the run lock, when no other run can be writing there.
 */
export function removeLeftoverTemporaries(outputDir: string): string[] {
  if (!existsSync(outputDir)) return [];
  const removed: string[] = [];
  for (const entry of readdirSync(outputDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tmp-\d+$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    rmSync(path, { force: true });
    removed.push(path);
  }
  return removed;
}

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryName(path);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Runs `write(tmp)` to produce a file at a temporary path, then moves it into place. */
export async function replaceAtomic(path: string, write: (temporary: string) => Promise<void>) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryName(path);
  try {
    await write(temporary);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
