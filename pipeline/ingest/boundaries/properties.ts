/**
 * Which feature property holds a unit's ONS code and which its name, found by name as the CSV
 * headers are (docs/contract.md#boundary-files): `LSOA11CD`, `WD13CD`, `lsoa_code`, … in any case.
 */
import type { BoundaryLevel } from '../../../core/config.js';

const CODE_NAMES: Record<BoundaryLevel, RegExp> = {
  lsoa: /^(lsoa\d{2}cd|lsoa_code)$/i,
  ward: /^(wd\d{2}cd|ward_code)$/i,
};
const NAME_NAMES: Record<BoundaryLevel, RegExp> = {
  lsoa: /^(lsoa\d{2}nm|lsoa_name)$/i,
  ward: /^(wd\d{2}nm|ward_name)$/i,
};
/** For messages: what the code property may be called. */
export const CODE_PROPERTY_WORDS: Record<BoundaryLevel, string> = {
  lsoa: 'LSOA<yy>CD (e.g. LSOA11CD) or lsoa_code',
  ward: 'WD<yy>CD (e.g. WD19CD) or ward_code',
};

export interface PropertyChoice {
  code: string;
  name: string | null;
}

/**
 * The code and name properties among `names` (every property name the features have, in order
 * of first appearance); `configured` (the config's code_property) wins when given. Null: none.
 */
export function chooseProperties(
  names: readonly string[],
  level: BoundaryLevel,
  configured: string | null,
): PropertyChoice | null {
  const code =
    configured !== null
      ? (names.find((n) => n === configured) ??
        names.find((n) => n.toLowerCase() === configured.toLowerCase()))
      : names.find((n) => CODE_NAMES[level].test(n));
  if (code === undefined) return null;
  return { code, name: names.find((n) => NAME_NAMES[level].test(n)) ?? null };
}
