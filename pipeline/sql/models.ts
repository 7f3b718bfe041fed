/**
 * The SQL models, layer by layer, in build order (dbt-style). A layer reads only the layers
 * under it (test/pipeline/sql/layers.test.ts):
 *
 *   raw_*   typed rows as loaded (ingest stage; one table per source)
 *   stg_*   staging, views: one per raw table, rename and normalise only — no joins, no change
 *           of grain. Read by int_ models only (and by dim_ marts of reference data: a lookup
 *           needs no versioning or placement, so a pass-through int_ view would add nothing)
 *   int_*   intermediate, views: versioning (re-sent rows), placement in the area, classification,
 *           the run's police source; the placed crimes and police.uk's sorted rows are tables
 *           (read by several models, and by the manifest)
 *   fct_* / dim_*   marts, tables (fct_crimes: a view of the placed crimes): the rows indicators
 *           count; they read int_ models and other marts, never staging
 *   agg_*   aggregates, tables: one per question an indicator family asks (`aggregate(context,
 *           name)` reads `agg_<name>`), and what the data cover; they read marts (and int_)
 *   audit_* audit, tables: every loaded row kept out of the analysis and why (the manifest);
 *           built last because it reads every layer, marts included
 *
 * Tables and views alongside the models: `run_config`, `run_area_codes` and the bookkeeping
 * `ingest_files` (meta/), which any layer may read.
 *
 * Costs at scale: the versioning windows run over every row sent, so each runs once per build
 * (`cached`) however many models read it.
 *
 * Each model is `<layer>/<name>.sql`, a single SELECT; the runner wraps it in
 * `create or replace view|table <name> as`, and an error in it names the file and line.
 */
import {
  NATIONAL_AGGREGATES,
  NATIONAL_INTERMEDIATE,
  NATIONAL_MARTS,
  NATIONAL_STAGING,
} from './models-national.js';

export type Layer = 'staging' | 'intermediate' | 'marts' | 'aggregates' | 'audit';

export interface Model {
  name: string;
  layer: Layer;
  /** One sentence: what one row is. */
  grain: string;
  /**
   * The columns that tell one row from another at the grain: unique and never blank
   * (test/pipeline/sql/model-keys.test.ts). Empty only for a model of at most one row.
   */
  key: readonly string[];
  /** Key columns where blank is a value of its own (compared null-safe, and may be null). */
  nullableKey?: readonly string[];
  /** Stored as this kind instead of the layer's (staging, intermediate: view; the rest: table). */
  materialise?: 'table' | 'view';
  /**
   * Read by several later models (or several times by one): computed once per build into a
   * temporary table of the same name, which the later models read instead of the view.
   */
  cached?: boolean;
}

type Options = Partial<Pick<Model, 'materialise' | 'cached' | 'nullableKey'>>;

const model =
  (layer: Layer) =>
  (name: string, grain: string, key: readonly string[], options: Options = {}): Model => ({
    name,
    layer,
    grain,
    key,
    ...options,
  });
const staging = model('staging');
const intermediate = model('intermediate');
const mart = model('marts');
const aggregate = model('aggregates');
const audit = model('audit');
const cached = { cached: true } as const;
/** A row as sent: the file it came from and its line there. */
const sent = ['file_id', 'line'] as const;

export const MODELS: readonly Model[] = [
  staging('stg_police__crimes', 'one row per crime as sent', sent),
  staging('stg_police__victims', 'one row per victim per crime as sent', sent),
  staging('stg_police__offenders', 'one row per offender per crime as sent', sent),
  staging('stg_police_uk__street', 'one row per police.uk street-file row', sent),
  staging('stg_ae__assaults', 'one row per A&E assault attendance as sent', sent),
  staging('stg_yj__offences', 'one row per youth justice offence as sent', sent),
  staging('stg_ref__geography', 'one row per LSOA lookup row', sent),
  staging('stg_ref__population', 'one row per area × year × sex × age', sent),
  staging('stg_ref__imd', 'one row per LSOA deprivation rank', sent),
  staging('stg_ref__comparators', 'one row per peer area × year × category', sent),
  staging('stg_ref__ethnicity_population', 'one row per local authority × ethnic group', sent),
  staging('stg_ref__offence_groups', 'one row per offence code × category', sent),
  ...NATIONAL_STAGING,
  intermediate('int_files_ordered', 'one row per loaded file, ranked by name within its source', [
    'file_id',
  ]),
  intermediate('int_area_geography', 'one row per LSOA, flagged in or out of the area', [
    'lsoa_code',
  ]),
  // Read by the crime and police.uk models, the set-aside audit and two aggregates.
  intermediate('int_police_source', "one row: the run's police crime source", [], {}),
  intermediate(
    'int_crimes_versioned',
    'one row per crime row sent, ranked latest first',
    sent,
    cached,
  ),
  intermediate(
    'int_crimes_located',
    'one row per current crime with its placement',
    ['crime_ref'],
    {
      materialise: 'table',
    },
  ),
  intermediate(
    'int_crime_kind_categories',
    'one row per kind of area crime (offence code and flags) × category',
    ['ho_offence_code', 'is_domestic', 'is_knife', 'is_firearm', 'category'],
  ),
  intermediate(
    'int_people_versioned',
    'one row per victim/offender row sent, ranked latest first',
    sent,
    cached,
  ),
  intermediate(
    'int_events_versioned',
    'one row per A&E / YJ row sent, ranked latest first',
    sent,
    cached,
  ),
  intermediate('int_ae_assaults_current', 'one row per A&E attendance, its latest version', [
    'attendance_ref',
  ]),
  intermediate('int_yj_offences_current', 'one row per youth justice offence, its latest version', [
    'offence_ref',
  ]),
  // A table: it scans every row sent, and the coverage aggregate and two monthly aggregates read it.
  intermediate(
    'int_source_months',
    'one row per event source × calendar month it has rows in',
    ['source', 'month'],
    { materialise: 'table' },
  ),
  // A table: read by fct_street_crimes, audit_rows_set_aside and the manifest's per-file counts.
  intermediate(
    'int_street_crimes_versioned',
    'one row per police.uk crime row sent (not ASB), flagged as a copy of another or a crime',
    sent,
    { materialise: 'table' },
  ),
  intermediate('int_street_asb', 'one row per police.uk anti-social behaviour row sent', sent),
  intermediate('int_police_rows', 'one row per police crime or police.uk street row sent', [
    'source',
    ...sent,
  ]),
  ...NATIONAL_INTERMEDIATE,
  // A table: Getis-Ord weights and the coverage aggregate read it; the self-join runs once.
  intermediate(
    'int_boundary_neighbours',
    'one row per boundary level × unit × queen neighbour (both directions)',
    ['level', 'code', 'neighbour_code'],
    { materialise: 'table' },
  ),
  mart('dim_area_lsoas', 'one row per LSOA in the area', ['lsoa_code']),
  // A view: the in-area rows of int_crimes_located, which is stored already.
  mart('fct_crimes', 'one row per current police crime in the area', ['crime_ref'], {
    materialise: 'view',
  }),
  mart('fct_street_crimes', 'one row per police.uk crime in the area', ['crime_ref']),
  mart('fct_street_asb', 'one row per police.uk anti-social behaviour incident in the area', sent),
  mart(
    'fct_crime_categories',
    'one row per area crime × category (extracts or police.uk)',
    ['crime_ref', 'category'],
    { materialise: 'view' },
  ),
  mart(
    'fct_crime_points',
    'one row per area crime × category with a point (the police source in use)',
    ['crime_ref', 'category'],
  ),
  mart('fct_period_crimes', 'one row per area crime × category in the assessment period', [
    'crime_ref',
    'category',
  ]),
  mart('fct_crime_people', 'one row per victim or offender of an area crime', [
    'role',
    'crime_ref',
    'person_ref',
  ]),
  mart('fct_ae_attendances', 'one row per A&E assault attendance', ['attendance_ref']),
  mart('fct_yj_offences', 'one row per offence by a child', ['offence_ref']),
  mart('dim_population', 'one row per area × year × sex × age band', [
    'area_code',
    'year',
    'sex',
    'age',
  ]),
  mart('dim_area_population', 'one row per area LSOA × sex × age band, in the population year', [
    'lsoa_code',
    'sex',
    'age',
  ]),
  mart('dim_comparators', 'one row per peer area × year × category', [
    'area_code',
    'year',
    'category',
  ]),
  mart('dim_ethnicity_population', 'one row per ONS ethnic group in the area', ['ethnic_group']),
  mart('dim_area_boundaries', 'one row per boundary level × area unit with a boundary', [
    'level',
    'code',
  ]),
  // National mode (models-national.ts): empty unless `comparators:` or `national:` is given.
  ...NATIONAL_MARTS,
  aggregate(
    'agg_source_areas',
    'one row per police source × local authority its rows fall in (or none known)',
    ['source', 'lad_code'],
    // A blank local authority: rows with no LSOA, or one not in the geography lookup.
    { nullableKey: ['lad_code'] },
  ),
  aggregate(
    'agg_source_coverage',
    'one row per event source × period (assessment, previous, history)',
    ['source', 'period'],
  ),
  aggregate(
    'agg_police_period_counts',
    'one row per police category: crimes in the period and the previous one, and residents',
    ['category'],
  ),
  aggregate('agg_police_monthly', 'one row per police category × month of the history', [
    'category',
    'month',
  ]),
  aggregate('agg_police_by_beat', 'one row per police category × beat with crimes in the period', [
    'category',
    'beat',
  ]),
  aggregate('agg_police_by_lsoa', 'one row per police category × area LSOA (zero-filled)', [
    'category',
    'lsoa_code',
  ]),
  aggregate(
    'agg_night_time_by_ward',
    'one row per area ward: weekend-night violence with injury in the period',
    ['ward_code'],
  ),
  aggregate(
    'agg_lsoa_neighbourhoods',
    'one row per area LSOA with a boundary: its queen neighbours in the area',
    ['lsoa_code'],
  ),
  aggregate(
    'agg_police_by_hour_weekday',
    'one row per police category with a timed crime × weekday and three-hour band',
    ['category', 'hour_weekday'],
  ),
  ...NATIONAL_AGGREGATES,
  aggregate(
    'agg_police_comparators',
    'one row per category × peer area, in the year the period ends',
    ['category', 'area_code'],
  ),
  aggregate(
    'agg_top_lsoas',
    'one row per category (police, or police.uk ASB) × listed LSOA, at most five',
    ['category', 'lsoa_code'],
  ),
  aggregate(
    'agg_repeat_addresses',
    'one row per police category with crimes at a known address in the period',
    ['category'],
  ),
  // One row (the period's measures): no key.
  aggregate('agg_headline_measures', 'one row: the Home Office measures over the period', []),
  aggregate(
    'agg_people_in_period',
    'one row per role (victim, offender) × category with people in the period',
    ['role', 'category'],
  ),
  aggregate(
    'agg_people_by_age_sex',
    'one row per role × category × sex and age band in the period',
    ['role', 'category', 'age_band'],
  ),
  aggregate(
    'agg_offenders_by_ethnic_group',
    'one row per category with known offenders × ONS ethnic group',
    ['category', 'ethnic_group'],
  ),
  aggregate('agg_ae_by_age_sex', 'one row per sex and age band of attendances in the period', [
    'age_band',
  ]),
  aggregate('agg_ae_monthly', 'one row per month of the history', ['month']),
  // One row (the period's profile): no key.
  aggregate(
    'agg_yj_summary',
    'one row: youth justice offences in the period and their profile',
    [],
  ),
  aggregate(
    'agg_yj_mix',
    'one row per breakdown (offence category, locality) × value in the period',
    ['breakdown', 'breakdown_value'],
  ),
  aggregate('agg_boundary_coverage', 'one row per configured boundary level', ['level']),
  // Last: it reads every layer, marts included; only the manifest reads it.
  audit('audit_rows_set_aside', 'one row per loaded row kept out of the analysis, and why', [
    ...sent,
    'reason',
  ]),
];
