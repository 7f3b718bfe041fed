/**
 * Builds the SQL layers on the raw tables (`pipeline/db/raw-tables.ts`): the run's settings as
 * tables, then every model in MODELS order, then the crime points' projections.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listValue } from '@duckdb/node-api';
import type { SnaConfig } from '../../core/config.js';
import type { Database, Params } from '../../core/database.js';
import { SQL_DIR } from '../../core/paths.js';
import { projectCrimePoints } from '../../indicators/spatial/project-points.js';
import { MODELS, type Model } from '../sql/models.js';
import { nationalParams } from '../sql/national-settings.js';

/**
 * A file under pipeline/sql: its path as shown to the user, and its text (read from `dir`, which
 * a test may point at a copy).
 */
function sqlFile(relative: string, dir = SQL_DIR): { file: string; sql: string } {
  return {
    file: join('pipeline', 'sql', relative),
    sql: readFileSync(join(dir, relative), 'utf8'),
  };
}

/** Runs a file under pipeline/sql; an error names the file and line. */
async function runSqlFile(db: Database, relative: string, params?: Params): Promise<void> {
  const { file, sql } = sqlFile(relative);
  await db.runFile(file, sql, params);
}

/** Writes the run's settings into `run_config`, `run_area_codes` and the national tables. */
export async function writeRunConfig(db: Database, config: SnaConfig): Promise<void> {
  await runSqlFile(db, 'meta/run_config.sql', {
    area_name: config.area.name,
    period_end: config.period.end,
    months: config.period.months,
    history_years: config.period.historyYears,
    repeat_address_min: config.thresholds.repeatAddressMin,
    suppress_below: config.thresholds.suppressBelow,
    town_centre_wards: JSON.stringify(config.area.townCentreWards),
  });
  await runSqlFile(db, 'meta/run_area_codes.sql', { area_codes: listValue(config.area.codes) });
  const { groups, poisson, ...national } = nationalParams(config);
  await runSqlFile(db, 'meta/run_national.sql', { ...national });
  await runSqlFile(db, 'meta/run_national_groups.sql', { groups });
  await runSqlFile(db, 'meta/run_poisson_limits.sql', { poisson });
}

/**
 * How a model is stored unless it says: staging and intermediate models are views, marts,
 * aggregates and the audit tables.
 */
export const kindOf = (model: Model): 'table' | 'view' =>
  model.materialise ??
  (model.layer === 'staging' || model.layer === 'intermediate' ? 'view' : 'table');

/** A model's file (as shown to the user) and the statement that builds it from that file. */
export function modelStatement(model: Model, dir = SQL_DIR): { file: string; sql: string } {
  const { file, sql } = sqlFile(`${model.layer}/${model.name}.sql`, dir);
  // The prefix stays on the file's first line so DuckDB's "LINE n" is the file's line n.
  return { file, sql: `create or replace ${kindOf(model)} main.${model.name} as ${sql}` };
}

/** The models' names in the database now, each with the kind of object it is. */
async function storedKinds(db: Database): Promise<Map<string, 'table' | 'view'>> {
  const rows = await db.all<{ name: string; type: string }>(
    `SELECT table_name AS name, table_type AS type FROM information_schema.tables
     WHERE table_catalog = current_database() AND table_schema = 'main'`,
  );
  return new Map(rows.map((r) => [r.name, r.type === 'VIEW' ? 'view' : 'table']));
}

/** A database from an earlier version may hold the model as the other kind of object. */
async function dropOtherKind(db: Database, model: Model, stored: 'table' | 'view' | undefined) {
  if (stored === 'view' && kindOf(model) === 'table') await db.run(`DROP VIEW main.${model.name}`);
  if (stored === 'table' && kindOf(model) === 'view') await db.run(`DROP TABLE main.${model.name}`);
}

/**
 * Builds one model from its file (under `dir`, pipeline/sql unless a test says), with the models
 * it reads already built.
 */
export async function buildModel(
  db: Database,
  model: Model,
  dir = SQL_DIR,
  // What the database holds now: read once per build rather than once per model.
  stored?: Map<string, 'table' | 'view'>,
): Promise<void> {
  await dropOtherKind(db, model, (stored ?? (await storedKinds(db))).get(model.name));
  const { file, sql } = modelStatement(model, dir);
  await db.runFile(file, sql);
  if (model.cached) {
    // DuckDB resolves a name in the temp schema before main, so the models built after this
    // one read these rows instead of recomputing the view each time they name it.
    await db.run(`CREATE OR REPLACE TEMP TABLE ${model.name} AS SELECT * FROM main.${model.name}`);
  }
}

/** Models an earlier sna built and this one does not: dropped, so no reader finds stale rows. */
const RETIRED_MODELS = ['int_crimes_classified', 'int_rows_set_aside'] as const;

/**
 * Rebuilds every model from the raw tables. Cached models live in temporary tables only while
 * the build runs; afterwards their names resolve to the stored views again.
 */
export async function buildModels(db: Database, config: SnaConfig): Promise<void> {
  await writeRunConfig(db, config);
  try {
    const stored = await storedKinds(db);
    for (const name of RETIRED_MODELS) {
      const kind = stored.get(name);
      if (kind) await db.run(`DROP ${kind === 'view' ? 'VIEW' : 'TABLE'} main.${name}`);
    }
    for (const model of MODELS) await buildModel(db, model, SQL_DIR, stored);
    // proj4 cannot run in SQL, so the points' other coordinate pair is filled here, once a run,
    // for the near-repeat test and the hexagon map alike (crime_points_located).
    await projectCrimePoints(db);
  } finally {
    for (const model of MODELS.filter((m) => m.cached)) {
      await db.run(`DROP TABLE IF EXISTS temp.${model.name}`);
    }
  }
}
