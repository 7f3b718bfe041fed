/**
 * notebooks/sna-python.ipynb as sna writes it, from the report fixtures: its kernel, its cells
 * and the outputs saved in them. test/reports/notebook-python.test.ts runs it in a real kernel.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPythonNotebook, type Notebook } from '../../reports/notebook/index.js';
import type { CodeCell } from '../../reports/notebook/nbformat.js';
import { pythonHelpersSource } from '../../reports/notebook/python-cells.js';
import type { PublishedRow, RenderedChart } from '../../reports/types.js';
import { pythonWith } from '../helpers/python.js';
import { REPO_ROOT } from '../helpers/workspace.js';
import {
  beatChart,
  HEADLINE,
  HOSTILE,
  PROVENANCE,
  ROWS,
  reportData,
  row,
} from './html-fixtures.js';

const VEGALITE = 'application/vnd.vegalite.v5+json';
const source = (c: { source: string[] }) => c.source.join('');
const codeCells = (notebook: Notebook) =>
  notebook.cells.filter((c): c is CodeCell => c.cell_type === 'code');
const cell = (notebook: Notebook, id: string) => {
  const found = codeCells(notebook).find((c) => c.id === id);
  if (!found) throw new Error(`no code cell ${id}`);
  return found;
};
const texts = (c: CodeCell) => c.outputs.map((o) => String(o.data['text/plain']));

/** Ward and monthly rows beside the fixtures' headline and beat rows; one ward is hostile. */
const EXTRA: PublishedRow[] = [
  ...[HOSTILE, 'Northfold'].map((ward) =>
    row({
      indicator_id: 'police.rate_by_ward',
      breakdown: 'ward',
      breakdown_value: ward,
      value: 2.5,
    }),
  ),
  ...['2024-03', '2024-04', '2025-03', '2025-04'].map((month) =>
    row({ indicator_id: 'police.monthly', breakdown: 'month', breakdown_value: month, value: 30 }),
  ),
];

describe('buildPythonNotebook', () => {
  let charts: RenderedChart[];
  let notebook: Notebook;
  let outputDir: string;

  beforeAll(async () => {
    charts = [await beatChart('police-top-beats'), await beatChart('police-monthly')];
    outputDir = mkdtempSync(join(tmpdir(), 'sna-pynotebook-'));
    notebook = buildPythonNotebook({
      data: reportData({ rows: [...ROWS, ...EXTRA] }),
      charts,
      headline: HEADLINE,
      provenance: PROVENANCE,
      outputDir,
    });
  });

  it('is nbformat 4.5 for a Python 3 kernel, written to notebooks/sna-python.ipynb', () => {
    expect(notebook.metadata.kernelspec).toEqual({
      name: 'python3',
      display_name: 'Python 3 (ipykernel)',
      language: 'python',
    });
    expect(notebook.metadata.language_info.name).toBe('python');
    const path = join(outputDir, 'notebooks', 'sna-python.ipynb');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(JSON.stringify(notebook)));
  });

  it('numbers its code cells in order and gives every cell a unique valid id', () => {
    const ids = notebook.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(codeCells(notebook).map((c) => c.execution_count)).toEqual(
      codeCells(notebook).map((_, i) => i + 1),
    );
    expect(codeCells(notebook).map((c) => c.id)).toEqual([
      'helpers',
      'load',
      'chart-1-police-top-beats',
      'chart-2-police-monthly',
      'by-category',
      'by-ward',
      'by-period',
    ]);
  });

  it('opens with the area, the period, the SYNTHETIC banner and how to open it', () => {
    const title = source(notebook.cells[0] as { source: string[] });
    expect(title).toMatch(/^# Serious violence strategic needs assessment: Brackenford/);
    expect(title).toContain('SYNTHETIC DATA');
    expect(title).toContain('1 April 2024 to 31 March 2025');
    for (const how of ['`jupyter lab`', 'VS Code', '`pip install pandas`', 'indicators.csv']) {
      expect(title).toContain(how);
    }
    expect(title).not.toContain(HOSTILE);
    const real = buildPythonNotebook({
      data: reportData({ synthetic: false }),
      charts,
      headline: HEADLINE,
      provenance: PROVENANCE,
      outputDir: mkdtempSync(join(tmpdir(), 'sna-pynotebook-real-')),
    });
    expect(source(real.cells[0] as { source: string[] })).not.toContain('SYNTHETIC DATA');
  });

  it('defines its helpers in the first code cell: notebook_helpers.py as it stands', () => {
    const file = readFileSync(join(REPO_ROOT, 'reports/notebook/notebook_helpers.py'), 'utf8');
    expect(source(cell(notebook, 'helpers'))).toBe(file.trimEnd());
    expect(pythonHelpersSource()).toBe(file.trimEnd());
    expect(cell(notebook, 'helpers').outputs).toEqual([]);
  });

  it('shows each chart from its saved spec, with its SVG and a text for other viewers', () => {
    for (const chart of charts) {
      const c = codeCells(notebook).find((x) => source(x).startsWith(`show_chart("${chart.name}"`));
      const data = c?.outputs[0]?.data ?? {};
      expect(data[VEGALITE]).toEqual(JSON.parse(JSON.stringify(chart.spec)));
      expect(data['image/svg+xml']).toBe(chart.svg);
      expect(data['text/plain']).toBe(`${chart.title}: ${chart.description}`);
    }
  });

  it('starts the filter cells on a category, a ward and the period, and saves what they show', () => {
    const byCategory = cell(notebook, 'by-category');
    expect(source(byCategory)).toMatch(/^CATEGORY = "violence_with_injury"$/m);
    // No deprivation chart among the fixtures' charts: the cell shows the table only.
    expect(source(byCategory)).toMatch(/^CHART = None {2}#/m);
    expect(texts(byCategory)).toHaveLength(1);
    expect(texts(byCategory)[0]).toMatch(/^violence_with_injury: 3 values for the whole area/);

    const byWard = cell(notebook, 'by-ward');
    // The first ward with a rate, quoted as a Python string.
    expect(source(byWard)).toContain(`\nWARD = ${JSON.stringify(HOSTILE)}\n`);
    expect(texts(byWard)[0]).toMatch(/: 1 rows\nindicator_id {2}/);
    expect(texts(byWard)[0]?.startsWith(`${HOSTILE}: 1 rows`)).toBe(true);

    const byPeriod = cell(notebook, 'by-period');
    expect(source(byPeriod)).toMatch(/^FIRST_MONTH, LAST_MONTH = "2024-04", "2025-03"$/m);
    expect(source(byPeriod)).toMatch(/^CHART = "police-monthly"/m);
    const [table, redrawn] = texts(byPeriod);
    expect(table?.match(/^police\.monthly {2}/gm)).toHaveLength(2);
    expect(table).toContain('2024-04');
    expect(table).not.toContain('2025-04');
    expect(redrawn).toContain('police-monthly: Redrawn in the notebook for category');
    expect(byPeriod.outputs[1]?.data[VEGALITE]).toBeDefined();
  });

  it('escapes text from the data in its HTML outputs and its markdown', () => {
    const html = codeCells(notebook).flatMap((c) =>
      c.outputs.map((o) => String(o.data['text/html'] ?? '')),
    );
    for (const text of html) expect(text).not.toMatch(/<script|<!--/i);
    expect(html.join('\n')).toContain('&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)');
    // Markdown escapes with a backslash: \<script is text, not a tag.
    const markdown = notebook.cells.filter((c) => c.cell_type === 'markdown').map(source);
    for (const text of markdown) expect(text).not.toMatch(/(?<!\\)<(script|!--)/i);
  });

  const { python, reason } = pythonWith(['nbformat']);
  if (reason) console.warn(`Python checks of the Python notebook skipped: ${reason}`);
  it.skipIf(!python)(
    `is valid nbformat 4.5 and valid Python, cell by cell${reason ? ` (skipped: ${reason})` : ''}`,
    () => {
      const sources = join(outputDir, 'sources.json');
      writeFileSync(sources, JSON.stringify(codeCells(notebook).map(source)));
      const result = spawnSync(
        python as string,
        [
          '-c',
          `import ast, json, nbformat, sys
nb = nbformat.read(sys.argv[1], as_version=4)
nbformat.validate(nb)
for code in json.load(open(sys.argv[2])):
    ast.parse(code)
print(nb.nbformat, nb.nbformat_minor)`,
          join(outputDir, 'notebooks', 'sna-python.ipynb'),
          sources,
        ],
        { encoding: 'utf8' },
      );
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe('4 5');
    },
  );
});
