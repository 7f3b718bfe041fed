/**
 * The declarations are the documentation, and every id named outside the registry is checked:
 * the generated files match the registry, and a chart naming an unknown id fails with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndicatorDefinition } from '../../indicators/define.js';
import { idsModule, indicatorsMarkdown } from '../../indicators/document.js';
import type { IndicatorId } from '../../indicators/generated/ids.js';
import { INDICATORS, registryProblems } from '../../indicators/registry.js';
import { COUNTED_MARTS } from '../../indicators/runner.js';
import { defineChart } from '../../reports/charts/define.js';
import { CHARTS } from '../../reports/charts/index.js';
import { REPO_ROOT } from '../helpers/workspace.js';

const committed = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');

describe('the indicator declarations', () => {
  it('pass every registry check', () => {
    expect(registryProblems()).toEqual([]);
  });

  it('are what docs/indicators.md says (run `npm run docs` when this fails)', () => {
    expect(committed('docs/indicators.md')).toBe(indicatorsMarkdown());
  });

  it('are what indicators/generated/ids.ts lists (run `npm run docs` when this fails)', () => {
    expect(committed('indicators/generated/ids.ts')).toBe(idsModule());
  });

  it('name only registered models in their measures', async () => {
    const { MODELS } = await import('../../pipeline/sql/models.js');
    const models = new Set([...MODELS.map((m) => m.name), ...Object.keys(COUNTED_MARTS)]);
    const unknown = INDICATORS.flatMap((i) =>
      [i.numerator, i.denominator]
        .filter((m) => m !== null && !models.has(m.from))
        .map((m) => `${i.id}: ${m?.from}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('ids named outside the registry', () => {
  it('refuses a declaration naming an unknown category, method or setting', () => {
    const [first] = INDICATORS;
    const broken = {
      ...first,
      id: 'police.broken',
      categories: ['violence_with_injry'],
      method: 'bayes',
      needs: [{ config: 'area.city_centre' }],
    } as unknown as IndicatorDefinition;
    expect(registryProblems([{ name: 'broken', order: 1, indicators: [broken] }])).toEqual(
      expect.arrayContaining([
        'police.broken.categories: unknown "violence_with_injry"',
        'police.broken.method: unknown method "bayes"',
        'police.broken.needs: unknown setting "area.city_centre"',
      ]),
    );
  });

  it('fails a chart that names an unknown indicator id, naming the id', () => {
    expect(() =>
      defineChart({
        name: 'typo-chart',
        title: 'A chart with a typo',
        description: 'Reads an indicator no family declares.',
        howToRead: 'It never draws.',
        indicators: ['police.count', 'police.rate_per_100' as IndicatorId],
        spec: () => undefined,
      }),
    ).toThrow('chart "typo-chart" names unknown indicator "police.rate_per_100"');
  });

  it('loads every chart of the catalogue (each names only declared ids)', () => {
    const known = new Set<string>(INDICATORS.map((i) => i.id));
    expect(CHARTS.flatMap((c) => c.indicators.filter((id) => !known.has(id)))).toEqual([]);
  });
});
