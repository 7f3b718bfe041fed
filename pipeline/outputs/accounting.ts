/**
 * The run log's account of each source's rows, made from the manifest's per-file rows
 * (`manifestInputs`) so the log and `manifest.json` cannot disagree. Ingest itself only knows
 * what it read and rejected: which rows are set aside (outside the area, anti-social
 * behaviour, superseded) is known once the models are built.
 */
import type { ManifestInput } from './manifest.js';

export interface SourceAccounting {
  source: string;
  rows_read: number;
  rows_loaded: number;
  rows_set_aside: number;
  rows_rejected: number;
  set_aside_reasons: Record<string, number>;
}

/** The manifest's files summed by source, in the manifest's order. */
export function accountingBySource(inputs: readonly ManifestInput[]): SourceAccounting[] {
  const bySource = new Map<string, SourceAccounting>();
  for (const input of inputs) {
    const sum = bySource.get(input.source) ?? {
      source: input.source,
      rows_read: 0,
      rows_loaded: 0,
      rows_set_aside: 0,
      rows_rejected: 0,
      set_aside_reasons: {},
    };
    sum.rows_read += input.rows_read;
    sum.rows_loaded += input.rows_loaded;
    sum.rows_set_aside += input.rows_set_aside;
    sum.rows_rejected += input.rows_rejected;
    for (const [reason, n] of Object.entries(input.set_aside_reasons)) {
      sum.set_aside_reasons[reason] = (sum.set_aside_reasons[reason] ?? 0) + n;
    }
    bySource.set(input.source, sum);
  }
  return [...bySource.values()];
}

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * "police_uk_street: 7,437 rows read: 1,805 loaded, 5,632 set aside (5,500 outside the area,
 * 132 anti-social behaviour), 0 rejected". Reasons are the manifest's, largest first, without
 * their bracketed gloss (the manifest keeps it).
 */
export function accountingLine(a: SourceAccounting): string {
  const reasons = Object.entries(a.set_aside_reasons)
    .filter(([, n]) => n > 0)
    .sort(([ra, na], [rb, nb]) => nb - na || ra.localeCompare(rb))
    .map(([reason, n]) => `${count(n)} ${reason.replace(/ \([^)]*\)$/, '')}`);
  const why = reasons.length > 0 ? ` (${reasons.join(', ')})` : '';
  const rows = a.rows_read === 1 ? 'row' : 'rows';
  return `${a.source}: ${count(a.rows_read)} ${rows} read: ${count(a.rows_loaded)} loaded, ${count(a.rows_set_aside)} set aside${why}, ${count(a.rows_rejected)} rejected`;
}
