/**
 * Writes each chart as `charts/<name>.vl.json`, `.svg` and `.png`, every file atomically. A run
 * writes them into its staging folder; charts an earlier run drew and this one does not are
 * removed when the set is switched in (pipeline/outputs/staging.ts), by the manifest's list,
 * so a file of the user's own in `charts/` is never touched.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/write-atomic.js';
import type { RenderedChart } from '../types.js';
import { renderPngAsync } from './render.js';

export async function writeCharts(
  charts: readonly RenderedChart[],
  outputDir: string,
): Promise<void> {
  const dir = join(outputDir, 'charts');
  // PNGs are drawn concurrently on resvg's worker threads; the rest is quick. Every write is
  // settled before a failure is passed on, so none lands after the run has cleaned up.
  const results = await Promise.allSettled(
    charts.map(async (chart) => {
      const base = join(dir, chart.name);
      writeFileAtomic(`${base}.vl.json`, `${JSON.stringify(chart.spec, null, 2)}\n`);
      writeFileAtomic(`${base}.svg`, chart.svg);
      writeFileAtomic(`${base}.png`, await renderPngAsync(chart.svg));
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
