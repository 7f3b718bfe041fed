/**
 * `manifest.json`: the run's provenance (docs/contract.md#manifest): every input file with its
 * sha256 and row accounting (read = loaded + set aside + rejected), the config hash, version,
 * times and stage timings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestInput } from '../../core/provenance.js';

export type { ManifestInput } from '../../core/provenance.js';

import { MANIFEST, type ManifestOutput } from './staging.js';

export interface Manifest {
  version: string;
  /** sha256 of the sna code that made the run (`code-fingerprint.ts`); absent before 0.1.0's. */
  code_sha256?: string;
  config_sha256: string;
  area: { name: string; codes: string[] };
  period: { end: string; months: number; history_years: number };
  started_at: string;
  finished_at: string;
  stages: Record<string, number>;
  inputs: ManifestInput[];
  /** Per event source: the months it has rows for, of each period (README, "Coverage"). */
  coverage: Record<string, ManifestCoverage>;
  /** The mid-year of the residents every rate divides by, and the year the period ends. */
  population: { year: number | null; period_end_year: number };
  /**
   * Every output of the published set but this file, with its sha256 (staging.ts): what the
   * nightly no-op check compares, and the only files sna ever removes. Absent from manifests of older sna code.
   */
  outputs?: ManifestOutput[];
}

export interface ManifestCoverage {
  /** False for police.uk files when force extracts are loaded: the indicators do not read them. */
  used: boolean;
  first_month: string | null;
  last_month: string | null;
  gap_months: number;
  periods: Partial<
    Record<
      'assessment' | 'previous' | 'history',
      {
        start: string;
        end: string;
        months_expected: number;
        months_covered: number;
        missing_months: string[];
        complete: boolean;
      }
    >
  >;
}

export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The last complete run's manifest in `outputDir`; undefined when there is none to trust. */
export function readManifest(outputDir: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(outputDir, MANIFEST), 'utf8')) as Manifest;
    return Array.isArray(manifest.inputs) ? manifest : undefined;
  } catch {
    return undefined;
  }
}
