/**
 * The nightly refresh's shortcut: a run whose inputs, config and sna code are those of the
 * last good run, and whose outputs are byte for byte the ones that run wrote, has nothing to do.
 *
 * "The last good run" is the one that wrote `manifest.json`, renamed in last of its set with
 * each output's sha256: a run that dies before the end (kill -9, a failed stage) leaves the
 * previous manifest, so the next run sees the difference and recomputes, even when the
 * database already holds the new files; one killed while switching its set in leaves outputs
 * whose hashes are not the manifest's, and the next run recomputes too.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BOUNDARY_LEVELS, REFERENCE_SOURCES, type SnaConfig } from '../../core/config.js';
import { packageVersion } from '../../core/provenance.js';
import { resolveBoundaryFiles, resolveFiles } from '../config/resolve-files.js';
import { configuredSources, relativePath } from '../ingest/plan.js';
import { sha256File } from '../ingest/read-file.js';
import { codeFingerprint } from '../outputs/code-fingerprint.js';
import { readManifest } from '../outputs/manifest.js';
import { listedOutputs, outputSha256 } from '../outputs/staging.js';

export type Freshness =
  | { upToDate: true; lastRun: string; files: number }
  | { upToDate: false; reason: string };

/**
 * Whether running `stages` now would change nothing: the same config, sna version and input
 * files (by sha256) as the last good run, and every output it wrote still in place, unchanged.
 * `required` names outputs this run must write (report.pdf for `--pdf`): a last run that did
 * not write one is not up to date.
 */
export async function checkUpToDate(
  config: SnaConfig,
  stages: readonly string[],
  required: readonly string[] = [],
): Promise<Freshness> {
  const manifest = readManifest(config.outputDir);
  if (!manifest) return { upToDate: false, reason: 'no earlier run' };
  if (manifest.config_sha256 !== config.configSha256) {
    return { upToDate: false, reason: 'the configuration changed' };
  }
  if (manifest.version !== packageVersion()) {
    return { upToDate: false, reason: `sna changed version (${manifest.version})` };
  }
  if (manifest.code_sha256 !== codeFingerprint()) {
    return { upToDate: false, reason: 'sna’s code changed since the last run' };
  }
  const notRun = stages.filter((stage) => !(stage in (manifest.stages ?? {})));
  if (notRun.length > 0) {
    return { upToDate: false, reason: `the last run did not run ${notRun.join(', ')}` };
  }
  if (!manifest.outputs) return { upToDate: false, reason: 'the last run listed no outputs' };
  if (!existsSync(config.database))
    return { upToDate: false, reason: `missing ${config.database}` };
  // Only paths inside output_dir: a manifest naming a file elsewhere never has it read.
  const listed = listedOutputs(manifest.outputs, config.outputDir);
  const paths = listed.map((o) => join(config.outputDir, o.path));
  const missing = paths.filter((path) => !existsSync(path));
  if (missing.length > 0) return { upToDate: false, reason: `missing ${missing.join(', ')}` };
  const notWritten = required.filter((path) => !listed.some((o) => o.path === path));
  if (notWritten.length > 0) {
    return { upToDate: false, reason: `the last run wrote no ${notWritten.join(', ')}` };
  }
  const altered: string[] = [];
  for (const output of listed) {
    const path = join(config.outputDir, output.path);
    if ((await outputSha256(path)) !== output.sha256) altered.push(path);
  }
  if (altered.length > 0) {
    return { upToDate: false, reason: `not the last run’s outputs: ${altered.join(', ')}` };
  }

  const lastHashes = new Map(manifest.inputs.map((i) => [`${i.source}\u0000${i.path}`, i.sha256]));
  const files = await configuredFiles(config);
  const changed = files.filter((f) => lastHashes.get(f.key) !== f.sha256);
  if (changed.length > 0) {
    return {
      upToDate: false,
      reason: `new or changed: ${changed.map((f) => f.relPath).join(', ')}`,
    };
  }
  // A reference file the config no longer names is dropped by the next ingest: a change.
  const named = new Set(files.map((f) => f.key));
  const references = new Set<string>([
    ...REFERENCE_SOURCES,
    ...BOUNDARY_LEVELS.map((level) => `boundaries_${level}`),
  ]);
  const dropped = manifest.inputs.filter(
    (i) => references.has(i.source) && !named.has(`${i.source}\u0000${i.path}`),
  );
  if (dropped.length > 0) {
    return {
      upToDate: false,
      reason: `no longer configured: ${dropped.map((i) => i.path).join(', ')}`,
    };
  }
  return { upToDate: true, lastRun: manifest.finished_at, files: files.length };
}

/**
 * Every configured file with its sha256. Headers are not read: a file whose hash the last good
 * run recorded was read then, and any other file sends the run down the full ingest.
 */
async function configuredFiles(config: SnaConfig) {
  const files: Array<{ key: string; relPath: string; sha256: string }> = [];
  for (const [source, spec, key] of configuredSources(config)) {
    for (const path of await resolveFiles(spec, key)) {
      const relPath = relativePath(config, path);
      files.push({ key: `${source}\u0000${relPath}`, relPath, sha256: await sha256File(path) });
    }
  }
  for (const level of BOUNDARY_LEVELS) {
    const spec = config.boundaries[level];
    if (!spec) continue;
    const source = `boundaries_${level}`;
    for (const path of await resolveBoundaryFiles(spec, `reference.boundaries.${level}`)) {
      const relPath = relativePath(config, path);
      files.push({ key: `${source}\u0000${relPath}`, relPath, sha256: await sha256File(path) });
    }
  }
  return files;
}
