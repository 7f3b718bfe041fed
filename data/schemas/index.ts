/** The registry of raw column contracts, one per configured source. */
import type { Source } from '../../core/config.js';
import type { SourceSchema } from './define.js';
import { aeAssaults, youthJustice } from './health-and-youth-justice.js';
import { policeCrimes, policeOffenders, policeVictims } from './police.js';
import { policeUkStreet } from './police-uk.js';
import {
  comparators,
  ethnicityPopulation,
  geography,
  imd,
  imdDistricts,
  offenceGroups,
  population,
  regions,
} from './reference.js';

export const SCHEMAS: Readonly<Record<Source, SourceSchema>> = {
  police_crimes: policeCrimes,
  police_victims: policeVictims,
  police_offenders: policeOffenders,
  police_uk_street: policeUkStreet,
  ae_assaults: aeAssaults,
  youth_justice: youthJustice,
  geography,
  population,
  imd,
  comparators,
  ethnicity_population: ethnicityPopulation,
  offence_groups: offenceGroups,
  regions,
  imd_districts: imdDistricts,
};

export type { ColumnDef, ColumnType, SourceSchema } from './define.js';
