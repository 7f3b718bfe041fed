/**
 * The report's charts on the demo borough: every expected chart is built, compiles without a
 * warning, draws marks and its title, says SYNTHETIC, and is written as spec, SVG and a real
 * PNG at twice the size, with no person or address reference anywhere in them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { compile, type TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../core/database.js';
import { memoryLogger } from '../../core/log.js';
import { loadConfig } from '../../pipeline/config/load-config.js';
import { run } from '../../pipeline/index.js';
import { buildCharts, writeCharts } from '../../reports/charts/index.js';
import { loadReportData } from '../../reports/load-report-data.js';
import type { RenderedChart } from '../../reports/types.js';
import { demoWorkspace, query, REPO_ROOT } from '../helpers/workspace.js';

const EXPECTED = [
  'police-monthly',
  'police-seasonal-index',
  'police-hour-weekday',
  'map-night-time-economy',
  'police-rate-comparators',
  'police-rate-by-imd-decile',
  'map-rate-by-lsoa',
  'map-rate-by-ward',
  'police-ward-funnel',
  'map-hotspots',
  'map-hex-density',
  'police-top-beats',
  'repeat-addresses',
  'victims-age-sex',
  'offenders-age-sex',
  'ae-monthly',
  'ae-age-sex',
  'yj-offence-mix',
];

let charts: RenderedChart[];
let warnings: string[];
let outDir: string;
let personRefs: string[];

beforeAll(async () => {
  const ws = demoWorkspace('sna-charts-');
  await run(ws.configPath, { stages: ['ingest', 'indicators'], log: memoryLogger() });
  const config = await loadConfig(ws.configPath);
  const db = await Database.open(config.database);
  const data = await loadReportData(db, config);
  db.close();
  const dbPath = config.database;
  const log = memoryLogger();
  charts = await buildCharts(data, { log });
  warnings = log.lines.filter((l) => l.level !== 'info').map((l) => l.message);
  outDir = ws.path('out');
  await writeCharts(charts, outDir);
  const refs = await query<{ ref: string }>(
    dbPath,
    `SELECT DISTINCT person_ref AS ref FROM fct_crime_people
     UNION SELECT DISTINCT address_ref FROM fct_crimes WHERE address_ref IS NOT NULL`,
  );
  personRefs = refs.map((r) => r.ref);
}, 180_000);

const chart = (name: string): RenderedChart => {
  const found = charts.find((c) => c.name === name);
  if (!found) throw new Error(`no chart ${name}`);
  return found;
};

/** The text Vega writes into an SVG: `&` and `<` escaped. */
const svgText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

describe('charts on the demo borough', () => {
  it('builds every expected chart, in the report order, without a Vega or Vega-Lite warning', () => {
    expect(charts.map((c) => c.name)).toEqual(EXPECTED);
    expect(warnings).toEqual([]);
  });

  it.each(EXPECTED)('%s: a Vega-Lite v5 spec with its data inlined that compiles', (name) => {
    const { spec } = chart(name);
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    // Inlined at the top, or per panel in a grid of small multiples; a map keeps its
    // boundaries once, as a named dataset its panels look their values up into.
    const panels = (spec.concat as Array<{ data?: { values: unknown[] } }> | undefined) ?? [spec];
    const datasets = Object.values((spec.datasets ?? {}) as Record<string, unknown[]>);
    const values = [
      ...panels.flatMap((p) => (p.data as { values?: unknown[] } | undefined)?.values ?? []),
      ...datasets.flat(),
    ];
    expect(values.length).toBeGreaterThan(0);
    const vega = compile(spec as unknown as TopLevelSpec).spec;
    expect(vega.marks?.length ?? 0).toBeGreaterThan(0);
  });

  it('every spec is valid against the Vega-Lite JSON schema (no misspelt property)', () => {
    const schema = JSON.parse(
      readFileSync(join(REPO_ROOT, 'node_modules/vega-lite/build/vega-lite-schema.json'), 'utf8'),
    );
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, logger: false });
    const validate = ajv.compile(schema);
    for (const { name, spec } of charts) {
      expect(validate(spec), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it.each(EXPECTED)('%s: an SVG with marks, the area in its title and SYNTHETIC', (name) => {
    const { svg, title, description } = chart(name);
    expect(svg.startsWith('<svg')).toBe(true);
    const marks = (svg.match(/<path|<rect|<line|<circle/g) ?? []).length;
    expect(marks).toBeGreaterThan(5);
    expect(title).toMatch(/^Brackenford \(SYNTHETIC\): /);
    expect(svg).toContain(svgText(title));
    expect(svg).toContain('SYNTHETIC DATA');
    expect(svg).toContain('font-family="DejaVu Sans"');
    expect(description.length).toBeGreaterThan(40);
  });

  it.each(EXPECTED)('%s: says how to read it in one sentence of its own', (name) => {
    const { howToRead, description } = chart(name);
    // One sentence: a capital, one full stop at the end, none inside ("e.g." would read as two).
    expect(howToRead).toMatch(/^[A-Z][^.]*[^.\s]\.$/);
    expect(howToRead.length).toBeGreaterThan(60);
    expect(howToRead).not.toBe(description);
  });

  it.each(EXPECTED)('%s: written as .vl.json, .svg and a 2x PNG', (name) => {
    const base = join(outDir, 'charts', name);
    const { spec, svg } = chart(name);
    expect(JSON.parse(readFileSync(`${base}.vl.json`, 'utf8'))).toEqual(spec);
    expect(readFileSync(`${base}.svg`, 'utf8')).toBe(svg);
    const png = readFileSync(`${base}.png`);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(png.length).toBeGreaterThan(20_000);
    const width = Number(svg.match(/^<svg[^>]* width="([\d.]+)"/)?.[1]);
    const height = Number(svg.match(/^<svg[^>]* height="([\d.]+)"/)?.[1]);
    // IHDR: width and height as big-endian integers at bytes 16 and 20.
    expect(png.readUInt32BE(16)).toBe(Math.round(2 * width));
    expect(png.readUInt32BE(20)).toBe(Math.round(2 * height));
  });

  it('leaves no temporary file behind', () => {
    const files = readdirSync(join(outDir, 'charts'));
    expect(files).toHaveLength(3 * EXPECTED.length);
    expect(files.filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(existsSync(join(outDir, 'charts', 'police-monthly.png'))).toBe(true);
  });

  it('never carries a person or address reference, in a spec or a drawing', () => {
    expect(personRefs.length).toBeGreaterThan(1000);
    expect(personRefs.every((ref) => /^[A-Za-z0-9]+$/.test(ref))).toBe(true);
    for (const { name, spec, svg } of charts) {
      const text = `${JSON.stringify(spec)}\n${svg}`;
      expect(text, name).not.toMatch(/_ref\b/);
      // Refs are single words (V000123, ADR01021): look each word of the chart up in them.
      const words = new Set(text.match(/[A-Za-z0-9]+/g));
      expect(
        personRefs.filter((ref) => words.has(ref)),
        name,
      ).toEqual([]);
    }
  });
});
