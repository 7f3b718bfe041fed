/**
 * The ingest stage: plan every configured file, then load each new or changed one in its own
 * transaction. Unchanged files (same sha256) are skipped, so running it twice changes nothing.
 */
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SnaConfig } from '../../core/config.js';
import type { Database } from '../../core/database.js';
import type { Logger } from '../../core/log.js';
import { SCHEMAS } from '../../data/schemas/index.js';
import { type FileLoadResult, forgetFile, loadFile, RejectLimitError } from './load-file.js';
import { type FileAction, planIngest } from './plan.js';
import { transcodeToUtf8 } from './read-file.js';

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
export async function ingest(config: SnaConfig, db: Database, log: Logger): Promise<IngestOutcome> {
  const plan = await planIngest(config, db);
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
  for (const file of plan.files) {
    if (file.action === 'skip') {
      log.debug(`${file.relPath}: unchanged since it was loaded; skipped`);
      outcome.files.push({ source: file.source, path: file.relPath, action: 'skip' });
      continue;
    }
    const readPath =
      file.spec.encoding === 'windows-1252' ? await transcodeToUtf8(file.path) : file.path;
    try {
      const result = await loadFile(db, { ...file, readPath }, config.thresholds.maxRejectPct);
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
    } catch (error) {
      if (!(error instanceof RejectLimitError)) throw error;
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
    } finally {
      if (readPath !== file.path) await rm(dirname(readPath), { recursive: true, force: true });
    }
  }
  return outcome;
}
