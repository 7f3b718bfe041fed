/**
 * The configuration as the pipeline uses it, after loading and validation
 * (docs/contract.md#config-keys). Paths here are absolute: the loader resolves them against the
 * config file's folder.
 */

/** Extract sources (docs/contract.md#input-files), in load order. */
export const INPUT_SOURCES = [
  'police_crimes',
  'police_victims',
  'police_offenders',
  'police_uk_street',
  'ae_assaults',
  'youth_justice',
] as const;
export type InputSource = (typeof INPUT_SOURCES)[number];

/** Reference sources (docs/contract.md#reference-files). */
export const REFERENCE_SOURCES = [
  'geography',
  'population',
  'imd',
  'comparators',
  'ethnicity_population',
  'offence_groups',
  // National mode (docs/contract.md#national-mode): a LAD → region lookup, for
  // `comparators: { auto: region }`, and IoD2019's district summaries, for `auto: neighbours`.
  'regions',
  'imd_districts',
] as const;
export type ReferenceSource = (typeof REFERENCE_SOURCES)[number];

export type Source = InputSource | ReferenceSource;
export const SOURCES: readonly Source[] = [...REFERENCE_SOURCES, ...INPUT_SOURCES];

/**
 * Boundary levels (docs/contract.md#boundary-files): polygon files of LSOAs and wards, read as
 * reference data for maps and neighbours. Not a CSV source: no schema, no raw table.
 */
export const BOUNDARY_LEVELS = ['lsoa', 'ward'] as const;
export type BoundaryLevel = (typeof BOUNDARY_LEVELS)[number];

/** One configured boundary level: a GeoJSON or TopoJSON file or glob. */
export interface BoundarySpec {
  /** The path or glob as written in the config (for messages). */
  pattern: string;
  /** The pattern made absolute against the config folder. */
  absolutePattern: string;
  /** The feature property holding the ONS code; null: found by name (LSOA11CD, WD13CD, …). */
  codeProperty: string | null;
}

export const ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** One configured input: a path or glob plus how to read it. */
export interface InputSpec {
  /** The path or glob as written in the config (for messages). */
  pattern: string;
  /** The pattern made absolute against the config folder. */
  absolutePattern: string;
  /** canonical column name -> header in the source file. */
  columns: Record<string, string>;
  /** date-fns format of date columns, e.g. `dd/MM/yyyy` (default `yyyy-MM-dd`). */
  dateFormat: string;
  encoding: Encoding;
}

/** `spatial:` in the config file, defaults filled in. */
export interface SpatialConfig {
  /** Hexagon size in metres: centre to corner, which is also the side. */
  hexCellM: number;
  nearRepeat: {
    /** Upper edges of the distance bands, metres, rising: [100, 200] is 0–100 m and 100–200 m. */
    spaceBandsM: number[];
    /** Upper edges of the time bands, whole days, rising: [7, 14] is 0–7 and 8–14 days. */
    timeBandsDays: number[];
    /** Monte Carlo permutations of the dates. */
    iterations: number;
    /** Seed of the permutations: the same seed gives the same expected counts. */
    seed: number;
  };
}

export const SPATIAL_DEFAULTS: SpatialConfig = {
  hexCellM: 250,
  nearRepeat: {
    spaceBandsM: [100, 200, 300, 400],
    timeBandsDays: [7, 14, 21, 28],
    iterations: 99,
    seed: 1,
  },
};

/** How the comparator areas are chosen when no `reference.comparators` file is given. */
export const COMPARATOR_AUTO = ['force', 'region', 'england', 'neighbours'] as const;
export type ComparatorAuto = (typeof COMPARATOR_AUTO)[number];

/**
 * `comparators:` in the config (docs/contract.md#national-mode): peers computed from the
 * police.uk street files themselves. `auto` names a rule; `codes` lists districts (or groups'
 * names) instead; `n` caps the statistical neighbours. A `reference.comparators` file wins.
 */
export interface ComparatorsConfig {
  auto: ComparatorAuto | null;
  codes: string[];
  n: number;
}

/** A set of districts ranked as one unit in the national table (a CSP spanning several). */
export interface DistrictGroup {
  name: string;
  codes: string[];
}

/** `national:` in the config: how the national table is built. */
export interface NationalConfig {
  /** Keep police.uk rows outside the area row by row (default: only their counts are kept). */
  keepOutsideRows: boolean;
  groups: DistrictGroup[];
}

/**
 * National mode (docs/contract.md#national-mode) is on when comparators are configured or a
 * `national:` section names groups; off, nothing national is computed or written.
 */
export const isNationalMode = (config: Pick<SnaConfig, 'comparators' | 'national'>): boolean =>
  config.comparators !== null || config.national.groups.length > 0;

export interface SnaConfig {
  /** Absolute path of the config file, and its folder (base of relative paths). */
  configPath: string;
  configDir: string;
  /** sha256 of the config file's bytes. */
  configSha256: string;
  /** `synthetic`: the extracts are generated demo data; every output then says SYNTHETIC DATA. */
  /** `townCentreWards`: ward codes of the night-time economy indicators (none: not computed). */
  area: { name: string; codes: string[]; synthetic: boolean; townCentreWards: string[] };
  /** `allowMidMonth`: a `period.end` that is not a month-end makes day-exact periods. */
  period: { end: string; months: number; historyYears: number; allowMidMonth: boolean };
  inputs: Partial<Record<InputSource, InputSpec>>;
  reference: Partial<Record<ReferenceSource, InputSpec>>;
  /** `reference.boundaries`: the levels whose boundary files are configured. */
  boundaries: Partial<Record<BoundaryLevel, BoundarySpec>>;
  thresholds: {
    repeatAddressMin: number;
    suppressBelow: number;
    maxRejectPct: number;
    /** Exit 3 when an event source does not cover every month of the assessment period. */
    requireCompleteCoverage: boolean;
  };
  /** Point-based analysis: hexagon bins and the near-repeat test (docs/contract.md#config-keys). */
  spatial: SpatialConfig;
  /** null: no automatic comparators (a `reference.comparators` file, or none). */
  comparators: ComparatorsConfig | null;
  national: NationalConfig;
  outputDir: string;
  database: string;
  /** DuckDB's memory cap (`'2GB'`) and threads; null keeps sna's default (README, Speed). */
  resources: { memoryLimit: string | null; threads: number | null };
}
