/** writeCharts: every chart as three files, and no file left from a chart a later run dropped. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { writeCharts } from '../../reports/charts/index.js';
import type { RenderedChart } from '../../reports/types.js';
import { workspace } from '../helpers/workspace.js';

async function chart(name: string): Promise<RenderedChart> {
  const spec: vega.Spec = {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width: 40,
    height: 20,
    marks: [
      { type: 'rect' as const, encode: { enter: { width: { value: 10 }, height: { value: 10 } } } },
    ],
  };
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return { name, title: name, description: name, spec: { ...spec }, svg };
}

describe('writeCharts', () => {
  it('writes .vl.json, .svg and .png per chart and removes charts that are gone', async () => {
    const out = workspace('sna-charts-write-').dir;
    await writeCharts([await chart('a'), await chart('b')], out);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual([
      'a.png',
      'a.svg',
      'a.vl.json',
      'b.png',
      'b.svg',
      'b.vl.json',
    ]);
    await writeCharts([await chart('a')], out);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(['a.png', 'a.svg', 'a.vl.json']);
    expect(existsSync(join(out, 'charts', 'b.png'))).toBe(false);
  });
});
