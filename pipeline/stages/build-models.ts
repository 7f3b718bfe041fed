/**
 * Builds the SQL layers on the raw tables (`pipeline/db/raw-tables.ts`): the run's settings as
 * tables, then every model in MODELS order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listValue } from '@duckdb/node-api';
import type { SnaConfig } from '../../core/config.js';
import { type Database, profiled } from '../../core/database.js';
import { SqlError } from '../../core/errors.js';
import { SQL_DIR } from '../../core/paths.js';
import { MODELS, type Model } from '../sql/models.js';

const readSql = (relative: string) => readFileSync(join(SQL_DIR, relative), 'utf8');

/** Writes the run's settings into `run_config` and `run_area_codes`. */
export async function writeRunConfig(db: Database, config: SnaConfig): Promise<void> {
  await db.run(readSql('meta/run_config.sql'), {
    area_name: config.area.name,
    period_end: config.period.end,
    months: config.period.months,
    history_years: config.period.historyYears,
    repeat_address_min: config.thresholds.repeatAddressMin,
    suppress_below: config.thresholds.suppressBelow,
    town_centre_wards: listValue(config.area.townCentreWards),
  });
  await db.run(readSql('meta/run_area_codes.sql'), { area_codes: listValue(config.area.codes) });
}

/** How a model is stored; marts are tables, the layers under them views, unless it says. */
const kindOf = (model: Model): 'table' | 'view' =>
  model.materialise ?? (model.layer === 'marts' ? 'table' : 'view');

/** A database from an earlier version may hold the model as the other kind of object. */
async function dropOtherKind(db: Database, model: Model): Promise<void> {
  const found = await db.one<{ table_type: string }>(
    `SELECT table_type FROM information_schema.tables
     WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = $name`,
    { name: model.name },
  );
  if (!found) return;
  const isView = found.table_type === 'VIEW';
  if (isView && kindOf(model) === 'table') await db.run(`DROP VIEW main.${model.name}`);
  if (!isView && kindOf(model) === 'view') await db.run(`DROP TABLE main.${model.name}`);
}

async function buildModel(db: Database, model: Model): Promise<void> {
  const file = `${model.layer}/${model.name}.sql`;
  await dropOtherKind(db, model);
  // The prefix stays on the file's first line so DuckDB's "LINE n" is the file's line n.
  const sql = `create or replace ${kindOf(model)} main.${model.name} as ${readSql(file)}`;
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
  if (model.cached) {
    // DuckDB resolves a name in the temp schema before main, so the models built after this
    // one read these rows instead of recomputing the view each time they name it.
    await db.run(`CREATE OR REPLACE TEMP TABLE ${model.name} AS SELECT * FROM main.${model.name}`);
  }
}

/**
 * Rebuilds every model from the raw tables. Cached models live in temporary tables only while
 * the build runs; afterwards their names resolve to the stored views again.
 */
export async function buildModels(db: Database, config: SnaConfig): Promise<void> {
  await writeRunConfig(db, config);
  try {
    for (const model of MODELS) await buildModel(db, model);
  } finally {
    for (const model of MODELS.filter((m) => m.cached)) {
      await db.run(`DROP TABLE IF EXISTS temp.${model.name}`);
    }
  }
}
