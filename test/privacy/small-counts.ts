/**
 * A scan of everything sna publishes for a count of people, households, addresses or events
 * from 1 to `suppress_below − 1`: in indicator rows wherever they are written (CSV, Parquet, the
 * headline's facts, chart data, the notebook's tables, report.html's tables) and in sentences
 * (report.docx's paragraphs and report.pdf's text included)
 * ("1 address accounted for 6 crimes"). It knows nothing of the indicators' own disclosure
 * declarations, so it checks them rather than repeating them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { docxText } from '../helpers/docx.js';
import { AREA_COUNTS, parquetText, pdfText, publishedFiles } from './published.js';

type Row = Record<string, unknown>;

/** Units whose denominator counts areas or LSOAs (a rank among 4 areas), not people. */
const AREA_DENOMINATORS = new Set(['rank', 'rho']);

/** Words that follow a count of people, households, addresses or events in a sentence. */
const COUNTED_NOUNS =
  'crimes?|victims?|offenders?|perpetrators?|address(?:es)?|households?|child(?:ren)?|people|persons?|patients?|attendances?|offences?|incidents?|homicides?|robber(?:y|ies)|entrants?|cases?';

/**
 * A whole number (not part of a decimal, a percentage, a date or a range) followed within four
 * words of its clause by one of those nouns: "4 addresses", "(of 3 with a known address)",
 * "2 of 60 crimes". A line break ends a clause (a plain-text table's rows).
 */
const NUMBER_THEN_NOUN = new RegExp(
  `(?<![\\d.,/:\\-–])(\\d{1,3}(?:,\\d{3})*|\\d+)(?![\\d%]|[.,]\\d)[^\\S\\n]+((?:[^\\s.;:()|<>]+[^\\S\\n]+){0,4}?)(?:${COUNTED_NOUNS})\\b`,
  'gi',
);
/** A threshold, not a count: "3 or more of the category's crimes", "at least 3 crimes". */
const THRESHOLD_WORDS = /\b(or more|or fewer|or over|or under)\b/i;

const isSmall = (value: unknown, below: number): boolean => {
  if (value === null || value === undefined || value === '') return false;
  const n = Number(typeof value === 'string' ? value.replaceAll(',', '') : value);
  return Number.isFinite(n) && n >= 1 && n < below;
};

const truthy = (value: unknown) => value === true || value === 'true';

/** Every small count a sentence or note states, as the words that state it. */
export function smallCountsInText(text: string, below: number): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(NUMBER_THEN_NOUN)) {
    if (THRESHOLD_WORDS.test(match[2] ?? '')) continue;
    if (isSmall(match[1], below)) found.push(match[0]);
  }
  return found;
}

/** What is wrong with one published indicator row (the unit looked up by id where absent). */
export function smallCountsInRow(row: Row, below: number, units: Map<string, string>): string[] {
  const unit = String(row.unit ?? units.get(String(row.indicator_id)) ?? '');
  const problems: string[] = [];
  const areas = AREA_COUNTS.has(String(row.indicator_id));
  if (!areas && isSmall(row.numerator, below)) problems.push(`numerator ${row.numerator}`);
  if (!areas && !AREA_DENOMINATORS.has(unit) && isSmall(row.denominator, below))
    problems.push(`denominator ${row.denominator}`);
  if (unit === 'count' && isSmall(row.value, below)) problems.push(`value ${row.value}`);
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  if (truthy(row.suppressed) && !(blank(row.value) && blank(row.numerator)))
    problems.push('a value where suppressed');
  const label = `${row.indicator_id} ${row.category ?? ''} ${row.breakdown_value ?? ''}`.trim();
  return [
    ...problems.map((p) => `${label}: ${p}`),
    ...smallCountsInText(String(row.note ?? ''), below).map((t) => `${label}: note "${t}"`),
  ];
}

/** Indicator rows (objects with an indicator_id) and strings anywhere in a JSON value. */
function smallCountsInJson(json: unknown, below: number, units: Map<string, string>): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') found.push(...smallCountsInText(value, below));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      if ('indicator_id' in value) found.push(...smallCountsInRow(value as Row, below, units));
      Object.values(value).forEach(walk);
    }
  };
  walk(json);
  return found;
}

const decode = (text: string) =>
  text
    .replaceAll('&nbsp;', ' ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** An HTML or SVG document's text, one clause per element: inline markup joins, blocks part. */
function htmlText(html: string): string {
  return decode(
    html
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' | ')
      .replace(/<\/?(strong|em|b|i|span|a|abbr|code|sup|sub)\b[^>]*>/gi, '')
      .replace(/<[^>]+>/g, ' | ')
      .replace(/\s+/g, ' '),
  );
}

const cells = (rowHtml: string) =>
  [...rowHtml.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((m) =>
    decode((m[1] ?? '').replace(/<[^>]+>/g, '')).trim(),
  );

/** Tables whose header names indicator columns (the notebook's): each row as an indicator row. */
function smallCountsInTables(html: string, below: number, units: Map<string, string>): string[] {
  const found: string[] = [];
  for (const table of html.matchAll(/<table\b[^>]*>([\s\S]*?)<\/table>/gi)) {
    const rows = [...(table[1] ?? '').matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((m) =>
      cells(m[1] ?? ''),
    );
    const header = rows[0] ?? [];
    if (!header.includes('indicator_id')) continue;
    for (const values of rows.slice(1)) {
      const row = Object.fromEntries(header.map((name, i) => [name, values[i]]));
      found.push(...smallCountsInRow(row, below, units));
    }
  }
  return found;
}

/**
 * report.html's indicator table: one `<tbody id="indicator-ID">` per indicator, its rows (and
 * the breakdown tables folded inside) with the value third of six cells.
 */
function smallCountsInReportTables(html: string, below: number, units: Map<string, string>) {
  const found: string[] = [];
  // Only the indicator section: the provenance tables after it have six cells a row too.
  const start = html.indexOf('<section id="indicators">');
  const section = start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
  for (const block of section.split('<tbody id="indicator-').slice(1)) {
    const id = block.slice(0, block.indexOf('"'));
    for (const m of block.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)) {
      const values = cells(m[1] ?? '');
      if (values.length !== 6 || /<th\b/.test(m[1] ?? '')) continue;
      const row = { indicator_id: id, category: values[0], breakdown_value: values[1] };
      found.push(...smallCountsInRow({ ...row, value: values[2] }, below, units));
    }
  }
  return found;
}

/** A notebook: its Markdown, and each output's tables, chart specs, SVG and text. */
function smallCountsInNotebook(text: string, below: number, units: Map<string, string>) {
  const notebook = JSON.parse(text) as {
    cells: Array<{ cell_type: string; source: string[]; outputs?: Array<{ data?: Row }> }>;
  };
  const found: string[] = [];
  for (const cell of notebook.cells) {
    if (cell.cell_type === 'markdown')
      found.push(...smallCountsInText(cell.source.join(''), below));
    for (const output of cell.outputs ?? []) {
      for (const [mime, data] of Object.entries(output.data ?? {})) {
        const body = Array.isArray(data) ? data.join('') : data;
        if (mime.includes('json')) found.push(...smallCountsInJson(body, below, units));
        else if (mime === 'text/html' || mime === 'image/svg+xml') {
          found.push(...smallCountsInTables(String(body), below, units));
          found.push(...smallCountsInText(htmlText(String(body)), below));
        } else found.push(...smallCountsInText(String(body), below));
      }
    }
  }
  return found;
}

/**
 * Every small count in the published files under `outDir`, as `file: where: what`. PNG pixels
 * are left out (each PNG renders the chart spec that is scanned); rejects.csv, the database and
 * the manifest's file accounting (rows read, rejected) are not statistics of people or events.
 */
export async function smallCountLeaks(outDir: string, below: number): Promise<string[]> {
  const read = (file: string) => readFileSync(join(outDir, file), 'utf8');
  const indicators = parse(read('indicators.csv'), { columns: true }) as Array<Row>;
  const units = new Map(indicators.map((r) => [String(r.indicator_id), String(r.unit)]));
  const leaks: string[] = [];
  const add = (file: string, found: string[]) => leaks.push(...found.map((f) => `${file}: ${f}`));
  for (const file of publishedFiles(outDir)) {
    if (file.endsWith('.png') || file === 'manifest.json') continue;
    if (file === 'indicators.csv') {
      add(
        file,
        indicators.flatMap((r) => smallCountsInRow(r, below, units)),
      );
    } else if (file.endsWith('.parquet')) {
      const rows = JSON.parse(await parquetText(join(outDir, file))) as Row[];
      add(
        file,
        rows.flatMap((r) => smallCountsInRow(r, below, units)),
      );
    } else if (file.endsWith('.json')) {
      add(file, smallCountsInJson(JSON.parse(read(file)), below, units));
    } else if (file.endsWith('.ipynb')) {
      add(file, smallCountsInNotebook(read(file), below, units));
    } else if (file.endsWith('.html')) {
      const html = read(file);
      for (const script of html.matchAll(
        /<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/gi,
      )) {
        add(file, smallCountsInJson(JSON.parse(script[1] ?? 'null'), below, units));
      }
      add(file, smallCountsInReportTables(html, below, units));
      add(file, smallCountsInText(htmlText(html), below));
    } else if (file.endsWith('.docx')) {
      // One clause per paragraph (a table cell's sentences are paragraphs too).
      add(file, smallCountsInText(docxText(join(outDir, file)), below));
    } else if (file.endsWith('.pdf')) {
      add(file, smallCountsInText(pdfText(join(outDir, file)), below));
    } else if (file.endsWith('.svg')) {
      add(file, smallCountsInText(htmlText(read(file)), below));
    } else {
      // headline.csv and headline.md: sentences, one clause per cell or line break.
      add(file, smallCountsInText(read(file).replace(/<br>|\|/g, ' | '), below));
    }
  }
  return leaks;
}
