/**
 * Reading a .docx back in tests: its parts (a zip, read with fflate, the library docx itself
 * packs with), and the paragraphs and tables of its WordprocessingML, with their text.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';

/** Every part of the package by its path (`word/document.xml`, `word/media/image1.png`, …). */
export function docxParts(path: string): Record<string, Uint8Array> {
  return unzipSync(readFileSync(path));
}

export const partText = (parts: Record<string, Uint8Array>, name: string): string => {
  const part = parts[name];
  if (!part) throw new Error(`the package has no ${name}`);
  return new TextDecoder().decode(part);
};

const unescapeXml = (text: string) =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

/** The text of a piece of WordprocessingML: its `w:t` runs, tabs as tabs. */
export function runText(xml: string): string {
  let text = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)) {
    text += m[1] === undefined ? '\t' : unescapeXml(m[1]);
  }
  return text;
}

export interface DocxParagraph {
  /** The paragraph style's id (`Heading1`, `Caption`, …), or undefined for Normal. */
  style?: string;
  text: string;
  xml: string;
}

/** Every paragraph in document order, those inside table cells included. */
export function paragraphs(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1] ?? '';
    return {
      style: body.match(/<w:pStyle w:val="([^"]+)"\/>/)?.[1],
      text: runText(body),
      xml: body,
    };
  });
}

/** Each table's rows, each row's cells as text (paragraphs joined by a line break). */
export function tables(xml: string): Array<{ xml: string; rows: string[][]; rowXml: string[] }> {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => {
    const rowXml = [...(m[1] ?? '').matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map(
      (r) => r[1] ?? '',
    );
    return {
      xml: m[1] ?? '',
      rowXml,
      rows: rowXml.map((row) =>
        [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) =>
          paragraphs(c[1] ?? '')
            .map((p) => p.text)
            .join('\n'),
        ),
      ),
    };
  });
}

/**
 * Everything a reader of the document sees as text, one paragraph a line: the body, headers,
 * footers and notes (the privacy tests scan it).
 */
export function docxText(path: string): string {
  const parts = docxParts(path);
  return Object.keys(parts)
    .filter((name) => /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(name))
    .sort()
    .map((name) =>
      paragraphs(partText(parts, name))
        .map((p) => p.text)
        .join('\n'),
    )
    .join('\n');
}
