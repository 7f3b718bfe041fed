/**
 * Builds the SQL layers: bookkeeping tables and macros, one raw table per source schema,
 * the run's settings as tables, then every model in MODELS order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listValue } from '@duckdb/node-api';
import { SCHEMAS } from '../../data/schemas/index.js';
import type { SnaConfig } from '../config/types.js';
import { type Database, profiled } from '../db/database.js';
import { SqlError } from '../errors.js';
import { rawTableDdl } from '../ingest/typing-sql.js';
import { SQL_DIR } from '../paths.js';
import { MODELS, type Model } from '../sql/models.js';

const readSql = (relative: string) => readFileSync(join(SQL_DIR, relative), 'utf8');

/** Creates what ingest writes into: bookkeeping tables, macros and the raw tables. */
export async function ensureRawTables(db: Database): Promise<void> {
  await db.run(readSql('meta/ingest_tables.sql'));
  await db.run(readSql('meta/macros.sql'));
  for (const schema of Object.values(SCHEMAS)) {
    await db.run(rawTableDdl(schema.table, schema.columns));
  }
}

/** Writes the run's settings into `run_config` and `run_area_codes`. */
export async function writeRunConfig(db: Database, config: SnaConfig): Promise<void> {
  await db.run(readSql('meta/run_config.sql'), {
    area_name: config.area.name,
    period_end: config.period.end,
    months: config.period.months,
    history_years: config.period.historyYears,
    repeat_address_min: config.thresholds.repeatAddressMin,
    suppress_below: config.thresholds.suppressBelow,
  });
  await db.run(readSql('meta/run_area_codes.sql'), { area_codes: listValue(config.area.codes) });
}

async function buildModel(db: Database, model: Model): Promise<void> {
  const file = `${model.layer}/${model.name}.sql`;
  const kind = model.layer === 'marts' ? 'table' : 'view';
  // The prefix stays on the file's first line so DuckDB's "LINE n" is the file's line n.
  const sql = `create or replace ${kind} ${model.name} as ${readSql(file)}`;
  try {
    await profiled(sql, () => db.connection.run(sql));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /LINE (\d+):/.exec(message)?.[1];
    throw new SqlError(message, {
      file: join('pipeline', 'sql', file),
      line: line ? Number(line) : undefined,
    });
  }
}

/** Rebuilds every model from the raw tables. */
export async function buildModels(db: Database, config: SnaConfig): Promise<void> {
  await writeRunConfig(db, config);
  for (const model of MODELS) await buildModel(db, model);
}
