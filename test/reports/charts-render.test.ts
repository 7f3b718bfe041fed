/**
 * Rendering and availability: text really is drawn in the PNG (with no fonts loaded, resvg
 * would silently draw none), warnings go to the logger, and a chart whose indicators are
 * "not available" is left out rather than drawn empty.
 */

import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { Database } from '../../core/database.js';
import { memoryLogger } from '../../core/log.js';
import { loadConfig } from '../../pipeline/config/load-config.js';
import { run } from '../../pipeline/index.js';
import { defineChart } from '../../reports/charts/define.js';
import { buildCharts } from '../../reports/charts/index.js';
import { rasterize, renderSvg } from '../../reports/charts/render.js';
import { CHART_CONFIG } from '../../reports/charts/theme.js';
import { loadReportData } from '../../reports/load-report-data.js';
import type { ReportData } from '../../reports/types.js';
import { baseConfig, workspace, writeReference } from '../helpers/workspace.js';

/** Pixels in the image that are not white. */
function inked(image: { pixels: Buffer }): number {
  // `pixels` is a getter that copies the whole buffer: read it once.
  const pixels = image.pixels;
  let count = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
    if (r !== 255 || g !== 255 || b !== 255) count += 1;
  }
  return count;
}

describe('PNG rendering', () => {
  it('draws the title text with the fonts, and nothing without them', async () => {
    const spec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: { text: 'Brackenford: crimes by month', subtitle: 'SYNTHETIC DATA' },
      config: CHART_CONFIG,
      data: { values: [{ a: 1 }] },
      mark: { type: 'point', opacity: 0 },
      width: 200,
      height: 20,
    } as TopLevelSpec;
    const svg = await renderSvg(spec, (message) => {
      throw new Error(message);
    });
    expect(svg).toContain('Brackenford: crimes by month');
    const withFonts = rasterize(svg);
    const withoutFonts = rasterize(svg, { fontFiles: [] });
    expect([withFonts.width, withFonts.height]).toEqual([withoutFonts.width, withoutFonts.height]);
    // Only text can ink this image: the one mark is transparent and there are no axes.
    expect(inked(withoutFonts)).toBe(0);
    expect(inked(withFonts)).toBeGreaterThan(2_000);
  });
});

describe('warnings', () => {
  it('go to the logger, naming the chart', async () => {
    const log = memoryLogger();
    const odd = defineChart({
      name: 'odd-chart',
      title: 'a bar with a shape',
      description: 'A chart whose spec Vega-Lite warns about.',
      howToRead: 'One bar.',
      indicators: ['police.count'],
      spec: () =>
        ({
          data: { values: [{ v: 1 }] },
          mark: 'bar',
          encoding: { x: { field: 'v', type: 'quantitative' }, shape: { value: 'circle' } },
        }) as TopLevelSpec,
    });
    const data = {
      area: { name: 'Testshire', codes: ['E08999999'], areaCode: 'E08999999' },
      rows: [{ indicator_id: 'police.count', value: 3, suppressed: false }],
      // Every chart is built with its sources' coverage (coverage-line.ts): none here.
      coverage: [],
      definitions: [],
    } as unknown as ReportData;
    const charts = await buildCharts(data, { log, charts: [odd] });
    expect(charts.map((c) => c.name)).toEqual(['odd-chart']);
    const warnings = log.lines.filter((l) => l.level === 'warn').map((l) => l.message);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((w) => w.startsWith('chart odd-chart: '))).toBe(true);
  });
});

const HEADER = 'crime_ref,recorded_date,committed_time,ho_offence_code,lsoa_code,beat';

describe('a run with police crimes only', () => {
  it('draws the police charts and leaves out those whose indicators are not available', async () => {
    const ws = workspace('sna-charts-crimes-only-');
    writeReference(ws);
    const rows = Array.from({ length: 60 }, (_, i) => {
      const month = String((i % 12) + 1).padStart(2, '0');
      return `C${i},2024-${month}-15,${String(i % 24).padStart(2, '0')}:15,8N,E01999001,N1G1`;
    });
    ws.write('extracts/crimes.csv', `${HEADER}\n${rows.join('\n')}\n`);
    const configPath = ws.config(baseConfig('  police_crimes: extracts/crimes.csv'));
    await run(configPath, { stages: ['ingest', 'indicators'], log: memoryLogger() });
    const config = await loadConfig(configPath);
    const db = await Database.open(config.database);
    const data = await loadReportData(db, config);
    db.close();
    // The victims' indicator is there, as "not available", for the chart to leave out.
    const victims = data.rows.filter((r) => r.indicator_id === 'victims.by_age_sex');
    expect(victims.length).toBeGreaterThan(0);
    expect(victims.every((r) => r.note === 'not available: needs police_victims')).toBe(true);
    const log = memoryLogger();
    const charts = await buildCharts(data, { log });
    // No victims, offenders, A&E, youth justice, IMD or comparators; no addresses either; and
    // 60 crimes spread over the week leave every heatmap cell too small to publish.
    expect(charts.map((c) => c.name)).toEqual([
      'police-monthly',
      'police-seasonal-index',
      'police-top-beats',
    ]);
    expect(log.lines).toEqual([]);
    for (const chart of charts) {
      expect(chart.title.startsWith('Testshire: ')).toBe(true);
      expect(chart.svg).not.toContain('SYNTHETIC');
      expect(JSON.stringify(chart.spec)).not.toContain('SYNTHETIC');
    }
  }, 180_000);
});
