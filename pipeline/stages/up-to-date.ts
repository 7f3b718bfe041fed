/**
 * The nightly refresh's shortcut: a run whose inputs, config and sna version are those of the
 * last good run, and whose outputs are all still there, has nothing to do.
 *
 * "The last good run" is the one that wrote `manifest.json`: a run that dies before the end
 * (kill -9, a failed stage) leaves the previous manifest, so the next run sees the difference
 * and recomputes, even when the database already holds the new files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_SOURCES, type SnaConfig } from '../config/types.js';
import { planIngest } from '../ingest/plan.js';
import { type Manifest, packageVersion } from '../outputs/manifest.js';

/** Files each stage leaves in `output_dir` (contract §5); all must exist to skip the stage. */
export const STAGE_OUTPUTS: Record<string, readonly string[]> = {
  ingest: ['manifest.json', 'rejects.csv'],
  indicators: ['indicators.csv', 'indicators.parquet'],
  report: ['report.html', 'headline.json', 'headline.csv', 'headline.md', 'notebooks/sna.ipynb'],
};

export type Freshness =
  | { upToDate: true; lastRun: string; files: number }
  | { upToDate: false; reason: string };

/**
 * Whether running `stages` now would change nothing. Hashes every configured file (the same
 * planning the ingest does, without the database), so a bad header still fails as it would.
 */
export async function checkUpToDate(
  config: SnaConfig,
  stages: readonly string[],
): Promise<Freshness> {
  const manifest = readManifest(join(config.outputDir, 'manifest.json'));
  if (!manifest) return { upToDate: false, reason: 'no earlier run' };
  if (manifest.config_sha256 !== config.configSha256) {
    return { upToDate: false, reason: 'the configuration changed' };
  }
  if (manifest.version !== packageVersion()) {
    return { upToDate: false, reason: `sna changed version (${manifest.version})` };
  }
  const notRun = stages.filter((stage) => !(stage in (manifest.stages ?? {})));
  if (notRun.length > 0) {
    return { upToDate: false, reason: `the last run did not run ${notRun.join(', ')}` };
  }
  const missing = [
    config.database,
    ...stages.flatMap((s) => STAGE_OUTPUTS[s] ?? []).map((f) => join(config.outputDir, f)),
  ].filter((path) => !existsSync(path));
  if (missing.length > 0) return { upToDate: false, reason: `missing ${missing.join(', ')}` };

  const lastHashes = new Map(manifest.inputs.map((i) => [`${i.source}\u0000${i.path}`, i.sha256]));
  const plan = await planIngest(config, undefined);
  const changed = plan.files.filter(
    (f) => lastHashes.get(`${f.source}\u0000${f.relPath}`) !== f.sha256,
  );
  if (changed.length > 0) {
    return {
      upToDate: false,
      reason: `new or changed: ${changed.map((f) => f.relPath).join(', ')}`,
    };
  }
  // A reference file the config no longer names is dropped by the next ingest: a change.
  const named = new Set(plan.files.map((f) => `${f.source}\u0000${f.relPath}`));
  const references = new Set<string>(REFERENCE_SOURCES);
  const dropped = manifest.inputs.filter(
    (i) => references.has(i.source) && !named.has(`${i.source}\u0000${i.path}`),
  );
  if (dropped.length > 0) {
    return {
      upToDate: false,
      reason: `no longer configured: ${dropped.map((i) => i.path).join(', ')}`,
    };
  }
  return { upToDate: true, lastRun: manifest.finished_at, files: plan.files.length };
}

function readManifest(path: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    return Array.isArray(manifest.inputs) ? manifest : undefined;
  } catch {
    return undefined;
  }
}
