/**
 * The repository documents itself. Code comments used to cite documents a clone does not have
 * (`contract §5.1`, `../shared/research/indicator-methods.md §2.2`); the contract and the methods
 * now live in docs/, and comments point at their sections (`docs/contract.md#indicators-csv`).
 *
 * - No comment in core/, pipeline/, data/, indicators/, reports/ or bin/ cites a § section, a
 *   research note or the shared spec.
 * - Every `docs/<file>.md#<anchor>` pointer in a comment, and every `#anchor` link in docs/ and
 *   the README, names a heading of that file (GitHub's heading ids).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SCANNED = ['core', 'pipeline', 'data', 'indicators', 'reports', 'bin'];
/** Where `docs/…#anchor` pointers are checked: the scanned folders plus tests, fixtures, bench. */
const POINTING = [...SCANNED, 'test', 'fixtures/generator', 'bench'];
const SOURCE = /\.(ts|js|mjs|sql)$/;
const OUTSIDE = /§|research\/|shared\/spec|indicator-methods|analysis-methods|sna-contents/;
const POINTER = /docs\/([\w.-]+\.md)(?:#([\w-]+))?/g;

interface Comment {
  file: string;
  line: number;
  text: string;
}

function sourceFiles(folder: string): string[] {
  const absolute = join(ROOT, folder);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => SOURCE.test(path) && statSync(join(ROOT, path)).isFile())
    .sort();
}

/**
 * The comment text of each line: `--` comments in SQL; `//` and `/* … *\/` in TypeScript and
 * JavaScript, skipping quoted strings on the line (a glob such as '**\/*.sql' opens no comment).
 */
function commentsOf(file: string, source: string): Comment[] {
  const comments: Comment[] = [];
  const sql = file.endsWith('.sql');
  let inBlock = false;
  source.split('\n').forEach((text, index) => {
    const parts: string[] = [];
    if (sql) {
      const at = text.indexOf('--');
      if (at >= 0) parts.push(text.slice(at + 2));
    } else {
      let i = 0;
      while (i < text.length) {
        if (inBlock) {
          const end = text.indexOf('*/', i);
          parts.push(text.slice(i, end < 0 ? text.length : end));
          if (end < 0) break;
          inBlock = false;
          i = end + 2;
          continue;
        }
        const char = text[i] ?? '';
        if (char === "'" || char === '"' || char === '`') {
          let j = i + 1;
          while (j < text.length && text[j] !== char) j += text[j] === '\\' ? 2 : 1;
          i = j + 1;
        } else if (text.startsWith('//', i)) {
          parts.push(text.slice(i + 2));
          break;
        } else if (text.startsWith('/*', i)) {
          inBlock = true;
          i += 2;
        } else {
          i += 1;
        }
      }
    }
    const joined = parts.join(' ').trim();
    if (joined !== '') comments.push({ file, line: index + 1, text: joined });
  });
  return comments;
}

/** GitHub's id for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The ids of a Markdown file's headings, duplicates numbered as GitHub numbers them. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1] ?? '');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

const anchorCache = new Map<string, Set<string> | null>();
/** The heading ids of a repository file, or null when there is no such file. */
function anchorsOfFile(path: string): Set<string> | null {
  if (!anchorCache.has(path)) {
    const absolute = join(ROOT, path);
    anchorCache.set(path, existsSync(absolute) ? anchorsOf(readFileSync(absolute, 'utf8')) : null);
  }
  return anchorCache.get(path) ?? null;
}

/** What is wrong with a pointer to `file#anchor` (paths from the repository root), if anything. */
function brokenPointer(file: string, anchor: string | undefined): string | null {
  const anchors = anchorsOfFile(file);
  if (anchors === null) return `${file} does not exist`;
  if (anchor !== undefined && !anchors.has(anchor)) return `${file} has no heading #${anchor}`;
  return null;
}

const comments = SCANNED.flatMap(sourceFiles).flatMap((file) =>
  commentsOf(file, readFileSync(join(ROOT, file), 'utf8')),
);
const outside = comments.filter((c) => OUTSIDE.test(c.text));
const where = (c: Comment) => `${c.file}:${c.line}  ${c.text}`;

describe('comments cite docs/, not documents outside the repository', () => {
  it('no comment cites a § section, research/ or the shared spec', () => {
    expect(outside.map(where), 'point these at docs/contract.md or docs/methods.md').toEqual([]);
  });
});

describe('pointers into docs/ resolve', () => {
  it('every docs/<file>.md#<anchor> in a comment names a heading of that file', () => {
    const broken: string[] = [];
    for (const file of POINTING.flatMap(sourceFiles)) {
      for (const c of commentsOf(file, readFileSync(join(ROOT, file), 'utf8'))) {
        for (const [, doc, anchor] of c.text.matchAll(POINTER)) {
          const problem = brokenPointer(`docs/${doc}`, anchor);
          if (problem) broken.push(`${c.file}:${c.line}: ${problem}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('every #anchor link in docs/*.md and README.md names a heading', () => {
    const markdown = [
      'README.md',
      ...readdirSync(join(ROOT, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => `docs/${name}`),
    ];
    const broken: string[] = [];
    for (const file of markdown) {
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((text, index) => {
          for (const [, target, anchor] of text.matchAll(/\]\(([^)\s#]*)#([^)\s]+)\)/g)) {
            if (target?.startsWith('http')) continue;
            const path = target
              ? relative(ROOT, normalize(join(ROOT, dirname(file), target)))
              : file;
            const problem = brokenPointer(path, anchor);
            if (problem) broken.push(`${file}:${index + 1}: ${problem}`);
          }
        });
    }
    expect(broken).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('slug: GitHub heading ids', () => {
    expect(slug('Indicators CSV')).toBe('indicators-csv');
    expect(slug("Spearman's rank correlation")).toBe('spearmans-rank-correlation');
    expect(slug('Ratio of two proportions (Katz log)')).toBe('ratio-of-two-proportions-katz-log');
    expect(slug('police.uk street files')).toBe('policeuk-street-files');
    expect(slug('A&E assault attendances')).toBe('ae-assault-attendances');
    expect(slug('`manifest.json` keys')).toBe('manifestjson-keys');
  });

  it('anchorsOf numbers duplicates and skips fenced code', () => {
    const anchors = anchorsOf('# A\n## A\n```yaml\n# not a heading\n```\n### Tests\n');
    expect([...anchors]).toEqual(['a', 'a-1', 'tests']);
  });

  it('commentsOf finds comments, not strings that look like them', () => {
    const ts = [
      "const glob = '**/*.sql'; // see contract §5",
      '/** one',
      ' * two §3 */ const x = 1;',
      "const url = 'http://x'; const y = 2;",
    ].join('\n');
    expect(commentsOf('a.ts', ts)).toEqual([
      { file: 'a.ts', line: 1, text: 'see contract §5' },
      { file: 'a.ts', line: 2, text: '* one' },
      { file: 'a.ts', line: 3, text: '* two §3' },
    ]);
    expect(commentsOf('a.sql', "select '§' -- §4 basket")).toEqual([
      { file: 'a.sql', line: 1, text: '§4 basket' },
    ]);
  });
});
