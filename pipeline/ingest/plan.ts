/**
 * Plans an ingest: which files each configured source names, their hashes and headers, and
 * whether each is new, changed or already loaded. Every header problem in every file is
 * found before anything is loaded, so a bad file never leaves the others half-done.
 */
import { stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { InputSpec, SnaConfig, Source } from '../../core/config.js';
import { INPUT_SOURCES, REFERENCE_SOURCES } from '../../core/config.js';
import type { Database } from '../../core/database.js';
import { InputError } from '../../core/errors.js';
import { BUILTIN_OFFENCE_GROUPS, PACKAGE_ROOT } from '../../core/paths.js';
import { SCHEMAS } from '../../data/schemas/index.js';
import { toStrptime } from '../config/date-format.js';
import { resolveFilesOnce } from '../config/resolve-files.js';
import { splitSettings, splitsRows } from './area-split.js';
import type { FileToLoad } from './load-file.js';
import { checkGzipWhole, isGzip, readHeader, sha256File } from './read-file.js';
import { matchLayout } from './wide-reshape.js';

export type FileAction = 'load' | 'replace' | 'skip';

export interface PlannedFile extends Omit<FileToLoad, 'readPath'> {
  action: FileAction;
  spec: InputSpec;
}

export interface IngestPlan {
  files: PlannedFile[];
  /** Paths a glob matched that are the same file as an earlier path (loaded once, under it). */
  sameFiles: Array<{ source: Source; path: string; sameAs: string }>;
  /** Loaded files of reference sources that the config no longer names (to be dropped). */
  staleReferenceFiles: Array<{ source: Source; path: string }>;
}

/** The configured spec of each source, with the built-in offence groups as the default. */
export function configuredSources(config: SnaConfig): Array<[Source, InputSpec, string]> {
  const out: Array<[Source, InputSpec, string]> = [];
  for (const source of REFERENCE_SOURCES) {
    const spec = config.reference[source];
    if (spec) out.push([source, spec, `reference.${source}`]);
  }
  if (!config.reference.offence_groups) {
    const builtin: InputSpec = {
      pattern: 'data/offence-groups.csv (built-in)',
      absolutePattern: BUILTIN_OFFENCE_GROUPS,
      columns: {},
      dateFormat: 'yyyy-MM-dd',
      encoding: 'utf-8',
    };
    out.push(['offence_groups', builtin, 'reference.offence_groups']);
  }
  for (const source of INPUT_SOURCES) {
    const spec = config.inputs[source];
    if (spec) out.push([source, spec, `inputs.${source}`]);
  }
  return out;
}

/** A file's identity across runs: its path relative to the config folder, with `/`. */
export function relativePath(config: SnaConfig, path: string): string {
  if (path === BUILTIN_OFFENCE_GROUPS) return `builtin:${relative(PACKAGE_ROOT, path)}`;
  return relative(config.configDir, path).split(sep).join('/');
}

function strptimeFor(source: Source, spec: InputSpec): string {
  const schema = SCHEMAS[source];
  const monthly = schema.columns.some((c) => c.type.kind === 'month');
  const format =
    monthly && spec.dateFormat === 'yyyy-MM-dd' && schema.defaultDateFormat
      ? schema.defaultDateFormat
      : spec.dateFormat;
  return toStrptime(format, { allowMonthOnly: monthly });
}

export async function planIngest(config: SnaConfig, db: Database | undefined): Promise<IngestPlan> {
  const loaded = new Map<string, { sha256: string; readSettings: string | null }>();
  for (const row of db
    ? await db.all<{ source: string; path: string; sha256: string; read_settings: string | null }>(
        'SELECT source, path, sha256, read_settings FROM ingest_files',
      )
    : []) {
    loaded.set(`${row.source}\u0000${row.path}`, {
      sha256: row.sha256,
      readSettings: row.read_settings,
    });
  }
  const files: PlannedFile[] = [];
  const sameFiles: IngestPlan['sameFiles'] = [];
  const problems: InputError[] = [];
  for (const [source, spec, key] of configuredSources(config)) {
    const schema = SCHEMAS[source];
    const strptimeFormat = strptimeFor(source, spec);
    // police.uk in national mode: what decides which rows are counted is a read setting too
    // (the geography files come first: reference sources are planned before inputs).
    const split =
      source === 'police_uk_street'
        ? splitSettings(
            config,
            files.filter((f) => f.source === 'geography').map((f) => f.sha256),
          )
        : undefined;
    const readSettings = JSON.stringify({
      columns: spec.columns,
      date_format: strptimeFormat,
      encoding: spec.encoding,
      ...(split ? { national: split } : {}),
    });
    const splitRows = source === 'police_uk_street' && splitsRows(config);
    const resolved = await resolveFilesOnce(spec, key);
    for (const same of resolved.same) {
      sameFiles.push({
        source,
        path: relativePath(config, same.path),
        sameAs: relativePath(config, same.sameAs),
      });
    }
    for (const path of resolved.files) {
      try {
        const relPath = relativePath(config, path);
        const previous = loaded.get(`${source}\u0000${relPath}`);
        // Same bytes read the same way: nothing to do. (No settings recorded: an older load.)
        // Its header was checked when it loaded, so it is not read again (a national set's
        // hundreds of unchanged files would each be probed). A file that cannot be read now
        // goes on to the header read, which says why.
        const known = previous ? await sha256File(path).catch(() => undefined) : undefined;
        const unchanged = (sha256: string | undefined) =>
          previous !== undefined &&
          previous.sha256 === sha256 &&
          (previous.readSettings === null || previous.readSettings === readSettings);
        const planned = { source, schema, spec, path, relPath, strptimeFormat, readSettings };
        if (unchanged(known)) {
          const bytes = (await stat(path)).size;
          files.push({
            ...planned,
            sha256: known as string,
            bytes,
            header: [],
            columns: [],
            action: 'skip',
          });
          continue;
        }
        const header = await readHeader(path, spec.encoding);
        const match = matchLayout(schema, header, spec.columns);
        const delimiter = foreignDelimiter(header);
        // One line that says why, rather than one "missing column" line per required column.
        const headerProblems = delimiter
          ? [
              `the header has one column, "${header[0]}" (the file looks ${delimiter}-separated; sna reads comma-separated CSV)`,
            ]
          : match.problems;
        for (const problem of headerProblems)
          problems.push(new InputError(problem, { file: path, line: 1 }));
        const sha256 = known ?? (await sha256File(path));
        const action: FileAction =
          previous === undefined ? 'load' : unchanged(sha256) ? 'skip' : 'replace';
        if (action !== 'skip' && isGzip(path)) await checkGzipWhole(path);
        const bytes = (await stat(path)).size;
        files.push({
          ...planned,
          sha256,
          bytes,
          header,
          columns: match.columns,
          ...(match.reshape ? { reshape: match.reshape } : {}),
          ...(splitRows ? { split: true } : {}),
          action,
        });
      } catch (error) {
        if (error instanceof InputError) problems.push(error);
        else throw error;
      }
    }
  }
  if (problems.length > 0) throw new InputBatchError(problems);
  const named = new Set(files.map((f) => `${f.source}\u0000${f.relPath}`));
  const referenceSources = new Set<string>(REFERENCE_SOURCES);
  const staleReferenceFiles = [...loaded.keys()]
    .filter((k) => !named.has(k) && referenceSources.has(k.split('\u0000')[0] ?? ''))
    .map((k) => {
      const [source, path] = k.split('\u0000') as [Source, string];
      return { source, path };
    });
  return { files, sameFiles, staleReferenceFiles };
}

/** The separator a one-column header seems to use instead of commas, if any. */
function foreignDelimiter(header: readonly string[]): string | undefined {
  const only = header.length === 1 ? (header[0] ?? '') : '';
  if (only.includes(';')) return 'semicolon';
  if (only.includes('\t')) return 'tab';
  if (only.includes('|')) return 'pipe';
  return undefined;
}

/** Several input problems found together; exit 3, one line each. */
export class InputBatchError extends InputError {
  constructor(readonly errors: InputError[]) {
    super(
      errors.length === 1
        ? (errors[0]?.message ?? '')
        : `${errors.length} input files cannot be loaded`,
      errors.length === 1 ? errors[0]?.location : {},
    );
  }
  lines(): string[] {
    return this.errors.map((e) => e.format());
  }
}
