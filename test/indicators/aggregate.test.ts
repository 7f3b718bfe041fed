/** Families sharing an aggregate (the period counts scan every crime) run its query once. */
import { describe, expect, it } from 'vitest';
import type { IndicatorContext } from '../../indicators/define.js';
import { aggregate } from '../../indicators/rows.js';

function countingContext() {
  const queries: string[] = [];
  const context = {
    db: {
      all: async (sql: string) => {
        queries.push(sql);
        return [{ category: 'knife_crime', n: queries.length }];
      },
    },
  } as unknown as IndicatorContext;
  return { context, queries };
}

describe('aggregate', () => {
  it('runs each aggregate once per indicators stage, giving each caller its own array', async () => {
    const { context, queries } = countingContext();
    const first = await aggregate(context, 'police_period_counts');
    const second = await aggregate(context, 'police_period_counts');
    expect(queries).toHaveLength(1);
    expect(queries[0]).toBe('SELECT * FROM agg_police_period_counts');
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    await aggregate(context, 'police_comparators');
    expect(queries).toHaveLength(2);
  });

  it('runs it again for the next stage’s context', async () => {
    const one = countingContext();
    const two = { ...one, context: { ...one.context } as IndicatorContext };
    await aggregate(one.context, 'police_period_counts');
    await aggregate(two.context, 'police_period_counts');
    expect(one.queries).toHaveLength(2);
  });
});
