/**
 * What the page inlines so it opens from a file with no network: the vega, vega-lite and
 * vega-embed browser (UMD) builds from node_modules, the stylesheet and the chart script.
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

/** The report's stylesheet. */
export function reportCss(): string {
  return readFileSync(join(HTML_DIR, 'report.css'), 'utf8').replace(/<\/(style)/gi, '<\\/$1');
}

/** The script that embeds every chart with vega-embed (browser code, no imports). */
export function embedScript(): string {
  return inlineScriptText(readFileSync(join(HTML_DIR, 'embed-charts.js'), 'utf8'));
}
