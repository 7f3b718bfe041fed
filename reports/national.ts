/**
 * What the report reads of national mode (issue 17): the districts' published rates
 * (`police.district_rate_per_1000`, one row per unit × category), the England rate, the area's
 * rank, and — for names and why a unit is not ranked — `fct_national_units` as the run wrote it.
 * Nothing here computes a statistic: a unit is drawn or ranked exactly as its row says.
 */
import type { ComparatorAuto } from '../core/config.js';
import type { Database } from '../core/database.js';
import type { IndicatorId } from '../indicators/generated/ids.js';
import type { NationalUnit, PublishedRow, ReportData } from './types.js';

export const DISTRICT_RATE: IndicatorId = 'police.district_rate_per_1000';
export const ENGLAND_RATE: IndicatorId = 'police.england_rate_per_1000';
export const RANK_IN_ENGLAND: IndicatorId = 'police.rank_in_england';
export const ENGLAND_CODE = 'E92000001';
/** The indicators only national mode computes (a run without `comparators:` has none of them). */
export const NATIONAL_IDS: ReadonlySet<string> = new Set([
  DISTRICT_RATE,
  ENGLAND_RATE,
  RANK_IN_ENGLAND,
]);

/** Whether the run is in national mode: it loaded the national units, or has their rows. */
export const isNationalRun = (data: ReportData): boolean =>
  data.nationalUnits !== undefined || data.rows.some((r) => NATIONAL_IDS.has(r.indicator_id));

/**
 * `fct_national_units`' names, countries and coverage, one entry per unit (the categories share
 * them), or undefined when the run is not in national mode (no such table, or an empty one).
 */
export async function loadNationalUnits(db: Database): Promise<NationalUnit[] | undefined> {
  const [table] = await db.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'fct_national_units'`,
  );
  if (!table || Number(table.n) === 0) return undefined;
  const units = await db.all<{
    unit_code: string;
    unit_name: string;
    is_area: boolean;
    country: string;
    force: string | null;
    coverage: string;
    coverage_note: string | null;
  }>(
    `SELECT unit_code, any_value(unit_name) AS unit_name, bool_or(is_area) AS is_area,
            any_value(country) AS country, any_value(force) AS force,
            any_value(coverage) AS coverage, any_value(coverage_note) AS coverage_note
     FROM fct_national_units GROUP BY unit_code ORDER BY unit_code`,
  );
  // The mart may exist empty outside national mode (every model is built): no units, no mode.
  if (units.length === 0) return undefined;
  return units.map((u) => ({
    code: u.unit_code,
    name: u.unit_name,
    isArea: Boolean(u.is_area),
    country: u.country === 'W' ? 'W' : 'E',
    force: u.force,
    coverage: u.coverage as NationalUnit['coverage'],
    coverageNote: u.coverage_note,
  }));
}

/**
 * The area's unit code among the districts: the unit `fct_national_units` marks as the area;
 * without that table, as the design names it (docs: the area's one LAD code, or its name in upper
 * snake case when it has several).
 */
export function areaUnitCode(data: ReportData): string {
  const marked = data.nationalUnits?.find((u) => u.isArea);
  if (marked) return marked.code;
  const [only, ...more] = data.area.codes;
  if (only && more.length === 0) return only;
  return data.area.name
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** A unit's name: `fct_national_units`', else the comparators file's, else its code. */
export function unitName(data: ReportData, code: string): string {
  if (code === areaUnitCode(data)) return data.area.name;
  if (code === ENGLAND_CODE) return 'England';
  return (
    data.nationalUnits?.find((u) => u.code === code)?.name ?? data.comparatorNames[code] ?? code
  );
}

/** The national unit of a code, when the run loaded them. */
export const unitOf = (data: ReportData, code: string): NationalUnit | undefined =>
  data.nationalUnits?.find((u) => u.code === code);

/** Every published row of an indicator in one category (any status). */
export function rowsIn(
  data: ReportData,
  indicatorId: string,
  category: string,
): readonly PublishedRow[] {
  return data.rows.filter((r) => r.indicator_id === indicatorId && r.category === category);
}

/**
 * Whether a district's row says it lies beyond the funnel's 99.8% limits: its note names them
 * ("higher than England beyond the funnel's 99.8% limits", or the ward funnel's "outside the
 * 99.8% funnel limits"). Only with a significance of higher or lower: a similar row never is.
 */
export const beyond998 = (row: PublishedRow | undefined): boolean =>
  (row?.significance === 'higher' || row?.significance === 'lower') &&
  (row.note?.includes('99.8%') ?? false);

/** A row a funnel may draw: published with a rate and residents (never suppressed). */
export const isPlotted = (row: PublishedRow): boolean =>
  row.status === 'published' &&
  !row.suppressed &&
  row.value !== null &&
  Number.isFinite(row.value) &&
  row.denominator !== null &&
  row.denominator > 0;

/**
 * The comparator set in words, and what its members are called: "its statistical neighbours" /
 * "districts"; "its comparator areas" / "areas" when they come from the comparators file. No
 * count: the sentence states the published number of areas ranked, the area among them.
 */
export function comparatorSetWords(data: ReportData): { set: string; members: string } {
  switch (data.autoComparators) {
    case 'neighbours':
      return { set: 'its statistical neighbours', members: 'districts' };
    case 'force':
      return { set: 'the districts of its force area', members: 'districts' };
    case 'region':
      return { set: 'the districts of its region', members: 'districts' };
    case 'england':
      return { set: 'every district ranked', members: 'districts' };
    case 'codes':
      return { set: 'its comparator districts', members: 'districts' };
    default:
      return { set: 'its comparator areas', members: 'areas' };
  }
}

/** How sna chose the comparators, for a chart's subtitle ("comparators: …"). */
export const COMPARATOR_RULES: Readonly<Record<ComparatorAuto | 'codes', string>> = {
  neighbours: 'its statistical neighbours (IMD 2019 score and population)',
  force: 'the other districts of its force area',
  region: 'the other districts of its region',
  england: 'every other district of England ranked',
  codes: 'the districts the config lists',
};
