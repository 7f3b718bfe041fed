/**
 * Police extracts: crimes, victims and offenders (docs/contract.md#police-crimes,
 * docs/contract.md#police-victims-and-offenders).
 */
import { AGE, ETHNICITY, LSOA, REF, SEX, type SourceSchema } from './define.js';

export const LOCATION_TYPES = [
  'dwelling',
  'street',
  'licensed_premises',
  'public_transport',
  'school',
  'retail',
  'open_space',
  'other',
] as const;

export const policeCrimes: SourceSchema = {
  source: 'police_crimes',
  table: 'raw_police__crimes',
  grain: 'one row per crime as sent in one extract file',
  columns: [
    { name: 'crime_ref', type: REF, required: true },
    { name: 'recorded_date', type: { kind: 'date' }, required: true },
    { name: 'committed_date', type: { kind: 'date' }, required: false },
    { name: 'committed_time', type: { kind: 'time' }, required: false },
    {
      name: 'ho_offence_code',
      type: {
        kind: 'code',
        pattern: '[0-9]{1,3}(\\.[0-9]{1,2})?[A-Z]?',
        describe: 'a Home Office offence code such as 8N, 34B or 4.1',
      },
      required: true,
    },
    { name: 'offence_description', type: { kind: 'text' }, required: false },
    { name: 'lsoa_code', type: LSOA, required: false },
    {
      name: 'ward_code',
      type: { kind: 'code', pattern: '[EW]05[0-9]{6}', describe: 'a ward code such as E05000650' },
      required: false,
    },
    { name: 'beat', type: { kind: 'text' }, required: false },
    { name: 'address_ref', type: REF, required: false },
    { name: 'location_type', type: { kind: 'enum', values: LOCATION_TYPES }, required: false },
    { name: 'domestic_flag', type: { kind: 'flag' }, required: false },
    { name: 'knife_flag', type: { kind: 'flag' }, required: false },
    { name: 'firearm_flag', type: { kind: 'flag' }, required: false },
  ],
};

export const policeVictims: SourceSchema = {
  source: 'police_victims',
  table: 'raw_police__victims',
  grain: 'one row per victim per crime as sent in one extract file',
  columns: [
    { name: 'crime_ref', type: REF, required: true },
    { name: 'victim_ref', type: REF, required: true },
    { name: 'age', type: AGE, required: false },
    { name: 'sex', type: SEX, required: false },
    { name: 'ethnicity', type: ETHNICITY, required: false },
  ],
};

export const policeOffenders: SourceSchema = {
  source: 'police_offenders',
  table: 'raw_police__offenders',
  grain: 'one row per offender per crime as sent in one extract file',
  columns: [
    { name: 'crime_ref', type: REF, required: true },
    { name: 'offender_ref', type: REF, required: true },
    { name: 'age', type: AGE, required: false },
    { name: 'sex', type: SEX, required: false },
    { name: 'ethnicity', type: ETHNICITY, required: false },
  ],
};
