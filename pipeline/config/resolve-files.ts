/**
 * Turns a configured path or glob into the files to load (globs are allowed wherever a path is:
 * docs/contract.md#paths-and-globs). Files come back sorted by path, because the contract lets
 * a later file's row replace an earlier one's (re-sent extracts are taken in name order:
 * docs/contract.md#which-rows-count).
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { BoundarySpec, InputSpec, SnaConfig } from '../../core/config.js';
import { BOUNDARY_LEVELS, INPUT_SOURCES, REFERENCE_SOURCES } from '../../core/config.js';
import { ConfigError } from '../../core/errors.js';

/** What a glob may match when its pattern names no extension of its own. */
interface FileKind {
  matches: RegExp;
  /** For messages: "ending .csv or .csv.gz". */
  endings: string;
  example: string;
}
const DATA_FILE: FileKind = {
  matches: /\.csv(\.gz)?$/i,
  endings: '.csv or .csv.gz',
  example: '*.csv',
};
const BOUNDARY_FILE: FileKind = {
  matches: /\.(geo|topo)?json$/i,
  endings: '.geojson, .topojson or .json',
  example: '*.geojson',
};

/** What findFiles needs of a spec: the pattern as written and made absolute. */
type Pattern = Pick<InputSpec, 'pattern' | 'absolutePattern'>;

/** A matched path left out because it is the same file as an earlier one (a symlink). */
export interface SameFile {
  path: string;
  sameAs: string;
}

type Found = { files: string[]; same: SameFile[] } | { problem: string };

/**
 * The files a spec names, absolute and sorted. Throws a ConfigError (exit 2) when the
 * pattern matches no file or names a folder; `key` (e.g. `inputs.police_crimes`) leads
 * the message.
 */
export async function resolveFiles(spec: InputSpec, key: string): Promise<string[]> {
  return (await resolveFilesOnce(spec, key)).files;
}

/**
 * As `resolveFiles`, also saying which matched paths were left out as the same file as an
 * earlier one: a `**` glob follows symlinks, so a link to a folder (or a loop) matches one
 * file under several paths, and each file must load once.
 */
export async function resolveFilesOnce(
  spec: InputSpec,
  key: string,
): Promise<{ files: string[]; same: SameFile[] }> {
  const found = await findFiles(spec, key);
  if ('problem' in found) throw new ConfigError([found.problem]);
  return found;
}

/**
 * Every path problem across the config's inputs and references, one line each, in the
 * order of the config file; empty when all resolve. For `sna validate`, which reports
 * everything rather than stopping at the first.
 */
export async function checkInputPaths(config: SnaConfig): Promise<string[]> {
  const checks: Promise<string | undefined>[] = [];
  for (const source of INPUT_SOURCES) {
    const spec = config.inputs[source];
    if (spec) checks.push(pathProblem(spec, `inputs.${source}`));
  }
  for (const source of REFERENCE_SOURCES) {
    const spec = config.reference[source];
    if (spec) checks.push(pathProblem(spec, `reference.${source}`));
  }
  for (const level of BOUNDARY_LEVELS) {
    const spec = config.boundaries[level];
    if (spec) checks.push(pathProblem(spec, `reference.boundaries.${level}`, BOUNDARY_FILE));
  }
  const problems = await Promise.all(checks);
  return problems.filter((p): p is string => p !== undefined);
}

/** The GeoJSON/TopoJSON files a boundary level names, as `resolveFiles` does for CSV. */
export async function resolveBoundaryFiles(spec: BoundarySpec, key: string): Promise<string[]> {
  const found = await findFiles(spec, key, BOUNDARY_FILE);
  if ('problem' in found) throw new ConfigError([found.problem]);
  return found.files;
}

async function pathProblem(
  spec: Pattern,
  key: string,
  kind: FileKind = DATA_FILE,
): Promise<string | undefined> {
  try {
    const found = await findFiles(spec, key, kind);
    return 'problem' in found ? found.problem : undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return `${key}: "${spec.pattern}" cannot be read (${code})`;
  }
}

async function findFiles(spec: Pattern, key: string, wanted = DATA_FILE): Promise<Found> {
  const target = spec.absolutePattern;
  const kind = await entryKind(target);
  // A path that exists as written is taken literally, even if it contains glob characters.
  if (kind === 'file') return { files: [target], same: [] };
  if (kind === 'folder') {
    const folder = spec.pattern.replace(/[\\/]+$/, '');
    return {
      problem: `${key}: "${spec.pattern}" is a folder; give a file or a glob such as ${folder}/${wanted.example}`,
    };
  }
  const matches = await globFrom(target);
  const files = namesExtension(spec.pattern)
    ? matches
    : matches.filter((f) => wanted.matches.test(f));
  if (files.length === 0) {
    const why =
      matches.length > 0
        ? ` (${matches.length} file${matches.length === 1 ? '' : 's'} matched, none ending ${wanted.endings})`
        : '';
    return { problem: `${key}: "${spec.pattern}" matches no file${why}` };
  }
  return onePathEach(files.sort(byPath));
}

/** Keeps the first path (in path order) to each real file. */
async function onePathEach(sorted: string[]): Promise<{ files: string[]; same: SameFile[] }> {
  const first = new Map<string, string>();
  const files: string[] = [];
  const same: SameFile[] = [];
  for (const file of sorted) {
    const real = await realpath(file).catch(() => file);
    const earlier = first.get(real);
    if (earlier === undefined) {
      first.set(real, file);
      files.push(file);
    } else same.push({ path: file, sameAs: earlier });
  }
  return { files, same };
}

/** Plain code-unit order: the same on every machine and locale. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function entryKind(target: string): Promise<'file' | 'folder' | 'none'> {
  try {
    const stats = await stat(target);
    return stats.isDirectory() ? 'folder' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'none';
    throw error;
  }
}

/**
 * Globs an absolute pattern. The longest leading run of folders that exist as written
 * becomes the glob's cwd, so a config folder such as `Safety (2024)` is not read as
 * glob syntax; only the rest of the pattern is.
 */
async function globFrom(absolutePattern: string): Promise<string[]> {
  const { root, dir, base } = path.parse(absolutePattern);
  const segments = [...path.relative(root, dir).split(path.sep).filter(Boolean), base];
  let cwd = root;
  let i = 0;
  while (
    i < segments.length - 1 &&
    (await entryKind(path.join(cwd, segments[i] ?? ''))) === 'folder'
  ) {
    cwd = path.join(cwd, segments[i] ?? '');
    i += 1;
  }
  const rest = segments.slice(i).join('/');
  const matches = await glob(rest, {
    cwd,
    absolute: true,
    onlyFiles: true,
    expandDirectories: false,
  });
  return matches.map((m) => path.resolve(m));
}

/**
 * True when the pattern's last part ends in an extension of its own (`*.tsv`, `data.txt`),
 * which then decides what matches; `*` or `*.*` leave it to the CSV default.
 */
function namesExtension(pattern: string): boolean {
  const last = pattern.split(/[\\/]/).pop() ?? '';
  const dot = last.lastIndexOf('.');
  if (dot < 0) return false;
  const extension = last.slice(dot + 1);
  return extension !== '' && !/^[*?]+$/.test(extension);
}
