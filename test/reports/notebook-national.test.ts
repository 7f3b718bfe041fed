/**
 * Both notebooks in national mode (issue 17): the England funnel and the comparators' ranked
 * dot chart are shown from their saved specs like every other chart, and the tables of values
 * without a breakdown leave the districts' rates (hundreds of other areas) to their own query.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCharts, CHARTS } from '../../reports/charts/index.js';
import { buildHeadline } from '../../reports/headline/build.js';
import { VALUES_SQL } from '../../reports/notebook/deno-cells.js';
import { buildNotebook, buildPythonNotebook, type Notebook } from '../../reports/notebook/index.js';
import type { CodeCell } from '../../reports/notebook/nbformat.js';
import type { RenderedChart, ReportData } from '../../reports/types.js';
import { publishedRow } from '../helpers/published-row.js';
import { PROVENANCE, reportData } from './html-fixtures.js';
import { AREA, comparatorRows, nationalData, PERIOD, VSO } from './national-fixtures.js';

const VEGALITE = 'application/vnd.vegalite.v5+json';
const NAMES = ['police-rate-comparators', 'police-england-funnel'];
const source = (c: { source: string[] }) => c.source.join('');
const codeCells = (notebook: Notebook) =>
  notebook.cells.filter((c): c is CodeCell => c.cell_type === 'code');
const count = publishedRow({
  ...PERIOD,
  indicator_id: 'police.count',
  category: VSO,
  area_code: AREA,
  numerator: 2_100,
  value: 2_100,
});

describe('the notebooks in national mode', () => {
  let data: ReportData;
  let charts: RenderedChart[];
  let deno: Notebook;
  let python: Notebook;

  beforeAll(async () => {
    data = { ...nationalData([count, ...comparatorRows()]), autoComparators: 'force' };
    charts = await buildCharts(data, { charts: CHARTS.filter((c) => NAMES.includes(c.name)) });
    const input = { data, charts, headline: buildHeadline(data), provenance: PROVENANCE };
    deno = buildNotebook({ ...input, outputDir: mkdtempSync(join(tmpdir(), 'sna-nb-national-')) });
    python = buildPythonNotebook({
      ...input,
      outputDir: mkdtempSync(join(tmpdir(), 'sna-pynb-national-')),
    });
  });

  it('builds both charts', () => {
    expect(charts.map((c) => c.name)).toEqual(NAMES);
  });

  it.each([
    ['TypeScript', () => deno, (name: string) => `await showChart("${name}"`],
    ['Python', () => python, (name: string) => `show_chart("${name}"`],
  ])('%s: shows each from its saved spec, with its SVG', (_kind, notebook, call) => {
    for (const chart of charts) {
      const cell = codeCells(notebook()).find((c) => source(c).startsWith(call(chart.name)));
      expect(cell, chart.name).toBeDefined();
      const shown = cell?.outputs[0]?.data ?? {};
      expect(shown[VEGALITE]).toMatchObject(
        JSON.parse(JSON.stringify({ ...chart.spec, $schema: undefined })),
      );
      expect(shown['image/svg+xml']).toBe(chart.svg);
    }
  });

  it('TypeScript: the values table leaves the districts’ rates to their own query', () => {
    const cell = codeCells(deno).find((c) => c.id === 'indicators');
    expect(source(cell as CodeCell)).toContain(
      "AND indicator_id <> 'police.district_rate_per_1000'",
    );
    const shown = JSON.stringify(cell?.outputs[0]?.data ?? {});
    expect(shown).not.toContain('police.district_rate_per_1000');
    expect(shown).toContain('police.england_rate_per_1000');
  });

  it('Python: the category cell leaves them out too, in its code and its saved output', () => {
    const cell = codeCells(python).find((c) => c.id === 'by-category');
    expect(source(cell as CodeCell)).toContain(
      '& (indicators.indicator_id != "police.district_rate_per_1000")',
    );
    const rows = (cell?.outputs[0]?.data ?? {}) as Record<string, unknown>;
    expect(JSON.stringify(rows)).not.toContain('police.district_rate_per_1000');
  });

  it('leaves the tables of a run without national rows as they were', () => {
    const plain = reportData();
    const notebook = buildNotebook({
      data: plain,
      charts: [],
      headline: buildHeadline(plain),
      provenance: PROVENANCE,
      outputDir: mkdtempSync(join(tmpdir(), 'sna-nb-plain-')),
    });
    const cell = codeCells(notebook).find((c) => c.id === 'indicators');
    expect(source(cell as CodeCell)).toContain(VALUES_SQL);
    expect(source(cell as CodeCell)).not.toContain('district');
  });
});
