/**
 * Raw column contracts: what each input's columns are and how a cell is checked and typed.
 *
 * A schema is data. The ingest stage turns it into the `read_csv` call, the validation SQL
 * that routes bad cells to rejects, and the typed raw table — so a column's rules live in
 * exactly one place.
 */
import type { Source } from '../../core/config.js';

/** How a cell is checked and typed. Blank cells are always missing values (NULL). */
export type ColumnType =
  | { kind: 'text' }
  | { kind: 'date' }
  /** Month-level date (police.uk `yyyy-MM`): stored as the first day of the month. */
  | { kind: 'month' }
  /** Clock time `HH:mm` (seconds allowed). */
  | { kind: 'time' }
  | { kind: 'integer'; min: number; max: number }
  /** `max`, when given, is the largest value allowed (coordinates have both bounds). */
  | { kind: 'number'; min: number; max?: number }
  /**
   * Matched in full against `pattern` after case folding (upper unless `letterCase` says
   * lower); `describe` names the expected form in messages.
   */
  | { kind: 'code'; pattern: string; describe: string; letterCase?: 'upper' | 'lower' }
  /** Y/N, 1/0, true/false, yes/no in any case. */
  | { kind: 'flag' }
  /** One of `values` (case-insensitive); `aliases` maps other spellings onto a value. */
  | { kind: 'enum'; values: readonly string[]; aliases?: Readonly<Record<string, string>> };

export interface ColumnDef {
  /** Canonical (contract) name; also the raw table's column name. */
  name: string;
  type: ColumnType;
  /** The header must be present. */
  required: boolean;
  /** A blank value rejects the row. Defaults to `required`. */
  notNull?: boolean;
  /** Other headers accepted for this column (case-insensitive), e.g. ONS `LSOA11CD`. */
  aliases?: readonly string[];
  /** Commas inside numbers are thousands separators (`"29,199"` in IMD File_1). */
  thousands?: boolean;
  /** Words a publisher writes for "no value" (police.uk's `No Location`), read as blank. */
  missingValues?: readonly string[];
  /**
   * The other column of a pair given both or neither (easting with northing): a row with a value
   * here and a blank (or absent) partner is rejected.
   */
  pairedWith?: string;
}

export interface SourceSchema {
  source: Source;
  /** Raw table the accepted, typed rows land in. */
  table: string;
  /** One sentence: what one row is. */
  grain: string;
  /** The kind of date columns when the config gives no date_format. */
  defaultDateFormat?: string;
  columns: readonly ColumnDef[];
}

/** DuckDB type of a column in the raw table. */
export function sqlType(type: ColumnType): string {
  switch (type.kind) {
    case 'date':
    case 'month':
      return 'DATE';
    case 'time':
      return 'TIME';
    case 'integer':
      return 'INTEGER';
    case 'number':
      return 'DOUBLE';
    case 'flag':
      return 'BOOLEAN';
    default:
      return 'VARCHAR';
  }
}

export const SEX_VALUES = ['M', 'F', 'X', 'U'] as const;
export const SEX: ColumnType = {
  kind: 'enum',
  values: SEX_VALUES,
  aliases: { male: 'M', female: 'F', other: 'X', unknown: 'U', 'not known': 'U' },
};

/** Police self-defined 18+1 codes and the five ONS groups (docs/contract.md#column-types). */
export const ETHNICITY_VALUES = [
  'W1',
  'W2',
  'W3',
  'W4',
  'W9',
  'M1',
  'M2',
  'M3',
  'M9',
  'A1',
  'A2',
  'A3',
  'A4',
  'A9',
  'B1',
  'B2',
  'B9',
  'O1',
  'O2',
  'O9',
  'NS',
  'White',
  'Mixed',
  'Asian',
  'Black',
  'Other',
  'Unknown',
] as const;
export const ETHNICITY: ColumnType = { kind: 'enum', values: ETHNICITY_VALUES };

export const LSOA: ColumnType = {
  kind: 'code',
  pattern: '[EW]01[0-9]{6}',
  describe: 'an LSOA code such as E01005123',
};
export const AREA_CODE: ColumnType = {
  kind: 'code',
  pattern: '[EWSNK][0-9]{8}',
  describe: 'an ONS area code such as E08000002',
};
export const AGE: ColumnType = { kind: 'integer', min: 0, max: 120 };
export const REF: ColumnType = { kind: 'text' };
