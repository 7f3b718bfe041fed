/**
 * The SQL models, layer by layer, in build order (dbt-style).
 *
 *   raw_*   typed rows as loaded (ingest stage; one table per source)
 *   stg_*   views: one per raw table, rename and normalise only — no joins, no change of grain
 *   int_*   views: versioning (re-sent rows), placement in the area, classification; the
 *           placed crimes and the set-aside rows are tables (read by several models, and by
 *           the manifest and the report)
 *   fct_* / dim_*   tables (fct_crimes: a view of the placed crimes): what indicators read
 *
 * Costs at scale: the versioning windows run over every row sent, so each runs once per build
 * (`cached`) however many models read it.
 *
 * Each model is `<layer>/<name>.sql`, a single SELECT; the runner wraps it in
 * `create or replace view|table <name> as`.
 */
export interface Model {
  name: string;
  layer: 'staging' | 'intermediate' | 'marts';
  /** One sentence: what one row is. */
  grain: string;
  /** Stored as this kind instead of the layer's (marts: table; the others: view). */
  materialise?: 'table' | 'view';
  /**
   * Read by several later models (or several times by one): computed once per build into a
   * temporary table of the same name, which the later models read instead of the view.
   */
  cached?: boolean;
}

const staging = (name: string, grain: string): Model => ({ name, layer: 'staging', grain });
const intermediate = (name: string, grain: string, options: Partial<Model> = {}): Model => ({
  name,
  layer: 'intermediate',
  grain,
  ...options,
});
const cached = { cached: true } as const;
const mart = (name: string, grain: string, options: Partial<Model> = {}): Model => ({
  name,
  layer: 'marts',
  grain,
  ...options,
});

export const MODELS: readonly Model[] = [
  staging('stg_police__crimes', 'one row per crime as sent'),
  staging('stg_police__victims', 'one row per victim per crime as sent'),
  staging('stg_police__offenders', 'one row per offender per crime as sent'),
  staging('stg_police_uk__street', 'one row per police.uk street-file row'),
  staging('stg_ae__assaults', 'one row per A&E assault attendance as sent'),
  staging('stg_yj__offences', 'one row per youth justice offence as sent'),
  staging('stg_ref__geography', 'one row per LSOA lookup row'),
  staging('stg_ref__population', 'one row per area × year × sex × age'),
  staging('stg_ref__imd', 'one row per LSOA deprivation rank'),
  staging('stg_ref__comparators', 'one row per peer area × year × category'),
  staging('stg_ref__ethnicity_population', 'one row per local authority × ethnic group'),
  staging('stg_ref__offence_groups', 'one row per offence code × category'),
  intermediate('int_files_ordered', 'one row per loaded file, ranked by name within its source'),
  intermediate('int_area_geography', 'one row per LSOA, flagged in or out of the area'),
  intermediate('int_crimes_versioned', 'one row per crime row sent, ranked latest first', cached),
  intermediate('int_crimes_located', 'one row per current crime with its placement', {
    materialise: 'table',
  }),
  intermediate(
    'int_crime_kind_categories',
    'one row per kind of area crime (offence code and flags) × category',
  ),
  intermediate('int_crimes_classified', 'one row per area crime × category'),
  intermediate(
    'int_people_versioned',
    'one row per victim/offender row sent, ranked latest first',
    cached,
  ),
  intermediate(
    'int_events_versioned',
    'one row per A&E / YJ row sent, ranked latest first',
    cached,
  ),
  // A table: it scans every row sent, and the coverage mart and two monthly aggregates read it.
  intermediate('int_source_months', 'one row per event source × calendar month it has rows in', {
    materialise: 'table',
  }),
  // A table: read by fct_street_crimes, int_rows_set_aside and the manifest's per-file counts.
  intermediate(
    'int_street_crimes_versioned',
    'one row per police.uk crime row sent (not ASB), flagged as a copy of another or a crime',
    { materialise: 'table' },
  ),
  mart('dim_area_lsoas', 'one row per LSOA in the area'),
  // A view: the in-area rows of int_crimes_located, which is stored already.
  mart('fct_crimes', 'one row per current police crime in the area', { materialise: 'view' }),
  mart('fct_street_crimes', 'one row per police.uk crime in the area'),
  mart('fct_street_asb', 'one row per police.uk anti-social behaviour incident in the area'),
  mart('fct_crime_categories', 'one row per area crime × category (extracts or police.uk)', {
    materialise: 'view',
  }),
  mart('fct_period_crimes', 'one row per area crime × category in the assessment period'),
  mart('fct_crime_people', 'one row per victim or offender of an area crime'),
  mart('fct_ae_attendances', 'one row per A&E assault attendance'),
  mart('fct_yj_offences', 'one row per offence by a child'),
  mart('dim_population', 'one row per area × year × sex × age band'),
  mart('dim_area_population', 'one row per area LSOA × sex × age band, in the population year'),
  mart('dim_comparators', 'one row per peer area × year × category'),
  mart('dim_ethnicity_population', 'one row per ONS ethnic group in the area'),
  mart('agg_source_areas', 'one row per police source × local authority its rows fall in'),
  mart('agg_source_coverage', 'one row per event source × period (assessment, previous, history)'),
  intermediate('int_rows_set_aside', 'one row per loaded row kept out of the analysis', {
    materialise: 'table',
  }),
];
