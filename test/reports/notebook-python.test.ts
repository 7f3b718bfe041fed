/**
 * Runs the demo's notebooks/sna-python.ipynb in a real Python kernel, cell by cell, as an analyst
 * opening it would, and checks every cell reproduces the outputs saved in it: sna computes those
 * outputs in TypeScript, and running the cells again in Python must show exactly the same. Then
 * it runs the filter cells again with other parameters, checked against indicators.csv itself.
 * Needs a Python 3 with pandas, IPython's kernel and nbclient (Debian's python3-pandas,
 * python3-ipykernel, python3-nbclient); without them it skips, saying which is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, run } from '../../pipeline/index.js';
import { pythonWith } from '../helpers/python.js';
import { demoWorkspace } from '../helpers/workspace.js';

interface Output {
  output_type: string;
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}
interface Cell {
  cell_type: string;
  id: string;
  source: string | string[];
  execution_count?: number | null;
  outputs?: Output[];
}

const VEGALITE = 'application/vnd.vegalite.v5+json';
const { python, reason } = pythonWith(['pandas', 'ipykernel', 'nbclient', 'nbformat']);
if (reason) console.warn(`Python notebook kernel test skipped: ${reason}`);

/** Whether the kernel's pandas reads Parquet: the load cell then says indicators.parquet. */
const readsParquet =
  python !== undefined &&
  ['pyarrow', 'fastparquet'].some(
    (m) => spawnSync(python, ['-c', `import ${m}`], { encoding: 'utf8' }).status === 0,
  );

/** nbformat lets a text be one string or a list of lines; Python's writer makes lists. */
const text = (value: unknown) =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join('') : value;
const joined = (data: Record<string, unknown> | undefined) =>
  data && Object.fromEntries(Object.entries(data).map(([mime, value]) => [mime, text(value)]));

/** Which file the load cell read is the kernel's to say; the rest of the caption is sna's. */
const sameSource = (value: unknown) =>
  readsParquet && typeof value === 'string'
    ? value.replace(
        /Read indicators\.csv: ([^.]*)\. \(pandas has no [^)]*\)/,
        'Read indicators.parquet: $1.',
      )
    : value;

/** What a cell shows: each output's type, its data and metadata, and the cell's count. */
const shown = (cell: Cell, normalise = (v: unknown) => v) => ({
  execution_count: cell.execution_count,
  outputs: (cell.outputs ?? []).map((o) => ({
    output_type: o.output_type,
    metadata: o.metadata,
    data: Object.fromEntries(
      Object.entries(joined(o.data) ?? {}).map(([mime, value]) => [mime, normalise(value)]),
    ),
  })),
});

/** Every inlined row of a spec: data.values at any depth, and datasets (not axis values). */
function inlinedRows(node: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(node)) return node.flatMap(inlinedRows);
  if (typeof node !== 'object' || node === null) return [];
  const objects = (rows: unknown) =>
    (Array.isArray(rows) ? rows : []).filter(
      (r): r is Record<string, unknown> => typeof r === 'object' && r !== null,
    );
  return Object.entries(node).flatMap(([key, value]) => {
    const values = (value as { values?: unknown } | null)?.values;
    if (key === 'data' && Array.isArray(values)) return objects(values);
    if (key === 'datasets' && typeof value === 'object' && value !== null) {
      return Object.values(value).flatMap(objects);
    }
    return inlinedRows(value);
  });
}

describe.skipIf(!python)(
  `the demo's Python notebook in a Python kernel${reason ? ` (skipped: ${reason})` : ''}`,
  () => {
    const ws = demoWorkspace('sna-pynotebook-kernel-');
    const notebookPath = join(ws.dir, 'out', 'notebooks', 'sna-python.ipynb');
    const variedPath = join(ws.dir, 'out', 'notebooks', 'varied.ipynb');
    const executedPath = join(ws.dir, 'executed.ipynb');
    let saved: Cell[];
    let executed: Cell[];
    let indicators: Array<Record<string, string>>;
    let stderr: string;
    let seconds: number;

    beforeAll(async () => {
      await run(ws.configPath, { log: memoryLogger() });
      indicators = parse(readFileSync(join(ws.dir, 'out', 'indicators.csv')), { columns: true });
      const notebook = JSON.parse(readFileSync(notebookPath, 'utf8'));
      saved = notebook.cells;
      // The filter cells again, after the saved ones, on other parameters: a knife crime
      // category, the last ward the rows name, and three months over a year end.
      const again = (id: string, replace: Array<[RegExp, string]>): Cell => {
        const cell = saved.find((c) => c.id === id) as Cell;
        const code = replace.reduce(
          (s, [from, to]) => s.replace(from, to),
          String(text(cell.source)),
        );
        return { ...cell, id: `${id}-again`, source: code, outputs: [] };
      };
      const lastWard = indicators.filter((r) => r.breakdown === 'ward').at(-1)?.breakdown_value;
      notebook.cells = [
        ...saved,
        again('by-category', [[/^CATEGORY = .*$/m, 'CATEGORY = "knife_crime"']]),
        again('by-ward', [[/^WARD = .*$/m, `WARD = ${JSON.stringify(lastWard)}`]]),
        again('by-period', [
          [/^CATEGORY = .*$/m, 'CATEGORY = "knife_crime"'],
          [/^FIRST_MONTH, LAST_MONTH = .*$/m, 'FIRST_MONTH, LAST_MONTH = "2023-11", "2024-01"'],
        ]),
      ];
      writeFileSync(variedPath, JSON.stringify(notebook));

      // A kernelspec of our own in a private JUPYTER_PATH, for the Python that has pandas;
      // a private IPYTHONDIR, so no profile or startup file of the user's runs.
      const jupyter = mkdtempSync(join(tmpdir(), 'sna-jupyter-py-'));
      mkdirSync(join(jupyter, 'kernels', 'sna-python3'), { recursive: true });
      writeFileSync(
        join(jupyter, 'kernels', 'sna-python3', 'kernel.json'),
        JSON.stringify({
          argv: [python, '-m', 'ipykernel_launcher', '-f', '{connection_file}'],
          display_name: 'Python 3 (sna test)',
          language: 'python',
        }),
      );
      const started = performance.now();
      const result = spawnSync(
        python as string,
        [join(import.meta.dirname, 'execute_notebook.py'), variedPath, 'sna-python3', executedPath],
        {
          encoding: 'utf8',
          env: {
            ...process.env,
            JUPYTER_PATH: jupyter,
            JUPYTER_RUNTIME_DIR: join(jupyter, 'runtime'),
            IPYTHONDIR: join(jupyter, 'ipython'),
            // The debugger's note on frozen modules would only add noise to stderr.
            PYDEVD_DISABLE_FILE_VALIDATION: '1',
          },
        },
      );
      seconds = (performance.now() - started) / 1000;
      console.info(`the Python notebook ran in a kernel in ${seconds.toFixed(1)} s`);
      stderr = result.stderr;
      expect(result.status, stderr).toBe(0);
      executed = JSON.parse(readFileSync(executedPath, 'utf8')).cells;
    }, 600_000);

    it('runs every code cell without an error', () => {
      const errors = executed
        .flatMap((cell) => (cell.outputs ?? []).map((o) => ({ id: cell.id, ...o })))
        .filter((o) => o.output_type === 'error')
        .map((o) => `${o.id}: ${o.ename}: ${o.evalue}`);
      expect(errors, stderr).toEqual([]);
      expect(seconds).toBeGreaterThan(0);
    });

    it('reproduces exactly the outputs saved in the notebook, cell by cell', () => {
      const code = (cells: Cell[]) => cells.filter((c) => c.cell_type === 'code');
      const savedCode = code(saved);
      const rerun = code(executed).slice(0, savedCode.length);
      expect(rerun.map((c) => c.id)).toEqual(savedCode.map((c) => c.id));
      for (const [i, cell] of rerun.entries()) {
        expect(shown(cell), `cell ${cell.id}`).toEqual(shown(savedCode[i] as Cell, sameSource));
      }
      const categories = new Set(indicators.map((r) => r.category)).size;
      const load = rerun.find((c) => c.id === 'load');
      const caption = String(text(load?.outputs?.[0]?.data?.['text/plain'])).split('\n')[0];
      expect(caption).toBe(
        `Read indicators.${readsParquet ? 'parquet' : 'csv'}: ${indicators.length} rows, ${categories} categories${readsParquet ? '.' : '. (pandas has no pyarrow or fastparquet here to read indicators.parquet, which holds the same rows.)'}`,
      );
    });

    it('shows all 18 charts as Vega-Lite with their SVG', () => {
      const charts = executed
        .filter((c) => c.id.startsWith('chart-'))
        .flatMap((c) => c.outputs ?? []);
      expect(charts).toHaveLength(18);
      for (const o of charts) {
        expect(o.data?.[VEGALITE]).toBeDefined();
        expect(String(text(o.data?.['image/svg+xml']))).toMatch(/^<svg/);
      }
    });

    it('filters the table and redraws the chart for other parameters, as indicators.csv says', () => {
      const cell = (id: string) => executed.find((c) => c.id === id) as Cell;
      const outputs = (id: string) => cell(id).outputs ?? [];
      const plain = (id: string, i: number) => String(text(outputs(id)[i]?.data?.['text/plain']));
      const spec = (id: string) => outputs(id)[1]?.data?.[VEGALITE];

      const knife = indicators.filter(
        (r) => r.category === 'knife_crime' && r.breakdown === 'none',
      );
      expect(plain('by-category-again', 0).split('\n')[0]).toBe(
        `knife_crime: ${knife.length} values for the whole area (breakdown none)`,
      );
      const categories = new Set(
        inlinedRows(spec('by-category-again')).flatMap((r) => r.category ?? []),
      );
      expect([...categories]).toEqual(['knife_crime']);

      const lastWard = indicators.filter((r) => r.breakdown === 'ward').at(-1)?.breakdown_value;
      const wardRows = indicators.filter(
        (r) => r.breakdown === 'ward' && r.breakdown_value === lastWard,
      );
      expect(plain('by-ward-again', 0).split('\n')[0]).toBe(`${lastWard}: ${wardRows.length} rows`);
      const funnelRows = inlinedRows(spec('by-ward-again')).filter((r) => 'breakdown_value' in r);
      expect(funnelRows.length).toBeGreaterThan(0);
      expect(new Set(funnelRows.map((r) => r.breakdown_value))).toEqual(new Set([lastWard]));

      const months = indicators.filter(
        (r) =>
          r.breakdown === 'month' &&
          r.category === 'knife_crime' &&
          ['2023-11', '2023-12', '2024-01'].includes(r.breakdown_value ?? ''),
      );
      expect(months.length).toBeGreaterThan(0);
      expect(plain('by-period-again', 0).split('\n')[0]).toBe(
        `knife_crime, 2023-11 to 2024-01: ${months.length} monthly rows`,
      );
      const charted = inlinedRows(spec('by-period-again')).filter((r) => 'breakdown_value' in r);
      expect(charted.map((r) => r.breakdown_value)).toEqual(['2023-11', '2023-12', '2024-01']);
      expect(plain('by-period-again', 1)).toContain(
        'for category = knife_crime, breakdown_value = 2023-11 to 2024-01 (3 values)',
      );
    });
  },
);
