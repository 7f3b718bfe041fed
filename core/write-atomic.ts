/**
 * Outputs are written to a temporary name and renamed, so a failed write never leaves a
 * half-written file; a write that fails names the output it was writing.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { EXIT, PipelineError } from './errors.js';

/** A run's staging folder in `output_dir` (see staging.ts): sna's prefix, then its pid. */
export const STAGING_PREFIX = '.sna-staging-';
export const STAGING_FOLDER = /^\.sna-staging-\d+$/;

/** `<output_dir>/.sna-staging-123/charts/a.svg` → `<output_dir>/charts/a.svg`. */
export function publishedPath(path: string): string {
  return path.replace(/[/\\]\.sna-staging-\d+(?=[/\\])/, '');
}

export function temporaryName(path: string): string {
  return `${path}.tmp-${process.pid}`;
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  EISDIR: 'a folder, not a file',
  ENOTDIR: 'a file is where a folder must go',
  ENOENT: 'no such file or folder',
  EBUSY: 'in use',
};

/**
 * A failed file operation as one line naming the path (the published one, for a staged path),
 * so the user learns which file to look at rather than an errno and a syscall. `after` says
 * what became of the outputs; by default, for a staged path, that the last complete set is kept.
 */
export function fileError(
  path: string,
  doing: string,
  error: unknown,
  after?: string,
): PipelineError {
  if (error instanceof PipelineError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const reason =
    (code && REASONS[code]) ??
    (/no space left on device/i.test(message)
      ? REASONS.ENOSPC
      : (message.split('\n')[0] ?? message));
  const published = publishedPath(path);
  const kept =
    after ?? (published === path ? undefined : 'the outputs of the last complete run are kept');
  return new PipelineError(`cannot ${doing} (${reason})${kept ? `; ${kept}` : ''}`, EXIT.other, {
    file: published,
  });
}

/**
 * Runs `action` on `path` (waiting for it when it returns a promise); a failure becomes
 * `fileError(path, doing, …)`. The one wrapper for file operations of sna's outputs.
 */
export function onPath<T>(path: string, doing: string, action: () => T, after?: string): T {
  try {
    const result = action();
    if (result instanceof Promise) {
      return result.catch((error: unknown) => {
        throw fileError(path, doing, error, after);
      }) as T;
    }
    return result;
  } catch (error) {
    throw fileError(path, doing, error, after);
  }
}

/**
 * For the tests of a full disk where no small file system can be mounted: the output named
 * by `SNA_TEST_FAIL_WRITE` (a file name) fails as a full disk would.
 */
function failIfAsked(path: string): void {
  if (process.env.SNA_TEST_FAIL_WRITE && basename(path) === process.env.SNA_TEST_FAIL_WRITE) {
    throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC' });
  }
}

/** The temporary of a failed write; a failure to remove it must not hide the first one. */
function removeQuietly(temporary: string): void {
  try {
    rmSync(temporary, { force: true });
  } catch {
    // e.g. ENOTDIR: nothing was written there
  }
}

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const temporary = temporaryName(path);
  try {
    failIfAsked(path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    removeQuietly(temporary);
    throw fileError(path, 'write', error);
  }
}

/** Runs `write(tmp)` to produce a file at a temporary path, then moves it into place. */
export async function replaceAtomic(path: string, write: (temporary: string) => Promise<void>) {
  const temporary = temporaryName(path);
  try {
    failIfAsked(path);
    mkdirSync(dirname(path), { recursive: true });
    await write(temporary);
    renameSync(temporary, path);
  } catch (error) {
    removeQuietly(temporary);
    throw fileError(path, 'write', error);
  }
}
