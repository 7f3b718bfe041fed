/**
 * The headline table's rows: which categories, in what order, and what to call them. All
 * serious violence comes first, then the contract's basket (docs/contract.md#serious-violence-categories) in its order, then any category
 * a custom offence-group file adds, then the A&E and youth justice rows.
 */
import { ASB_CATEGORY } from '../../indicators/families/police-top-lsoas.js';

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
export { ASB_CATEGORY };

/**
 * The police.uk crime types that bear on serious violence, in the table's order: all a
 * police.uk-only headline shows. The other crime types (shoplifting, bicycle theft, …) and
 * anti-social behaviour go to the report's "Other crime and anti-social behaviour" section.
 */
export const POLICE_UK_HEADLINE_ORDER = [
  'violence_and_sexual_offences',
  'robbery',
  'possession_of_weapons',
] as const;

/**
 * What each of those police.uk categories includes, after police.uk's own descriptions and the
 * Home Office offence groups it publishes them from: one line under the row's title.
 */
const POLICE_UK_CAVEATS: Readonly<Record<string, string>> = {
  violence_and_sexual_offences:
    "police.uk's category: all violence against the person (from common assault, harassment and stalking to grievous bodily harm and homicide) and all sexual offences — far broader than serious violence",
  robbery:
    "police.uk's category: theft by force or the threat of force, robbery of personal property and of business property",
  possession_of_weapons:
    "police.uk's category: possession of firearms, knives and other offensive weapons; crimes in which a weapon was used are in their own categories",
};

/** The one-line caveat of a police.uk headline category. */
export const policeUkCaveat = (category: string): string | undefined => POLICE_UK_CAVEATS[category];

/** Whether a police category of a police.uk-only run belongs in the headline table. */
export const inPoliceUkHeadline = (category: string): boolean =>
  (POLICE_UK_HEADLINE_ORDER as readonly string[]).includes(category);

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
  violence_and_sexual_offences: {
    title: 'Violence and sexual offences',
    noun: 'violence and sexual offences',
    plural: true,
  },
  robbery: { title: 'Robbery', noun: 'robbery' },
  [ASB_CATEGORY]: {
    title: 'Anti-social behaviour',
    noun: 'anti-social behaviour incidents',
    plural: true,
  },
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

/**
 * Sort key: the basket's order (or, for a police.uk-only run, its headline categories' order),
 * then other police categories by id, then A&E, then youth justice.
 */
export function compareCategories(a: string, b: string, policeUk = false): number {
  const order: readonly string[] = policeUk ? POLICE_UK_HEADLINE_ORDER : SERIOUS_VIOLENCE_ORDER;
  const rank = (c: string): number => {
    const basket = order.indexOf(c);
    if (basket >= 0) return basket;
    if (c === AE_CATEGORY) return 1_000;
    if (c === YOUTH_JUSTICE_CATEGORY) return 1_001;
    return 500;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}
