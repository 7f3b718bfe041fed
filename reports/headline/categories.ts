/**
 * The headline table's rows: which categories, in what order, and what to call them. All
 * serious violence comes first, then the contract's basket (docs/contract.md#serious-violence-categories) in its order, then any category
 * a custom offence-group file adds, then the A&E and youth justice rows.
 */
import {
  AE_CATEGORY,
  ASB_CATEGORY,
  CATEGORIES,
  YOUTH_JUSTICE_CATEGORY,
} from '../../indicators/categories.js';

export interface CategoryNames {
  /** The row's title in the table ("Violence with injury"). */
  title: string;
  /** What the category's crimes are called inside a sentence ("violence with injury"). */
  noun: string;
  /** Whether `noun` takes a plural verb ("sexual offences take place"). */
  plural?: boolean;
}

/** The basket, in the order the headline shows it. */
export const SERIOUS_VIOLENCE_ORDER: readonly string[] = CATEGORIES.filter(
  (c) => c.kind === 'serious_violence',
).map((c) => c.id);

export { AE_CATEGORY, ASB_CATEGORY, YOUTH_JUSTICE_CATEGORY };

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

const NAMES: ReadonlyMap<string, CategoryNames> = new Map(
  CATEGORIES.filter((c) => c.kind !== 'headline_measures').map((c) => [
    c.id,
    { title: c.title, noun: c.noun, ...(c.plural ? { plural: c.plural } : {}) },
  ]),
);

/** The names of a category; one from a custom offence-group file is named from its id. */
export function categoryNames(category: string): CategoryNames {
  const known = NAMES.get(category);
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
