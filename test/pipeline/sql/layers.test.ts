/**
 * The layers do not leak (models.ts): each model reads only models built before it, from the
 * layers its own may read; every model file is registered, and every staging and intermediate
 * model is read by a later one (no dead models).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SQL_DIR } from '../../../core/paths.js';
import { type Layer, MODELS } from '../../../pipeline/sql/models.js';

const LAYERS: readonly Layer[] = ['staging', 'intermediate', 'marts', 'aggregates', 'audit'];

/** What each layer may read ('raw': the ingest tables). */
const MAY_READ: Record<Layer, readonly (Layer | 'raw')[]> = {
  staging: ['raw'],
  intermediate: ['staging', 'intermediate'],
  marts: ['intermediate', 'marts'],
  aggregates: ['intermediate', 'marts', 'aggregates'],
  audit: ['staging', 'intermediate', 'marts', 'aggregates'],
};

const layerOf = new Map(MODELS.map((m) => [m.name, m.layer]));

/** The models and raw tables a model's SQL names, comments aside. */
function reads(name: string, layer: Layer): string[] {
  const sql = readFileSync(join(SQL_DIR, layer, `${name}.sql`), 'utf8').replace(/--.*$/gm, '');
  const names = sql.match(/\b(?:raw|stg|int|fct|dim|agg|audit)_\w+/g) ?? [];
  return [...new Set(names)].filter((n) => n !== name);
}

describe('model layers', () => {
  it('registers every model file, and every registered model has its file', () => {
    const files = LAYERS.flatMap((layer) =>
      readdirSync(join(SQL_DIR, layer))
        .filter((f) => f.endsWith('.sql'))
        .map((f) => `${layer}/${f.replace(/\.sql$/, '')}`),
    );
    expect(files.sort()).toEqual(MODELS.map((m) => `${m.layer}/${m.name}`).sort());
  });

  it('names each model by its layer', () => {
    const prefix: Record<Layer, RegExp> = {
      staging: /^stg_/,
      intermediate: /^int_/,
      marts: /^(fct|dim)_/,
      aggregates: /^agg_/,
      audit: /^audit_/,
    };
    for (const model of MODELS)
      expect([model.name, prefix[model.layer].test(model.name)]).toEqual([model.name, true]);
  });

  for (const [index, model] of MODELS.entries()) {
    it(`${model.name} reads only earlier models of the layers ${model.layer} may read`, () => {
      const built = new Set(MODELS.slice(0, index).map((m) => m.name));
      const wrong = reads(model.name, model.layer).filter((read) => {
        if (read.startsWith('raw_')) return !MAY_READ[model.layer].includes('raw');
        // A dimension of reference data reads its staging model: no int_ step is needed.
        if (model.name.startsWith('dim_') && read.startsWith('stg_ref__')) return false;
        const layer = layerOf.get(read);
        return !layer || !built.has(read) || !MAY_READ[model.layer].includes(layer);
      });
      expect(wrong).toEqual([]);
    });
  }

  it('has no dead staging or intermediate model: a later model reads each', () => {
    const readByLater = new Set(MODELS.flatMap((m) => reads(m.name, m.layer)));
    const dead = MODELS.filter(
      (m) => (m.layer === 'staging' || m.layer === 'intermediate') && !readByLater.has(m.name),
    ).map((m) => m.name);
    expect(dead).toEqual([]);
  });
});
