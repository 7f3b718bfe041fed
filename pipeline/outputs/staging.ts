/**
 * Never a mixed set of outputs. A run writes all of its outputs into a staging folder inside
 * `output_dir` (`.sna-staging-<pid>`), and only once every one is written are they renamed
 * into place, `manifest.json` last: it names the set and each file's sha256, so a switch cut
 * short (a kill between two renames) leaves outputs that do not match the manifest, and the
 * next run sees that and recomputes. A run that fails before the switch leaves the last
 * complete set as it was.
 *
 * sna removes only what it can prove it wrote: files the last manifest lists (and whose bytes
 * are still those it recorded) that this run no longer writes, and staging folders of its own.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { STAGING_FOLDER, STAGING_PREFIX, writeFileAtomic } from './write-atomic.js';

export const MANIFEST = 'manifest.json';

/** One published output as the manifest records it; `path` is relative to `output_dir`. */
export interface ManifestOutput {
  path: string;
  sha256: string;
  bytes: number;
}

/**
 * Removes the staging folders runs that died left in `output_dir`. Only called while holding
 * the run lock, when no other run can be writing there. A run killed while switching its set
 * in left its manifest (renamed last) in its folder: the outputs it lists are returned, as
 * files sna wrote, so the next switch may remove those it no longer writes.
 */
export function removeLeftoverStaging(outputDir: string): {
  removed: string[];
  listed: ManifestOutput[];
} {
  const removed: string[] = [];
  const listed: ManifestOutput[] = [];
  if (!existsSync(outputDir)) return { removed, listed };
  for (const entry of readdirSync(outputDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !STAGING_FOLDER.test(entry.name)) continue;
    const path = join(outputDir, entry.name);
    try {
      const manifest = JSON.parse(readFileSync(join(path, MANIFEST), 'utf8')) as {
        outputs?: ManifestOutput[];
      };
      listed.push(...(manifest.outputs ?? []));
    } catch {
      // No manifest: the run died before its switch, so none of its files were published.
    }
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  }
  return { removed, listed };
}

/** A new, empty staging folder for this run. */
export function openStaging(outputDir: string): string {
  const staging = join(outputDir, `${STAGING_PREFIX}${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  return staging;
}

export function removeStaging(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

export function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The stage that writes an output: its earlier copy is stale when that stage runs again. */
function stageOf(path: string): string {
  if (path.startsWith('indicators.')) return 'indicators';
  if (/^(charts|notebooks)\/|^headline\.|^report\.html$/.test(path)) return 'report';
  return 'every run';
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
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

/**
 * Switches the staged outputs in: `manifest(outputs)` written to staging, every other file
 * renamed into `outputDir`, stale outputs of the stages that ran removed, the manifest last.
 * `previous` lists what sna wrote before: the last complete run's outputs, then those of a
 * switch cut short; with none listed, nothing is removed.
 */
export function publishStaging(
  staging: string,
  outputDir: string,
  stagesRun: readonly string[],
  previous: readonly ManifestOutput[] | undefined,
  manifest: (outputs: ManifestOutput[]) => string,
): Published {
  const written = filesUnder(staging).filter((path) => path !== MANIFEST);
  const fresh = new Set(written);
  const outputs: ManifestOutput[] = written.map((path) => {
    const bytes = readFileSync(join(staging, path));
    return {
      path,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
    };
  });
  const ran = new Set([...stagesRun, 'every run']);
  // Each path sna wrote before, with every sha256 it was written with.
  const earlier = new Map<string, { first: ManifestOutput; hashes: Set<string> }>();
  for (const output of previous ?? []) {
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
  for (const path of written) {
    mkdirSync(dirname(join(outputDir, path)), { recursive: true });
    renameSync(join(staging, path), join(outputDir, path));
  }
  const removed: string[] = [];
  const keptChanged: string[] = [];
  for (const { path: relPath, hashes } of stale) {
    const path = join(outputDir, relPath);
    if (!hashes.has(sha256Of(path))) {
      keptChanged.push(path);
      continue;
    }
    rmSync(path);
    removed.push(path);
    removeIfEmpty(dirname(path), outputDir);
  }
  renameSync(staged, join(outputDir, MANIFEST));
  removeStaging(staging);
  return { outputs, removed, keptChanged };
}

/** A folder sna's removals emptied (e.g. `charts/`), removed; never `outputDir` itself. */
function removeIfEmpty(folder: string, outputDir: string): void {
  if (folder === outputDir || readdirSync(folder).length > 0) return;
  rmdirSync(folder);
}
