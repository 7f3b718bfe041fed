/**
 * What a rule proposes before the gate and the selection (docs/methods.md#key-findings): one
 * candidate per rule and category at most, with the rows it rests on and its sentence.
 */
import { AE_CATEGORY } from '../../indicators/categories.js';
import type { IndicatorId } from '../../indicators/generated/ids.js';
import type { CategoryRows } from '../headline/facts.js';
import type { PeriodWords } from '../headline/format.js';
import { CRIMES, type EventWords } from '../headline/sentences/sentence.js';
import type { FindingRule, PublishedRow } from '../types.js';
import type { Direction } from './gate.js';

export interface Candidate {
  rule: FindingRule;
  category: string;
  /** What it is about (docs/methods.md#key-findings): a later candidate about no more is merged. */
  subject: string[];
  /** The rows whose significant difference it states. */
  claims: PublishedRow[];
  direction: Direction | 'either';
  /** The rows whose values it states beside them (a count, the area's average). */
  support: PublishedRow[];
  /** The sentence, with its number and 95% interval. */
  text: string;
  /**
   * The sentence added when later categories show the same subject, given their names
   * ("personal robbery and sexual offences"): "The hot spots of … lie in these wards too."
   */
  also: (names: string) => string;
  /** The indicator whose block of report.html's indicator table shows the evidence. */
  evidence: IndicatorId;
}

/** What every rule reads besides a category's rows. */
export interface RuleContext {
  period: PeriodWords;
  /** An LSOA's ward, by the ward's label (the LSOA boundaries' lookup), to name hot spots. */
  wardOfLsoa: ReadonlyMap<string, string>;
  /** The area's unit code among England's districts (national mode), to find its district rate. */
  areaUnit?: string;
}

/** A rule: at most one candidate from one category's published rows. */
export type Rule = (rows: CategoryRows, context: RuleContext) => Candidate | null;

/** The id of report.html's indicator-table block of an indicator (reports/html/sections/indicators.ts). */
export const evidenceAnchor = (id: string): string => `indicator-${id}`;

/** What a category's period count counts: A&E attendances, else crimes. */
export const eventsOf = (category: string): EventWords =>
  category === AE_CATEGORY ? { one: 'attendance', many: 'attendances' } : CRIMES;
