/**
 * report.docx on the demo: a Word document whose headline table is a real table (a header row
 * Word repeats on each page, one row per category of headline.json), whose charts are the PNGs
 * of charts/ with their captions and source lines, whose headings use Word's heading styles (so
 * the navigation pane and the contents work), and whose methods say what report.html's say.
 * Then LibreOffice, as a reader without Word would, opens it and prints it to PDF.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document, Packer } from 'docx';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, run } from '../../pipeline/index.js';
import { findingsSection, NO_FINDINGS } from '../../reports/docx/findings.js';
import { CONTENT_WIDTH_PX } from '../../reports/docx/styles.js';
import type { Headline, Provenance } from '../../reports/types.js';
import { docxParts, paragraphs, partText, tables } from '../helpers/docx.js';
import { demoWorkspace } from '../helpers/workspace.js';

/** English Metric Units, as Word sizes drawings: 9,525 to a pixel at 96 to the inch. */
const EMU_PER_PX = 9525;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Words only, lower case: the same sentence in HTML and in Word compares equal. */
const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();

const htmlText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');

const ws = demoWorkspace('sna-docx-');
const out = (file: string) => join(ws.path('out'), file);
let xml: string;
let parts: Record<string, Uint8Array>;
let headline: Headline;

beforeAll(async () => {
  await run(ws.configPath, { log: memoryLogger() });
  parts = docxParts(out('report.docx'));
  xml = partText(parts, 'word/document.xml');
  headline = JSON.parse(readFileSync(out('headline.json'), 'utf8')) as Headline;
}, 300_000);

/** report.html's figures in order: each chart's name and caption. */
function htmlFigures(): Array<{ name: string; caption: string }> {
  const html = readFileSync(out('report.html'), 'utf8');
  return [
    ...html.matchAll(
      /<figure class="chart"[^>]*data-chart="([^"]+)"[\s\S]*?<figcaption><p class="description">([\s\S]*?)<\/p>/g,
    ),
  ].map((m) => ({ name: m[1] ?? '', caption: htmlText(m[2] ?? '') }));
}

const chartNames = () => htmlFigures().map((f) => f.name);

describe('report.docx on the demo', () => {
  it('is listed in the manifest with the other outputs', () => {
    const manifest = JSON.parse(readFileSync(out('manifest.json'), 'utf8')) as {
      outputs: Array<{ path: string; sha256: string }>;
    };
    const listed = manifest.outputs.find((o) => o.path === 'report.docx');
    expect(listed?.sha256).toBe(sha256(readFileSync(out('report.docx'))));
  });

  it('has the headline table as a Word table: a repeated header row, one row per category', () => {
    const table = tables(xml).find((t) => t.rows[0]?.[0] === 'Crime type');
    expect(table?.rows[0]).toEqual(['Crime type', 'Intelligence', 'Victims', 'Perpetrators']);
    expect(table?.rowXml[0]).toContain('<w:tblHeader/>');
    expect(table?.rows.length).toBe(headline.rows.length + 1);
    expect(headline.rows.length).toBeGreaterThan(5);
    expect(table?.rows.slice(1).map((cells) => cells[0]?.split('\n')[0])).toEqual(
      headline.rows.map((r) => r.title),
    );
    // Each cell holds its column's sentences, in order.
    headline.rows.forEach((row, i) => {
      const cells = table?.rows[i + 1] ?? [];
      (['intelligence', 'victims', 'perpetrators'] as const).forEach((column, c) => {
        const said = row[column].map((s) => `•\t${s.text}`).join('\n');
        expect(cells[c + 1], `${row.category} ${column}`).toBe(said || 'No statement');
      });
    });
    // Fixed widths that fill the text width, so Word and LibreOffice lay it out alike.
    expect(table?.xml).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it("has each chart as its PNG, sized to the text width, with report.html's caption and a source line", () => {
    const figures = htmlFigures();
    const names = figures.map((f) => f.name);
    expect(names.length).toBeGreaterThan(10);
    const drawings = [...xml.matchAll(/<w:drawing>([\s\S]*?)<\/w:drawing>/g)].map(
      (m) => m[1] ?? '',
    );
    expect(drawings.map((d) => d.match(/<wp:docPr [^>]*name="([^"]+)"/)?.[1])).toEqual(names);
    const rels = partText(parts, 'word/_rels/document.xml.rels');
    const all = paragraphs(xml);
    for (const [i, drawing] of drawings.entries()) {
      const name = names[i] ?? '';
      const png = readFileSync(out(`charts/${name}.png`));
      // The picture is the published PNG, byte for byte.
      const rid = drawing.match(/<a:blip r:embed="([^"]+)"/)?.[1];
      const target = rels.match(new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`))?.[1];
      expect(sha256(parts[`word/${target}`] ?? new Uint8Array()), name).toBe(sha256(png));
      // Drawn at the text width (or less, for a tall map), its aspect ratio kept.
      const [cx, cy] = (drawing.match(/<wp:extent cx="(\d+)" cy="(\d+)"/) ?? [])
        .slice(1)
        .map(Number);
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect((cx ?? 0) / EMU_PER_PX, name).toBeLessThanOrEqual(CONTENT_WIDTH_PX);
      expect((cx ?? 0) / EMU_PER_PX, name).toBeGreaterThan(CONTENT_WIDTH_PX * 0.6);
      expect((cy ?? 0) / (cx ?? 1), name).toBeCloseTo(h / w, 2);
      // Then its caption (the chart's description) and its source line.
      const at = all.findIndex((p) => p.xml.includes(`name="${name}"`));
      const [caption, source] = [all[at + 1], all[at + 2]];
      expect(caption?.style).toBe('Caption');
      expect(caption?.text).toBe(`Figure ${i + 1}. ${figures[i]?.caption}`);
      expect(source?.style).toBe('SourceLine');
      expect(source?.text).toMatch(/^Source: .*Indicators [a-z_]+\.[a-z0-9_]+/);
      expect(source?.text).toContain(`charts/${name}.png`);
    }
  });

  it("uses Word's heading styles for the sections and the charts, and a contents field over them", () => {
    const all = paragraphs(xml);
    const level = (style: string) => all.filter((p) => p.style === style).map((p) => p.text);
    expect(level('Title')).toEqual(['Brackenford (SYNTHETIC)']);
    expect(level('Heading1')).toEqual([
      'Key findings',
      'Headline table',
      'Charts',
      'Methods and definitions',
      'Data sources and provenance',
    ]);
    expect(level('Heading2')).toEqual(
      expect.arrayContaining([
        'Periods',
        'Small numbers',
        'Crimes by month, this year and the previous years',
      ]),
    );
    // Each chart, then the methods' Periods, Small numbers, Significance, Repeat addresses,
    // Statistical methods used and Indicators.
    expect(level('Heading2').length).toBe(chartNames().length + 6);
    expect(level('Heading3').length).toBeGreaterThan(40);
    const styles = partText(parts, 'word/styles.xml');
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Caption']) {
      expect(styles).toContain(`w:styleId="${id}"`);
    }
    expect(xml).toMatch(/TOC \\h \\o &quot;1-2&quot;/);
    // Word is asked to fill in the contents' page numbers when it opens the document.
    expect(partText(parts, 'word/settings.xml')).toMatch(
      /<w:updateFields(?: w:val="(?:true|1)")?\/>/,
    );
  });

  it('says SYNTHETIC DATA on the title page and in the page header, with the period and date', () => {
    const all = paragraphs(xml);
    expect(all[0]?.text).toMatch(/^SYNTHETIC DATA This report was built from generated/);
    const title = all.slice(0, 12).map((p) => p.text);
    expect(title).toContain('Assessment period: 1 April 2024 to 31 March 2025');
    expect(title.some((t) => /^Generated: \d{1,2} \w+ 20\d\d by sna /.test(t))).toBe(true);
    const headers = Object.keys(parts).filter((n) => /^word\/header\d+\.xml$/.test(n));
    expect(headers.map((n) => partText(parts, n)).join('')).toContain('SYNTHETIC DATA');
  });

  it('lists the key findings of headline.json, in order, under its heading', () => {
    const all = paragraphs(xml);
    const at = all.findIndex((p) => p.style === 'Heading1' && p.text === 'Key findings');
    const findings = headline.findings ?? [];
    expect(findings.length).toBeGreaterThan(0);
    expect(all.slice(at + 1, at + 1 + findings.length).map((p) => p.text)).toEqual(
      findings.map((f) => f.text),
    );
  });

  it('says there are no key findings when it is given none', async () => {
    const doc = new Document({ sections: [{ children: findingsSection([]) }] });
    const made = paragraphs(partText(unzipSync(await Packer.toBuffer(doc)), 'word/document.xml'));
    expect(made.map((p) => p.text)).toContain(NO_FINDINGS);
  });

  it('lists the findings it is given as a bulleted list', async () => {
    const doc = new Document({
      sections: [{ children: findingsSection([{ text: 'First finding.' }, { text: 'Second.' }]) }],
    });
    const made = paragraphs(partText(unzipSync(await Packer.toBuffer(doc)), 'word/document.xml'));
    const items = made.filter((p) => p.xml.includes('<w:numPr>'));
    expect(items.map((p) => p.text)).toEqual(['First finding.', 'Second.']);
    expect(made.map((p) => p.text)).not.toContain(NO_FINDINGS);
  });

  it("says in its methods what report.html's methods say", () => {
    const html = readFileSync(out('report.html'), 'utf8');
    const section = html.slice(html.indexOf('<section id="methods">'));
    const methods = words(htmlText(section.slice(0, section.indexOf('</section>'))));
    const all = paragraphs(xml);
    const from = all.findIndex(
      (p) => p.style === 'Heading1' && p.text === 'Methods and definitions',
    );
    const to = all.findIndex(
      (p) => p.style === 'Heading1' && p.text === 'Data sources and provenance',
    );
    const body = all.slice(from + 1, to).filter((p) => !p.style?.startsWith('Heading'));
    expect(body.length).toBeGreaterThan(100);
    const missing = body.map((p) => p.text).filter((text) => !methods.includes(words(text)));
    expect(missing).toEqual([]);
  });

  it('lists every input file with its sha256', () => {
    const provenance = JSON.parse(readFileSync(out('manifest.json'), 'utf8')) as Provenance;
    expect(provenance.inputs.length).toBeGreaterThan(10);
    const table = tables(xml).find((t) => t.rows[0]?.[0] === 'Source');
    expect(table?.rows.length).toBe(provenance.inputs.length + 1);
    for (const input of provenance.inputs) expect(xml).toContain(input.sha256);
  });
});

/** LibreOffice's `soffice`, if installed (`.ci/run` installs libreoffice-writer-nogui). */
const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
const poppler = ['/usr/bin', '/usr/local/bin'].find((dir) => existsSync(join(dir, 'pdfinfo')));
const skipReason = !soffice
  ? 'no soffice (install Debian’s libreoffice-writer-nogui)'
  : !poppler
    ? 'no pdfinfo (install Debian’s poppler-utils)'
    : undefined;
if (skipReason) console.warn(`LibreOffice test skipped: ${skipReason}`);

describe.skipIf(skipReason !== undefined)(
  `report.docx in LibreOffice${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    it('converts to a PDF of every section, without error', { timeout: 300_000 }, () => {
      const dir = mkdtempSync(join(tmpdir(), 'sna-soffice-'));
      try {
        // A profile of its own, so it never waits on (or disturbs) another LibreOffice running.
        const profile = pathToFileURL(join(dir, 'profile')).href;
        const converted = spawnSync(
          soffice ?? 'soffice',
          [
            `-env:UserInstallation=${profile}`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            dir,
            out('report.docx'),
          ],
          { encoding: 'utf8', timeout: 280_000 },
        );
        expect(converted.status, converted.stderr).toBe(0);
        const pdf = join(dir, 'report.pdf');
        expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
        const info = spawnSync(join(poppler ?? '', 'pdfinfo'), [pdf], { encoding: 'utf8' }).stdout;
        const pages = Number(info.match(/^Pages:\s+(\d+)/m)?.[1]);
        // Title, contents, findings, a table of 13 categories, 18 charts, 80 definitions.
        expect(pages).toBeGreaterThan(25);
        expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
        // Compared without spaces and hyphens: a category's name wraps in its narrow column,
        // where pdftotext joins "non-" and "domestic" back without the hyphen.
        const squash = (t: string) => t.replace(/[\s\-‐–]+/g, '');
        const text = squash(
          spawnSync(join(poppler ?? '', 'pdftotext'), [pdf, '-'], { encoding: 'utf8' }).stdout,
        );
        const missing = [
          ...headline.rows.map((row) => row.title),
          `Figure ${chartNames().length}.`,
          'Data sources and provenance',
        ].filter((words) => !text.includes(squash(words)));
        expect(missing).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
