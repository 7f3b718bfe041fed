/**
 * The public police.uk street-level file, as published (docs/contract.md#policeuk-street-files).
 * Headers are matched after normalising to snake case, so `Crime ID` is `crime_id` and
 * `LSOA code` is `lsoa_code`.
 */
import { LSOA, type SourceSchema } from './define.js';

export const policeUkStreet: SourceSchema = {
  source: 'police_uk_street',
  table: 'raw_police_uk__street',
  grain: 'one row per crime or anti-social behaviour incident in one monthly street file',
  defaultDateFormat: 'yyyy-MM',
  columns: [
    // Blank for anti-social behaviour and for every British Transport Police crime: ASB is told
    // by Crime type only. Not a crime's key either (repeated on different crimes; see
    // int_street_crimes_versioned.sql).
    { name: 'crime_id', type: { kind: 'text' }, required: true, notNull: false },
    { name: 'month', type: { kind: 'month' }, required: true },
    { name: 'reported_by', type: { kind: 'text' }, required: true, notNull: false },
    { name: 'falls_within', type: { kind: 'text' }, required: true, notNull: false },
    { name: 'longitude', type: { kind: 'number', min: -180 }, required: true, notNull: false },
    { name: 'latitude', type: { kind: 'number', min: -90 }, required: true, notNull: false },
    { name: 'location', type: { kind: 'text' }, required: true, notNull: false },
    // Crimes police.uk could not place have a blank LSOA, or `No Location` in some exports.
    {
      name: 'lsoa_code',
      type: LSOA,
      required: true,
      notNull: false,
      missingValues: ['No Location'],
    },
    { name: 'lsoa_name', type: { kind: 'text' }, required: true, notNull: false },
    { name: 'crime_type', type: { kind: 'text' }, required: true },
    { name: 'last_outcome_category', type: { kind: 'text' }, required: true, notNull: false },
    { name: 'context', type: { kind: 'text' }, required: true, notNull: false },
  ],
};
