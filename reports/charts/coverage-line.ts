/**
 * The subtitle line every chart gets when a source its indicators count from covers only part of
 * the assessment period: a map or chart of three months is never read as one of a year. Added
 * where charts are built, so no chart can forget it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Source } from '../../core/config.js';
import { coverageWords, eventSourcesOf, SOURCE_NAMES } from '../../indicators/coverage.js';
import { capitalise } from '../headline/format.js';
import type { ReportData } from '../types.js';
import { wrapLine } from './layout.js';

/** "Police.uk street files: data cover 3 of 12 months: January to March 2025; …". */
export function coverageLines(indicatorIds: readonly string[], data: ReportData): string[] {
  const available = new Set<Source>(data.coverage.map((c) => c.source));
  const sources = new Set(
    data.definitions
      .filter((d) => indicatorIds.includes(d.id))
      .flatMap((d) => eventSourcesOf(d, available)),
  );
  return data.coverage
    .filter((c) => c.period === 'assessment' && !c.complete && sources.has(c.source))
    .map(
      (c) =>
        `${capitalise(SOURCE_NAMES[c.source])}: ${coverageWords(c)}; the counts are for those months only`,
    );
}

/** The spec with `lines` in its subtitle, after the period line (first, when it has none). */
export function withSubtitleLines(spec: TopLevelSpec, lines: readonly string[]): TopLevelSpec {
  const title = (spec as { title?: { text?: string; subtitle?: string[] } }).title;
  if (lines.length === 0 || !title || typeof title !== 'object') return spec;
  const subtitle = [...(title.subtitle ?? [])];
  const at = subtitle.findIndex((line) => line.startsWith('Period: '));
  subtitle.splice(at + 1, 0, ...lines.flatMap((line) => wrapLine(line)));
  return { ...spec, title: { ...title, subtitle } } as TopLevelSpec;
}
