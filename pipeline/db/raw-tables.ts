/**
 * What ingest writes into and the models read from: bookkeeping tables, macros and one raw
 * table per source schema. The orchestrator (`pipeline/index.ts`) creates them once per run,
 * before any stage; no stage creates them itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SnaConfig } from '../../core/config.js';
import type { Database } from '../../core/database.js';
import { SQL_DIR } from '../../core/paths.js';
import { sqlType } from '../../data/schemas/define.js';
import { SCHEMAS } from '../../data/schemas/index.js';
import { rawTableDdl } from '../ingest/typing-sql.js';

/** Runs a file under pipeline/sql; an error names the file and line. */
const runSqlFile = (db: Database, relative: string) =>
  db.runFile(join('pipeline', 'sql', relative), readFileSync(join(SQL_DIR, relative), 'utf8'));

/**
 * Settings for a run's bulk work, measured with `npm run bench` (README, Speed):
 * - DuckDB checkpoints whenever its write-ahead log passes 16 MB, which a run reaches after
 *   every few small files or tables, rewriting storage each time; one checkpoint when the
 *   database closes does the same work once.
 * - By default DuckDB may hold 80% of the machine's memory before spilling to disk; 5 million
 *   crimes then peaked at 3.5 GB. Capped, joins and aggregates spill instead, at no measured
 *   cost. An in-memory database (`sna validate`) keeps its tables in that memory too, so it
 *   keeps DuckDB's default. The config's `resources:` overrides both (a shared server).
 */
async function tuneForBulkWork(db: Database, resources?: SnaConfig['resources']): Promise<void> {
  await db.run(`SET checkpoint_threshold = '1GB'`);
  const memoryLimit =
    resources?.memoryLimit ?? (db.path === ':memory:' ? null : DEFAULT_MEMORY_LIMIT);
  if (memoryLimit) await db.run(`SET memory_limit = '${memoryLimit}'`);
  if (resources?.threads) await db.run(`SET threads = ${resources.threads}`);
}

const DEFAULT_MEMORY_LIMIT = '2GB';

/**
 * Creates what ingest writes into: bookkeeping tables, macros, the raw tables and the boundary
 * tables (empty when no boundaries are configured) and police.uk's counted rows. `resources`
 * (the config's) sets DuckDB's memory cap and threads for the connection.
 */
export async function ensureRawTables(
  db: Database,
  resources?: SnaConfig['resources'],
): Promise<void> {
  await tuneForBulkWork(db, resources);
  await runSqlFile(db, 'meta/ingest_tables.sql');
  await runSqlFile(db, 'meta/macros.sql');
  await runSqlFile(db, 'meta/boundary_tables.sql');
  // The police.uk rows counted rather than kept (national mode): filled by ingest.
  await runSqlFile(db, 'meta/street_counts_table.sql');
  for (const schema of Object.values(SCHEMAS)) {
    await db.run(rawTableDdl(schema.table, schema.columns));
    // A database made by an earlier sna lacks columns added since (population's age_to):
    // add them, blank, so the next ingest and the models find them.
    for (const column of schema.columns) {
      await db.run(
        `ALTER TABLE ${schema.table} ADD COLUMN IF NOT EXISTS ${column.name} ${sqlType(column.type)}`,
      );
    }
  }
}
