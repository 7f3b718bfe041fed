import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../pipeline/index.js';
import { memoryLogger, PipelineError, run } from '../../pipeline/index.js';
import {
  baseConfig,
  demoWorkspace,
  FIXTURES,
  runCli,
  workspace,
  writeReference,
} from '../helpers/workspace.js';

/** A two-LSOA area with 30 crimes and nothing else configured. */
function crimesOnly() {
  const ws = workspace('sna-report-sparse-');
  writeReference(ws);
  const rows = Array.from({ length: 30 }, (_, i) => {
    const month = String((i % 12) + 1).padStart(2, '0');
    return `C${i},2024-${month}-15,8N,E01999001,N1G1`;
  });
  ws.write(
    'extracts/crimes.csv',
    `crime_ref,recorded_date,ho_offence_code,lsoa_code,beat\n${rows.join('\n')}\n`,
  );
  ws.config(baseConfig('  police_crimes: extracts/crimes.csv'));
  return ws;
}

/** Every `*_ref` value (person, crime, address, attendance, offence) in the demo extracts. */
function fixtureReferences(): Set<string> {
  const refs = new Set<string>();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  for (const file of walk(join(FIXTURES, 'extracts')).filter((f) => f.endsWith('.csv'))) {
    const records = parse(readFileSync(file), {
      columns: true,
      bom: true,
      relax_column_count: true,
    }) as Array<Record<string, string>>;
    for (const record of records) {
      for (const [column, value] of Object.entries(record)) {
        if (column.endsWith('_ref') && value) refs.add(value);
      }
    }
  }
  return refs;
}

describe('the report stage on the demo data', () => {
  const ws = demoWorkspace('sna-report-stage-');
  const out = (file: string) => join(ws.dir, 'out', file);
  const log = memoryLogger();
  let result: RunResult;

  beforeAll(async () => {
    result = await run(ws.configPath, { log });
  }, 240_000);

  it('writes every report file of the contract', () => {
    const chartFiles = readdirSync(out('charts'));
    const names = [...new Set(chartFiles.map((f) => f.replace(/\.(vl\.json|svg|png)$/, '')))];
    expect(names.length).toBe(result.report?.charts);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const spec = JSON.parse(readFileSync(out(`charts/${name}.vl.json`), 'utf8'));
      expect(spec.$schema, name).toMatch(/vega-lite/);
      expect(readFileSync(out(`charts/${name}.svg`), 'utf8')).toMatch(/^<svg/);
      expect(
        readFileSync(out(`charts/${name}.png`))
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
    }
    for (const file of [
      'headline.json',
      'headline.csv',
      'headline.md',
      'report.html',
      'report.docx',
    ]) {
      expect(existsSync(out(file)), file).toBe(true);
    }
    const notebook = JSON.parse(readFileSync(out('notebooks/sna.ipynb'), 'utf8'));
    expect(notebook.nbformat_minor).toBe(5);
    expect(result.report?.files).toContain('notebooks/sna.ipynb');
    const python = JSON.parse(readFileSync(out('notebooks/sna-python.ipynb'), 'utf8'));
    expect(python.metadata.kernelspec.name).toBe('python3');
    expect(result.report?.files).toContain('notebooks/sna-python.ipynb');
    for (const file of result.report?.files ?? []) expect(existsSync(out(file)), file).toBe(true);
  });

  it('times the report stage in the manifest and logs what it wrote', () => {
    const manifest = JSON.parse(readFileSync(out('manifest.json'), 'utf8'));
    expect(manifest.stages.report).toBeGreaterThan(0);
    expect(manifest).not.toHaveProperty('stages_not_built');
    const line = log.lines.find((l) => l.message.startsWith('Report:'));
    expect(line?.message).toMatch(/^Report: \d+ charts, a headline table of \d+ categories/);
  });

  it('publishes no person, crime or address reference and no free text', () => {
    const refs = fixtureReferences();
    expect(refs.size).toBeGreaterThan(1000);
    const html = readFileSync(out('report.html'), 'utf8');
    const published = [
      // The page up to its inlined libraries holds everything made from data.
      html.slice(0, html.indexOf('<script>')),
      readFileSync(out('notebooks/sna.ipynb'), 'utf8'),
      readFileSync(out('notebooks/sna-python.ipynb'), 'utf8'),
      readFileSync(out('headline.json'), 'utf8'),
      ...readdirSync(out('charts'))
        .filter((f) => !f.endsWith('.png'))
        .map((f) => readFileSync(out(`charts/${f}`), 'utf8')),
    ].join('\n');
    const leaked = (published.match(/[A-Z]{1,4}\d{4,8}/g) ?? []).filter((t) => refs.has(t));
    expect(leaked).toEqual([]);
    expect(published).not.toContain('Fictional Close');
  });

  it('`sna report` alone rebuilds the report from the existing database', {
    timeout: 180_000,
  }, () => {
    rmSync(out('report.html'));
    rmSync(out('notebooks'), { recursive: true });
    const before = JSON.parse(readFileSync(out('manifest.json'), 'utf8'));
    const cli = runCli(['report', '--config', ws.configPath]);
    expect(cli.stderr.split('\n').filter((l) => l.startsWith('error'))).toEqual([]);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/Report: \d+ charts/);
    expect(existsSync(out('report.html'))).toBe(true);
    expect(existsSync(out('notebooks/sna.ipynb'))).toBe(true);
    expect(existsSync(out('notebooks/sna-python.ipynb'))).toBe(true);
    const after = JSON.parse(readFileSync(out('manifest.json'), 'utf8'));
    expect(Object.keys(after.stages).sort()).toEqual(['models', 'report']);
    expect(after.finished_at > before.finished_at).toBe(true);
  });

  it('says what to do when the database has no indicators yet', { timeout: 120_000 }, async () => {
    const fresh = crimesOnly();
    await run(fresh.path('sna.config.yaml'), { stages: ['ingest'], log: memoryLogger() });
    const attempt = run(fresh.path('sna.config.yaml'), { stages: ['report'], log: memoryLogger() });
    await expect(attempt).rejects.toBeInstanceOf(PipelineError);
    await expect(attempt).rejects.toThrow(/no indicators yet/);
    expect(existsSync(fresh.path('out/report.html'))).toBe(false);
  });

  it('refuses to label indicators of another period with the configuration’s', {
    timeout: 120_000,
  }, async () => {
    const moved = crimesOnly();
    const config = moved.path('sna.config.yaml');
    await run(config, { stages: ['ingest', 'indicators'], log: memoryLogger() });
    moved.config(readFileSync(config, 'utf8').replace('end: 2025-03-31', 'end: 2024-12-31'));
    await expect(run(config, { stages: ['report'], log: memoryLogger() })).rejects.toMatchObject({
      message:
        "the indicators in the database are for the period ending 2025-03-31, the configuration's ends 2024-12-31",
      hint: 'run `sna indicators` (or `sna run`) first',
    });
  });

  it('writes a whole report when only police crimes are configured', {
    timeout: 120_000,
  }, async () => {
    const sparse = crimesOnly();
    const outcome = await run(sparse.path('sna.config.yaml'), { log: memoryLogger() });
    for (const file of [
      'report.html',
      'report.docx',
      'notebooks/sna.ipynb',
      'notebooks/sna-python.ipynb',
      'headline.json',
    ]) {
      expect(existsSync(sparse.path(`out/${file}`)), file).toBe(true);
    }
    // headline ×3, report.html, report.docx, two notebooks; no PDF, which the library leaves off.
    expect(outcome.report?.files.length).toBe(7 + 3 * (outcome.report?.charts ?? 0));
    const html = readFileSync(sparse.path('out/report.html'), 'utf8');
    // What the run lacks, said once per missing input rather than on every row.
    expect(html).toContain('<strong>Not available</strong>');
    expect(html).toContain('needs police victim extracts (police_victims)');
    expect(html).toContain('needs A&amp;E assault attendances (ae_assaults)');
  });
});
