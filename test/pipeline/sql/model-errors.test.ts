/**
 * An error in any SQL file names that file and its line: a syntax error planted in a copy of an
 * aggregate model, a model naming one that does not exist, and SQL of any file run through
 * Database.runFile (meta/, the publication view).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../../core/database.js';
import { SqlError } from '../../../core/errors.js';
import { SQL_DIR } from '../../../core/paths.js';
import { MODELS } from '../../../pipeline/sql/models.js';
import { buildModel } from '../../../pipeline/stages/build-models.js';

let db: Database;

beforeEach(async () => {
  db = await Database.open(':memory:');
});

afterEach(() => db.close());

/** A copy of pipeline/sql with `line` (1-based) of `relative` replaced by `text`. */
function plantedCopy(relative: string, line: number, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sna-sql-'));
  cpSync(SQL_DIR, dir, { recursive: true });
  const lines = readFileSync(join(dir, relative), 'utf8').split('\n');
  lines[line - 1] = text;
  writeFileSync(join(dir, relative), lines.join('\n'));
  return dir;
}

async function buildError(name: string, dir: string): Promise<SqlError> {
  const model = MODELS.find((m) => m.name === name);
  if (!model) throw new Error(`no model ${name}`);
  const error = await buildModel(db, model, dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SqlError);
  return error as SqlError;
}

describe('errors in model files', () => {
  it('names the agg_ model file and the line of a syntax error', async () => {
    const dir = plantedCopy(
      'aggregates/agg_police_period_counts.sql',
      9,
      '        count(*) filter (',
    );
    const error = await buildError('agg_police_period_counts', dir);
    expect(error.location).toEqual({
      file: join('pipeline', 'sql', 'aggregates', 'agg_police_period_counts.sql'),
      line: 9,
    });
    expect(error.format()).toMatch(/^pipeline\/sql\/aggregates\/agg_police_period_counts\.sql:9: /);
  });

  it('names the file and line of a reference to a model that does not exist', async () => {
    // The upstream models are absent here: DuckDB's catalog error points at the first name.
    const error = await buildError('agg_police_by_beat', SQL_DIR);
    expect(error.location.file).toBe(
      join('pipeline', 'sql', 'aggregates', 'agg_police_by_beat.sql'),
    );
    expect(error.location.line).toBe(3);
  });

  it('names the file and line of any SQL file run through Database.runFile (meta/, indicators_published)', async () => {
    const error = await db
      .runFile('indicators/sql/x.sql', 'CREATE VIEW x AS -- a view\nSELECT 1\nFROM FROM t')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(SqlError);
    expect((error as SqlError).location).toEqual({ file: 'indicators/sql/x.sql', line: 3 });
  });
});
