/**
 * Reads what the report shows: the published (suppressed) indicator rows, the run's period
 * and settings, and comparator names. Nothing row-level is read, so nothing row-level can
 * reach a chart, a page or a notebook.
 */

import type { SnaConfig } from '../core/config.js';
import type { Database } from '../core/database.js';
import { availableSources } from '../indicators/compute.js';
import { coverageInUse, loadCoverage, policeSourceInUse } from '../indicators/coverage.js';
import { loadPopulationYear } from '../indicators/population-year.js';
import { INDICATORS } from '../indicators/registry.js';
import { PUBLISHED_COLUMNS } from '../indicators/store.js';
import { loadMapLayers } from './load-map-data.js';
import { loadNationalUnits } from './national.js';
import type { PublishedRow, ReportData } from './types.js';

const DATE_COLUMNS = new Set(['period_start', 'period_end']);

export async function loadReportData(db: Database, config: SnaConfig): Promise<ReportData> {
  const select = PUBLISHED_COLUMNS.map((c) =>
    DATE_COLUMNS.has(c) ? `strftime(${c}, '%Y-%m-%d') AS ${c}` : c,
  ).join(', ');
  const rows = await db.all<PublishedRow & Record<string, unknown>>(
    `SELECT ${select} FROM indicators_published
     ORDER BY indicator_id, category, breakdown, try_cast(breakdown_value AS INTEGER) NULLS LAST, breakdown_value, area_code`,
  );
  const [run] = await db.all<Record<string, string | number>>(
    `SELECT strftime(period_start, '%Y-%m-%d') AS start, strftime(period_end, '%Y-%m-%d') AS "end",
            strftime(previous_start, '%Y-%m-%d') AS previous_start,
            strftime(previous_end, '%Y-%m-%d') AS previous_end,
            strftime(history_start, '%Y-%m-%d') AS history_start,
            suppress_below, repeat_address_min
     FROM run_config`,
  );
  if (!run) throw new Error('run_config is empty: run the indicators stage first');
  const comparators = await db.all<{ area_code: string; area_name: string }>(
    'SELECT DISTINCT area_code, area_name FROM dim_comparators ORDER BY area_code',
  );
  // As fct_crime_categories chooses: the extracts when any are loaded, else police.uk.
  const available = await availableSources(db);
  const crimeSource = policeSourceInUse(available) ?? undefined;
  const coverage = coverageInUse(await loadCoverage(db), available);
  const nationalUnits = await loadNationalUnits(db);
  return {
    area: {
      name: config.area.name,
      codes: [...config.area.codes],
      areaCode: config.area.codes.join('+'),
    },
    period: {
      start: String(run.start),
      end: String(run.end),
      previousStart: String(run.previous_start),
      previousEnd: String(run.previous_end),
      historyStart: String(run.history_start),
    },
    synthetic: config.area.synthetic,
    suppressBelow: Number(run.suppress_below),
    repeatAddressMin: Number(run.repeat_address_min),
    rows: rows.map((row) => ({ ...row, suppressed: Boolean(row.suppressed) })),
    definitions: INDICATORS,
    comparatorNames: Object.fromEntries(comparators.map((c) => [c.area_code, c.area_name])),
    coverage,
    population: await loadPopulationYear(db),
    ...(crimeSource ? { crimeSource } : {}),
    townCentreWards: [...config.area.townCentreWards],
    maps: await loadMapLayers(db, config),
    // Only in national mode: every other run's report data are what they were.
    ...(nationalUnits ? { nationalUnits } : {}),
    // A `reference.comparators` file wins over `comparators:`.
    ...(config.comparators && !config.reference.comparators
      ? { autoComparators: config.comparators.auto ?? 'codes' }
      : {}),
  };
}
