import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { DUCKDB_IMPORT, helpersSource, VALUES_SQL } from '../../reports/notebook/deno-cells.js';
import { buildNotebook, type Notebook } from '../../reports/notebook/index.js';
import type { CodeCell } from '../../reports/notebook/nbformat.js';
import type { RenderedChart } from '../../reports/types.js';
import { beatChart, HEADLINE, HOSTILE, PROVENANCE, ROWS, reportData } from './html-fixtures.js';

const VEGALITE = 'application/vnd.vegalite.v5+json';

const codeCells = (notebook: Notebook) =>
  notebook.cells.filter((c): c is CodeCell => c.cell_type === 'code');
const cell = (notebook: Notebook, id: string) => {
  const found = codeCells(notebook).find((c) => c.id === id);
  if (!found) throw new Error(`no code cell ${id}`);
  return found;
};
const output = (c: CodeCell) => c.outputs[0]?.data ?? {};
const source = (c: { source: string[] }) => c.source.join('');

/** A Python 3 with nbformat: Debian's python3-nbformat is in /usr/bin, pyenv may shadow it. */
function pythonWithNbformat(): { python?: string; reason?: string } {
  for (const python of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(python, ['-c', 'import nbformat'], { encoding: 'utf8' });
    if (probe.status === 0) return { python };
  }
  return { reason: 'no python3 with nbformat (Debian package python3-nbformat) on this machine' };
}

describe('buildNotebook', () => {
  let charts: RenderedChart[];
  let notebook: Notebook;
  let outputDir: string;

  beforeAll(async () => {
    charts = [await beatChart('police-top-beats'), await beatChart('knife-beats')];
    outputDir = mkdtempSync(join(tmpdir(), 'sna-notebook-'));
    notebook = buildNotebook({
      data: reportData(),
      charts,
      headline: HEADLINE,
      provenance: PROVENANCE,
      outputDir,
    });
  });

  it('is nbformat 4.5 for the Deno kernel, written to notebooks/sna.ipynb', () => {
    expect(notebook.nbformat).toBe(4);
    expect(notebook.nbformat_minor).toBe(5);
    expect(notebook.metadata.kernelspec).toEqual({
      name: 'deno',
      display_name: 'Deno',
      language: 'typescript',
    });
    expect(notebook.metadata.language_info.name).toBe('typescript');
    const written = JSON.parse(readFileSync(join(outputDir, 'notebooks', 'sna.ipynb'), 'utf8'));
    expect(written).toEqual(JSON.parse(JSON.stringify(notebook)));
  });

  it('gives every cell a unique valid id and every code cell its execution count', () => {
    const ids = notebook.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(codeCells(notebook).map((c) => c.execution_count)).toEqual(
      codeCells(notebook).map((_, i) => i + 1),
    );
    const markdown = notebook.cells.filter((c) => c.cell_type === 'markdown').map(source);
    expect(markdown[0]).toMatch(/^# Serious violence strategic needs assessment/);
    expect(markdown[0]).toContain('SYNTHETIC DATA');
    expect(markdown.join('\n')).toContain('Assessment period: 1 April 2024 to 31 March 2025');
    expect(markdown.join('\n')).toContain(PROVENANCE.configSha256);
    expect(markdown.join('\n')).toContain('report.html');
  });

  it('reloads from the run’s Parquet file with the pinned DuckDB client, reading only', () => {
    const setup = source(cell(notebook, 'setup'));
    expect(setup).toContain(`import { DuckDBInstance } from '${DUCKDB_IMPORT}';`);
    expect(DUCKDB_IMPORT).toBe('npm:@duckdb/node-api@1.5.5-r.5');
    expect(setup).toContain(`read_parquet('\${OUTPUT_DIR}/indicators.parquet')`);
    expect(setup).toContain("const OUTPUT_DIR = '..';");
    expect(setup).not.toMatch(/sna\.duckdb|INSERT|COPY|CREATE TABLE/);
    expect(source(cell(notebook, 'indicators'))).toContain(VALUES_SQL);
  });

  it('has code cells that are valid TypeScript (top-level await, as the Deno kernel runs them)', () => {
    for (const code of codeCells(notebook)) {
      const result = ts.transpileModule(source(code), {
        reportDiagnostics: true,
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      });
      const problems = (result.diagnostics ?? []).map((d) =>
        ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      );
      expect(problems, code.id).toEqual([]);
    }
  });

  it('saves each chart as Vega-Lite 5 with SVG and text fallbacks', () => {
    for (const [index, chart] of charts.entries()) {
      const chartCell = codeCells(notebook).find((c) => source(c).includes(`"${chart.name}"`));
      expect(chartCell?.id).toBe(`chart-${index + 1}-${chart.name}`);
      const data = output(chartCell as CodeCell);
      const spec = data[VEGALITE] as Record<string, unknown>;
      expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
      expect(spec.encoding).toEqual(chart.spec.encoding);
      expect(data['image/svg+xml']).toBe(chart.svg);
      expect(data['text/plain']).toContain(chart.title);
    }
  });

  it('saves the headline and indicator tables as escaped HTML with text fallbacks', () => {
    const headline = output(cell(notebook, 'headline'));
    expect(headline['text/html']).toContain('<th>Violence with injury</th>');
    expect(headline['text/html']).toContain('<li>45% of victims are under the age of 25.</li>');
    expect(headline['text/plain']).toContain('victims: 45% of victims are under the age of 25.');
    const values = output(cell(notebook, 'indicators'));
    const noneRows = ROWS.filter((r) => r.breakdown === 'none').length;
    expect(String(values['text/html']).match(/<tr><td>/g)).toHaveLength(noneRows);
    expect(values['text/html']).toContain('<td>3.92</td><td>3.53</td><td>4.33</td>');
    // Text from data is escaped in HTML outputs (plain text and JSON outputs are not markup).
    expect(headline['text/html']).toContain(
      '&#60;/script&#62;&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#60;!--',
    );
    expect(headline['text/plain']).toContain(HOSTILE);
    const html = codeCells(notebook).flatMap((c) => c.outputs.map((o) => o.data['text/html']));
    expect(html.filter(Boolean)).toHaveLength(2);
    for (const text of html) expect(String(text ?? '')).not.toMatch(/<script|<!--/i);
  });

  it('its own helper cell, run on the Parquet rows its query returns, reproduces the saved outputs', async () => {
    const helpers = helpersSource();
    expect(helpers).not.toMatch(/^export /m);
    expect(source(cell(notebook, 'helpers'))).toBe(helpers);
    const js = ts.transpileModule(helpers, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    }).outputText;
    const run = new Function(
      `${js}\nreturn { tableBundle, headlineBundle, VALUE_COLUMNS };`,
    ) as () => {
      tableBundle: (columns: string[], rows: unknown[]) => Record<string, unknown>;
      headlineBundle: (headline: unknown) => Record<string, unknown>;
      VALUE_COLUMNS: string[];
    };
    const notebookCode = run();

    // The published rows as the pipeline writes them: a Parquet file with the same types.
    const dir = mkdtempSync(join(tmpdir(), 'sna-notebook-parquet-'));
    writeFileSync(join(dir, 'rows.json'), JSON.stringify(ROWS));
    const duckdb = await DuckDBInstance.create(':memory:');
    const connection = await duckdb.connect();
    try {
      await connection.run(
        `COPY (SELECT * FROM read_json('${join(dir, 'rows.json')}', columns = {
           indicator_id: 'VARCHAR', category: 'VARCHAR', area_code: 'VARCHAR', period_start: 'DATE',
           period_end: 'DATE', breakdown: 'VARCHAR', breakdown_value: 'VARCHAR', numerator: 'DOUBLE',
           denominator: 'DOUBLE', value: 'DOUBLE', lower_ci95: 'DOUBLE', upper_ci95: 'DOUBLE',
           unit: 'VARCHAR', significance: 'VARCHAR', suppressed: 'BOOLEAN', method: 'VARCHAR',
           note: 'VARCHAR'})) TO '${join(dir, 'indicators.parquet')}' (FORMAT parquet)`,
      );
      await connection.run(
        `CREATE VIEW indicators AS SELECT * FROM read_parquet('${join(dir, 'indicators.parquet')}')`,
      );
      const rows = (await connection.runAndReadAll(VALUES_SQL)).getRowObjectsJson();
      expect(rows.length).toBe(ROWS.filter((r) => r.breakdown === 'none').length);
      expect(notebookCode.tableBundle(notebookCode.VALUE_COLUMNS, rows)).toEqual(
        output(cell(notebook, 'indicators')),
      );
    } finally {
      connection.closeSync();
      duckdb.closeSync();
    }
    const headlineJson = JSON.parse(JSON.stringify(HEADLINE));
    expect(notebookCode.headlineBundle(headlineJson)).toEqual(output(cell(notebook, 'headline')));
  });

  const { python, reason } = pythonWithNbformat();
  if (reason) console.warn(`nbformat schema validation skipped: ${reason}`);
  it.skipIf(!python)(
    `validates against the nbformat 4.5 schema${reason ? ` (skipped: ${reason})` : ''}`,
    () => {
      const path = join(outputDir, 'notebooks', 'sna.ipynb');
      const result = spawnSync(
        python ?? 'python3',
        [
          '-c',
          'import nbformat,sys; nb=nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb); print(nb.nbformat, nb.nbformat_minor)',
          path,
        ],
        { encoding: 'utf8' },
      );
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe('4 5');
      expect(result.status).toBe(0);
    },
  );

  it.skipIf(!python)('the schema check does catch a broken notebook', () => {
    const broken = JSON.parse(JSON.stringify(notebook)) as Record<string, unknown> & Notebook;
    const code = broken.cells.find((c) => c.cell_type === 'code') as unknown as Record<
      string,
      unknown
    >;
    code.execution_count = 'one';
    const path = join(outputDir, 'broken.ipynb');
    writeFileSync(path, JSON.stringify(broken));
    const result = spawnSync(
      python ?? 'python3',
      [
        '-c',
        'import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))',
        path,
      ],
      { encoding: 'utf8' },
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/ValidationError|id/);
  });
});
