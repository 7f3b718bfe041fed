/**
 * The report's cells. Numbers are rounded for display by `reports/format/numbers.ts`, the one
 * definition the headline table and the charts use too; `indicators.csv` keeps full precision.
 */
import { formatEstimate, formatInterval as interval } from '../format/numbers.js';
import type { PublishedRow } from '../types.js';

/** The value cell: the rounded number (with % for percentages), "suppressed", or "–". */
export function formatValue(row: PublishedRow): string {
  if (row.suppressed) return 'suppressed';
  if (row.value === null) return '–';
  return `${formatEstimate(row.value, row.upper_ci95, row.unit)}${row.unit === 'percent' ? '%' : ''}`;
}

/** The confidence interval cell: "12.1 – 15.3", or blank when there is none. */
export function formatInterval(row: PublishedRow): string {
  if (row.suppressed || row.lower_ci95 === null || row.upper_ci95 === null) return '';
  return interval(row.value, row.lower_ci95, row.upper_ci95, row.unit);
}

/** "1 April 2024" from an ISO date, without the time zone moving the day. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
