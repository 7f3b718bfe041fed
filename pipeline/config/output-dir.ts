/**
 * `output_dir` must be a folder of sna's own. sna replaces its outputs there and removes the
 * ones a later run no longer writes, and a folder that holds the inputs would have its own
 * CSV files read back as extracts on the next run; so the whole disk, the home folder or one
 * above it, a folder holding the config, and a folder holding (or searched for) an input are
 * refused. Paths are compared with links followed: a link to the extracts is the extracts.
 */
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { InputSpec } from '../../core/config.js';

const WHY =
  'sna replaces and removes files in its output folder, so give it a folder of its own, e.g. out';

/** Characters that make a path segment a glob (picomatch's, as tinyglobby reads them). */
const GLOB_SEGMENT = /[*?[\]{}()!+@]/;

/** True when `inside` is `folder` or anywhere below it. */
export function isWithin(inside: string, folder: string): boolean {
  const relative = path.relative(folder, inside);
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
}

/**
 * `target` with every link followed. Its nearest existing ancestor is resolved and the rest
 * (folders not made yet, as `output_dir` is before the first run) appended as written.
 */
export function realPathOf(target: string): string {
  const notYetMade: string[] = [];
  let existing = path.resolve(target);
  for (;;) {
    try {
      return path.join(realpathSync(existing), ...notYetMade);
    } catch {
      // Missing (or unreadable): resolve its parent instead, up to the root.
      const parent = path.dirname(existing);
      if (parent === existing) return path.resolve(target);
      notYetMade.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

/**
 * The folder a configured path or glob reads from (its segments before the first glob
 * character), and whether the rest of the pattern may reach into subfolders of it.
 */
function searchedFolder(absolutePattern: string): { folder: string; deep: boolean } {
  const segments = absolutePattern.split(path.sep);
  const first = segments.findIndex((segment) => GLOB_SEGMENT.test(segment));
  if (first === -1) return { folder: path.dirname(absolutePattern), deep: false };
  return {
    folder: segments.slice(0, first).join(path.sep) || path.sep,
    deep: segments.length - first > 1 || segments[first]?.includes('**') === true,
  };
}

/**
 * Why `outputDir` cannot be sna's output folder, or undefined when it can. `written` is the
 * value as the config gives it; `sources` are the configured inputs and references by key.
 */
export function outputDirProblem(
  outputDir: string,
  written: string | undefined,
  configPath: string,
  sources: ReadonlyArray<readonly [string, InputSpec]>,
): string | undefined {
  if (written?.startsWith('~')) {
    return `"${written}" starts with ~, which sna does not expand: write the full path`;
  }
  const real = realPathOf(outputDir);
  const shown =
    real === outputDir ? `"${outputDir}"` : `"${outputDir}" (${real} once links are followed)`;
  if (outputDir === path.parse(outputDir).root || real === path.parse(real).root) {
    return `${shown} is the root folder: ${WHY}`;
  }
  const home = realPathOf(homedir());
  if (real === home) return `${shown} is the home folder: ${WHY}`;
  if (isWithin(home, real)) return `${shown} holds the home folder (${homedir()}): ${WHY}`;
  const config = realPathOf(configPath);
  if (isWithin(config, real)) {
    return `${shown} holds the config file (${path.relative(real, config)}): ${WHY}`;
  }
  for (const [key, spec] of sources) {
    const searched = searchedFolder(spec.absolutePattern);
    const folder = realPathOf(searched.folder);
    if (isWithin(folder, real)) {
      return `${shown} holds the files of ${key} (${spec.pattern}): sna would read its own CSV files as extracts; ${WHY}`;
    }
    if (searched.deep && isWithin(real, folder)) {
      return `${shown} is inside ${folder}, which ${key} searches (${spec.pattern}): sna would read its own CSV files as extracts; ${WHY}`;
    }
  }
  return undefined;
}
