/**
 * What the report stage passes between its parts. Everything here is read from the
 * `indicators_published` view (suppression applied) and the run's manifest: the report
 * computes no statistics and never sees a row-level extract.
 */
import type { ComparatorAuto } from '../core/config.js';
import type { ManifestInput } from '../core/provenance.js';
import type { SourceCoverage } from '../indicators/coverage.js';
import type { IndicatorDefinition, Status } from '../indicators/define.js';
import type { IndicatorId } from '../indicators/generated/ids.js';
import type { PopulationYear } from '../indicators/population-year.js';

/**
 * One row of `indicators.csv` as published, suppressed values blank (docs/contract.md#indicators-csv).
 */
export interface PublishedRow {
  indicator_id: IndicatorId;
  category: string;
  area_code: string;
  period_start: string;
  period_end: string;
  breakdown: string;
  breakdown_value: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  lower_ci95: number | null;
  upper_ci95: number | null;
  unit: string;
  significance: 'higher' | 'similar' | 'lower' | null;
  suppressed: boolean;
  method: string;
  note: string | null;
  status: Status;
}

/** Everything the report's parts read. */
export interface ReportData {
  area: { name: string; codes: string[]; areaCode: string };
  period: {
    start: string;
    end: string;
    previousStart: string;
    previousEnd: string;
    historyStart: string;
  };
  /** The config's `area.synthetic` (the bundled demo data): every chart and page then says "SYNTHETIC". */
  synthetic: boolean;
  suppressBelow: number;
  repeatAddressMin: number;
  rows: readonly PublishedRow[];
  definitions: readonly IndicatorDefinition[];
  /** Comparator area names by code, for sentences and charts. */
  comparatorNames: Readonly<Record<string, string>>;
  /** What each source the indicators read covers of each period (manifest `coverage`). */
  coverage: readonly SourceCoverage[];
  /** The mid-year of the residents the rates divide by. */
  population: PopulationYear;
  /**
   * Where the police crimes came from: the force's extracts, or police.uk street files alone
   * (whose crime types are broad: the headline then keeps the serious violence ones). Absent
   * when neither was loaded.
   */
  crimeSource?: 'police_crimes' | 'police_uk_street';
  /** The town-centre wards' codes (`area.town_centre_wards`), outlined on the night-time map. */
  townCentreWards?: readonly string[];
  /** Boundaries and binned points for the maps (docs/contract.md#reference-files). */
  maps?: ReportMaps;
  /**
   * National mode's units (`fct_national_units`, one entry per district or group): their names,
   * and why a unit is not ranked. Absent when the run is not in national mode.
   */
  nationalUnits?: readonly NationalUnit[];
  /**
   * How the comparators were chosen when sna chose them from the police.uk street files
   * (config `comparators:`, no `reference.comparators` file): their rule, or `codes` for a list.
   * Absent when they come from the comparators file (or there are none).
   */
  autoComparators?: ComparatorAuto | 'codes';
}

/** A district or configured group of national mode, as `fct_national_units` describes it. */
export interface NationalUnit {
  code: string;
  name: string;
  isArea: boolean;
  country: 'E' | 'W';
  /** The force that covers most of its LSOAs. */
  force: string | null;
  /** Ranked only when complete (and with a population). */
  coverage: 'complete' | 'incomplete' | 'no_population' | 'no_data';
  /** Why it is not complete ("Cheshire Constabulary: no file for 2022-09"). */
  coverageNote: string | null;
}

/** One area of a map: public boundaries, never a person or an address. */
export interface MapArea {
  code: string;
  /** The name the geography lookup gives (the indicators' ward rows are labelled with it). */
  name: string;
  /** The published label: the name, with the code where two wards share a name (areaLabels). */
  label: string;
  /** An LSOA's ward, by its label: tooltips, and the wards named for their hot spots. */
  ward?: string;
  /** GeoJSON geometry in WGS84 longitude/latitude, rings wound as d3 draws them. */
  geometry: GeoJsonGeometry;
}

export type GeoJsonGeometry = { type: string; coordinates: unknown };

/** A level's boundaries, or why its maps cannot be drawn. */
export interface MapLayer {
  areas: readonly MapArea[];
  /** Set when the boundaries do not match the area's geography (another vintage). */
  refused?: string;
}

/** A hexagon of the density map: only cells with at least suppress_below crimes. */
export interface MapHexCell {
  category: string;
  crimes: number;
  geometry: GeoJsonGeometry;
}

export interface ReportMaps {
  lsoa?: MapLayer;
  ward?: MapLayer;
  hexCells?: readonly MapHexCell[];
  /** The hexagons' size from corner to corner (metres). */
  hexCellMetres?: number;
}

/** A chart as written to `charts/<name>.vl.json|.svg|.png`. */
export interface RenderedChart {
  name: string;
  title: string;
  /** One sentence saying what the chart shows, used as alt text and caption. */
  description: string;
  /** One sentence on how to read it, shown under the chart (ChartDefinition.howToRead). */
  howToRead: string;
  /** The indicator ids it reads: its source line names their sources. */
  indicators: readonly string[];
  /** The Vega-Lite spec with its data inlined (v5-compatible features only). */
  spec: Record<string, unknown>;
  svg: string;
}

/** One indicator row a headline sentence was made from. */
export type Fact = PublishedRow;

export interface HeadlineSentence {
  text: string;
  facts: Fact[];
}

/** One row of the SNA headline table (docs/contract.md#headline-table). */
export interface HeadlineRow {
  category: string;
  title: string;
  /** What a police.uk category includes, where that is broader than its title suggests. */
  caveat?: string;
  intelligence: HeadlineSentence[];
  victims: HeadlineSentence[];
  perpetrators: HeadlineSentence[];
  /**
   * The category in one short paragraph ("Violence with injury rose 13% to 380 crimes in
   * 2024/25, not a significant change…"), made from the facts of the sentences above.
   */
  narrative: HeadlineSentence;
}

/** The rules that make key findings (docs/methods.md#key-findings), in their order. */
export type FindingRule =
  | 'change'
  | 'above_comparators'
  | 'above_england'
  | 'hotspot'
  | 'wards_above'
  | 'over_represented';

/**
 * A key finding: a significant difference the indicators show, with its number and 95%
 * interval, the published rows it rests on (none suppressed, none not significant) and where
 * report.html shows them.
 */
export interface Finding extends HeadlineSentence {
  rule: FindingRule;
  category: string;
  /**
   * What the finding is about, so that one fact is stated once: the category (a change, a
   * comparison with the comparator areas), the wards (a hot spot, wards above the funnel), or
   * the ethnic group (over-representation).
   */
  subject: string[];
  /** The id of the element of report.html that shows its evidence (the indicator's table). */
  evidence: string;
}

export interface Headline {
  area: string;
  period: { start: string; end: string };
  /** Which categories the table holds, when not every one with data (police.uk-only runs). */
  scope?: string;
  /** The key findings, most important first (docs/methods.md#key-findings). */
  findings: Finding[];
  rows: HeadlineRow[];
}

/** Run provenance shown in the report and notebook (a subset of manifest.json). */
export interface Provenance {
  version: string;
  configSha256: string;
  generatedAt: string;
  inputs: Array<
    Pick<
      ManifestInput,
      | 'source'
      | 'path'
      | 'sha256'
      | 'rows_read'
      | 'rows_loaded'
      | 'rows_rejected'
      | 'rows_set_aside'
    >
  >;
}
