/** Words and labels the charts print: dates, periods, category names, age bands, weekdays. */
import { categoryNames, compareCategories } from '../headline/categories.js';
import type { ReportData } from '../types.js';

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** The three-letter name of month 1–12. */
export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** `2024-04-01` → `1 Apr 2024`. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${monthName(month ?? 0)} ${year}`;
}

/** The assessment period as a subtitle line. */
export function periodLine(data: ReportData): string {
  return `Period: ${formatDate(data.period.start)} to ${formatDate(data.period.end)}`;
}

/** The monthly history as a subtitle line. */
export function historyLine(data: ReportData): string {
  return `Monthly history: ${formatDate(data.period.historyStart)} to ${formatDate(data.period.end)}`;
}

/** The category's display title ("Violence with injury"), shared with the headline table. */
export function categoryTitle(category: string): string {
  return categoryNames(category).title;
}

/** Categories in report order: all serious violence first, then the contract's basket. */
export function sortCategories(categories: Iterable<string>): string[] {
  return [...new Set(categories)].sort(compareCategories);
}

/** The age bands of every `*.by_age_sex` indicator, youngest first. */
export const AGE_BANDS = [
  '0-9',
  '10-17',
  '18-24',
  '25-34',
  '35-44',
  '45-54',
  '55-64',
  '65+',
] as const;

export const SEX_LABELS: Readonly<Record<string, string>> = {
  M: 'Male',
  F: 'Female',
  X: 'Other',
};

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** What a suppressed value is shown as, and the note that explains it. */
export const SUPPRESSED_LABEL = 'suppressed';
export function suppressedNote(data: ReportData, shownAs = `"${SUPPRESSED_LABEL}"`): string {
  return `${shownAs}: fewer than ${data.suppressBelow}, or would reveal such a count`;
}

/** The line every chart of demo data carries. */
export const SYNTHETIC_LINE = 'SYNTHETIC DATA: a fictional borough, not real figures';
