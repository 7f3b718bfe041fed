/**
 * Values from the data that would run as a spreadsheet formula or as a script: a beat, a youth
 * justice locality and the area name carry `=HYPERLINK(…)` and `<script>alert(…)</script>`.
 * CSV outputs neutralise the formula (leading apostrophe); HTML, Markdown, the notebook's HTML
 * and the chart SVGs escape the markup.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT, runCli, workspace } from '../helpers/workspace.js';
import { filesUnder, publishedFiles } from './published.js';

const FORMULA = '=HYPERLINK("http://x","y")';
const csvQuoted = (value: string) => `"${value.replaceAll('"', '""')}"`;
const RAW_SCRIPT = /<script>alert/i;
/** The markup as text: HTML entities, or Markdown's backslash escape. */
const ESCAPED_SCRIPT = /(&lt;|&#60;|&#x3c;|\\<)script(&gt;|&#62;|&#x3e;|\\>)alert/i;

describe('formula and script values in the extracts', { timeout: 300_000 }, () => {
  const ws = workspace('sna-injection-');
  const out = ws.path('out');
  const read = (file: string) => readFileSync(join(out, file), 'utf8');

  beforeAll(() => {
    cpSync(FIXTURES, ws.path('synthetic'), { recursive: true });
    const edit = (path: string, change: (text: string) => string) =>
      writeFileSync(path, change(readFileSync(path, 'utf8')));
    // Beats: N1G1 becomes a formula, N1G2 a script, in the crimes and in the geography lookup.
    const beats = (text: string) =>
      text
        .replaceAll(',N1G1,', `,${csvQuoted(FORMULA)},`)
        .replaceAll(',N1G2,', ',<script>alert(1)</script>,');
    const synthetic = ws.path('synthetic');
    for (const path of filesUnder(join(synthetic, 'extracts', 'police'))) {
      if (/crimes-/.test(path)) edit(path, beats);
    }
    edit(join(synthetic, 'reference', 'geography.csv'), beats);
    // Youth justice locality (the last column): North becomes both at once.
    for (const path of filesUnder(join(synthetic, 'extracts', 'yj'))) {
      edit(path, (text) =>
        text.replace(/,North(\r?)$/gm, `,${csvQuoted(`${FORMULA}<script>alert(2)</script>`)}$1`),
      );
    }
    const config = readFileSync(join(REPO_ROOT, 'sna.config.yaml'), 'utf8')
      .replaceAll('fixtures/synthetic/', `${synthetic}/`)
      .replace(/^ {2}name: .*$/m, `  name: '${FORMULA} <script>alert(3)</script>'`)
      .replace(/^output_dir: .*$/m, `output_dir: ${out}`);
    ws.config(config);
    const result = runCli(['run', '--config', ws.path('sna.config.yaml'), '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each(['indicators.csv', 'headline.csv'])('%s neutralises every formula', (file) => {
    const cells = (parse(read(file)) as string[][]).flat();
    const formulas = cells.filter((c) => c.toUpperCase().includes('HYPERLINK'));
    expect(formulas.length).toBeGreaterThan(0);
    // Only a leading = + - @ makes a formula; inside a sentence the text is inert.
    for (const cell of formulas.filter((c) => !/^[A-Za-z0-9 ]/.test(c))) {
      expect(cell.startsWith("'=")).toBe(true);
    }
    expect(cells.filter((c) => /^[=+@\t\r]/.test(c))).toEqual([]);
  });

  it.each(['report.html', 'headline.md'])('%s escapes the markup', (file) => {
    const text = read(file);
    expect(text).not.toMatch(RAW_SCRIPT);
    expect(text).toMatch(ESCAPED_SCRIPT);
  });

  it("the notebook's markdown and HTML outputs escape the markup", () => {
    const notebook = JSON.parse(read('notebooks/sna.ipynb')) as {
      cells: Array<{
        cell_type: string;
        source: string | string[];
        outputs?: Array<{ data?: Record<string, string | string[]> }>;
      }>;
    };
    const join = (text: string | string[] | undefined) =>
      Array.isArray(text) ? text.join('') : (text ?? '');
    const rendered = notebook.cells.flatMap((cell) => [
      ...(cell.cell_type === 'markdown' ? [join(cell.source)] : []),
      ...(cell.outputs ?? []).map((o) => join(o.data?.['text/html'])),
    ]);
    const all = rendered.join('\n');
    expect(all).not.toMatch(RAW_SCRIPT);
    expect(all).toMatch(ESCAPED_SCRIPT);
  });

  it('chart SVGs hold the beat names as escaped text', () => {
    const svgs = publishedFiles(out).filter((f) => f.endsWith('.svg'));
    for (const file of svgs) expect(read(file), file).not.toMatch(RAW_SCRIPT);
    expect(read('charts/police-top-beats.svg')).toMatch(ESCAPED_SCRIPT);
  });
});
