/**
 * What the built models say of the data before anything is computed: area codes the lookup
 * lacks (exit 2), police sources with no row in the area (a warning), and the months each source
 * in use covers of the assessment period (a warning when short; exit 3 when the config requires
 * complete coverage, so a nightly job never publishes a part as the whole).
 */

import type { SnaConfig } from '../../core/config.js';
import type { Database } from '../../core/database.js';
import { ConfigError, InputError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { availableSources } from '../../indicators/compute.js';
import {
  coverageInUse as inUseOf,
  loadCoverage,
  monthRangeWords,
  type SourceCoverage,
} from '../../indicators/coverage.js';
import { loadPopulationYear } from '../../indicators/population-year.js';
import { type SourceOutsideArea, sourcesOutsideArea } from '../../indicators/source-areas.js';
import type { Manifest } from '../outputs/manifest.js';

export async function checkData(
  db: Database,
  config: SnaConfig,
  log: Logger,
): Promise<CoverageInUse> {
  const found = await dataChecks(db, config);
  if (found.areaProblems.length > 0) throw new ConfigError(found.areaProblems, config.configPath);
  for (const warning of found.warnings) log.warn(warning);
  if (found.coverageProblem)
    throw new InputError(found.coverageProblem, { file: config.configPath });
  return found.coverage;
}

export interface DataChecks {
  /** Area codes the lookup lacks (exit 2). */
  areaProblems: string[];
  /** Sources with no row in the area; sources short of the assessment period. */
  warnings: string[];
  /** Set when coverage is short and the config requires it complete (exit 3). */
  coverageProblem: string | null;
  coverage: CoverageInUse;
}

export async function dataChecks(db: Database, config: SnaConfig): Promise<DataChecks> {
  const areaProblems = await areaCodeProblems(db, config);
  const outside = (await sourcesOutsideArea(db)).map((f) => outsideAreaWords(f, config.area.name));
  const coverage = await coverageInUse(db);
  const short = coverage.inUse.filter((c) => c.period === 'assessment' && !c.complete);
  const coverageProblem =
    short.length > 0 && config.thresholds.requireCompleteCoverage
      ? `${short.map(coverageLine).join('; ')}: thresholds.require_complete_coverage is true, so nothing is published`
      : null;
  return {
    areaProblems,
    warnings: [
      ...outside,
      ...short.map(coverageLine),
      ...(await townCentreWardWarnings(db)),
      ...(await boundaryCoverageWarnings(db)),
    ],
    coverageProblem,
    coverage,
  };
}

export interface CoverageInUse {
  all: SourceCoverage[];
  /** The sources the indicators read (police.uk is not read when force extracts load). */
  inUse: SourceCoverage[];
}

async function coverageInUse(db: Database): Promise<CoverageInUse> {
  const all = await loadCoverage(db);
  return { all, inUse: inUseOf(all, await availableSources(db)) };
}

/** "police_uk_street: data cover 3 of 12 months: September to November 2022 (missing …)". */
export function coverageLine(c: SourceCoverage): string {
  const covered = c.coveredMonths.length > 0 ? monthRangeWords(c.coveredMonths) : null;
  const missing =
    c.missingMonths.length > 0 ? `no rows for ${monthRangeWords(c.missingMonths)}` : null;
  const which = [covered, missing].filter(Boolean).join('; ');
  return `${c.source}: data cover ${c.monthsCovered} of ${c.monthsExpected} months of the assessment period${which ? ` (${which})` : ''}`;
}

export function manifestCoverage(coverage: CoverageInUse): Manifest['coverage'] {
  const out: Manifest['coverage'] = {};
  for (const c of coverage.all) {
    const entry = out[c.source] ?? {
      used: coverage.inUse.includes(c),
      first_month: c.firstMonth,
      last_month: c.lastMonth,
      gap_months: c.gapMonths,
      periods: {},
    };
    entry.periods[c.period] = {
      start: c.start,
      end: c.end,
      months_expected: c.monthsExpected,
      months_covered: c.monthsCovered,
      missing_months: c.missingMonths,
      complete: c.complete,
    };
    out[c.source] = entry;
  }
  return out;
}

export async function manifestPopulation(db: Database): Promise<Manifest['population']> {
  const p = await loadPopulationYear(db);
  return { year: p.year, period_end_year: p.periodEndYear };
}

/** A town-centre ward that is not one of the area's wards in the lookup counts no crime. */
async function townCentreWardWarnings(db: Database): Promise<string[]> {
  const strays = await db.all<{ ward: string }>(
    `SELECT ward FROM (SELECT unnest(town_centre_wards) AS ward FROM run_config)
     WHERE ward NOT IN (SELECT ward_code FROM int_area_geography WHERE is_in_area AND ward_code IS NOT NULL)
     ORDER BY ward`,
  );
  return strays.map(
    ({ ward }) =>
      `area.town_centre_wards: ${ward} is not a ward of the area in the geography lookup, so no crime counts in it`,
  );
}

/**
 * A boundary level missing some of the area's units: the counts and an example of each side;
 * below the usable share, maps of that level are not available (agg_boundary_coverage).
 */
async function boundaryCoverageWarnings(db: Database): Promise<string[]> {
  const rows = await db.all<{
    level: string;
    area_units: number;
    matched: number;
    area_only: number;
    file_only: number;
    example_area_only: string | null;
    example_file_only: string | null;
    usable: boolean;
    reason: string | null;
  }>('SELECT * FROM agg_boundary_coverage WHERE area_only > 0 ORDER BY level');
  return rows.map((r) => {
    const units = r.level === 'lsoa' ? 'LSOAs' : 'wards';
    const unknown =
      r.file_only > 0
        ? `; the files hold ${r.file_only} the geography lookup does not know, e.g. ${r.example_file_only}`
        : '';
    if (!r.usable) {
      return `reference.boundaries.${r.level}: ${r.reason}; ${r.area_only} ${units} have no boundary${unknown}: maps by ${r.level} are not available`;
    }
    return `reference.boundaries.${r.level}: ${r.matched} of the area's ${r.area_units} ${units} have a boundary (${r.area_only} missing, e.g. ${r.example_area_only}${unknown}): maps by ${r.level} leave them blank`;
  });
}

/** One line per area code the lookup does not hold, with the nearest codes by name or spelling. */
async function areaCodeProblems(db: Database, config: SnaConfig): Promise<string[]> {
  const candidates = await db.all<{
    code: string;
    lad_code: string | null;
    lad_name: string | null;
    by_name: number | null;
    by_code: number | null;
  }>(
    `WITH lads AS (
         SELECT lad_code, any_value(lad_name) AS lad_name FROM stg_ref__geography
         WHERE lad_code IS NOT NULL GROUP BY lad_code
     ),
     missing AS (
         SELECT lad_code AS code FROM run_area_codes
         WHERE lad_code NOT IN (SELECT lad_code FROM lads)
     )
     SELECT missing.code, lads.lad_code, lads.lad_name,
            jaro_winkler_similarity(lower(coalesce(lads.lad_name, '')), lower($name)) AS by_name,
            levenshtein(missing.code, lads.lad_code) AS by_code
     FROM missing LEFT JOIN lads
         ON jaro_winkler_similarity(lower(coalesce(lads.lad_name, '')), lower($name)) >= 0.9
         OR levenshtein(missing.code, lads.lad_code) <= 1
     ORDER BY missing.code, by_name DESC, by_code, lads.lad_code`,
    { name: config.area.name },
  );
  const codes = [...new Set(candidates.map((c) => c.code))];
  return codes.map((code) => {
    const mine = candidates.filter((c) => c.code === code && c.lad_code !== null);
    // A name the user gave outranks codes one keystroke away.
    const byName = mine.filter((c) => (c.by_name ?? 0) >= 0.9);
    const suggestions = (byName.length > 0 ? byName : mine)
      .slice(0, 3)
      .map((c) => `${c.lad_code}${c.lad_name ? ` (${c.lad_name})` : ''}`);
    const hint =
      suggestions.length > 0
        ? `: did you mean ${suggestions.join(' or ')}?`
        : ' (area.codes are local authority district codes, e.g. E08000012, of the lookup’s vintage)';
    return `area.codes: ${code} is not a local authority code in the geography lookup${hint}`;
  });
}

/** "police_uk_street: no rows in Liverpool; its 14 rows fall in Leicester (13), …". */
function outsideAreaWords(found: SourceOutsideArea, areaName: string): string {
  return `${found.source}: no rows in ${areaName}; its ${found.rows} rows fall in ${found.fallIn.join(', ')}`;
}
