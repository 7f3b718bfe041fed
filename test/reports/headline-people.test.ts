/**
 * The victim, offender, A&E and youth justice sentence builders on hand-made rows, and the
 * assembled table and its files on a small hand-made area (ordering, empty and suppressed
 * columns, hostile text from data).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { periodWords } from '../../reports/headline/format.js';
import { buildHeadline, writeHeadline } from '../../reports/headline/index.js';
import * as people from '../../reports/headline/sentences/people.js';
import * as services from '../../reports/headline/sentences/services.js';
import type { PublishedRow, ReportData } from '../../reports/types.js';
import { publishedRow } from '../helpers/published-row.js';

const PERIOD = periodWords('2024-04-01', '2025-03-31');

/** A published row of the demo area's 2024/25 period; `fields` override the defaults. */
function row(indicator_id: string, fields: Partial<PublishedRow> = {}): PublishedRow {
  return publishedRow({ indicator_id, unit: 'percent', method: 'wilson' }, fields);
}
const suppressed = (id: string, fields: Partial<PublishedRow> = {}) =>
  row(id, { suppressed: true, note: 'suppressed: fewer than 5', ...fields });
const notAvailable = (id: string) => row(id, { note: 'not available: needs police_victims' });

describe('victims and perpetrators', () => {
  const pct = (id: string, value: number) => row(id, { value, numerator: 1, denominator: 1 });

  it('states age, sex and repeat shares, and nothing for suppressed or unavailable rows', () => {
    expect(people.victimsUnder25(pct('victims.under_25_pct', 45.2))?.text).toBe(
      '45% of victims are under the age of 25.',
    );
    expect(people.victimsUnder18(pct('victims.under_18_pct', 12.8))?.text).toBe(
      '13% of victims are under 18.',
    );
    expect(people.victimsMale(pct('victims.male_pct', 64.2))?.text).toBe(
      '64% of victims are male.',
    );
    expect(people.repeatVictims(pct('victims.repeat_pct', 13), PERIOD)?.text).toBe(
      '13% of victims were victims more than once in 2024/25.',
    );
    expect(people.repeatVictims(pct('victims.repeat_pct', 0), PERIOD)?.text).toBe(
      'No repeat victims in 2024/25.',
    );
    expect(people.offendersUnder18(pct('offenders.under_18_pct', 36))?.text).toBe(
      '36% of offenders are under 18.',
    );
    expect(people.offendersUnder25(pct('offenders.under_25_pct', 75))?.text).toBe(
      '75% of offenders are under the age of 25.',
    );
    expect(people.offendersMale(pct('offenders.male_pct', 84.4))?.text).toBe(
      '84% of offenders are male.',
    );
    expect(people.victimsUnder25(suppressed('victims.under_25_pct'))).toBeNull();
    expect(people.victimsMale(notAvailable('victims.male_pct'))).toBeNull();
  });

  it('adds a fraction to repeat offenders only when the shown percentage is close to it', () => {
    expect(people.repeatOffendersMale(pct('offenders.repeat_male_pct', 68))?.text).toBe(
      '68% of repeat offenders are male (about two thirds).',
    );
    expect(people.repeatOffendersMale(pct('offenders.repeat_male_pct', 90))?.text).toBe(
      '90% of repeat offenders are male.',
    );
    expect(
      people.repeatOffendersMale(row('offenders.repeat_male_pct', { note: 'denominator is 0' })),
    ).toBeNull();
  });

  it('names only the ethnic groups whose ratio CI lies above 1, largest first', () => {
    const group = (g: string, value: number | null, lower: number | null) =>
      row('offenders.disproportionality', {
        breakdown: 'ethnic_group',
        breakdown_value: g,
        value,
        lower_ci95: lower,
        unit: 'ratio',
        suppressed: value === null,
      });
    const rows = [
      group('Asian', null, null),
      group('Black', 3.243, 2.29),
      group('Mixed', 1.54, 0.84),
      group('Other', 9.04, 1.2),
      group('White', 0.9, 0.82),
    ];
    const sentences = people.disproportionality(rows);
    expect(sentences.map((s) => s.text)).toEqual([
      'Offenders of other ethnic groups are 9.0 times what the area’s population would suggest.',
      'Black offenders are 3.2 times what the area’s population would suggest.',
    ]);
    expect(sentences[1]?.facts).toEqual([rows[1]]);
  });
});

describe('A&E and youth justice', () => {
  it('states A&E shares', () => {
    expect(services.aeUnder25(row('ae.under_25_pct', { value: 41.1 }))?.text).toBe(
      '41% of patients are under the age of 25.',
    );
    expect(services.aeKnife(row('ae.knife_pct', { value: 14.9 }))?.text).toBe(
      '15% of assaults with a known method involved a knife or sharp object.',
    );
  });

  it('states children, offences and mean age together', () => {
    const children = row('yj.children', { value: 71, numerator: 71, unit: 'count' });
    const offences = row('yj.offences', { value: 150, numerator: 150, unit: 'count' });
    const age = row('yj.mean_age', { value: 15.2173, unit: 'years' });
    const s = services.childrenAndOffences(children, offences, age, PERIOD);
    expect(s?.text).toBe(
      '71 children committed 150 offences in 2024/25; mean age at offence 15.2.',
    );
    expect(s?.facts).toEqual([children, offences, age]);
    const hidden = suppressed('yj.children');
    expect(services.childrenAndOffences(hidden, offences, age, PERIOD)?.text).toBe(
      'Too few children offended in 2024/25 to publish the numbers.',
    );
  });

  it('names the commonest offence type and the busiest locality', () => {
    const mix = [
      row('yj.offence_mix', { breakdown: 'offence_category', breakdown_value: 'drugs', value: 13 }),
      row('yj.offence_mix', {
        breakdown: 'offence_category',
        breakdown_value: 'violence_against_person',
        value: 33.4,
      }),
      suppressed('yj.offence_mix', { breakdown: 'offence_category', breakdown_value: 'sexual' }),
    ];
    expect(services.commonestOffence(mix)?.text).toBe(
      'The most common offence type is violence against the person (33% of offences).',
    );
    const places = [
      row('yj.by_locality', { breakdown: 'locality', breakdown_value: 'North', value: 50.4 }),
    ];
    expect(services.busiestLocality(places)?.text).toBe(
      '50% of offences were by children in the North locality.',
    );
    expect(services.commonestOffence([])).toBeNull();
  });

  it('states first-time entrants with their rate per 100,000', () => {
    const r = row('yj.fte_rate_per_100000', {
      numerator: 53,
      denominator: 9964,
      value: 531.9148936170212,
      unit: 'per_100000',
    });
    expect(services.firstTimeEntrants(r)?.text).toBe(
      '53 first-time entrants to the youth justice system: 531.9 per 100,000 residents aged 10–17.',
    );
  });
});

/** A small area: counts for a few categories (one of them 0, one suppressed) and one beat. */
function area(extra: PublishedRow[] = []): ReportData {
  const count = (category: string, value: number | null) =>
    value === null
      ? suppressed('police.count', { category, unit: 'count' })
      : row('police.count', { category, value, numerator: value, unit: 'count' });
  return {
    area: { name: 'Testshire', codes: ['E08999999'], areaCode: 'E08999999' },
    period: {
      start: '2024-04-01',
      end: '2025-03-31',
      previousStart: '2023-04-01',
      previousEnd: '2024-03-31',
      historyStart: '2020-04-01',
    },
    synthetic: false,
    suppressBelow: 5,
    repeatAddressMin: 3,
    coverage: [],
    population: { year: 2025, periodEndYear: 2025 },
    rows: [
      count('knife_crime', 63),
      count('homicide', null),
      count('modern_slavery', 0),
      count('serious_violence', 70),
      suppressed('victims.under_25_pct', { category: 'homicide' }),
      row('police.top_beat_share', {
        category: 'knife_crime',
        breakdown: 'beat',
        breakdown_value: 'N1G1',
        numerator: 12,
        denominator: 60,
        value: 20,
      }),
      ...extra,
    ],
    definitions: [],
    comparatorNames: {},
  };
}

describe('the assembled table', () => {
  it('has a row per category with data, all serious violence first, in the basket order', () => {
    const headline = buildHeadline(area());
    expect(headline.rows.map((r) => r.category)).toEqual([
      'serious_violence',
      'homicide',
      'knife_crime',
    ]);
    expect(headline.rows.map((r) => r.title)).toEqual([
      'All serious violence',
      'Homicide',
      'Knife crime',
    ]);
  });

  it('says a column is too small to publish when all its figures are suppressed', () => {
    const homicide = buildHeadline(area()).rows.find((r) => r.category === 'homicide');
    expect(homicide?.victims.map((s) => s.text)).toEqual(['Numbers too small to publish.']);
    expect(homicide?.perpetrators).toEqual([]);
  });

  it('leaves out a share resting on no more known values than suppress_below', () => {
    const share = (id: string, numerator: number, denominator: number) =>
      row(id, {
        category: 'knife_crime',
        numerator,
        denominator,
        value: (100 * numerator) / denominator,
      });
    const perpetrators = (rows: PublishedRow[], suppressBelow = 5) =>
      buildHeadline({ ...area(rows), suppressBelow })
        .rows.find((r) => r.category === 'knife_crime')
        ?.perpetrators.map((s) => s.text);
    // 0 of 5 offenders with a known age: left out; the column says why it is empty.
    expect(perpetrators([share('offenders.under_18_pct', 0, 5)])).toEqual([
      'Numbers too small to publish.',
    ]);
    expect(perpetrators([share('offenders.under_18_pct', 0, 6)])).toEqual([
      '0% of offenders are under 18.',
    ]);
    // The threshold is the run's: with suppress_below 10, 6 known ages are too few.
    expect(perpetrators([share('offenders.under_18_pct', 0, 6)], 10)).toEqual([
      'Numbers too small to publish.',
    ]);
    // Other sentences of the column stay.
    expect(
      perpetrators([share('offenders.under_18_pct', 0, 5), share('offenders.male_pct', 40, 50)]),
    ).toEqual(['80% of offenders are male.']);
  });

  it('keeps hostile text from data harmless in CSV and Markdown', async () => {
    const formula = '=HYPERLINK("http://x")';
    const data = area([row('police.count', { category: formula, value: 9, numerator: 9 })]);
    const rows = data.rows.map((r) =>
      r.indicator_id === 'police.top_beat_share' ? { ...r, breakdown_value: 'N1|G1 <b>*' } : r,
    );
    const dir = mkdtempSync(join(tmpdir(), 'sna-headline-hostile-'));
    await writeHeadline(buildHeadline({ ...data, rows }), dir);
    const csv = parse(readFileSync(join(dir, 'headline.csv'), 'utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    const bad = csv.find((r) => r.category?.includes('HYPERLINK'));
    expect(bad?.category).toBe(`'${formula}`);
    expect(bad?.title).toBe(`'${formula}`);
    for (const r of csv)
      for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const md = readFileSync(join(dir, 'headline.md'), 'utf8');
    const knife = md.split('\n').find((l) => l.startsWith('| Knife crime'));
    expect(knife?.split(/(?<!\\)\|/)).toHaveLength(6);
    expect(knife).toContain('N1\\|G1 \\<b\\>\\*');
    expect(md).not.toContain('<b>');
  });
});

describe('a source short of the period', () => {
  it('names the period with what the source covers in every sentence that names it', () => {
    const yj = (id: string, value: number) =>
      row(id, { category: 'youth_justice', value, numerator: value, unit: 'count' });
    const short = {
      source: 'youth_justice' as const,
      period: 'assessment' as const,
      start: '2024-04-01',
      end: '2025-03-31',
      monthsExpected: 12,
      monthsCovered: 7,
      complete: false,
      coveredMonths: ['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10'],
      missingMonths: ['2024-11', '2024-12', '2025-01', '2025-02', '2025-03'],
      firstMonth: '2020-04',
      lastMonth: '2024-10',
      gapMonths: 0,
    };
    const data = {
      ...area([yj('yj.offences', 68), yj('yj.children', 46)]),
      coverage: [short],
    };
    const row0 = buildHeadline(data).rows.find((r) => r.category === 'youth_justice');
    expect(row0?.perpetrators[0]?.text).toBe(
      '46 children committed 68 offences in 2024/25 (data cover 7 of 12 months: April to October 2024).',
    );
    // The police categories' source covers the year: their sentences say nothing of it.
    const knife = buildHeadline(data).rows.find((r) => r.category === 'knife_crime');
    expect(knife?.intelligence[0]?.text).not.toContain('data cover');
  });
});
