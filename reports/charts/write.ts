/** Writes each chart as `charts/<name>.vl.json`, `.svg` and `.png`, every file atomically. */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../pipeline/outputs/write-atomic.js';
import type { RenderedChart } from '../types.js';
import { renderPngAsync } from './render.js';

export async function writeCharts(
  charts: readonly RenderedChart[],
  outputDir: string,
): Promise<void> {
  const dir = join(outputDir, 'charts');
  // PNGs are drawn concurrently on resvg's worker threads; the rest is quick.
  await Promise.all(
    charts.map(async (chart) => {
      const base = join(dir, chart.name);
      writeFileAtomic(`${base}.vl.json`, `${JSON.stringify(chart.spec, null, 2)}\n`);
      writeFileAtomic(`${base}.svg`, chart.svg);
      writeFileAtomic(`${base}.png`, await renderPngAsync(chart.svg));
    }),
  );
  // A chart an earlier run drew but this one did not (its data went away) must not linger.
  const current = new Set(charts.map((c) => c.name));
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir)) {
    const name = file.replace(/\.(vl\.json|svg|png)$/, '');
    if (name !== file && !current.has(name)) rmSync(join(dir, file));
  }
}
