/**
 * Never a mixed set of outputs. A run writes all of its outputs into a staging folder inside
 * `output_dir` (`.sna-staging-<pid>`), and only once every one is written are they renamed
 * into place, `manifest.json` last: it names the set and each file's sha256, so a switch cut
 * short (a kill or a failed rename between two renames) leaves outputs that do not match the
 * manifest, and the next run sees that and recomputes. Everything a rename needs (its folders,
 * no folder where a file goes) is made and checked before the first one, so a path in the way
 * fails the run with the last complete set as it was, as a run that fails earlier does.
 *
 * sna removes only what it can prove it wrote: files the last manifest lists (and whose bytes
 * are still those it recorded) that this run no longer writes, and staging folders of its own.
 * A listed path that could lead out of `output_dir` is never sna's: it is dropped when read.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { EXIT, PipelineError } from '../../core/errors.js';
import {
  fileError,
  onPath,
  STAGING_FOLDER,
  STAGING_PREFIX,
  writeFileAtomic,
} from '../../core/write-atomic.js';
import { isWithin, realPathOf } from '../config/output-dir.js';
import { sha256File } from '../ingest/read-file.js';

export const MANIFEST = 'manifest.json';

/** One published output as the manifest records it; `path` is relative to `output_dir`. */
export interface ManifestOutput {
  path: string;
  sha256: string;
  bytes: number;
}

/**
 * The outputs a manifest lists that sna could have written: a path relative to `outputDir`,
 * with no `..`, whose folder is inside `outputDir` once links are followed. Any other entry (a
 * hand-edited or foreign manifest) is dropped, so sna never hashes or removes a file elsewhere.
 */
export function listedOutputs(outputs: unknown, outputDir: string): ManifestOutput[] {
  if (!Array.isArray(outputs)) return [];
  const root = realPathOf(outputDir);
  return outputs.filter((output: Partial<ManifestOutput> | null): output is ManifestOutput => {
    const path = output?.path;
    if (typeof path !== 'string' || typeof output?.sha256 !== 'string') return false;
    if (path === '' || isAbsolute(path) || path.split(/[/\\]/).includes('..')) return false;
    const full = join(outputDir, path);
    return isWithin(join(realPathOf(dirname(full)), basename(full)), root) && full !== outputDir;
  });
}

/** Hex sha256 of an output, a failure naming it (e.g. a folder where the output should be). */
export function outputSha256(path: string): Promise<string> {
  return onPath(path, 'read', () => sha256File(path));
}

/**
 * Removes the staging folders runs that died left in `output_dir`. Only called while holding
 * the run lock, when no other run can be writing there. A run killed (or failing) while
 * switching its set in left its manifest (renamed last) in its folder: the outputs it lists
 * are returned, as files sna wrote, so the next switch may remove those it no longer writes.
 */
export function removeLeftoverStaging(outputDir: string): {
  removed: string[];
  listed: ManifestOutput[];
} {
  const removed: string[] = [];
  const listed: ManifestOutput[] = [];
  if (!existsSync(outputDir)) return { removed, listed };
  const entries = onPath(outputDir, 'read', () => readdirSync(outputDir, { withFileTypes: true }));
  for (const entry of entries) {
    if (!entry.isDirectory() || !STAGING_FOLDER.test(entry.name)) continue;
    const path = join(outputDir, entry.name);
    try {
      const manifest = JSON.parse(readFileSync(join(path, MANIFEST), 'utf8')) as {
        outputs?: unknown;
      };
      listed.push(...listedOutputs(manifest.outputs, outputDir));
    } catch {
      // No manifest: the run died before its switch, so none of its files were published.
    }
    removeStaging(path);
    removed.push(path);
  }
  return { removed, listed };
}

/** A new, empty staging folder for this run. */
export function openStaging(outputDir: string): string {
  const staging = join(outputDir, `${STAGING_PREFIX}${process.pid}`);
  removeStaging(staging);
  onPath(staging, 'make the staging folder', () => mkdirSync(staging, { recursive: true }));
  return staging;
}

export function removeStaging(staging: string): void {
  onPath(staging, 'remove the staging folder', () =>
    rmSync(staging, { recursive: true, force: true }),
  );
}

/** The stage that writes an output: its earlier copy is stale when that stage runs again. */
function stageOf(path: string): string {
  // national.csv/.parquet are written by the indicators stage too (national mode).
  if (/^(indicators|national)\./.test(path)) return 'indicators';
  if (/^(charts|notebooks)\/|^headline\.|^report\.(html|docx|pdf)$/.test(path)) return 'report';
  return 'every run';
}

function filesUnder(folder: string): string[] {
  return onPath(folder, 'read', () => readdirSync(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

export interface Published {
  outputs: ManifestOutput[];
  /** Outputs of an earlier run this one no longer writes, removed. */
  removed: string[];
  /** Such outputs left in place because their bytes are no longer those sna wrote. */
  keptChanged: string[];
}

const SWITCHING = 'switch the new outputs in';
const KEPT = 'the outputs of the last complete run are kept';
const CUT_SHORT =
  'some are in place beside the last complete run’s manifest, so the next run recomputes';

/**
 * Makes every folder the renames need and checks that nothing is in their way: a file where
 * a folder goes, or a folder where an output (or the manifest) goes. Run before the first
 * rename, so such a path fails the run with the last complete set untouched.
 */
function prepareTargets(written: readonly string[], outputDir: string): void {
  const folders = new Set<string>();
  for (const path of written) {
    for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) folders.add(folder);
  }
  // Sorted, a folder comes before the folders inside it.
  for (const folder of [...folders].sort()) {
    const target = join(outputDir, folder);
    const found = statSync(target, { throwIfNoEntry: false });
    if (!found) onPath(target, SWITCHING, () => mkdirSync(target), KEPT);
    else if (!found.isDirectory()) {
      throw new PipelineError(
        `cannot ${SWITCHING} (a file is where a folder must go); ${KEPT}`,
        EXIT.other,
        {
          file: target,
        },
      );
    }
  }
  for (const path of [...written, MANIFEST]) {
    const target = join(outputDir, path);
    if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
      throw new PipelineError(
        `cannot ${SWITCHING} (a folder is where a file must go); ${KEPT}`,
        EXIT.other,
        {
          file: target,
        },
      );
    }
  }
}

/**
 * Switches the staged outputs in: `manifest(outputs)` written to staging, every other file
 * renamed into `outputDir`, stale outputs of the stages that ran removed, the manifest last.
 * `previous` lists what sna wrote before: the last complete run's outputs, then those of a
 * switch cut short; with none listed, nothing is removed.
 *
 * From the call on the staging folder is this function's: removed when the switch is done or
 * fails before its first rename, kept when it fails after, so that the next run reads its
 * manifest (`removeLeftoverStaging`) and knows the files already renamed in are sna's.
 */
export async function publishStaging(
  staging: string,
  outputDir: string,
  stagesRun: readonly string[],
  previous: readonly ManifestOutput[] | undefined,
  manifest: (outputs: ManifestOutput[]) => string,
): Promise<Published> {
  let renamed = 0;
  try {
    const written = filesUnder(staging).filter((path) => path !== MANIFEST);
    const fresh = new Set(written);
    const outputs: ManifestOutput[] = [];
    for (const path of written) {
      const staged = join(staging, path);
      outputs.push({
        path,
        sha256: await outputSha256(staged),
        bytes: onPath(staged, 'read', () => statSync(staged).size),
      });
    }
    const ran = new Set([...stagesRun, 'every run']);
    // Each path sna wrote before, with every sha256 it was written with.
    const earlier = new Map<string, { first: ManifestOutput; hashes: Set<string> }>();
    for (const output of listedOutputs(previous ?? [], outputDir)) {
      const found = earlier.get(output.path);
      if (found) found.hashes.add(output.sha256);
      else earlier.set(output.path, { first: output, hashes: new Set([output.sha256]) });
    }
    const stale: Array<{ path: string; hashes: Set<string> }> = [];
    for (const [path, { first, hashes }] of earlier) {
      if (fresh.has(path) || !existsSync(join(outputDir, path))) continue;
      // A stage that did not run this time leaves its outputs as they are, still listed.
      if (ran.has(stageOf(path))) stale.push({ path, hashes });
      else outputs.push(first);
    }
    outputs.sort((a, b) => a.path.localeCompare(b.path));
    // Written first, so a failure here (a full disk) still leaves the last set untouched.
    const staged = join(staging, MANIFEST);
    writeFileAtomic(staged, manifest(outputs));
    prepareTargets(written, outputDir);
    for (const path of written) {
      const target = join(outputDir, path);
      onPath(
        target,
        SWITCHING,
        () => renameSync(join(staging, path), target),
        renamed ? CUT_SHORT : KEPT,
      );
      renamed += 1;
    }
    const removed: string[] = [];
    const keptChanged: string[] = [];
    for (const { path: relPath, hashes } of stale) {
      const path = join(outputDir, relPath);
      // Only a file with bytes sna wrote is removed; anything else there now is the user's.
      const isFile = statSync(path, { throwIfNoEntry: false })?.isFile() === true;
      if (!isFile || !hashes.has(await onPath(path, 'read', () => sha256File(path), CUT_SHORT))) {
        keptChanged.push(path);
        continue;
      }
      onPath(path, 'remove an output no longer written', () => rmSync(path), CUT_SHORT);
      removed.push(path);
      removeIfEmpty(dirname(path), outputDir);
    }
    const published = join(outputDir, MANIFEST);
    onPath(published, SWITCHING, () => renameSync(staged, published), CUT_SHORT);
    removeStaging(staging);
    return { outputs, removed, keptChanged };
  } catch (error) {
    if (renamed === 0) {
      try {
        removeStaging(staging);
      } catch {
        // The next run removes it as a leftover; the first failure is the one to report.
      }
      throw error;
    }
    throw fileError(staging, SWITCHING, error, CUT_SHORT);
  }
}

/** A folder sna's removals emptied (e.g. `charts/`), removed; never `outputDir` itself. */
function removeIfEmpty(folder: string, outputDir: string): void {
  if (folder === outputDir) return;
  if (onPath(folder, 'read', () => readdirSync(folder), CUT_SHORT).length > 0) return;
  onPath(folder, 'remove an emptied folder', () => rmdirSync(folder), CUT_SHORT);
}
