/** Outputs are written to a temporary name and renamed, so a failed run never leaves a half-written file. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function temporaryName(path: string): string {
  return `${path}.tmp-${process.pid}`;
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
