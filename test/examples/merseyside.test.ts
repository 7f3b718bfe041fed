/**
 * The Merseyside example (`examples/merseyside/sna.config.yaml`) end to end on the real public
 * files in `../shared/data/real`: police.uk street files, the ONS lookup, IMD 2019 File_1 and the
 * IoD2019 population denominators, exactly as published. Every borough's counts per category
 * and rates are checked against figures computed here from the raw CSV with csv-parse.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../pipeline/outputs/manifest.js';
import { REPO_ROOT, runCli, workspace } from '../helpers/workspace.js';

const SHARED = resolve(REPO_ROOT, '..', 'shared', 'data', 'real');
const STREET = join(SHARED, 'police-uk', 'merseyside');
const HAS_DATA = existsSync(STREET);
if (!HAS_DATA) {
  console.warn(
    `skipping the Merseyside example: ${SHARED} is not here (it sits beside the repo in CI)`,
  );
}

const BOROUGHS: Record<string, string> = {
  E08000012: 'Liverpool',
  E08000011: 'Knowsley',
  E08000013: 'St Helens',
  E08000014: 'Sefton',
  E08000015: 'Wirral',
};

type Csv = Array<Record<string, string>>;
const readCsv = (path: string): Csv =>
  parse(path.endsWith('.gz') ? gunzipSync(readFileSync(path)) : readFileSync(path), {
    columns: true,
    bom: true,
  }) as Csv;
const snake = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

interface Expected {
  /** borough → category → crimes in the period. */
  counts: Map<string, Map<string, number>>;
  /** borough → residents (File_6 "Total population" summed over its LSOAs). */
  residents: Map<string, number>;
  /** file name → rows, ASB rows, rows outside Liverpool. */
  files: Map<string, { rows: number; asb: number; outsideLiverpool: number }>;
}

/** The expected figures, from the raw files, without sna. */
function expected(): Expected {
  const ladOf = new Map<string, string>();
  for (const r of readCsv(
    join(SHARED, 'lookups', 'LSOA11_to_Ward19_to_LAD19_Lookup_in_England_and_Wales.csv'),
  )) {
    ladOf.set(r.LSOA11CD ?? '', r.LAD19CD ?? '');
  }
  const counts = new Map<string, Map<string, number>>();
  const files = new Map<string, { rows: number; asb: number; outsideLiverpool: number }>();
  const seen = new Set<string>();
  for (const name of readdirSync(STREET)
    .filter((f) => f.endsWith('-street.csv'))
    .sort()) {
    const rows = readCsv(join(STREET, name));
    let asb = 0;
    let outside = 0;
    for (const r of rows) {
      const id = r['Crime ID'] ?? '';
      if (id === '') {
        asb++;
        continue;
      }
      const lad = ladOf.get(r['LSOA code'] ?? '') ?? '';
      if (lad !== 'E08000012') outside++;
      if (seen.has(id)) continue;
      seen.add(id);
      const byCategory = counts.get(lad) ?? new Map<string, number>();
      const category = snake(r['Crime type'] ?? '');
      byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
      counts.set(lad, byCategory);
    }
    files.set(name, { rows: rows.length, asb, outsideLiverpool: outside });
  }
  const residents = new Map<string, number>();
  for (const r of readCsv(
    join(SHARED, 'population', 'File_6_-_IoD2019_Population_Denominators.csv.gz'),
  )) {
    const lad = r['Local Authority District code (2019)'] ?? '';
    const total = Number(
      (r['Total population: mid 2015 (excluding prisoners)'] ?? '').replaceAll(',', ''),
    );
    residents.set(lad, (residents.get(lad) ?? 0) + total);
  }
  return { counts, residents, files };
}

interface Run {
  /** The run's output folder. */
  out: string;
  indicators: Csv;
  manifest: Manifest;
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the example for one borough: its config with the shared paths made absolute. */
function runBorough(code: string, dir: string, database: string): Run {
  const ws = workspace(`sna-merseyside-${code}-`);
  const yaml = readFileSync(join(REPO_ROOT, 'examples', 'merseyside', 'sna.config.yaml'), 'utf8')
    .replaceAll('../../../shared/data/real/', `${SHARED}/`)
    .replace('name: Liverpool', `name: ${BOROUGHS[code]}`)
    .replace('codes: [E08000012]', `codes: [${code}]`)
    .replace(/^output_dir: .*$/m, `output_dir: ${join(dir, code)}\ndatabase: ${database}`);
  const config = ws.config(yaml);
  const result = runCli(['run', '--config', config]);
  const out = join(dir, code);
  return {
    out,
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    indicators: existsSync(join(out, 'indicators.csv')) ? readCsv(join(out, 'indicators.csv')) : [],
    manifest: existsSync(join(out, 'manifest.json'))
      ? (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest)
      : ({ inputs: [] } as unknown as Manifest),
  };
}

describe.skipIf(!HAS_DATA)('the Merseyside example on real public data', () => {
  let truth: Expected;
  const runs = new Map<string, Run>();

  beforeAll(() => {
    truth = expected();
    const dir = workspace('sna-merseyside-out-').dir;
    // One database for all five: the files load once, then each borough rebuilds its indicators.
    const database = join(dir, 'merseyside.duckdb');
    for (const code of Object.keys(BOROUGHS)) runs.set(code, runBorough(code, dir, database));
  }, 600_000);

  it('runs for every borough with exit 0 and nothing on stderr', () => {
    for (const [code, run] of runs) {
      expect({ code, status: run.status, stderr: run.stderr }).toEqual({
        code,
        status: 0,
        stderr: '',
      });
    }
  });

  it.each(Object.entries(BOROUGHS))(
    'counts each category for %s (%s) as the raw files do',
    (code) => {
      const rows = runs.get(code)?.indicators ?? [];
      const got = Object.fromEntries(
        rows
          .filter((r) => r.indicator_id === 'police.count')
          .map((r) => [r.category, Number(r.value)]),
      );
      const want = Object.fromEntries(truth.counts.get(code) ?? new Map());
      expect(Object.keys(want).length).toBeGreaterThan(10);
      expect(got).toEqual(want);
    },
  );

  it.each(Object.entries(BOROUGHS))(
    'divides by the population file’s residents for %s (%s)',
    (code) => {
      const rows = runs.get(code)?.indicators ?? [];
      const residents = truth.residents.get(code) ?? 0;
      expect(residents).toBeGreaterThan(100_000);
      const rates = rows.filter((r) => r.indicator_id === 'police.rate_per_1000');
      expect(rates.length).toBe(truth.counts.get(code)?.size);
      for (const rate of rates) {
        const count = truth.counts.get(code)?.get(rate.category ?? '') ?? 0;
        expect(Number(rate.denominator)).toBe(residents);
        expect(Number(rate.value)).toBeCloseTo((1000 * count) / residents, 10);
        expect(Number(rate.lower_ci95)).toBeLessThan(Number(rate.value));
        expect(Number(rate.upper_ci95)).toBeGreaterThan(Number(rate.value));
      }
    },
  );

  it('accounts for every row read: loaded + set aside + rejected, ASB and other areas kept apart', () => {
    const manifest = runs.get('E08000012')?.manifest;
    const street = manifest?.inputs.filter((i) => i.source === 'police_uk_street') ?? [];
    expect(street).toHaveLength(12);
    for (const input of manifest?.inputs ?? []) {
      expect(input.rows_read).toBe(input.rows_loaded + input.rows_set_aside + input.rows_rejected);
    }
    for (const input of street) {
      const name = input.path.split('/').pop() ?? '';
      const raw = truth.files.get(name);
      expect({ name, read: input.rows_read, rejected: input.rows_rejected }).toEqual({
        name,
        read: raw?.rows,
        rejected: 0,
      });
      expect(input.set_aside_reasons['anti-social behaviour (kept apart from crime)'] ?? 0).toBe(
        raw?.asb,
      );
      expect(input.set_aside_reasons['outside the area'] ?? 0).toBe(raw?.outsideLiverpool);
      expect(input.rows_loaded).toBe(
        (raw?.rows ?? 0) - (raw?.asb ?? 0) - (raw?.outsideLiverpool ?? 0),
      );
    }
  });

  it('says "not available" for what police.uk files cannot give, with the reason', () => {
    const rows = runs.get('E08000012')?.indicators ?? [];
    const note = (id: string) => rows.find((r) => r.indicator_id === id)?.note;
    expect(note('victims.under_25_pct')).toBe('not available: needs police_crimes, police_victims');
    expect(note('police.by_beat')).toBe('not available: needs police_crimes');
    expect(note('addresses.repeat_count')).toBe('not available: needs police_crimes');
    // Twelve months of data: no previous period to compare with, and no false zeros for it.
    expect(note('police.change')).toBe(
      'previous period 1 December 2020 to 30 November 2021; data cover 0 of 12 months of the previous period; no change is computed over a period the data do not fully cover',
    );
  });

  it('draws Liverpool’s LSOA, ward and hotspot maps from the ONS boundary files', () => {
    const charts = readdirSync(join(runs.get('E08000012')?.out ?? '', 'charts'));
    for (const name of ['map-rate-by-lsoa', 'map-rate-by-ward', 'map-hotspots']) {
      expect(charts).toContain(`${name}.svg`);
      expect(charts).toContain(`${name}.png`);
    }
    const rows = runs.get('E08000012')?.indicators ?? [];
    const gi = rows.filter(
      (r) => r.indicator_id === 'police.hotspot_gi' && r.category === 'robbery',
    );
    // Every one of Liverpool's 298 LSOAs is tested (all have a boundary and a neighbour).
    expect(gi).toHaveLength(298);
    expect(gi.some((r) => r.significance === 'higher')).toBe(true);
  });

  it('refuses Knowsley’s ward maps (2013 wards against the 2019 lookup) and draws its LSOA map', () => {
    const run = runs.get('E08000011');
    const charts = readdirSync(join(run?.out ?? '', 'charts'));
    expect(charts).toContain('map-rate-by-lsoa.svg');
    expect(charts).not.toContain('map-rate-by-ward.svg');
    const report = readFileSync(join(run?.out ?? '', 'report.html'), 'utf8');
    expect(report).toContain(
      'Ward maps: the ward boundaries match 0 of Knowsley&#39;s 15 wards (e.g. E05010935 is not in the file; the file has E05000865, which the geography lookup does not know): another vintage',
    );
    expect(run?.stdout).toContain('the ward boundaries match 0 of Knowsley');
  });

  it('names the population year used (File_6: mid-2015) on every rate, with a warning', () => {
    const run = runs.get('E08000012');
    expect(run?.manifest.population).toEqual({ year: 2015, period_end_year: 2022 });
    const rates = (run?.indicators ?? []).filter(
      (r) => r.indicator_id === 'police.rate_per_1000' && r.area_code === 'E08000012',
    );
    expect(rates.length).toBeGreaterThan(10);
    for (const rate of rates) {
      expect(rate.note).toContain('population of mid-2015 (7 years before the period ends)');
    }
    expect(run?.stdout).toContain(
      'warn: rates use the population of mid-2015, 7 years before the period ends (2022)',
    );
    // Twelve months of files cover the assessment period: no coverage note on the counts.
    expect(run?.manifest.coverage.police_uk_street?.periods.assessment?.complete).toBe(true);
  });
});
