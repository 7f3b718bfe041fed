/**
 * A chart's source line, as a published figure carries one: the data it was drawn from (as the
 * chart's indicator declarations say, limited to the sources this run loaded) and the indicators
 * of `indicators.csv` that hold its numbers, so an editor can check any figure.
 */
import type { Source } from '../../core/config.js';
import { eventSourcesOf, SOURCE_NAMES } from '../../indicators/coverage.js';
import { sourcesOfNeed } from '../../indicators/define.js';
import { CHARTS } from '../charts/index.js';
import { capitalise } from '../headline/format.js';
import type { Provenance, ReportData } from '../types.js';

/** How sources other than the dated extracts are named (lookups a reader needs not be told of are absent). */
function referenceName(source: Source, data: ReportData): string | undefined {
  switch (source) {
    case 'police_victims':
      return 'police victim records';
    case 'police_offenders':
      return 'police offender records';
    case 'population':
      return data.population.year === null
        ? 'population estimates'
        : `population estimates (mid-${data.population.year})`;
    case 'imd':
      return 'Indices of Multiple Deprivation';
    case 'comparators':
      return 'comparator areas';
    case 'ethnicity_population':
      return 'population by ethnic group';
    default:
      return undefined;
  }
}

/** The indicator ids a chart reads, as its declaration lists them. */
export function chartIndicators(name: string): readonly string[] {
  return CHARTS.find((c) => c.name === name)?.indicators ?? [];
}

export function sourceLine(name: string, data: ReportData, provenance: Provenance): string {
  // As report.html's: only the ids the run has rows of.
  const ids = chartIndicators(name).filter((id) => data.rows.some((r) => r.indicator_id === id));
  const loaded = new Set(provenance.inputs.map((i) => i.source as Source));
  const definitions = data.definitions.filter((d) => ids.includes(d.id));
  const names = new Set<string>();
  for (const definition of definitions) {
    for (const source of eventSourcesOf(definition, loaded)) names.add(SOURCE_NAMES[source]);
  }
  for (const definition of definitions) {
    for (const source of definition.needs.flatMap(sourcesOfNeed)) {
      const name = loaded.has(source) ? referenceName(source, data) : undefined;
      if (name) names.add(name);
    }
    if (
      definition.needs.some(
        (n) => typeof n === 'object' && 'config' in n && n.config === 'reference.boundaries.lsoa',
      )
    )
      names.add('LSOA boundaries');
  }
  const from = names.size > 0 ? `${capitalise([...names].join('; '))}. ` : '';
  const which = ids.length > 0 ? `Indicators ${ids.join(', ')} (indicators.csv)` : 'indicators.csv';
  return `Source: ${from}${which}; chart file charts/${name}.png.`;
}
