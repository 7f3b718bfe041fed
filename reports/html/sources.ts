/**
 * How the report names each input, the anchors the provenance section gives them, and the
 * source line under every chart and table: which inputs its numbers come from, each linked to
 * its files, sha256 and coverage in the provenance section.
 */
import { SOURCE_NAMES } from '../../indicators/coverage.js';
import { type Need, sourcesOfNeed } from '../../indicators/define.js';
import type { Provenance, ReportData } from '../types.js';
import { escapeHtml, slug } from './escape.js';

/** Each input of the manifest as a reader knows it; event sources as the cover names them. */
const INPUT_NAMES: Readonly<Record<string, string>> = {
  ...SOURCE_NAMES,
  police_victims: 'police victim extracts',
  police_offenders: 'police offender extracts',
  geography: 'geography lookup',
  population: 'population estimates',
  imd: 'Index of Multiple Deprivation',
  comparators: 'comparator areas’ crimes and populations',
  ethnicity_population: 'population by ethnic group',
  offence_groups: 'offence groups',
  boundaries_lsoa: 'LSOA boundaries',
  boundaries_ward: 'ward boundaries',
};

/** "police crime extracts"; an input this list does not know by its manifest name. */
export const inputName = (source: string): string =>
  INPUT_NAMES[source] ?? source.replaceAll('_', ' ');

/** The provenance section's anchor for one source's files. */
export const sourceAnchor = (source: string): string => `source-${slug(source)}`;

/** The anchor of one input file's sha256: its source and its place among that source's files. */
export const inputAnchor = (source: string, index: number): string =>
  `input-${slug(source)}-${index + 1}`;

/** A setting whose need is a file: the boundaries the maps and hot spots read. */
const CONFIG_FILES: Readonly<Record<string, string>> = {
  'reference.boundaries.lsoa': 'boundaries_lsoa',
};

/**
 * The inputs a need reads in this run. Of alternatives, the one the indicators use: police
 * crimes come from the force's extracts when both they and police.uk's files were loaded.
 */
function inputsOfNeed(need: Need, loaded: ReadonlySet<string>, data: ReportData): string[] {
  if (typeof need === 'object' && 'config' in need) {
    const file = CONFIG_FILES[need.config];
    return file && loaded.has(file) ? [file] : [];
  }
  const sources = sourcesOfNeed(need).filter((source) => loaded.has(source));
  if (sources.length <= 1) return sources;
  const inUse = sources.find((source) => source === data.crimeSource);
  return [inUse ?? sources[0] ?? ''];
}

/**
 * The inputs the given indicators read, in the order their declarations need them (the events
 * first, then the reference data), then any `extra` (a map's boundaries): only inputs this run
 * loaded, so a line never names a file the provenance section does not list.
 */
export function inputsOf(
  indicatorIds: readonly string[],
  data: ReportData,
  provenance: Provenance,
  extra: readonly string[] = [],
): string[] {
  const loaded = new Set(provenance.inputs.map((input) => input.source));
  const wanted = new Set<string>();
  for (const definition of data.definitions) {
    if (!indicatorIds.includes(definition.id)) continue;
    for (const need of definition.needs) {
      for (const source of inputsOfNeed(need, loaded, data)) wanted.add(source);
    }
  }
  for (const source of extra) if (loaded.has(source)) wanted.add(source);
  return [...wanted];
}

/** "Source: <police crime extracts>, <geography lookup>; indicator <police.count>." as HTML. */
export function sourceLine(inputs: readonly string[], indicatorIds: readonly string[]): string {
  const links = inputs.map(
    (source) => `<a href="#${sourceAnchor(source)}">${escapeHtml(inputName(source))}</a>`,
  );
  const ids = indicatorIds.map(
    (id) => `<a href="#definition-${escapeHtml(id)}"><code>${escapeHtml(id)}</code></a>`,
  );
  const parts = [
    links.length ? links.join(', ') : 'the run’s published indicators',
    ...(ids.length ? [`${ids.length === 1 ? 'indicator' : 'indicators'} ${ids.join(', ')}`] : []),
  ];
  return `<p class="source"><span class="label">Source:</span> ${parts.join('; ')}.</p>`;
}

/**
 * The one-sentence "how to read this" and the source line every chart and table carries: under
 * a chart or a short table, above a long one (the headline and indicator tables, which a reader
 * should not have to scroll past to learn how to read); `id` lets the table name it with
 * aria-describedby.
 */
export function readingNotes(howToRead: string, source: string, id?: string): string {
  return `<p class="how-to-read"${id ? ` id="${id}"` : ''}><span class="label">How to read this:</span> ${escapeHtml(howToRead)}</p>
${source}`;
}
