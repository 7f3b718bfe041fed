/** What sna publishes, read back for the privacy tests: every output file as text or rows. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Database } from '../../core/database.js';
import { FAMILIES } from '../../indicators/registry.js';
import { docxText } from '../helpers/docx.js';

/** Columns that hold a person or address reference in the extracts (docs/contract.md). */
export const REF_COLUMNS = [
  'victim_ref',
  'offender_ref',
  'child_ref',
  'attendance_ref',
  'address_ref',
  'crime_ref',
  'offence_ref',
];

/** Files in `out/` that are not published: the database, its lock, and the rejects by design. */
const NOT_PUBLISHED = /^(sna\.duckdb.*|rejects\.csv)$/;

/** Every value of a reference column in the CSV files under `dir`. */
export function referencesIn(dir: string): Set<string> {
  const refs = new Set<string>();
  for (const path of filesUnder(dir).filter((p) => p.endsWith('.csv'))) {
    const rows = parse(readFileSync(path), {
      columns: true,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as Array<Record<string, string>>;
    for (const row of rows) {
      for (const column of REF_COLUMNS) {
        const value = row[column]?.trim();
        if (value) refs.add(value);
      }
    }
  }
  return refs;
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Published output files (relative paths) under `outDir`. */
export function publishedFiles(outDir: string): string[] {
  return filesUnder(outDir)
    .map((p) => relative(outDir, p))
    .filter((p) => !NOT_PUBLISHED.test(p));
}

/** The Parquet file's rows as JSON text, read through DuckDB. */
export async function parquetText(path: string): Promise<string> {
  const db = await Database.open(':memory:');
  try {
    const rows = await db.all(`SELECT * FROM read_parquet('${path.replaceAll("'", "''")}')`);
    return JSON.stringify(rows, (_key, value) =>
      typeof value === 'bigint' ? value.toString() : value,
    );
  } finally {
    db.close();
  }
}

const decodeXml = (text: string) =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');

/**
 * A PDF's text as pdftotext lays it out in blocks (`-bbox-layout`), one clause per line: a
 * block's lines joined, so a sentence wrapped over two lines reads whole, except after a line
 * of numbers alone (a chart's axis ticks), which ends its clause, as an element of the HTML does.
 */
export function pdfClauses(bboxXhtml: string): string {
  return [...bboxXhtml.matchAll(/<block\b[^>]*>([\s\S]*?)<\/block>/g)]
    .map((block) =>
      [...(block[1] ?? '').matchAll(/<line\b[^>]*>([\s\S]*?)<\/line>/g)]
        .map((line) =>
          [...(line[1] ?? '').matchAll(/<word\b[^>]*>([^<]*)<\/word>/g)]
            .map((word) => decodeXml(word[1] ?? ''))
            .join(' '),
        )
        .map((line) => (/^[\d\s.,%–-]+$/.test(line) ? `${line}\n` : `${line} `))
        .join('')
        .trim(),
    )
    .join('\n');
}

const POPPLER = ['/usr/bin', '/usr/local/bin'].find((dir) => existsSync(join(dir, 'pdftotext')));

/**
 * The text of a published PDF. Without pdftotext the PDF cannot be checked, and a privacy test
 * that passed without reading it would say nothing: it fails instead.
 */
export function pdfText(path: string): string {
  if (!POPPLER) {
    throw new Error(
      `${path} is published, but pdftotext (Debian's poppler-utils) is not here to read it`,
    );
  }
  const result = spawnSync(join(POPPLER, 'pdftotext'), ['-bbox-layout', path, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`pdftotext could not read ${path}: ${result.stderr}`);
  return pdfClauses(result.stdout);
}

/**
 * What a reader of a published file sees as text: a document's words (report.docx's paragraphs,
 * report.pdf's blocks), the Parquet file's rows, any other file as it is.
 */
export async function publishedText(outDir: string, file: string): Promise<string> {
  const path = join(outDir, file);
  if (file.endsWith('.parquet')) return parquetText(path);
  if (file.endsWith('.docx')) return docxText(path);
  if (file.endsWith('.pdf')) return pdfText(path);
  return readFileSync(path, 'utf8');
}

/**
 * The words of a text, split on anything but letters and digits, so a reference is found only
 * as a whole token (never as a chance substring of base64 image data).
 */
export const tokens = (text: string) => new Set(text.split(/[^A-Za-z0-9]+/));

/** Every `data.values` array in a Vega-Lite spec, however deeply nested (layers, datasets). */
export function chartData(spec: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(spec)) return spec.flatMap(chartData);
  if (spec === null || typeof spec !== 'object') return [];
  const rows: Array<Record<string, unknown>> = [];
  for (const [key, value] of Object.entries(spec)) {
    if ((key === 'values' || key === 'datasets') && Array.isArray(value)) {
      rows.push(
        ...value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null),
      );
    } else if (key === 'datasets' && value && typeof value === 'object') {
      for (const set of Object.values(value)) if (Array.isArray(set)) rows.push(...set);
    } else rows.push(...chartData(value));
  }
  return rows;
}

/** Headline facts (indicator rows behind each sentence), wherever they sit in headline.json. */
export function headlineFacts(headline: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(headline)) return headline.flatMap(headlineFacts);
  if (headline === null || typeof headline !== 'object') return [];
  return Object.entries(headline).flatMap(([key, value]) =>
    key === 'facts' && Array.isArray(value) ? value : headlineFacts(value),
  );
}

/**
 * Indicators whose numerator and denominator both count areas (LSOAs), as their declarations say
 * (`counts: 'areas'`): the hot-spot LSOAs and the LSOAs tested. Each hot LSOA is published on its
 * own (police.hotspot_gi), so their number is no secret; a count of people in them would be, and
 * is checked as any other. The test below pins the list, so a new declaration is read by a person.
 */
export const AREA_COUNTS: ReadonlySet<string> = new Set(
  FAMILIES.flatMap((f) => f.indicators)
    .filter((i) => i.numerator?.counts === 'areas' && i.denominator?.counts === 'areas')
    .map((i) => i.id),
);

/** True for a number (or numeric text) from 1 to `below − 1`: a count that must not be published. */
export function isSmallCount(value: unknown, below: number): boolean {
  if (value === null || value === undefined || value === '') return false;
  const n = Number(value);
  return Number.isFinite(n) && n >= 1 && n < below;
}
