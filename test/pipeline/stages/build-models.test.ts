/**
 * How the models are stored: each as its declared kind (a database from an earlier sna that
 * held one as the other kind is converted), cached models leave no temporary tables behind, and
 * every model reads the same rows as when nothing is cached.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Database } from '../../../core/database.js';
import { memoryLogger } from '../../../core/log.js';
import { loadConfig } from '../../../pipeline/config/load-config.js';
import { ensureRawTables } from '../../../pipeline/db/raw-tables.js';
import { run } from '../../../pipeline/index.js';
import { MODELS } from '../../../pipeline/sql/models.js';
import { buildModels, kindOf } from '../../../pipeline/stages/build-models.js';
import { demoWorkspace } from '../../helpers/workspace.js';

// Passes through to the real function, counting calls: a run creates the raw tables once.
vi.mock('../../../pipeline/db/raw-tables.js', async (original) => {
  const real = await original<typeof import('../../../pipeline/db/raw-tables.js')>();
  return { ...real, ensureRawTables: vi.fn(real.ensureRawTables) };
});

let configPath: string;
let databasePath: string;

beforeAll(async () => {
  const ws = demoWorkspace('sna-build-models-');
  configPath = ws.configPath;
  databasePath = ws.path('out/sna.duckdb');
  await run(configPath, { stages: ['ingest'], log: memoryLogger() });
});

it('creates the raw tables once per run, before ingest', () => {
  expect(vi.mocked(ensureRawTables)).toHaveBeenCalledTimes(1);
});

async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await Database.open(databasePath);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

const kinds = (db: Database) =>
  db.all<{ name: string; kind: string }>(
    `SELECT table_name AS name, table_type AS kind FROM information_schema.tables
     WHERE table_schema = 'main' ORDER BY table_name`,
  );

const expectedKind = (name: string) => {
  const model = MODELS.find((m) => m.name === name);
  const kind = model ? kindOf(model) : undefined;
  return kind === 'table' ? 'BASE TABLE' : 'VIEW';
};

describe('buildModels', () => {
  it('stores each model as its declared kind and leaves no temporary tables', async () => {
    await withDatabase(async (db) => {
      const found = new Map((await kinds(db)).map((r) => [r.name, r.kind]));
      for (const model of MODELS)
        expect([model.name, found.get(model.name)]).toEqual([model.name, expectedKind(model.name)]);
      expect(found.get('audit_rows_set_aside')).toBe('BASE TABLE');
      expect(found.get('fct_crimes')).toBe('VIEW');
      const temporary = await db.all('SELECT table_name FROM duckdb_tables() WHERE temporary');
      expect(temporary).toEqual([]);
    });
  });

  it('converts a model an earlier sna stored as the other kind, and drops retired ones', async () => {
    await withDatabase(async (db) => {
      await db.run('DROP TABLE audit_rows_set_aside');
      await db.run('CREATE VIEW audit_rows_set_aside AS SELECT 1 AS file_id');
      await db.run('DROP VIEW fct_crimes');
      await db.run('CREATE TABLE fct_crimes AS SELECT 1 AS crime_ref');
      // Models an earlier sna built and this one retired.
      await db.run('CREATE TABLE int_rows_set_aside AS SELECT 1 AS file_id');
      await db.run('CREATE VIEW int_crimes_classified AS SELECT 1 AS crime_ref');
      await buildModels(db, await loadConfig(configPath));
      const found = new Map((await kinds(db)).map((r) => [r.name, r.kind]));
      expect(found.get('audit_rows_set_aside')).toBe('BASE TABLE');
      expect(found.get('fct_crimes')).toBe('VIEW');
      expect(found.has('int_rows_set_aside')).toBe(false);
      expect(found.has('int_crimes_classified')).toBe(false);
    });
  });

  it('reads the same rows through cached models as through their views', async () => {
    await withDatabase(async (db) => {
      // After the build the names resolve to the stored views, computed afresh.
      const fresh = await db.all<{ n: number; people: number; set_aside: number }>(
        `SELECT (SELECT count(*) FROM int_crimes_versioned WHERE version_rank = 1) AS n,
                (SELECT count(*) FROM int_people_versioned
                 WHERE version_rank = 1
                   AND crime_ref IN (SELECT crime_ref FROM fct_crimes)) AS people,
                (SELECT count(*) FROM audit_rows_set_aside) AS set_aside`,
      );
      const stored = await db.all<{ n: number; people: number }>(
        `SELECT (SELECT count(*) FROM int_crimes_located) AS n,
                (SELECT count(*) FROM fct_crime_people) AS people`,
      );
      expect(fresh[0]?.n).toBe(stored[0]?.n);
      expect(fresh[0]?.people).toBe(stored[0]?.people);
      expect(fresh[0]?.set_aside).toBeGreaterThan(0);
    });
  });
});

describe('the config’s resources', () => {
  const setting = async (db: Database, name: string) =>
    (await db.one<{ v: string }>(`SELECT current_setting('${name}')::VARCHAR AS v`))?.v;

  it('caps a file database at 2 GB by default and leaves threads to DuckDB', async () => {
    await withDatabase(async (db) => {
      const threads = await setting(db, 'threads');
      await ensureRawTables(db, { memoryLimit: null, threads: null });
      expect(await setting(db, 'memory_limit')).toMatch(/^1\.8 GiB$/);
      expect(await setting(db, 'threads')).toBe(threads);
    });
  });

  it('sets the memory cap and threads a config gives', async () => {
    await withDatabase(async (db) => {
      await ensureRawTables(db, { memoryLimit: '512MB', threads: 1 });
      expect(await setting(db, 'memory_limit')).toMatch(/^488\.2 MiB$/);
      expect(await setting(db, 'threads')).toBe('1');
    });
  });
});

describe('a run with sources absent', () => {
  it('builds every model when only police.uk files are loaded; absent sources give empty marts', async () => {
    const ws = demoWorkspace('sna-build-models-uk-');
    const config = readFileSync(ws.configPath, 'utf8')
      .split('\n')
      .filter(
        (line) =>
          !/^\s+(police_crimes|police_victims|police_offenders|ae_assaults|youth_justice):/.test(
            line,
          ),
      )
      .join('\n');
    writeFileSync(ws.configPath, config);
    await run(ws.configPath, { stages: ['ingest'], log: memoryLogger() });
    const db = await Database.open(ws.path('out/sna.duckdb'));
    try {
      const counts = new Map<string, number>();
      for (const model of MODELS) {
        const found = await db.one<{ n: number }>(
          `SELECT count(*)::INTEGER AS n FROM ${model.name}`,
        );
        counts.set(model.name, found?.n ?? -1);
      }
      for (const name of [
        'fct_crimes',
        'fct_crime_people',
        'fct_ae_attendances',
        'fct_yj_offences',
      ])
        expect([name, counts.get(name)]).toEqual([name, 0]);
      for (const name of ['fct_street_crimes', 'fct_street_asb', 'fct_crime_categories'])
        expect([name, (counts.get(name) ?? 0) > 0]).toEqual([name, true]);
      expect(
        (await db.one<{ police_source: string }>('SELECT * FROM int_police_source'))?.police_source,
      ).toBe('police_uk_street');
    } finally {
      db.close();
    }
  });
});
