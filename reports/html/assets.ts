/**
 * What the page inlines so it opens from a file with no network: the vega, vega-lite and
 * vega-embed browser (UMD) builds from node_modules, the stylesheets and the page's scripts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../../core/paths.js';

const require = createRequire(import.meta.url);

/** The UMD builds, in load order: vega-lite needs the `vega` global, vega-embed both. */
const BROWSER_BUILDS = [
  ['vega', 'build/vega.min.js'],
  ['vega-lite', 'build/vega-lite.min.js'],
  ['vega-embed', 'build/vega-embed.min.js'],
] as const;

/**
 * A package's folder. Its `exports` hide both `build/*.min.js` and `package.json`, so resolve
 * the main entry and walk up to the folder holding the package.json (works when hoisted too).
 */
function packageDir(name: string): string {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${name} package folder`);
    dir = parent;
  }
  return dir;
}

/**
 * Makes script text safe inside an inline <script>: `</script` would end the element and
 * `<!--` changes how the HTML parser reads the rest (`\x21` is `!` in both a string and a
 * regular expression). The source map comment is dropped so a
 * browser's developer tools never try to fetch it.
 */
export function inlineScriptText(source: string): string {
  return source
    .replace(/^\/\/# sourceMappingURL=.*$/gm, '')
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\x21--');
}

let cachedLibraries: string[] | undefined;

/** The three browser builds as inline-safe script texts (read once per process). */
export function chartLibraries(): string[] {
  cachedLibraries ??= BROWSER_BUILDS.map(([name, file]) =>
    inlineScriptText(readFileSync(join(packageDir(name), file), 'utf8')),
  );
  return cachedLibraries;
}

const HTML_DIR = join(PACKAGE_ROOT, 'reports', 'html');

/**
 * The stylesheets, in cascade order: the base look, the page's grid and contents, tables,
 * charts, and print last so it overrides the screen rules it needs to.
 */
const STYLESHEETS = ['report.css', 'layout.css', 'tables.css', 'charts.css', 'print.css'] as const;

/** The report's styles, one inline stylesheet. */
export function reportCss(): string {
  return STYLESHEETS.map((file) => readFileSync(join(HTML_DIR, file), 'utf8'))
    .join('\n')
    .replace(/<\/(style)/gi, '<\\/$1');
}

/**
 * The page's own scripts (browser code, no imports, each in its own inline <script>): the
 * charts drawn by vega-embed, the contents that follow the reader, the indicator table's filter.
 */
const SCRIPTS = ['embed-charts.js', 'toc-follow.js', 'indicator-filter.js'] as const;

export function pageScripts(): string[] {
  return SCRIPTS.map((file) => inlineScriptText(readFileSync(join(HTML_DIR, file), 'utf8')));
}
