/**
 * writeCharts: every chart as three files. It removes nothing: a chart a later run dropped is
 * removed when the run's set is switched in, by the manifest (test/resilience/user-files).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  return {
    name,
    title: name,
    description: name,
    howToRead: name,
    indicators: [],
    spec: { ...spec },
    svg,
  };
}

describe('writeCharts', () => {
  it('writes .vl.json, .svg and .png per chart, and leaves any other file alone', async () => {
    const out = workspace('sna-charts-write-').dir;
    mkdirSync(join(out, 'charts'));
    writeFileSync(join(out, 'charts', 'logo.svg'), '<svg/>');
    await writeCharts([await chart('a'), await chart('b')], out);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual([
      'a.png',
      'a.svg',
      'a.vl.json',
      'b.png',
      'b.svg',
      'b.vl.json',
      'logo.svg',
    ]);
    expect(
      readFileSync(join(out, 'charts', 'a.png'))
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });
});
