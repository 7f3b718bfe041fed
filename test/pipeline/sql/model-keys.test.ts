/**
 * Every model's declared key (models.ts) on the demo database: unique, and never blank except
 * where the model says blank is a value of its own. A model without a key holds at most one row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../core/database.js';
import { memoryLogger } from '../../../core/log.js';
import { run } from '../../../pipeline/index.js';
import { MODELS } from '../../../pipeline/sql/models.js';
import {
  NATIONAL_AGGREGATES,
  NATIONAL_INTERMEDIATE,
  NATIONAL_MARTS,
  NATIONAL_STAGING,
} from '../../../pipeline/sql/models-national.js';
import { demoWorkspace } from '../../helpers/workspace.js';

let db: Database;

beforeAll(async () => {
  const ws = demoWorkspace('sna-model-keys-');
  await run(ws.configPath, { stages: ['ingest'], log: memoryLogger() });
  db = await Database.open(ws.path('out/sna.duckdb'));
});

afterAll(() => db?.close());

describe('model keys on the demo data', () => {
  for (const model of MODELS) {
    it(`${model.name}: ${model.key.length ? model.key.join(' × ') : 'at most one row'}`, async () => {
      const rows = await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${model.name}`);
      if (model.key.length === 0) {
        expect(rows?.n).toBeLessThanOrEqual(1);
        return;
      }
      const key = model.key.join(', ');
      // GROUP BY compares blanks as equal: a repeated key with a blank in it is found too.
      const repeated = await db.all(
        `SELECT ${key}, count(*)::INTEGER AS n FROM ${model.name} GROUP BY ${key} HAVING count(*) > 1 LIMIT 3`,
      );
      expect(repeated).toEqual([]);
      const mustBeSet = model.key.filter((c) => !model.nullableKey?.includes(c));
      if (mustBeSet.length > 0) {
        const blank = await db.one<{ n: number }>(
          `SELECT count(*)::INTEGER AS n FROM ${model.name}
           WHERE ${mustBeSet.map((c) => `${c} IS NULL`).join(' OR ')}`,
        );
        expect(blank?.n).toBe(0);
      }
    });
  }

  it('has rows to test in every model but police.uk ASB (unused while extracts are loaded) and the national ones', async () => {
    const empty: string[] = [];
    // National mode is off in the demo: its models are empty (their keys are tested on the
    // national-month example, test/examples/national-month.test.ts).
    const national = new Set(
      [
        ...NATIONAL_STAGING,
        ...NATIONAL_INTERMEDIATE,
        ...NATIONAL_MARTS,
        ...NATIONAL_AGGREGATES,
      ].map((m) => m.name),
    );
    for (const model of MODELS.filter((m) => !national.has(m.name))) {
      const found = await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${model.name}`);
      if (found?.n === 0) empty.push(model.name);
    }
    // The demo names boundary files and its crimes carry points: only police.uk's ASB is
    // empty (the demo's police source is the force's extracts).
    expect(empty).toEqual(['fct_street_asb']);
  });
});
