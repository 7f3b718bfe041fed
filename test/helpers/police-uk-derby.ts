/**
 * The real police.uk files the ingest tests read for Derby (../shared, September 2022: BTP,
 * Derbyshire and Northern Ireland, the forces whose rows land in or beside it), with the shared
 * ONS lookup and IoD2019 File_6, and the config that names them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { REPO_ROOT } from './workspace.js';

export const SHARED_REAL = resolve(REPO_ROOT, '..', 'shared', 'data', 'real');
export const NATIONAL_MONTH = join(SHARED_REAL, 'police-uk', 'national-2022-09');
export const DERBY_FORCES = ['btp', 'derbyshire', 'northern-ireland'].map((force) =>
  join(NATIONAL_MONTH, `2022-09-${force}-street.csv.gz`),
);
export const LOOKUP = join(
  SHARED_REAL,
  'lookups',
  'LSOA11_to_Ward19_to_LAD19_Lookup_in_England_and_Wales.csv',
);
export const FILE_6 = join(
  SHARED_REAL,
  'population',
  'File_6_-_IoD2019_Population_Denominators.csv.gz',
);
export const DERBY = 'E06000015';
/** Whether the files are here (../shared sits beside the repository in CI). */
export const HAS_DERBY_FILES = [...DERBY_FORCES, LOOKUP, FILE_6].every((f) => existsSync(f));

/** Derby's config for September 2022 on `street/*-street.csv.gz`, with `more` keys after it. */
export const derbyConfig = (more = '') => `area:
  name: Derby
  codes: [${DERBY}]
period:
  end: 2022-09-30
  months: 1
  history_years: 1
inputs:
  police_uk_street: street/*-street.csv.gz
reference:
  geography: ${LOOKUP}
  population: ${FILE_6}
${more}`;

export type Csv = Array<Record<string, string>>;

/** A CSV (gzipped or not) as rows keyed by its header, read with csv-parse, not by sna. */
export const readCsv = (path: string): Csv =>
  parse(path.endsWith('.gz') ? gunzipSync(readFileSync(path)) : readFileSync(path), {
    columns: true,
    bom: true,
  }) as Csv;
