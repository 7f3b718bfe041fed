/**
 * Loads `sna.config.yaml` (docs/contract.md#configuration-file) into a validated, normalised
 * SnaConfig.
 *
 * Validation collects every problem before failing, so a person fixing a config sees all
 * of their mistakes at once; each is one line `<dotted.key.path>: <what> (<hint>)` and the
 * whole lot is thrown as one ConfigError (exit 2). Paths become absolute against the
 * config file's folder, so the pipeline never depends on the working directory.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  INPUT_SOURCES,
  type InputSource,
  type InputSpec,
  REFERENCE_SOURCES,
  type ReferenceSource,
  type SnaConfig,
} from '../../core/config.js';
import { ConfigError } from '../../core/errors.js';
import { checkComparatorReferences, readComparators, readNational } from './national.js';
import { outputDirProblem } from './output-dir.js';
import { readBoundaries } from './read-boundaries.js';
import { parseYaml, readConfigBytes } from './read-config-file.js';
import { readSpatial } from './spatial.js';
import {
  checkKeys,
  describe,
  isMapping,
  isMonthEnd,
  likelyMonthEnd,
  Problems,
  readColumns,
  readDateFormat,
  readEncoding,
  readIsoDate,
  readOnsCodes,
  readSection,
  readString,
  Section,
} from './validate-helpers.js';

/** The keys each section allows; also tells a misplaced key where it belongs. */
const SECTION_KEYS = {
  '': [
    'area',
    'period',
    'inputs',
    'reference',
    'thresholds',
    'spatial',
    'comparators',
    'national',
    'output_dir',
    'database',
    'resources',
  ],
  area: ['name', 'codes', 'synthetic', 'town_centre_wards'],
  period: ['end', 'months', 'history_years', 'allow_mid_month'],
  inputs: INPUT_SOURCES,
  reference: [...REFERENCE_SOURCES, 'boundaries'],
  thresholds: [
    'repeat_address_min',
    'suppress_below',
    'max_reject_pct',
    'require_complete_coverage',
  ],
  resources: ['memory_limit', 'threads'],
  spatial: ['hex_cell_m', 'near_repeat'],
  national: ['keep_outside_rows', 'groups'],
} as const satisfies Record<string, readonly string[]>;
type SectionName = keyof typeof SECTION_KEYS;

/** Keys of an input written as an object rather than a bare path. */
const SPEC_KEYS = ['path', 'columns', 'date_format', 'encoding'];

const REQUIRED_REFERENCES: Partial<Record<string, string>> = {
  geography: 'the LSOA → ward → LAD lookup',
  population: 'LSOA populations by year, sex and age',
};

/**
 * police.uk street files date rows by month, `Month` = `2024-03`
 * (docs/contract.md#policeuk-street-files).
 */
const MONTH_ONLY_SOURCES: ReadonlySet<string> = new Set(['police_uk_street']);

function homeOf(key: string): string | undefined {
  const sections = Object.entries(SECTION_KEYS) as [string, readonly string[]][];
  return sections.find(([, keys]) => keys.includes(key))?.[0];
}

/** Opens a section: checks its keys; undefined when absent or not a mapping. */
function openSection(
  value: unknown,
  name: SectionName,
  problems: Problems,
  requiredWhy?: string,
): Section | undefined {
  const mapping = readSection(value, name, problems, requiredWhy);
  if (!mapping) return undefined;
  checkKeys(mapping, SECTION_KEYS[name], name, problems, homeOf);
  return new Section(mapping, name, problems);
}

/** Reads, parses and validates the config file; throws one ConfigError listing every problem. */
export async function loadConfig(configPath: string): Promise<SnaConfig> {
  const absolute = path.resolve(configPath);
  const bytes = await readConfigBytes(absolute);
  return parseConfigText(bytes.toString('utf8'), absolute, sha256(bytes));
}

/** Validates config text as if read from `configPath` (no I/O); for tests and tools. */
export function parseConfig(text: string, configPath: string): SnaConfig {
  return parseConfigText(text, path.resolve(configPath), sha256(Buffer.from(text, 'utf8')));
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function parseConfigText(text: string, configPath: string, configSha256: string): SnaConfig {
  const raw = parseYaml(text, configPath);
  const problems = new Problems();
  const config = validateConfig(raw, configPath, configSha256, problems);
  if (problems.count > 0) throw new ConfigError(problems.lines, configPath);
  return config;
}

function validateConfig(
  raw: unknown,
  configPath: string,
  configSha256: string,
  problems: Problems,
): SnaConfig {
  const configDir = path.dirname(configPath);
  if (!isMapping(raw)) {
    problems.add(configPath, `must be a mapping of keys (area:, period:, …), got ${describe(raw)}`);
  }
  const top = new Section(isMapping(raw) ? raw : {}, '', problems);
  checkKeys(top.mapping, SECTION_KEYS[''], '', problems, homeOf);
  // Read in the contract's order so problems come out in the order a person reads the file.
  const area = readArea(top.mapping.area, problems);
  const period = readPeriod(top.mapping.period, problems);
  const inputs = readSources(top.mapping.inputs, 'inputs', INPUT_SOURCES, configDir, problems);
  const reference = readSources(
    top.mapping.reference,
    'reference',
    REFERENCE_SOURCES,
    configDir,
    problems,
  );
  const boundaries = readBoundaries(
    isMapping(top.mapping.reference) ? top.mapping.reference.boundaries : undefined,
    configDir,
    problems,
  );
  const thresholds = readThresholds(top.mapping.thresholds, problems);
  const spatialSection = openSection(top.mapping.spatial, 'spatial', problems);
  const spatial = readSpatial(spatialSection, problems);
  const comparators = readComparators(top.mapping.comparators, problems);
  checkComparatorReferences(comparators, reference, problems);
  const nationalSection = openSection(top.mapping.national, 'national', problems);
  const national = readNational(nationalSection, problems);
  const outputDir = readTopPath(top, 'output_dir', 'out', configDir);
  const written = top.mapping.output_dir;
  const outputProblem = outputDirProblem(
    outputDir,
    typeof written === 'string' ? written.trim() : undefined,
    configPath,
    [
      ...Object.entries<InputSpec>(inputs).map(([key, spec]) => [`inputs.${key}`, spec] as const),
      ...Object.entries<InputSpec>(reference).map(
        ([key, spec]) => [`reference.${key}`, spec] as const,
      ),
    ],
  );
  if (outputProblem) problems.add('output_dir', outputProblem);
  const database = readTopPath(top, 'database', path.join(outputDir, 'sna.duckdb'), configDir);
  const resources = readResources(top.mapping.resources, problems);
  return {
    configPath,
    configDir,
    configSha256,
    area,
    period,
    inputs,
    reference,
    boundaries,
    thresholds,
    spatial,
    comparators,
    national,
    outputDir,
    database,
    resources,
  };
}

function readArea(value: unknown, problems: Problems): SnaConfig['area'] {
  const area = openSection(value, 'area', problems, 'name: and codes: of the CSP area');
  if (!area) return { name: '', codes: [], synthetic: false, townCentreWards: [] };
  let name = '';
  if (area.require('name', 'display name used in every output')) {
    name = readString(area.mapping.name, 'area.name', problems)?.trim() ?? '';
  }
  let codes: string[] = [];
  if (area.require('codes', 'local authority codes, e.g. [E08000002]')) {
    codes = readAreaCodes(area.mapping.codes, problems);
  }
  // Said, never guessed from the name: an area may be called anything.
  const synthetic = area.boolean('synthetic', false) ?? false;
  // Optional: the wards whose night-time economy indicators are computed.
  const townCentreWards =
    area.mapping.town_centre_wards === undefined
      ? []
      : readOnsCodes(
          area.mapping.town_centre_wards,
          'area.town_centre_wards',
          'E05000650',
          problems,
        );
  return { name, codes, synthetic, townCentreWards };
}

/** LAD codes; duplicates are dropped, a lower-case code gets a did-you-mean. */
function readAreaCodes(value: unknown, problems: Problems): string[] {
  return readOnsCodes(value, 'area.codes', 'E08000002', problems);
}

function readPeriod(value: unknown, problems: Problems): SnaConfig['period'] {
  const period = openSection(value, 'period', problems, 'end: of the assessment period');
  if (!period) return { end: '', months: 12, historyYears: 5, allowMidMonth: false };
  let end = '';
  if (period.require('end', 'last day of the assessment period, yyyy-MM-dd')) {
    end = readIsoDate(period.mapping.end, 'period.end', problems);
  }
  const months = period.number('months', { min: 1, max: 24, integer: true }, 12);
  const historyYears = period.number('history_years', { min: 1, max: 20, integer: true }, 5);
  const allowMidMonth = period.boolean('allow_mid_month', false) ?? false;
  // Trends and seasonality need a history at least as long as the assessment period.
  if (months !== undefined && historyYears !== undefined && historyYears * 12 < months) {
    const years = `${historyYears} year${historyYears === 1 ? '' : 's'}`;
    problems.add(
      'period.history_years',
      `${years} of history is shorter than the ${months}-month period (need history_years × 12 ≥ period.months)`,
    );
  }
  // Periods are whole calendar months, so the previous period and the history meet it with no
  // gap; a day-exact period is allowed only when asked for.
  if (end !== '' && !allowMidMonth && !isMonthEnd(end)) {
    problems.add(
      'period.end',
      `${end} is not the last day of a month: did you mean ${likelyMonthEnd(end)}? (periods are whole calendar months; set period.allow_mid_month: true for a day-exact period)`,
    );
  }
  return { end, months: months ?? 12, historyYears: historyYears ?? 5, allowMidMonth };
}

function readThresholds(value: unknown, problems: Problems): SnaConfig['thresholds'] {
  const t = openSection(value, 'thresholds', problems) ?? new Section({}, 'thresholds', problems);
  return {
    repeatAddressMin: t.number('repeat_address_min', { min: 2, integer: true }, 3) ?? 3,
    suppressBelow: t.number('suppress_below', { min: 0, integer: true }, 5) ?? 5,
    maxRejectPct: t.number('max_reject_pct', { min: 0, max: 100, integer: false }, 1) ?? 1,
    requireCompleteCoverage: t.boolean('require_complete_coverage', false) ?? false,
  };
}

/** `memory_limit: 4GB` as DuckDB reads it: a number and a unit, decimal or binary. */
const MEMORY_LIMIT = /^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/;

function readResources(value: unknown, problems: Problems): SnaConfig['resources'] {
  const r = openSection(value, 'resources', problems) ?? new Section({}, 'resources', problems);
  let memoryLimit: string | null = null;
  if (r.has('memory_limit')) {
    const text = String(r.mapping.memory_limit ?? '').trim();
    if (MEMORY_LIMIT.test(text)) memoryLimit = text;
    else {
      problems.add(
        r.at('memory_limit'),
        `"${text}" is not an amount of memory such as 2GB, 512MB or 4GiB`,
      );
    }
  }
  const threads = r.has('threads')
    ? (r.number('threads', { min: 1, integer: true }, 1) ?? null)
    : null;
  return { memoryLimit, threads };
}

/** `output_dir` or `database`, absolute against the config folder. */
function readTopPath(top: Section, key: string, fallback: string, configDir: string): string {
  if (!top.has(key)) return path.resolve(configDir, fallback);
  const value = readString(top.mapping[key], key, top.problems, 'a non-empty path');
  return path.resolve(configDir, value?.trim() ?? fallback);
}

/** `inputs:` or `reference:`: each configured source's spec; required references checked. */
function readSources<S extends InputSource | ReferenceSource>(
  value: unknown,
  name: 'inputs' | 'reference',
  sources: readonly S[],
  configDir: string,
  problems: Problems,
): Partial<Record<S, InputSpec>> {
  const section = openSection(value, name, problems) ?? new Section({}, name, problems);
  const specs: Partial<Record<S, InputSpec>> = {};
  for (const source of sources) {
    const why = name === 'reference' ? REQUIRED_REFERENCES[source] : undefined;
    if (why !== undefined ? !section.require(source, why) : !section.has(source)) continue;
    const monthOnly = MONTH_ONLY_SOURCES.has(source);
    const where = section.at(source);
    const spec = readSpec(section.mapping[source], where, monthOnly, configDir, problems);
    if (spec) specs[source] = spec;
  }
  return specs;
}

/** One source: a bare path/glob, or `{path, columns, date_format, encoding}`. */
function readSpec(
  raw: unknown,
  where: string,
  monthOnly: boolean,
  dir: string,
  problems: Problems,
): InputSpec | undefined {
  const make = (pattern: string, rest: Partial<InputSpec> = {}): InputSpec => ({
    pattern,
    absolutePattern: path.resolve(dir, pattern),
    columns: rest.columns ?? {},
    dateFormat: rest.dateFormat ?? (monthOnly ? 'yyyy-MM' : 'yyyy-MM-dd'),
    encoding: rest.encoding ?? 'utf-8',
  });
  if (typeof raw === 'string' && raw.trim() !== '') return make(raw.trim());
  if (!isMapping(raw)) {
    problems.add(where, `must be a path or glob, or a mapping with path:, got ${describe(raw)}`);
    return undefined;
  }
  checkKeys(raw, SPEC_KEYS, where, problems);
  const spec = new Section(raw, where, problems);
  const pattern = spec.require('path', 'the file or glob to read')
    ? readString(raw.path, spec.at('path'), problems, 'a non-empty path or glob')
    : undefined;
  const rest: Partial<InputSpec> = {
    columns: spec.has('columns') ? readColumns(raw.columns, spec.at('columns'), problems) : {},
    dateFormat: spec.has('date_format')
      ? readDateFormat(raw.date_format, spec.at('date_format'), monthOnly, problems)
      : undefined,
    encoding: spec.has('encoding')
      ? readEncoding(raw.encoding, spec.at('encoding'), problems)
      : undefined,
  };
  return pattern === undefined ? undefined : make(pattern.trim(), rest);
}
