/**
 * The categories an indicator row belongs to, as data: which kind of data each comes from,
 * what the headline calls it, and which indicator says it has data. A police category a custom
 * offence-group file adds is not listed; it is named from its id (`categoryNames`).
 */
import type { Source } from '../core/config.js';
import type { IndicatorId } from './generated/ids.js';

export const CATEGORY_KINDS = [
  /** A serious violence category of the force's extracts (the basket). */
  'serious_violence',
  /** A police.uk crime type, when police.uk street files are the police source. */
  'police_uk',
  'anti_social_behaviour',
  'ae',
  'youth_justice',
  'headline_measures',
] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export interface Category {
  id: string;
  kind: CategoryKind;
  /** The row's title in the headline table ("Violence with injury"). */
  title: string;
  /** What the category's events are called inside a sentence ("violence with injury"). */
  noun: string;
  /** Whether `noun` takes a plural verb ("sexual offences take place"). */
  plural?: boolean;
  /** The period count that says whether the category has data (none: not a headline row). */
  volume?: IndicatorId;
  /** The source its events are counted from, when not the police source in use. */
  source?: Source;
}

const basket = (id: string, title: string, noun: string, plural = false): Category => ({
  id,
  kind: 'serious_violence',
  title,
  noun,
  ...(plural ? { plural } : {}),
  volume: 'police.count',
});
const policeUk = (id: string, title: string, noun: string, plural = false): Category => ({
  ...basket(id, title, noun, plural),
  kind: 'police_uk',
});

/** In headline order: the basket, police.uk's serious violence types, then the services. */
export const CATEGORIES: readonly Category[] = [
  basket('serious_violence', 'All serious violence', 'serious violence'),
  basket('violence_with_injury', 'Violence with injury', 'violence with injury'),
  basket(
    'violence_with_injury_domestic',
    'Violence with injury (domestic abuse)',
    'domestic violence with injury',
  ),
  basket('homicide', 'Homicide', 'homicide'),
  basket('homicide_non_domestic', 'Homicide (non-domestic)', 'non-domestic homicide'),
  basket('robbery_personal', 'Personal robbery', 'personal robbery'),
  basket('possession_of_weapons', 'Possession of weapons', 'possession of weapons offences', true),
  basket('knife_crime', 'Knife crime', 'knife crime'),
  basket('firearms_discharge', 'Firearms discharges', 'firearms discharges', true),
  basket('modern_slavery', 'Modern slavery', 'modern slavery'),
  basket('sexual_offences', 'Sexual offences', 'sexual offences', true),
  policeUk(
    'violence_and_sexual_offences',
    'Violence and sexual offences',
    'violence and sexual offences',
    true,
  ),
  policeUk('robbery', 'Robbery', 'robbery'),
  {
    id: 'anti_social_behaviour',
    kind: 'anti_social_behaviour',
    title: 'Anti-social behaviour',
    noun: 'anti-social behaviour incidents',
    plural: true,
    // Not a headline row: the report's other-crime section shows it.
  },
  {
    id: 'ae_assault',
    kind: 'ae',
    title: 'A&E attendances for assault',
    noun: 'A&E assault attendances',
    plural: true,
    volume: 'ae.count',
    source: 'ae_assaults',
  },
  {
    id: 'youth_justice',
    kind: 'youth_justice',
    title: 'Youth justice',
    noun: 'offences by children',
    plural: true,
    volume: 'yj.offences',
    source: 'youth_justice',
  },
  {
    id: 'headline_measures',
    kind: 'headline_measures',
    title: 'Headline measures',
    noun: 'headline measures',
    plural: true,
  },
];

/** The category of an id, if listed. */
export const categoryById = (id: string): Category | undefined =>
  CATEGORIES.find((c) => c.id === id);

/** The id of the one category of a kind (A&E, youth justice, ASB, the headline measures). */
export function categoryOfKind(kind: CategoryKind): string {
  const found = CATEGORIES.filter((c) => c.kind === kind);
  if (found.length !== 1 || !found[0]) throw new Error(`not one category of kind ${kind}`);
  return found[0].id;
}

export const AE_CATEGORY = categoryOfKind('ae');
export const YOUTH_JUSTICE_CATEGORY = categoryOfKind('youth_justice');
export const ASB_CATEGORY = categoryOfKind('anti_social_behaviour');
export const HEADLINE_MEASURES_CATEGORY = categoryOfKind('headline_measures');
