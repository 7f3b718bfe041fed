/**
 * The whole pipeline on the committed synthetic borough: every planted answer of the generator
 * must come back out of the matching indicator, and `indicators.csv` must hold every core id
 * for every category, with the contract's columns and suppression.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../core/log.js';
import type { Planted } from '../../fixtures/generator/planted.js';
import { run } from '../../pipeline/index.js';
import { query, REPO_ROOT, workspace } from '../helpers/workspace.js';

const FIXTURES = join(REPO_ROOT, 'fixtures', 'synthetic');
const planted = JSON.parse(readFileSync(join(FIXTURES, 'planted.json'), 'utf8')) as Planted;

interface Value extends Record<string, unknown> {
  indicator_id: string;
  category: string;
  breakdown: string;
  breakdown_value: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  lower_ci95: number | null;
  upper_ci95: number | null;
  significance: string | null;
  method: string;
}

let values: Value[];
let published: Array<Record<string, string>>;
let header: string[];
let parquet: Array<{ n: number; suppressed: number }>;

beforeAll(async () => {
  const ws = workspace('sna-indicators-');
  const demo = readFileSync(join(REPO_ROOT, 'sna.config.yaml'), 'utf8')
    .replaceAll('fixtures/synthetic/', `${FIXTURES}/`)
    .replace(/^output_dir: .*$/m, `output_dir: ${ws.path('out')}`);
  await run(ws.config(demo), { stages: ['ingest', 'indicators'], log: memoryLogger() });
  values = await query<Value>(ws.path('out/sna.duckdb'), 'SELECT * FROM indicator_values');
  const csv = readFileSync(ws.path('out/indicators.csv'), 'utf8');
  header = csv.split('\n')[0]?.split(',') ?? [];
  published = parse(csv, { columns: true }) as typeof published;
  parquet = await query(
    ws.path('out/sna.duckdb'),
    `SELECT count(*)::INTEGER n, count(*) FILTER (WHERE suppressed)::INTEGER suppressed
     FROM read_parquet('${ws.path('out/indicators.parquet')}')`,
  );
}, 120_000);

/** The one unsuppressed row of an indicator for a category (and breakdown value). */
function row(id: string, category: string, breakdownValue: string | null = null): Value {
  const found = values.filter(
    (v) =>
      v.indicator_id === id &&
      v.category === category &&
      (breakdownValue === null || v.breakdown_value === breakdownValue),
  );
  expect(found, `${id} ${category} ${breakdownValue ?? ''}`).toHaveLength(1);
  return found[0] as Value;
}

const VWI = 'violence_with_injury';

describe('every planted answer is recovered by its indicator', () => {
  it.each(Object.entries(planted.counts))(
    'police.count, police.change and the rate for %s',
    (category, counts) => {
      expect(row('police.count', category).value).toBe(counts.period);
      const change = row('police.change', category);
      expect([change.numerator, change.denominator]).toEqual([counts.period, counts.previous]);
      if (counts.previous > 0)
        expect(change.value).toBeCloseTo(100 * (counts.period / counts.previous - 1), 9);
      const rate = row('police.rate_per_1000', category);
      expect(rate.value).toBeCloseTo((1000 * counts.period) / planted.population.area_2025, 9);
      expect(rate.method).toBe(counts.period < 10 ? 'exact_poisson' : 'byar');
    },
  );

  it('marks the planted peak months as seasonal increases', () => {
    const months = values.filter(
      (v) => v.indicator_id === 'police.seasonal_index' && v.category === VWI,
    );
    expect(months).toHaveLength(12);
    const higher = months
      .filter((m) => m.significance === 'higher')
      .map((m) => Number(m.breakdown_value));
    expect(higher.sort((a, b) => a - b)).toEqual(planted.seasonality.peak_months);
    for (const m of months) {
      expect(m.value).toBeCloseTo(
        planted.seasonality.seasonal_index[String(m.breakdown_value)] ?? Number.NaN,
        9,
      );
    }
  });

  it('finds the planted share of victims under 25, male victims and repeat victims', () => {
    const under25 = row('victims.under_25_pct', VWI);
    expect([under25.numerator, under25.denominator]).toEqual([
      planted.victims_under_25.numerator,
      planted.victims_under_25.denominator,
    ]);
    expect(under25.value).toBeCloseTo(planted.victims_under_25.pct, 9);
    expect(row('victims.male_pct', VWI).value).toBeCloseTo(planted.victims_male.pct, 9);
    const repeat = row('victims.repeat_pct', VWI);
    expect([repeat.numerator, repeat.denominator]).toEqual([
      planted.repeat_victims.repeat_victims,
      planted.repeat_victims.victims,
    ]);
  });

  it('finds the planted male share of repeat offenders', () => {
    const r = row('offenders.repeat_male_pct', VWI);
    expect([r.numerator, r.denominator]).toEqual([
      planted.repeat_offenders_male.numerator,
      planted.repeat_offenders_male.denominator,
    ]);
  });

  it('finds the planted repeat addresses', () => {
    const r = row('addresses.repeat_count', VWI);
    expect([r.value, r.numerator, r.denominator]).toEqual([
      planted.repeat_addresses.addresses,
      planted.repeat_addresses.crimes,
      planted.repeat_addresses.denominator,
    ]);
  });

  it('finds 20% of knife crime in the top beat N1G1', () => {
    const r = row('police.top_beat_share', 'knife_crime');
    expect(r.breakdown_value).toBe(planted.knife_top_beat.beat);
    expect([r.numerator, r.denominator]).toEqual([
      planted.knife_top_beat.numerator,
      planted.knife_top_beat.denominator,
    ]);
    expect(r.value).toBeCloseTo(20, 9);
  });

  it('finds the planted concentration in the top 10% of LSOAs and a deprivation gradient', () => {
    const r = row('police.top10pct_lsoa_share', VWI);
    expect([r.numerator, r.denominator]).toEqual([
      planted.top10pct_lsoa.numerator,
      planted.top10pct_lsoa.denominator,
    ]);
    // More crime where more deprived: rate falls as IMD rank rises.
    expect(row('police.imd_spearman', VWI).value).toBeLessThan(0);
    const deciles = values
      .filter((v) => v.indicator_id === 'police.rate_by_imd_decile' && v.category === VWI)
      .sort((a, b) => Number(a.breakdown_value) - Number(b.breakdown_value));
    expect(deciles.length).toBeGreaterThanOrEqual(2);
    const [mostDeprived] = deciles;
    const leastDeprived = deciles.at(-1);
    expect(mostDeprived?.value).toBeGreaterThan(leastDeprived?.value ?? Number.POSITIVE_INFINITY);
  });

  it('finds Black offenders over-represented by the planted ratio', () => {
    const r = row('offenders.disproportionality', VWI, 'Black');
    expect(r.value).toBeCloseTo(planted.disproportionality.ratio, 9);
    expect(r.lower_ci95).toBeGreaterThan(1);
  });

  it('ranks the area third lowest of ten', () => {
    const r = row('police.rank_among_comparators', VWI);
    expect([r.value, r.denominator]).toEqual([
      planted.comparator_rank.rank,
      planted.comparator_rank.of,
    ]);
  });

  it('compares the area with its comparators together, as the raw comparators file gives them', () => {
    const file = parse(readFileSync(join(FIXTURES, 'reference', 'comparators.csv')), {
      columns: true,
    }) as Array<Record<string, string>>;
    const areaCode = readFileSync(join(REPO_ROOT, 'sna.config.yaml'), 'utf8').match(
      /codes: \[(\w+)\]/,
    )?.[1];
    const year = '2025'; // the period ends on 2025-03-31
    for (const category of Object.keys(planted.comparator_ranks)) {
      const peers = file.filter(
        (r) => r.category === category && r.year === year && r.area_code !== areaCode,
      );
      const crimes = peers.reduce((sum, r) => sum + Number(r.count), 0);
      const residents = peers.reduce((sum, r) => sum + Number(r.population), 0);
      const r = row('police.comparators_combined_rate_per_1000', category);
      expect([r.numerator, r.denominator], category).toEqual([crimes, residents]);
      expect(r.value).toBeCloseTo((1000 * crimes) / residents, 12);
      // Fingertips: the area's 95% CI against the combined value, touching it is similar.
      const own = row('police.rate_per_1000', category);
      const expected =
        (own.lower_ci95 ?? 0) > (r.value ?? 0)
          ? 'higher'
          : (own.upper_ci95 ?? 0) < (r.value ?? 0)
            ? 'lower'
            : 'similar';
      expect(r.significance, category).toBe(expected);
    }
    // Third lowest of ten, with a rate well below the others' together.
    expect(row('police.comparators_combined_rate_per_1000', VWI).significance).toBe('lower');
  });

  it('places each ward on the funnel around the wards’ pooled rate', () => {
    for (const category of [VWI, 'serious_violence', 'robbery_personal']) {
      const rows = values.filter(
        (v) => v.indicator_id === 'police.rate_by_ward' && v.category === category,
      );
      const centre = rows.find((r) => r.breakdown === 'none');
      const wards = rows.filter((r) => r.breakdown === 'ward');
      expect(wards.length, category).toBeGreaterThanOrEqual(2);
      // The centre line pools the wards: their crimes with a known LSOA over their residents.
      const sum = (key: 'numerator' | 'denominator') =>
        wards.reduce((total, w) => total + (w[key] ?? 0), 0);
      expect([centre?.numerator, centre?.denominator]).toEqual([
        sum('numerator'),
        sum('denominator'),
      ]);
      expect(centre?.numerator).toBe(row('police.top10pct_lsoa_share', category).denominator);
      expect(centre?.denominator).toBe(row('police.rate_per_1000', category).denominator);
      for (const ward of wards) {
        expect(ward.value).toBeCloseTo(
          (1000 * (ward.numerator ?? 0)) / (ward.denominator ?? 1),
          12,
        );
        // Funnel significance at 95% is the ward's own 95% interval against the centre line.
        const average = centre?.value ?? 0;
        const expected =
          (ward.lower_ci95 ?? 0) > average
            ? 'higher'
            : (ward.upper_ci95 ?? 0) < average
              ? 'lower'
              : 'similar';
        expect(ward.significance, `${category} ${ward.breakdown_value}`).toBe(expected);
      }
    }
  });

  it('finds the ward of the planted hotspot beat far above the funnel', () => {
    const geography = parse(readFileSync(join(FIXTURES, 'reference', 'geography.csv')), {
      columns: true,
    }) as Array<Record<string, string>>;
    const hotspotWard = geography.find((g) => g.beat === planted.knife_top_beat.beat)?.ward_name;
    const ward = row('police.rate_by_ward', VWI, hotspotWard ?? '?');
    expect(ward.significance).toBe('higher');
    expect(values.find((v) => v === ward)?.note).toBe(
      'outside the 99.8% funnel limits; population of mid-2025',
    );
  });

  it('finds the planted A&E profile', () => {
    const { ae } = planted;
    expect(row('ae.count', 'ae_assault').value).toBe(ae.count);
    for (const [id, share] of [
      ['ae.under_25_pct', ae.under_25],
      ['ae.knife_pct', ae.knife],
      ['ae.home_pct', ae.home],
      ['ae.outside_area_pct', ae.outside_area],
    ] as const) {
      const r = row(id, 'ae_assault');
      expect([r.numerator, r.denominator], id).toEqual([share.numerator, share.denominator]);
    }
    expect(row('ae.change', 'ae_assault').denominator).toBe(ae.previous_count);
  });

  it('finds the planted youth justice cohort', () => {
    const { youth_justice: yj } = planted;
    expect(row('yj.children', 'youth_justice').value).toBe(yj.children);
    expect(row('yj.offences', 'youth_justice').value).toBe(yj.offences);
    expect(row('yj.mean_age', 'youth_justice').value).toBeCloseTo(yj.mean_age, 9);
    const ooc = row('yj.ooc_pct', 'youth_justice');
    expect([ooc.numerator, ooc.denominator]).toEqual([yj.ooc.numerator, yj.ooc.denominator]);
    const fte = row('yj.fte_rate_per_100000', 'youth_justice');
    expect([fte.numerator, fte.denominator]).toEqual([yj.fte_children, yj.population_10_17]);
  });

  it('finds the planted measures of success', () => {
    const hm = planted.headline_measures;
    expect(row('hm.knife_victims_under_25', 'headline_measures').value).toBe(
      hm.knife_victims_under_25,
    );
    expect(row('hm.non_domestic_homicide', 'headline_measures').value).toBe(
      hm.non_domestic_homicide,
    );
    expect(row('hm.ae_assault_under_25', 'headline_measures').value).toBe(hm.ae_assault_under_25);
    expect(row('hm.robbery', 'headline_measures').value).toBe(hm.robbery);
  });
});

const CORE_POLICE = [
  'police.count',
  'police.rate_per_1000',
  'police.change',
  'police.monthly',
  'police.seasonal_index',
  'police.top10pct_lsoa_share',
  'police.rank_among_comparators',
  'police.rate_by_imd_decile',
  'police.imd_spearman',
  'victims.under_25_pct',
  'victims.under_18_pct',
  'victims.male_pct',
  'victims.repeat_pct',
  'offenders.under_18_pct',
  'offenders.under_25_pct',
  'offenders.male_pct',
];

describe('indicators.csv', () => {
  it('has the contract columns, in order', () => {
    expect(header.slice(0, 16)).toEqual([
      'indicator_id',
      'category',
      'area_code',
      'period_start',
      'period_end',
      'breakdown',
      'breakdown_value',
      'numerator',
      'denominator',
      'value',
      'lower_ci95',
      'upper_ci95',
      'unit',
      'significance',
      'suppressed',
      'method',
    ]);
  });

  it('never publishes a small count of crimes with a known address beside repeat addresses', () => {
    const rows = published.filter((r) => r.indicator_id === 'addresses.repeat_count');
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      const denominator = r.denominator === '' ? null : Number(r.denominator);
      expect(denominator === null || denominator === 0 || denominator >= 5, r.category).toBe(true);
    }
    expect(rows.some((r) => r.suppressed === 'true' && r.denominator === '')).toBe(true);
  });

  it('says true or false in suppressed on every row, even where there is no numerator', () => {
    const blank = published.filter((r) => r.suppressed !== 'true' && r.suppressed !== 'false');
    expect(blank.map((r) => `${r.indicator_id} ${r.category}`)).toEqual([]);
    expect(published.some((r) => r.indicator_id === 'yj.mean_age')).toBe(true);
  });

  it.each(Object.keys(planted.counts))('has every core police indicator for %s', (category) => {
    const ids = new Set(
      published.filter((r) => r.category === category).map((r) => r.indicator_id),
    );
    // Comparators exist for five categories only; the others' rows say so instead of a value.
    const expected = [
      ...CORE_POLICE,
      'police.comparators_combined_rate_per_1000',
      'police.comparator_rate_per_1000',
    ];
    for (const id of expected) expect(ids, `${category} ${id}`).toContain(id);
  });

  it('is mirrored by indicators.parquet', () => {
    expect(parquet[0]).toEqual({
      n: published.length,
      suppressed: published.filter((r) => r.suppressed === 'true').length,
    });
  });

  it('has the A&E, youth justice and headline ids', () => {
    const ids = new Set(published.map((r) => r.indicator_id));
    for (const id of [
      'ae.count',
      'ae.rate_per_1000',
      'ae.change',
      'ae.male_pct',
      'ae.under_25_pct',
      'ae.by_age_sex',
      'ae.knife_pct',
      'ae.home_pct',
      'ae.outside_area_pct',
      'ae.monthly',
      'yj.children',
      'yj.offences',
      'yj.offence_mix',
      'yj.mean_age',
      'yj.male_pct',
      'yj.by_locality',
      'yj.fte_rate_per_100000',
      'yj.ooc_pct',
      'hm.knife_victims_under_25',
      'hm.non_domestic_homicide',
      'hm.ae_assault_under_25',
      'hm.robbery',
      'offenders.repeat_male_pct',
      'offenders.disproportionality',
      'addresses.repeat_count',
      'police.by_beat',
      'police.top_beat_share',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('suppresses counts of 1 to 4 and what would reveal them, while the database keeps them', () => {
    const small = published.filter(
      (r) => r.indicator_id === 'police.count' && r.suppressed === 'true',
    );
    for (const r of small)
      expect([r.numerator, r.value, r.lower_ci95, r.upper_ci95]).toEqual(['', '', '', '']);
    const homicide = published.find(
      (r) => r.indicator_id === 'police.count' && r.category === 'homicide',
    );
    expect(homicide?.suppressed).toBe('true');
    expect(row('police.count', 'homicide').value).toBe(planted.counts.homicide.period);
    for (const r of published) {
      const n = r.numerator === '' ? null : Number(r.numerator);
      // These count LSOAs, not people (imd_spearman's LSOAs ranked, the hot-spot LSOAs).
      if (
        n !== null &&
        !['police.imd_spearman', 'police.hotspot_lsoa_share'].includes(r.indicator_id ?? '')
      )
        expect(n === 0 || n >= 5, `${r.indicator_id} ${r.category} ${r.breakdown_value}`).toBe(
          true,
        );
    }
    const rate = published.find(
      (r) => r.indicator_id === 'police.rate_per_1000' && r.category === 'homicide',
    );
    expect(rate?.value).toBe('');
  });
});
