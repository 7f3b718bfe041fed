/**
 * The headline table's rows: which categories, in what order, and what to call them. All
 * serious violence comes first, then the contract §4 basket in its order, then any category
 * a custom offence-group file adds, then the A&E and youth justice rows.
 */

export interface CategoryNames {
  /** The row's title in the table ("Violence with injury"). */
  title: string;
  /** What the category's crimes are called inside a sentence ("violence with injury"). */
  noun: string;
  /** Whether `noun` takes a plural verb ("sexual offences take place"). */
  plural?: boolean;
}

export const SERIOUS_VIOLENCE_ORDER = [
  'serious_violence',
  'violence_with_injury',
  'violence_with_injury_domestic',
  'homicide',
  'homicide_non_domestic',
  'robbery_personal',
  'possession_of_weapons',
  'knife_crime',
  'firearms_discharge',
  'modern_slavery',
  'sexual_offences',
] as const;

export const AE_CATEGORY = 'ae_assault';
export const YOUTH_JUSTICE_CATEGORY = 'youth_justice';

const NAMES: Readonly<Record<string, CategoryNames>> = {
  serious_violence: { title: 'All serious violence', noun: 'serious violence' },
  violence_with_injury: { title: 'Violence with injury', noun: 'violence with injury' },
  violence_with_injury_domestic: {
    title: 'Violence with injury (domestic abuse)',
    noun: 'domestic violence with injury',
  },
  homicide: { title: 'Homicide', noun: 'homicide' },
  homicide_non_domestic: { title: 'Homicide (non-domestic)', noun: 'non-domestic homicide' },
  robbery_personal: { title: 'Personal robbery', noun: 'personal robbery' },
  possession_of_weapons: {
    title: 'Possession of weapons',
    noun: 'possession of weapons offences',
    plural: true,
  },
  knife_crime: { title: 'Knife crime', noun: 'knife crime' },
  firearms_discharge: { title: 'Firearms discharges', noun: 'firearms discharges', plural: true },
  modern_slavery: { title: 'Modern slavery', noun: 'modern slavery' },
  sexual_offences: { title: 'Sexual offences', noun: 'sexual offences', plural: true },
  [AE_CATEGORY]: {
    title: 'A&E attendances for assault',
    noun: 'A&E assault attendances',
    plural: true,
  },
  [YOUTH_JUSTICE_CATEGORY]: { title: 'Youth justice', noun: 'offences by children', plural: true },
};

/** The names of a category; one from a custom offence-group file is named from its id. */
export function categoryNames(category: string): CategoryNames {
  const known = NAMES[category];
  if (known) return known;
  const words = category.replaceAll('_', ' ').trim();
  return { title: words.charAt(0).toUpperCase() + words.slice(1), noun: words };
}

/** Sort key: the basket's order, then other police categories by id, then A&E, then youth justice. */
export function compareCategories(a: string, b: string): number {
  const rank = (c: string): number => {
    const basket = (SERIOUS_VIOLENCE_ORDER as readonly string[]).indexOf(c);
    if (basket >= 0) return basket;
    if (c === AE_CATEGORY) return 1_000;
    if (c === YOUTH_JUSTICE_CATEGORY) return 1_001;
    return 500;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}
