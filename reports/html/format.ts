/**
 * Rounding for display. `indicators.csv` keeps full precision; the report rounds each unit to
 * the places a reader needs (whole counts, one decimal for percentages, two for rates).
 */
import type { PublishedRow } from '../types.js';

const DECIMALS: Readonly<Record<string, number>> = {
  count: 0,
  per_1000: 2,
  per_100000: 1,
  percent: 1,
  ratio: 2,
  index: 0,
  rank: 0,
  rho: 2,
  years: 1,
};

/** What a unit means, for headings ("per 1,000 residents"). */
export const UNIT_LABELS: Readonly<Record<string, string>> = {
  count: 'count',
  per_1000: 'per 1,000 residents',
  per_100000: 'per 100,000 residents',
  percent: '%',
  ratio: 'ratio',
  index: 'index (100 = average month)',
  rank: 'rank (1 = lowest rate)',
  rho: "Spearman's rho",
  years: 'years',
};

/** A number rounded for its unit, with thousands separators: 1,234 · 45.2 · 0.87. */
export function formatNumber(value: number, unit: string): string {
  const places = DECIMALS[unit] ?? 2;
  return value.toLocaleString('en-GB', {
    minimumFractionDigits: places,
    maximumFractionDigits: places,
  });
}

/** The value cell: the rounded number (with % for percentages), "suppressed", or "–". */
export function formatValue(row: PublishedRow): string {
  if (row.suppressed) return 'suppressed';
  if (row.value === null) return '–';
  return `${formatNumber(row.value, row.unit)}${row.unit === 'percent' ? '%' : ''}`;
}

/** The confidence interval cell: "12.1 – 15.3", or blank when there is none. */
export function formatInterval(row: PublishedRow): string {
  if (row.suppressed || row.lower_ci95 === null || row.upper_ci95 === null) return '';
  return `${formatNumber(row.lower_ci95, row.unit)} – ${formatNumber(row.upper_ci95, row.unit)}`;
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
