/**
 * Wide layouts: published files that hold one row per area (× sex) and one column per age or
 * age band, recognised from their header and reshaped to the long layout in SQL at load time.
 * A layout names, for each long column, the SQL (over the load buffer's `c<n>` text columns)
 * giving its text, and the value columns with the ages each holds.
 */
import { normaliseHeader } from './normalise-header.js';
import { POPULATION_OPEN_AGE } from './reference.js';

export interface WideValueColumn {
  /** Position in the header. */
  index: number;
  ageFrom: number;
  ageTo: number;
}

export interface WideReshape {
  layout: string;
  /** SQL text expression per long column, over `c<n>`; constants are quoted literals. */
  keys: { area_code: string; year: string; sex: string };
  /** Header each key came from, for messages. */
  keyHeaders: { area_code: string; year: string; sex: string };
  values: WideValueColumn[];
}

export interface WideLayout {
  name: string;
  /** What the file looks like, for the "not a kind of file sna knows" message. */
  describe: string;
  recognise(header: readonly string[]): WideReshape | undefined;
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const indexOf = (names: readonly string[], ...candidates: string[]) =>
  names.findIndex((n) => candidates.includes(n));

/**
 * ONS mid-year estimates as Trafford Data Lab and others publish them: `period, area_code,
 * …, sex|gender, all_ages, aged_0_to_15, …, 0, 1, …, 89, 90|90+`. Only the single years are
 * read; the totals and broad bands repeat them.
 */
const onsSingleYearWide: WideLayout = {
  name: 'ons_single_year_wide',
  describe:
    'ONS mid-year estimates, wide: area_code, period or year, sex or gender, then one column per single year of age 0…90 (or 90+)',
  recognise(header) {
    const names = header.map(normaliseHeader);
    const area = indexOf(names, 'area_code', 'lsoa_code', 'lsoa11cd', 'lsoa21cd', 'code');
    const year = indexOf(names, 'year', 'period', 'mid_year');
    const sex = indexOf(names, 'sex', 'gender');
    const ages = header.flatMap((h, index) => {
      const m = /^\s*(\d{1,2})(\+)?\s*$/.exec(h.replace(/^\uFEFF/, ''));
      if (!m) return [];
      const age = Number(m[1]);
      const open = m[2] === '+' || age === POPULATION_OPEN_AGE;
      return [{ index, ageFrom: age, ageTo: open ? 120 : age }];
    });
    const covered = new Set(ages.map((a) => a.ageFrom));
    const complete = Array.from({ length: POPULATION_OPEN_AGE + 1 }, (_, a) => a).every((a) =>
      covered.has(a),
    );
    if (area < 0 || year < 0 || !complete) return undefined;
    return {
      layout: this.name,
      keys: {
        area_code: `c${area}`,
        year: `regexp_extract(c${year}, '^\\s*([0-9]{4})', 1)`,
        sex: sex < 0 ? literal('P') : `c${sex}`,
      },
      keyHeaders: {
        area_code: header[area] ?? '',
        year: header[year] ?? '',
        sex: sex < 0 ? '(no sex column: persons)' : (header[sex] ?? ''),
      },
      values: ages.filter((a) => a.ageFrom <= POPULATION_OPEN_AGE),
    };
  },
};

/**
 * IoD2019 File_6 population denominators: one row per LSOA, persons only, mid-2015, in the
 * bands 0–15, 16–59 and 60+ (the total and the working-age column overlap them).
 */
const iod2019Denominators: WideLayout = {
  name: 'iod2019_file6',
  describe:
    'IoD2019 File_6 population denominators: LSOA code (2011), then "Dependent Children aged 0-15", "Population aged 16-59" and "Older population aged 60 and over" for mid-2015',
  recognise(header) {
    const names = header.map(normaliseHeader);
    const area = names.findIndex((n) => /^lsoa_code(_20\d\d)?$/.test(n));
    const band = (pattern: RegExp) => names.findIndex((n) => pattern.test(n));
    const children = band(/^dependent_children_aged_0_15_mid_(\d{4})/);
    const adults = band(/^population_aged_16_59_mid_(\d{4})/);
    const older = band(/^older_population_aged_60_and_over_mid_(\d{4})/);
    if (area < 0 || children < 0 || adults < 0 || older < 0) return undefined;
    const year = /mid_(\d{4})/.exec(names[children] ?? '')?.[1] ?? '';
    return {
      layout: this.name,
      keys: { area_code: `c${area}`, year: literal(year), sex: literal('P') },
      keyHeaders: {
        area_code: header[area] ?? '',
        year: header[children] ?? '',
        sex: '(persons)',
      },
      values: [
        { index: children, ageFrom: 0, ageTo: 15 },
        { index: adults, ageFrom: 16, ageTo: 59 },
        { index: older, ageFrom: 60, ageTo: 120 },
      ],
    };
  },
};

/** Wide layouts by source, tried in order when the long layout's columns are not there. */
export const WIDE_LAYOUTS: Readonly<Partial<Record<string, readonly WideLayout[]>>> = {
  population: [onsSingleYearWide, iod2019Denominators],
};
