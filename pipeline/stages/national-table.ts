/**
 * National mode's outputs (docs/contract.md#national-mode): national.csv and national.parquet,
 * and the log lines that say what the table holds and which comparators were used.
 */
import type { SnaConfig } from '../../core/config.js';
import type { Database } from '../../core/database.js';
import type { Logger } from '../../core/log.js';
import { writeNationalFiles } from '../../indicators/national-files.js';

export async function writeNationalTable(
  db: Database,
  config: SnaConfig,
  outputDir: string,
  log: Logger,
): Promise<void> {
  if (config.comparators && config.reference.comparators) {
    const rule = config.comparators.auto ?? 'codes';
    log.info(
      `comparators: reference.comparators (${config.reference.comparators.pattern}) is given, so it is used and comparators (${rule}) is not`,
    );
  }
  await writeNationalFiles(db, outputDir);
  const coverage = await db.all<{ coverage: string; units: number }>(
    `SELECT coverage, count(*)::INTEGER AS units FROM dim_national_units GROUP BY coverage ORDER BY coverage`,
  );
  const chosen = await db.all<{ coverage: string; units: number }>(
    `SELECT coverage, count(*)::INTEGER AS units FROM dim_national_comparators GROUP BY coverage ORDER BY coverage`,
  );
  const count = (rows: typeof coverage, which: string) =>
    rows.find((r) => r.coverage === which)?.units ?? 0;
  const others = coverage
    .filter((r) => r.coverage !== 'complete')
    .map((r) => `${r.units} ${r.coverage.replace('_', ' ')}`);
  const total = coverage.reduce((sum, r) => sum + r.units, 0);
  const chosenTotal = chosen.reduce((sum, r) => sum + r.units, 0);
  const leftOut = chosenTotal - count(chosen, 'complete');
  const comparators =
    chosenTotal === 0
      ? ''
      : `; comparators: ${count(chosen, 'complete')} ranked` +
        (leftOut > 0 ? `, ${leftOut} left out (not complete)` : '');
  if (chosenTotal === 0 && config.comparators && !config.reference.comparators) {
    const rule = config.comparators.auto ?? `codes (${config.comparators.codes.join(', ')})`;
    log.warn(
      `comparators: ${rule} chose no district (the area has no complete data, residents or IMD score, or no district matches): the ranks among comparators are not available`,
    );
  }
  log.info(
    `National table: ${count(coverage, 'complete')} of ${total} districts and groups complete` +
      (others.length ? ` (${others.join(', ')}; listed, not ranked)` : '') +
      `${comparators}; written to national.csv and national.parquet`,
    {
      stage: 'national',
      units: total,
      complete: count(coverage, 'complete'),
      comparators: chosenTotal,
    },
  );
}
