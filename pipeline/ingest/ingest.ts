/**
 * The ingest stage: plan every configured file, then load each new or changed one in its own
 * transaction, or, for many files of one layout (police.uk street files), a batch of them in
 * one read and one transaction (`load-batch.ts`). Unchanged files (same sha256) are skipped, so
 * running it twice changes nothing.
 */
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SnaConfig } from '../../core/config.js';
import type { Database } from '../../core/database.js';
import type { Logger } from '../../core/log.js';
import { type Progress, SILENT_PROGRESS } from '../../core/progress.js';
import { SCHEMAS } from '../../data/schemas/index.js';
import { dropSplit, prepareSplit } from './area-split.js';
import { batchable, layoutKey, loadBatch } from './load-batch.js';
import { type FileLoadResult, forgetFile, loadFile, RejectLimitError } from './load-file.js';
import { type FileAction, type PlannedFile, planIngest } from './plan.js';
import { hashCachePath, isGzip, saveHashes, transcodeToUtf8 } from './read-file.js';

export interface IngestedFile {
  source: string;
  path: string;
  action: FileAction;
  result?: FileLoadResult;
}

export interface IngestOutcome {
  files: IngestedFile[];
  /** Files refused for exceeding max_reject_pct: rolled back, nothing loaded from them. */
  failures: RejectLimitError[];
}

/** Loads into the raw tables, which the caller has made (`ensureRawTables`, db/raw-tables.ts). */
export async function ingest(
  config: SnaConfig,
  db: Database,
  log: Logger,
  progress: Progress = SILENT_PROGRESS,
): Promise<IngestOutcome> {
  const plan = await planIngest(config, db);
  // The next run's up-to-date check hashes only what changed (read-file.ts).
  if (config.database !== ':memory:') {
    await saveHashes(
      hashCachePath(config),
      plan.files.map((f) => f.path),
    );
  }
  for (const same of plan.sameFiles) {
    log.info(`${same.path}: the same file as ${same.sameAs} (a symbolic link); loaded once`, {
      source: same.source,
      file: same.path,
      same_as: same.sameAs,
    });
  }
  for (const stale of plan.staleReferenceFiles) {
    await db.transaction(() =>
      forgetFile(db, stale.source, SCHEMAS[stale.source].table, stale.path),
    );
    log.info(`${stale.path}: no longer configured for ${stale.source}; its rows were removed`);
  }
  const outcome: IngestOutcome = { files: [], failures: [] };
  let filesDone = 0;
  let rowsRead = 0;
  progress.start('ingest', plan.files.length);
  const advance = (rows: number) => {
    filesDone += 1;
    rowsRead += rows;
    progress.update(filesDone, rowsRead);
  };
  const loaded = (file: PlannedFile, result: FileLoadResult) => {
    // What ingest knows: rows read and rejected. Which loaded rows are set aside (outside the
    // area, anti-social behaviour) is known after the models are built, and logged then.
    const replaced = file.action === 'replace' ? ' (replacing its earlier rows)' : '';
    const rows = result.rowsRead === 1 ? 'row' : 'rows';
    log.info(
      `${file.relPath}: read ${result.rowsRead.toLocaleString('en-GB')} ${rows}, ` +
        `${result.rowsRejected.toLocaleString('en-GB')} rejected` +
        (result.rowsRejected ? ' (see rejects.csv)' : '') +
        replaced,
      {
        source: file.source,
        file: file.relPath,
        action: file.action,
        rows_read: result.rowsRead,
        rows_rejected: result.rowsRejected,
      },
    );
    outcome.files.push({ source: file.source, path: file.relPath, action: file.action, result });
    advance(result.rowsRead);
  };
  const refused = (file: PlannedFile, error: RejectLimitError) => {
    // The error itself is reported once, when the run ends (exit 3); here, only where it is.
    log.info(
      `${file.relPath}: refused, nothing loaded (${error.result.rowsRejected} of ${error.result.rowsRead} rows rejected)`,
      {
        source: file.source,
        file: file.relPath,
        rows_read: error.result.rowsRead,
        rows_rejected: error.result.rowsRejected,
        refused: true,
      },
    );
    outcome.failures.push(error);
    advance(error.result.rowsRead);
  };
  const loadOne = async (file: PlannedFile) => {
    const readPath =
      file.spec.encoding === 'windows-1252' ? await transcodeToUtf8(file.path) : file.path;
    try {
      loaded(file, await loadFile(db, { ...file, readPath }, config.thresholds.maxRejectPct));
    } catch (error) {
      if (!(error instanceof RejectLimitError)) throw error;
      refused(file, error);
    } finally {
      if (readPath !== file.path) await rm(dirname(readPath), { recursive: true, force: true });
    }
  };
  let splitReady = false;
  let area: string[] | undefined;
  try {
    for (const run of batchRuns(plan.files)) {
      const [head] = run;
      if (!head) continue;
      // The area's LSOAs, once the geography lookup (a reference source, planned first) is in.
      if (head.split && !splitReady) {
        area = await prepareSplit(db, config);
        splitReady = true;
      }
      if (run.length === 1 && (head.action === 'skip' || !batchable(head))) {
        if (head.action === 'skip') {
          log.debug(`${head.relPath}: unchanged since it was loaded; skipped`);
          outcome.files.push({ source: head.source, path: head.relPath, action: 'skip' });
          advance(0);
        } else await loadOne(head);
        continue;
      }
      const batch = await loadBatch(db, run, config.thresholds.maxRejectPct, area);
      for (const { file, result } of batch.loaded) loaded(file, result);
      for (const { file, error } of batch.refused) refused(file, error);
      for (const file of batch.alone) await loadOne(file);
    }
  } finally {
    if (splitReady) await dropSplit(db);
    progress.stop();
  }
  return outcome;
}

/**
 * Uncompressed bytes a batch reads at most: its typed rows wait in memory until written, and
 * a national month (about 100 MB) and a year of them (about 1 GB) are both split into a few.
 */
const BATCH_BYTES = 256 * 1024 * 1024;

/**
 * The plan cut into runs: a file alone (skipped, or one that cannot share a read), or a batch
 * of files of one layout to load together, in plan order.
 */
export function batchRuns(files: readonly PlannedFile[]): PlannedFile[][] {
  const runs: PlannedFile[][] = [];
  let current: PlannedFile[] = [];
  let bytes = 0;
  const close = () => {
    if (current.length > 0) runs.push(current);
    current = [];
    bytes = 0;
  };
  for (const file of files) {
    if (file.action === 'skip' || !batchable(file)) {
      close();
      runs.push([file]);
      continue;
    }
    const size = file.bytes * (isGzip(file.path) ? GZIP_RATIO : 1);
    const [head] = current;
    if (head && (layoutKey(head) !== layoutKey(file) || bytes + size > BATCH_BYTES)) close();
    current.push(file);
    bytes += size;
  }
  close();
  return runs;
}

/** How much larger a police.uk street file is unzipped (about 7 times; a guess is enough). */
const GZIP_RATIO = 7;
