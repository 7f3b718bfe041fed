/**
 * A&E assault attendances (ISTV, docs/contract.md#ae-assault-attendances) and youth justice
 * offences (docs/contract.md#youth-justice-offences).
 */
import { AGE, ETHNICITY, LSOA, REF, SEX, type SourceSchema } from './define.js';

export const ASSAULT_METHODS = [
  'knife_sharp',
  'blunt_object',
  'body_part',
  'firearm',
  'other',
  'unknown',
] as const;
export const ASSAULT_LOCATION_TYPES = [
  'home',
  'street',
  'licensed_premises',
  'public_transport',
  'school',
  'workplace',
  'other',
  'unknown',
] as const;

/** Free-text location descriptions are never read: they are not a column here. */
export const aeAssaults: SourceSchema = {
  source: 'ae_assaults',
  table: 'raw_ae__assaults',
  grain: 'one row per assault attendance at A&E as sent in one extract file',
  columns: [
    { name: 'attendance_ref', type: REF, required: true },
    { name: 'arrival_date', type: { kind: 'date' }, required: true },
    { name: 'arrival_time', type: { kind: 'time' }, required: false },
    { name: 'assault_date', type: { kind: 'date' }, required: false },
    { name: 'assault_time', type: { kind: 'time' }, required: false },
    { name: 'age', type: AGE, required: false },
    { name: 'sex', type: SEX, required: false },
    { name: 'home_lsoa', type: LSOA, required: false },
    { name: 'assault_method', type: { kind: 'enum', values: ASSAULT_METHODS }, required: false },
    {
      name: 'assault_location_type',
      type: { kind: 'enum', values: ASSAULT_LOCATION_TYPES },
      required: false,
    },
    { name: 'site_code', type: { kind: 'text' }, required: false },
  ],
};

export const YJ_OFFENCE_CATEGORIES = [
  'violence_against_person',
  'robbery',
  'possession_of_weapon',
  'drugs',
  'sexual',
  'theft',
  'criminal_damage',
  'public_order',
  'motoring',
  'other',
] as const;
export const YJ_OUTCOMES = [
  'community_resolution',
  'youth_caution',
  'youth_conditional_caution',
  'referral_order',
  'youth_rehabilitation_order',
  'custody',
  'other',
] as const;

export const youthJustice: SourceSchema = {
  source: 'youth_justice',
  table: 'raw_yj__offences',
  grain: 'one row per offence by a child as sent in one extract file',
  columns: [
    { name: 'offence_ref', type: REF, required: true },
    { name: 'child_ref', type: REF, required: true },
    { name: 'offence_date', type: { kind: 'date' }, required: true },
    { name: 'age_at_offence', type: { kind: 'integer', min: 10, max: 17 }, required: true },
    { name: 'sex', type: SEX, required: false },
    { name: 'ethnicity', type: ETHNICITY, required: false },
    {
      name: 'offence_category',
      type: { kind: 'enum', values: YJ_OFFENCE_CATEGORIES },
      required: true,
    },
    { name: 'gravity_score', type: { kind: 'integer', min: 1, max: 8 }, required: false },
    { name: 'outcome_type', type: { kind: 'enum', values: YJ_OUTCOMES }, required: false },
    { name: 'first_time_entrant', type: { kind: 'flag' }, required: false },
    { name: 'home_lsoa', type: LSOA, required: false },
    { name: 'locality', type: { kind: 'text' }, required: false },
  ],
};
