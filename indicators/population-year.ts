/**
 * The population year the rates use, said on every rate: the methods ask for the population of
 * the year the period ends, and a file may hold only an older one (IoD2019 File_6: mid-2015).
 */
import type { Database } from '../core/database.js';

/** A gap longer than this between the population year and the period's end is a warning. */
export const POPULATION_GAP_WARN_YEARS = 2;

export interface PopulationYear {
  /** The mid-year of the residents every rate divides by; null when none were found. */
  year: number | null;
  /** The calendar year the assessment period ends in. */
  periodEndYear: number;
  /**
   * The population year of the comparators' rates when they are chosen by rule from the
   * police.uk files (national mode: the same population file as the area's); absent, a
   * comparators file's, which gives residents of the year the period ends.
   */
  peersYear?: number;
}

export async function loadPopulationYear(db: Database): Promise<PopulationYear> {
  const row = await db.one<{
    year: number | null;
    period_end_year: number;
    peers_year: number | null;
  }>(
    `SELECT (SELECT max(year) FROM dim_area_population)::INTEGER AS year,
            year(period_end)::INTEGER AS period_end_year,
            (SELECT max(population_year) FROM dim_national_units
             WHERE EXISTS (SELECT 1 FROM dim_national_comparators))::INTEGER AS peers_year
     FROM run_config`,
  );
  return {
    year: row?.year ?? null,
    periodEndYear: row?.period_end_year ?? 0,
    ...(row?.peers_year ? { peersYear: row.peers_year } : {}),
  };
}

/** Years between the population's mid-year and the period's end; 0 when it is the same year. */
export const populationGap = (p: PopulationYear): number =>
  p.year === null ? 0 : p.periodEndYear - p.year;

/** "population of mid-2015 (7 years before the period ends)" — the note on every rate. */
export function populationNote(p: PopulationYear): string | null {
  if (p.year === null) return null;
  // dim_area_population takes the latest year up to the period's end, never a later one.
  const gap = populationGap(p);
  const when = gap === 0 ? '' : ` (${gap} year${gap === 1 ? '' : 's'} before the period ends)`;
  return `population of mid-${p.year}${when}`;
}

/** The warning when the population is far from the period, or null. */
export function populationWarning(p: PopulationYear): string | null {
  if (p.year === null || populationGap(p) <= POPULATION_GAP_WARN_YEARS) return null;
  return `rates use the population of mid-${p.year}, ${populationGap(p)} years before the period ends (${p.periodEndYear}): give a newer population file (ONS mid-year estimates) for rates of the period`;
}
