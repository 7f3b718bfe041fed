/**
 * Police extracts: crimes, victims and offenders (docs/contract.md#police-crimes,
 * docs/contract.md#police-victims-and-offenders).
 */
import { AGE, type ColumnDef, ETHNICITY, LSOA, REF, SEX, type SourceSchema } from './define.js';

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
    // Where the crime happened, optional: British National Grid metres (EPSG:27700) or WGS84
    // degrees, each pair both or neither (docs/contract.md#police-crimes).
    ...coordinatePair('easting', 'northing', 700_000, 1_300_000),
    ...coordinatePair('longitude', 'latitude', 180, 90, -180, -90),
  ],
};

/** Two coordinate columns given both or neither, each within its range. */
function coordinatePair(
  x: string,
  y: string,
  xMax: number,
  yMax: number,
  xMin = 0,
  yMin = 0,
): ColumnDef[] {
  return [
    { name: x, type: { kind: 'number', min: xMin, max: xMax }, required: false, pairedWith: y },
    { name: y, type: { kind: 'number', min: yMin, max: yMax }, required: false, pairedWith: x },
  ];
}

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
