/**
 * The national table's models (docs/contract.md#national-mode), registered into MODELS by
 * models.ts at their place in the build order. Each is empty unless national mode is on.
 */
import type { Model } from './models.js';

export const NATIONAL_STAGING: readonly Model[] = [
  {
    name: 'stg_police_uk__street_counts',
    layer: 'staging',
    grain: 'one row per counted police.uk file × month × force × LSOA × crime type',
    key: ['file_id', 'month', 'falls_within', 'lsoa_code', 'crime_type'],
    nullableKey: ['month', 'falls_within', 'lsoa_code'],
  },
  {
    name: 'stg_ref__regions',
    layer: 'staging',
    grain: 'one row per district → region lookup row',
    key: ['file_id', 'line'],
  },
  {
    name: 'stg_ref__imd_districts',
    layer: 'staging',
    grain: 'one row per district × deprivation domain',
    key: ['file_id', 'line'],
  },
];

export const NATIONAL_INTERMEDIATE: readonly Model[] = [
  // A view, as intermediate models are: stored, a national year's 1.3M rows were copied again on
  // every run (0.9 s); coverage, main forces and the counts each read it in well under 0.1 s.
  {
    name: 'int_street_row_counts',
    layer: 'intermediate',
    grain: 'one row per police.uk file × month × force × LSOA × category (kept or counted rows)',
    key: ['file_id', 'month', 'falls_within', 'lsoa_code', 'category'],
    nullableKey: ['month', 'falls_within', 'lsoa_code'],
  },
];

export const NATIONAL_MARTS: readonly Model[] = [
  {
    name: 'dim_national_force_months',
    layer: 'marts',
    grain: 'one row per police force × month of the assessment period',
    key: ['force', 'month'],
  },
  {
    name: 'dim_national_lsoa_forces',
    layer: 'marts',
    grain: 'one row per LSOA with police.uk rows: its main force',
    key: ['lsoa_code'],
  },
  {
    name: 'dim_national_unit_lsoas',
    layer: 'marts',
    grain: 'one row per LSOA of the geography lookup in its national unit',
    key: ['lsoa_code'],
  },
  {
    name: 'dim_national_units',
    layer: 'marts',
    grain: 'one row per national unit (district, group, the area) with its coverage',
    key: ['unit_code'],
  },
  {
    name: 'dim_national_comparators',
    layer: 'marts',
    grain: 'one row per unit chosen as a comparator by rule',
    key: ['unit_code'],
  },
  {
    name: 'fct_national_units',
    layer: 'marts',
    grain: 'one row per national unit × police.uk category over the assessment period',
    key: ['unit_code', 'category'],
  },
];

export const NATIONAL_AGGREGATES: readonly Model[] = [
  {
    name: 'agg_comparators_left_out',
    layer: 'aggregates',
    grain: 'one row per comparator chosen by rule but not ranked (incomplete, no population)',
    key: ['area_code'],
  },
];
