/**
 * Reference files (docs/contract.md#reference-files). Aliases let the real ONS and MHCLG files
 * load as published: the LSOA→ward→LAD lookup (`LSOA11CD, WD19CD, LAD19CD`) and IMD 2019
 * File_1.
 */
import { AREA_CODE, LSOA, type SourceSchema } from './define.js';

/** ONS code headers carry a two-digit vintage (`LAD19CD`, `WD22CD`): accept any. */
function vintages(prefix: string, suffix: string): string[] {
  return Array.from({ length: 30 }, (_, i) => `${prefix}${String(i + 11)}${suffix}`);
}

export const geography: SourceSchema = {
  source: 'geography',
  table: 'raw_ref__geography',
  grain: 'one row per LSOA with its ward and local authority',
  columns: [
    { name: 'lsoa_code', type: LSOA, required: true, aliases: vintages('lsoa', 'cd') },
    { name: 'lsoa_name', type: { kind: 'text' }, required: false, aliases: vintages('lsoa', 'nm') },
    {
      name: 'ward_code',
      type: AREA_CODE,
      required: false,
      notNull: false,
      aliases: vintages('wd', 'cd'),
    },
    { name: 'ward_name', type: { kind: 'text' }, required: false, aliases: vintages('wd', 'nm') },
    { name: 'lad_code', type: AREA_CODE, required: true, aliases: vintages('lad', 'cd') },
    { name: 'lad_name', type: { kind: 'text' }, required: false, aliases: vintages('lad', 'nm') },
    { name: 'beat', type: { kind: 'text' }, required: false },
    { name: 'locality', type: { kind: 'text' }, required: false },
  ],
};

/** Single years of age run 0…90 in ONS estimates, 90 standing for 90 and over. */
export const POPULATION_OPEN_AGE = 90;

/**
 * Long layout (docs/contract.md#population): one row per area × year × sex × single year of
 * age. ONS wide files load through `wide-layouts.ts`, which fills `age_to` (the band's last age)
 * and may give sex `P` (persons) when the file has no split by sex.
 */
export const population: SourceSchema = {
  source: 'population',
  table: 'raw_ref__population',
  grain: 'one row per area × year × sex × age (or age band)',
  columns: [
    { name: 'area_code', type: AREA_CODE, required: true },
    { name: 'year', type: { kind: 'integer', min: 1900, max: 2100 }, required: true },
    {
      name: 'sex',
      type: {
        kind: 'enum',
        values: ['M', 'F', 'P'],
        aliases: {
          male: 'M',
          males: 'M',
          female: 'F',
          females: 'F',
          '1': 'M',
          '2': 'F',
          persons: 'P',
          'all persons': 'P',
          all: 'P',
        },
      },
      required: true,
      aliases: ['gender'],
    },
    // 90 means 90 and over; `90+` is accepted as written by ONS.
    {
      name: 'age',
      type: { kind: 'integer', min: 0, max: POPULATION_OPEN_AGE },
      required: true,
      thousands: true,
    },
    // The last age of a band; blank in the long layout, where a row is one year of age.
    { name: 'age_to', type: { kind: 'integer', min: 0, max: 120 }, required: false },
    {
      name: 'population',
      type: { kind: 'number', min: 0 },
      required: true,
      thousands: true,
      aliases: ['value', 'count'],
    },
  ],
};

export const imd: SourceSchema = {
  source: 'imd',
  table: 'raw_ref__imd',
  grain: 'one row per LSOA with its Index of Multiple Deprivation rank and decile',
  columns: [
    {
      name: 'lsoa_code',
      type: LSOA,
      required: true,
      aliases: ['lsoa_code_2011', 'lsoa_code_2021', ...vintages('lsoa', 'cd')],
    },
    {
      name: 'imd_rank',
      type: { kind: 'integer', min: 1, max: 40000 },
      required: true,
      thousands: true,
      aliases: ['index_of_multiple_deprivation_imd_rank', 'imd19', 'imd_2019_rank'],
    },
    {
      name: 'imd_decile',
      type: { kind: 'integer', min: 1, max: 10 },
      required: false,
      notNull: false,
      aliases: ['index_of_multiple_deprivation_imd_decile'],
    },
    {
      name: 'imd_score',
      type: { kind: 'number', min: 0 },
      required: false,
      aliases: ['index_of_multiple_deprivation_imd_score'],
    },
  ],
};

export const comparators: SourceSchema = {
  source: 'comparators',
  table: 'raw_ref__comparators',
  grain: 'one row per peer area × year × category with its count and population',
  columns: [
    { name: 'area_code', type: AREA_CODE, required: true },
    { name: 'area_name', type: { kind: 'text' }, required: true },
    { name: 'year', type: { kind: 'integer', min: 1900, max: 2100 }, required: true },
    { name: 'category', type: { kind: 'text' }, required: true },
    { name: 'count', type: { kind: 'number', min: 0 }, required: true, thousands: true },
    { name: 'population', type: { kind: 'number', min: 1 }, required: true, thousands: true },
  ],
};

export const ethnicityPopulation: SourceSchema = {
  source: 'ethnicity_population',
  table: 'raw_ref__ethnicity_population',
  grain: 'one row per local authority × ONS ethnic group',
  columns: [
    { name: 'area_code', type: AREA_CODE, required: true },
    {
      name: 'ethnic_group',
      type: { kind: 'enum', values: ['White', 'Mixed', 'Asian', 'Black', 'Other'] },
      required: true,
    },
    { name: 'population', type: { kind: 'number', min: 0 }, required: true, thousands: true },
  ],
};

export const offenceGroups: SourceSchema = {
  source: 'offence_groups',
  table: 'raw_ref__offence_groups',
  grain: 'one row per Home Office offence code × serious violence category',
  columns: [
    {
      name: 'ho_offence_code',
      type: {
        kind: 'code',
        pattern: '[0-9]{1,3}(\\.[0-9]{1,2})?[A-Z]?',
        describe: 'a Home Office offence code such as 8N, 34B or 4.1',
      },
      required: true,
    },
    {
      name: 'category',
      type: {
        kind: 'code',
        pattern: '[a-z][a-z0-9_]*',
        describe: 'a snake_case category name',
        letterCase: 'lower',
      },
      required: true,
    },
  ],
};

/**
 * Local authority district → region (ONS `LAD21CD, RGN21CD, RGN21NM` or any vintage): what
 * `comparators: { auto: region }` groups by.
 */
export const regions: SourceSchema = {
  source: 'regions',
  table: 'raw_ref__regions',
  grain: 'one row per local authority district with its region',
  columns: [
    { name: 'lad_code', type: AREA_CODE, required: true, aliases: vintages('lad', 'cd') },
    { name: 'region_code', type: AREA_CODE, required: true, aliases: vintages('rgn', 'cd') },
    { name: 'region_name', type: { kind: 'text' }, required: true, aliases: vintages('rgn', 'nm') },
  ],
};

/**
 * IoD2019 local authority district summaries, as published (`lad19cd, lad19nm, index_domain,
 * average_score, …`, one row per district × domain): the IMD average score of
 * `comparators: { auto: neighbours }` is the row whose index_domain is the Index of Multiple
 * Deprivation.
 */
export const imdDistricts: SourceSchema = {
  source: 'imd_districts',
  table: 'raw_ref__imd_districts',
  grain: 'one row per local authority district × deprivation domain with its average score',
  columns: [
    { name: 'lad_code', type: AREA_CODE, required: true, aliases: vintages('lad', 'cd') },
    { name: 'lad_name', type: { kind: 'text' }, required: false, aliases: vintages('lad', 'nm') },
    { name: 'index_domain', type: { kind: 'text' }, required: true },
    // Some domains score below 0 (Health Deprivation and Disability): any number is read.
    { name: 'average_score', type: { kind: 'number', min: -1000 }, required: true },
  ],
};
