/**
 * The table of contents, read from the sections as rendered: every `<section id>` with its
 * `<h2>` is an entry, and every element inside it with an `id` and a `data-toc` title (each
 * chart) is one under it. A section added to the page is listed without touching this file, and
 * a section a run leaves out (the other-crime table of a force-extract run) is not.
 */
import { escapeHtml } from './escape.js';

export interface ContentsEntry {
  id: string;
  /** The heading's text, tags dropped (it is already escaped HTML). */
  title: string;
  children: ContentsEntry[];
}

const SECTION_HEAD = /^<section\b[^>]*\bid="([^"]+)"[^>]*>\s*<h2\b[^>]*>([\s\S]*?)<\/h2>/;
const SUB_ENTRY = /<[a-z][a-z0-9]*\b[^>]*?\bid="([^"]+)"[^>]*?\bdata-toc="([^"]*)"/g;

/**
 * The entries of the given HTML, in page order: each top-level `<section>` (sections are not
 * nested in the report) with the `data-toc` elements inside it. Empty strings are skipped.
 */
export function contentsOf(sections: readonly string[]): ContentsEntry[] {
  return sections
    .join('\n')
    .split(/(?=<section\b)/)
    .flatMap((html) => {
      const head = SECTION_HEAD.exec(html);
      if (!head) return [];
      const children = [...html.matchAll(SUB_ENTRY)].map((m) => ({
        id: m[1] ?? '',
        title: m[2] ?? '',
        children: [],
      }));
      return [{ id: head[1] ?? '', title: (head[2] ?? '').replace(/<[^>]+>/g, ''), children }];
    });
}

/** Ids and titles are escaped HTML already (attribute values and heading text). */
function items(entries: readonly ContentsEntry[], depth: number): string {
  return entries
    .map((entry) => {
      const sub =
        depth === 0 && entry.children.length > 0
          ? `<ol class="toc-sub">${items(entry.children, depth + 1)}</ol>`
          : '';
      return `<li><a href="#${entry.id}">${entry.title}</a>${sub}</li>`;
    })
    .join('');
}

/**
 * The side contents that follow the reader (toc-follow.js marks the section in view); above the
 * report on a narrow screen, left out of print.
 */
export function contentsNav(entries: readonly ContentsEntry[], areaName: string): string {
  return `<nav class="toc" id="toc" aria-label="Contents">
<p class="toc-area">${escapeHtml(areaName)}</p>
<h2 class="toc-title">Contents</h2>
<ol>${items(entries, 0)}</ol>
</nav>`;
}

/** The contents as a static list after the cover, for print only (sections, not charts). */
export function printContents(entries: readonly ContentsEntry[]): string {
  const flat = entries.map((entry) => ({ ...entry, children: [] }));
  return `<div class="print-contents"><h2>Contents</h2><ol>${items(flat, 0)}</ol></div>`;
}
