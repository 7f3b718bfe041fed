/**
 * Assembles the headline table (docs/contract.md#headline-table): one row per category with data, each column a
 * list of sentences made by the builders in `sentences/` from the published indicator rows.
 */

import { categoryById } from '../../indicators/categories.js';
import { coverageWords } from '../../indicators/coverage.js';
import type { IndicatorId } from '../../indicators/generated/ids.js';
import { NO_AREA_ROWS } from '../../indicators/rows.js';
import { keyFindings, narrative } from '../findings/index.js';
import { areaUnitCode, comparatorSetWords } from '../national.js';
import type {
  Headline,
  HeadlineRow,
  HeadlineSentence,
  PublishedRow,
  ReportData,
} from '../types.js';
import {
  AE_CATEGORY,
  categoryNames,
  compareCategories,
  inPoliceUkHeadline,
  policeUkCaveat,
  YOUTH_JUSTICE_CATEGORY,
} from './categories.js';
import { CategoryRows, hasValue, isSuppressed, suppressedAmong } from './facts.js';
import { type PeriodWords, periodWords } from './format.js';
import { type NationalWords, rateSentences } from './sentences/england.js';
import * as people from './sentences/people.js';
import * as place from './sentences/place.js';
import { sentence } from './sentences/sentence.js';
import * as services from './sentences/services.js';
import { countAndChange, rateAndRank, seasonality } from './sentences/volume.js';
import { leaveOutThin } from './thin-base.js';

/** The indicator whose period count says whether a category has data, by kind of row. */
const VOLUME_ID = (category: string): IndicatorId =>
  categoryById(category)?.volume ?? 'police.count';

/** A category has data when its period count is above 0, or suppressed (so 1 to 4). */
export function categoriesWithData(rows: readonly PublishedRow[]): string[] {
  const found = rows.filter(
    (r) =>
      r.breakdown === 'none' &&
      r.indicator_id === VOLUME_ID(r.category) &&
      (r.suppressed || (hasValue(r) && r.value > 0)),
  );
  return [...new Set(found.map((r) => r.category))].sort(compareCategories);
}

/**
 * A column's sentences; when every figure it could state is suppressed, one sentence saying
 * so (its facts the suppressed rows) instead of an empty cell that would read as "no data".
 */
function column(
  built: ReadonlyArray<HeadlineSentence | null>,
  sources: ReadonlyArray<PublishedRow | undefined>,
): HeadlineSentence[] {
  const sentences = built.filter((s): s is HeadlineSentence => s !== null);
  if (sentences.length > 0) return sentences;
  const suppressed = suppressedAmong(sources);
  return suppressed.length > 0 ? [sentence('Numbers too small to publish', suppressed)] : [];
}

// Typed lists, not cast strings: a mistyped id does not compile.
const VICTIM_SHARES: readonly IndicatorId[] = [
  'victims.under_25_pct',
  'victims.under_18_pct',
  'victims.male_pct',
  'victims.repeat_pct',
];
const OFFENDER_SHARES: readonly IndicatorId[] = [
  'offenders.under_18_pct',
  'offenders.under_25_pct',
  'offenders.male_pct',
  'offenders.repeat_male_pct',
];

/** A row as its columns make it, before its paragraph is written from them. */
type Columns = Omit<HeadlineRow, 'category' | 'title' | 'narrative'>;
type RowWithoutNarrative = Omit<HeadlineRow, 'narrative'>;

function policeRow(
  rows: CategoryRows,
  period: PeriodWords,
  wardOfLsoa: ReadonlyMap<string, string>,
  national: NationalWords,
): Columns {
  const names = categoryNames(rows.category);
  const r = (id: IndicatorId) => rows.one(id);
  const victims = VICTIM_SHARES.map(r);
  const offenders = OFFENDER_SHARES.map(r);
  const disproportionality = rows.all('offenders.disproportionality');
  return {
    intelligence: column(
      // With too few crimes to publish, place and pattern sentences could only say "none".
      isSuppressed(r('police.count'))
        ? [countAndChange(r('police.count'), r('police.change'), period)]
        : [
            countAndChange(r('police.count'), r('police.change'), period),
            ...rateSentences(rows, national),
            seasonality(rows.all('police.seasonal_index')),
            place.topBeat(r('police.top_beat_share'), names),
            place.nightTimeEconomy(
              r('police.night_time_economy_share'),
              names,
              r('police.night_time_economy_licensed_share'),
            ),
            place.topLsoaShare(r('police.top10pct_lsoa_share')),
            place.hotspot(
              r('police.hotspot_lsoa_share'),
              r('police.hotspot_share'),
              rows.all('police.hotspot_gi'),
              wardOfLsoa,
              names,
            ),
            place.wardsAboveAverage(rows.all('police.rate_by_ward')),
            place.deprivation(r('police.imd_spearman')),
            place.repeatAddresses(r('addresses.repeat_count')),
          ],
      [r('police.count')],
    ),
    victims: column(
      [
        people.victimsUnder25(victims[0]),
        people.victimsUnder18(victims[1]),
        people.victimsMale(victims[2]),
        people.repeatVictims(victims[3], period),
      ],
      victims,
    ),
    perpetrators: column(
      [
        people.offendersUnder18(offenders[0]),
        people.offendersUnder25(offenders[1]),
        people.offendersMale(offenders[2]),
        people.repeatOffendersMale(offenders[3]),
        ...people.disproportionality(disproportionality),
      ],
      [...offenders, ...disproportionality],
    ),
  };
}

function aeRow(rows: CategoryRows, period: PeriodWords): Columns {
  const r = (id: IndicatorId) => rows.one(id);
  const attendances = { one: 'A&E attendance for assault', many: 'A&E attendances for assault' };
  return {
    intelligence: column(
      [
        countAndChange(r('ae.count'), r('ae.change'), period, attendances),
        rateAndRank(r('ae.rate_per_1000'), undefined, 'attendances by residents'),
        services.aeKnife(r('ae.knife_pct')),
        services.aeHome(r('ae.home_pct')),
        services.aeOutsideArea(r('ae.outside_area_pct')),
      ],
      [r('ae.count')],
    ),
    victims: column(
      [services.aeUnder25(r('ae.under_25_pct')), services.aeMale(r('ae.male_pct'))],
      [r('ae.under_25_pct'), r('ae.male_pct')],
    ),
    perpetrators: [],
  };
}

function youthJusticeRow(rows: CategoryRows, period: PeriodWords): Columns {
  const r = (id: IndicatorId) => rows.one(id);
  return {
    intelligence: column(
      [
        services.commonestOffence(rows.all('yj.offence_mix')),
        services.busiestLocality(rows.all('yj.by_locality')),
        services.outOfCourt(r('yj.ooc_pct')),
      ],
      [...rows.all('yj.offence_mix'), r('yj.ooc_pct')],
    ),
    victims: [],
    perpetrators: column(
      [
        services.childrenAndOffences(r('yj.children'), r('yj.offences'), r('yj.mean_age'), period),
        services.childrenMale(r('yj.male_pct')),
        services.firstTimeEntrants(r('yj.fte_rate_per_100000')),
      ],
      [r('yj.children'), r('yj.offences'), r('yj.male_pct')],
    ),
  };
}

const isPoliceCategory = (category: string): boolean =>
  category !== AE_CATEGORY && category !== YOUTH_JUSTICE_CATEGORY;

/** What the table of a police.uk-only run holds, and where the rest went. */
export const POLICE_UK_SCOPE =
  'From police.uk street data, whose crime types are broad: the table holds the three that bear on serious violence (violence and sexual offences, robbery, possession of weapons), each with what police.uk counts in it. The other crime types and anti-social behaviour are in the report’s section “Other crime and anti-social behaviour”.';

/**
 * The categories of the table. A police.uk-only run has police.uk's crime types, shoplifting and
 * bicycle theft among them: only those bearing on serious violence head the table.
 */
export function headlineCategories(data: ReportData): string[] {
  const policeUk = data.crimeSource === 'police_uk_street';
  return categoriesWithData(data.rows)
    .filter((c) => !policeUk || !isPoliceCategory(c) || inPoliceUkHeadline(c))
    .sort((a, b) => compareCategories(a, b, policeUk));
}

/**
 * The period as a category's sentences name it: never a part presented as the whole, so when
 * its source does not cover every month the label says so ("December 2021 to November 2022
 * (data cover 3 of 12 months: September to November 2022)") wherever a sentence names it.
 */
function coveredPeriod(data: ReportData, category: string, period: PeriodWords): PeriodWords {
  const source = categoryById(category)?.source ?? data.crimeSource;
  const short = data.coverage.find(
    (c) => c.source === source && c.period === 'assessment' && !c.complete,
  );
  return short ? { ...period, label: `${period.label} (${coverageWords(short)})` } : period;
}

/** The headline table of a run: one row per category with data, in the table's order. */
export function buildHeadline(data: ReportData): Headline {
  const wholePeriod = periodWords(data.period.start, data.period.end);
  const policeUk = data.crimeSource === 'police_uk_street';
  const wardOfLsoa = new Map((data.maps?.lsoa?.areas ?? []).map((a) => [a.code, a.ward ?? '']));
  const categories = headlineCategories(data);
  const national: NationalWords = {
    area: data.area.name,
    areaUnit: areaUnitCode(data),
    comparators: comparatorSetWords(data),
  };
  const rows = categories.map((category): RowWithoutNarrative => {
    const categoryRows = new CategoryRows(category, data.rows);
    const period = coveredPeriod(data, category, wholePeriod);
    const columns =
      category === AE_CATEGORY
        ? aeRow(categoryRows, period)
        : category === YOUTH_JUSTICE_CATEGORY
          ? youthJusticeRow(categoryRows, period)
          : policeRow(categoryRows, period, wardOfLsoa, national);
    const caveat = policeUk ? policeUkCaveat(category) : undefined;
    return leaveOutThin(
      {
        category,
        title: categoryNames(category).title,
        ...(caveat ? { caveat } : {}),
        ...columns,
      },
      data.suppressBelow,
    );
  });
  const context = { period: wholePeriod, wardOfLsoa, areaUnit: national.areaUnit };
  return {
    area: data.area.name,
    period: { start: data.period.start, end: data.period.end },
    ...(policeUk ? { scope: POLICE_UK_SCOPE } : {}),
    findings: keyFindings(data.rows, categories, context),
    rows: [...rows, ...noAreaRows(data, rows)].map((row) => ({
      ...row,
      narrative: narrative(row, context),
    })),
  };
}

/**
 * A police source loaded with rows elsewhere and none in the area (another force's files, codes
 * of another vintage) is said in the table, not left as an empty table.
 */
function noAreaRows(data: ReportData, rows: readonly RowWithoutNarrative[]): RowWithoutNarrative[] {
  if (rows.some((r) => r.category !== AE_CATEGORY && r.category !== YOUTH_JUSTICE_CATEGORY)) {
    return [];
  }
  const found = data.rows.find(
    (r) => r.indicator_id === 'police.count' && r.note?.startsWith(`${NO_AREA_ROWS}: `),
  );
  if (!found?.note) return [];
  const where = found.note.slice(NO_AREA_ROWS.length + 2);
  return [
    {
      category: found.category,
      title: categoryNames(found.category).title,
      intelligence: [
        sentence(`The police crime files hold no rows for ${data.area.name}: ${where}`, [found]),
      ],
      victims: [],
      perpetrators: [],
    },
  ];
}
