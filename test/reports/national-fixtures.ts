/**
 * Hand-made national-mode rows for the report tests (issue 17), as docs/contract.md (National mode)
 * describes them: `police.district_rate_per_1000` per unit × category (published for ranked
 * districts, not available for incomplete or population-less ones), the England rate, the
 * area's rank, and `fct_national_units`' names and coverage. Liverpool is the area. The
 * significance and notes are set here, not computed: the report must draw what is published.
 */
import type { NationalUnit, PublishedRow, ReportData } from '../../reports/types.js';
import { publishedRow } from '../helpers/published-row.js';
import { reportData } from './html-fixtures.js';

/** The note of a district above England's 99.8% limit, as the police-national family writes it. */
export const OUT = "higher than England beyond the funnel's 99.8% limits";
export const AREA = 'E08000012';
export const VSO = 'violence_and_sexual_offences';
export const PERIOD = { period_start: '2022-09-01', period_end: '2022-09-30' } as const;

type Sig = 'higher' | 'similar' | 'lower';
/** code, name, residents, violence and sexual offences, significance, outside 99.8%. */
type Ranked = [string, string, number, number, Sig, boolean];
export const RANKED: Ranked[] = [
  [AREA, 'Liverpool', 486_100, 2_100, 'higher', true],
  ['E08000011', 'Knowsley', 154_500, 600, 'higher', true],
  ['E08000014', 'Sefton', 279_300, 860, 'similar', false],
  ['E08000013', 'St Helens', 183_200, 720, 'higher', true],
  ['E08000015', 'Wirral', 320_200, 1_050, 'higher', false],
  ['E06000001', 'Hartlepool', 92_300, 420, 'higher', true],
  ['E06000002', 'Middlesbrough', 143_900, 760, 'higher', true],
  ['E07000223', 'Adur', 64_500, 130, 'lower', true],
  ['E09000001', 'City of London', 8_600, 90, 'higher', true],
  ['E07000008', 'Cambridge', 145_700, 390, 'similar', false],
];
/** Ranked, but its count is below suppress_below: published blank. */
export const SUPPRESSED: [string, string, number] = ['E06000053', 'Isles of Scilly', 2_100];
/** code, name, country, coverage, note */
export const UNRANKED: Array<[string, string, 'E' | 'W', NationalUnit['coverage'], string]> = [
  ['E08000001', 'Bolton', 'E', 'incomplete', 'Greater Manchester Police: no file for 2022-09'],
  ['E08000002', 'Bury', 'E', 'incomplete', 'Greater Manchester Police: no file for 2022-09'],
  ['E06000049', 'Cheshire East', 'E', 'incomplete', 'Cheshire Constabulary: no file for 2022-09'],
  ['W06000001', 'Isle of Anglesey', 'W', 'no_population', 'no population for Welsh districts'],
  ['W06000002', 'Gwynedd', 'W', 'no_population', 'no population for Welsh districts'],
];

const ENGLAND = { crimes: 150_000, residents: 50_000_000 };

function districtRow(
  category: string,
  code: string,
  residents: number,
  crimes: number,
  sig: Sig,
  outside: boolean,
): PublishedRow {
  const value = (crimes / residents) * 1000;
  return publishedRow({
    ...PERIOD,
    indicator_id: 'police.district_rate_per_1000',
    category,
    area_code: code,
    numerator: crimes,
    denominator: residents,
    value,
    lower_ci95: value * 0.95,
    upper_ci95: value * 1.05,
    unit: 'per_1000',
    method: 'byar',
    significance: sig,
    note: outside ? `${sig} than England beyond the funnel's 99.8% limits` : null,
  });
}

/** Robbery is a twentieth of the violence, its significance "similar" except the area's. */
export function nationalRows(): PublishedRow[] {
  const rows: PublishedRow[] = [];
  for (const [category, share] of [
    [VSO, 1],
    ['robbery', 0.05],
  ] as const) {
    for (const [code, , residents, crimes, sig, outside] of RANKED) {
      const n = Math.round(crimes * share);
      const isVso = category === VSO;
      rows.push(
        districtRow(
          category,
          code,
          residents,
          n,
          isVso ? sig : code === AREA ? 'higher' : 'similar',
          isVso && outside,
        ),
      );
    }
    rows.push(
      publishedRow({
        ...PERIOD,
        indicator_id: 'police.district_rate_per_1000',
        category,
        area_code: SUPPRESSED[0],
        denominator: SUPPRESSED[2],
        unit: 'per_1000',
        method: 'byar',
        suppressed: true,
        note: 'suppressed: fewer than 5 (or derivable from such a count)',
      }),
    );
    for (const [code, , , , note] of UNRANKED) {
      rows.push(
        publishedRow({
          ...PERIOD,
          indicator_id: 'police.district_rate_per_1000',
          category,
          area_code: code,
          unit: 'per_1000',
          method: 'byar',
          status: 'not_available',
          note: `not available: ${note}`,
        }),
      );
    }
    const crimes = Math.round(ENGLAND.crimes * share);
    const value = (crimes / ENGLAND.residents) * 1000;
    rows.push(
      publishedRow({
        ...PERIOD,
        indicator_id: 'police.england_rate_per_1000',
        category,
        area_code: 'E92000001',
        numerator: crimes,
        denominator: ENGLAND.residents,
        value,
        lower_ci95: value * 0.99,
        upper_ci95: value * 1.01,
        unit: 'per_1000',
        method: 'byar',
      }),
    );
  }
  return rows;
}

export function nationalUnits(): NationalUnit[] {
  return [
    ...RANKED.map(([code, name]) => ({
      code,
      name,
      isArea: code === AREA,
      country: 'E' as const,
      force: 'Merseyside Police',
      coverage: 'complete' as const,
      coverageNote: null,
    })),
    {
      code: SUPPRESSED[0],
      name: SUPPRESSED[1],
      isArea: false,
      country: 'E',
      force: 'Devon & Cornwall Police',
      coverage: 'complete',
      coverageNote: null,
    },
    ...UNRANKED.map(([code, name, country, coverage, note]) => ({
      code,
      name,
      isArea: false,
      country,
      force: null,
      coverage,
      coverageNote: note,
    })),
  ];
}

/** Liverpool's report data in national mode, with `rows` added to the national ones. */
export function nationalData(rows: readonly PublishedRow[] = []): ReportData {
  return reportData({
    area: { name: 'Liverpool', codes: [AREA], areaCode: AREA },
    period: {
      start: '2022-09-01',
      end: '2022-09-30',
      previousStart: '2022-08-01',
      previousEnd: '2022-08-31',
      historyStart: '2020-10-01',
    },
    synthetic: false,
    crimeSource: 'police_uk_street',
    rows: [...nationalRows(), ...rows],
    nationalUnits: nationalUnits(),
  });
}

/** The comparators sna chose (auto: force): Merseyside's other districts, as §5 feeds them. */
export const PEERS = ['E08000011', 'E08000013', 'E08000014', 'E08000015'];

function rateRow(indicator: string, code: string, crimes: number, residents: number) {
  const value = (crimes / residents) * 1000;
  return publishedRow({
    ...PERIOD,
    indicator_id: indicator,
    category: VSO,
    area_code: code,
    numerator: crimes,
    denominator: residents,
    value,
    lower_ci95: value * 0.95,
    upper_ci95: value * 1.05,
    unit: 'per_1000',
    method: 'byar',
  });
}

/**
 * The comparator rows of violence and sexual offences: the area's own rate, each peer's, their
 * combined rate (the area significantly higher) and the area's rank among them (5th of 5).
 */
export function comparatorRows(): PublishedRow[] {
  const peers = RANKED.filter(([code]) => PEERS.includes(code));
  const crimes = peers.reduce((sum, p) => sum + p[3], 0);
  const residents = peers.reduce((sum, p) => sum + p[2], 0);
  return [
    rateRow('police.rate_per_1000', AREA, 2_100, 486_100),
    ...peers.map(([code, , n, c]) => rateRow('police.comparator_rate_per_1000', code, c, n)),
    {
      ...rateRow('police.comparators_combined_rate_per_1000', AREA, crimes, residents),
      significance: 'higher',
    },
    publishedRow({
      ...PERIOD,
      indicator_id: 'police.rank_among_comparators',
      category: VSO,
      area_code: AREA,
      value: 5,
      denominator: 5,
      unit: 'rank',
      method: 'rank',
    }),
  ];
}
