/** Writes each chart as `charts/<name>.vl.json`, `.svg` and `.png`, every file atomically. */
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
}
