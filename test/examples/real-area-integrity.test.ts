/**
 * Never a part presented as the whole, on the real public files in `../shared/data/real`: three
 * months of Merseyside's police.uk files run as a year say so everywhere (or exit 3 when the
 * config requires complete coverage), and a config pointed at another force's file says its rows
 * fall elsewhere instead of publishing an empty table.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../pipeline/outputs/manifest.js';
import type { Headline } from '../../reports/types.js';
import { type CliResult, REPO_ROOT, runCli, workspace } from '../helpers/workspace.js';

const SHARED = resolve(REPO_ROOT, '..', 'shared', 'data', 'real');
const HAS_DATA = existsSync(join(SHARED, 'police-uk', 'merseyside'));
if (!HAS_DATA) {
  console.warn(`skipping the real-area integrity tests: ${SHARED} is not here (CI has it)`);
}

type Csv = Array<Record<string, string>>;

function liverpoolConfig(street: string, thresholds = '', boundaries = ''): string {
  const ws = workspace('sna-real-area-');
  return ws.config(`area:
  name: Liverpool
  codes: [E08000012]
period:
  end: 2022-11-30
  months: 12
  history_years: 1
inputs:
  police_uk_street: ${street}
reference:
  geography: ${SHARED}/lookups/LSOA11_to_Ward19_to_LAD19_Lookup_in_England_and_Wales.csv
  population: ${SHARED}/population/File_6_-_IoD2019_Population_Denominators.csv.gz
${boundaries}
${thresholds}
output_dir: out
`);
}

const outputs = (config: string) => {
  const out = join(config, '..', 'out');
  return {
    indicators: parse(readFileSync(join(out, 'indicators.csv')), { columns: true }) as Csv,
    headline: JSON.parse(readFileSync(join(out, 'headline.json'), 'utf8')) as Headline,
    manifest: JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest,
    html: readFileSync(join(out, 'report.html'), 'utf8'),
    subtitles: Object.fromEntries(
      (existsSync(join(out, 'charts')) ? readdirSync(join(out, 'charts')) : [])
        .filter((f) => f.endsWith('.vl.json'))
        .map((f) => {
          const spec = JSON.parse(readFileSync(join(out, 'charts', f), 'utf8'));
          // Wrapped lines rejoined as one.
          const lines: string[] = spec.title?.subtitle ?? [];
          return [f.replace('.vl.json', ''), lines.join(' ').replace(/\s+/g, ' ')];
        }),
    ) as Record<string, string>,
  };
};

describe.skipIf(!HAS_DATA)('three months of real police.uk files run as a year', () => {
  const three = `${SHARED}/police-uk/merseyside/2022-{09,10,11}-merseyside-street.csv`;
  let run: CliResult;
  let out: ReturnType<typeof outputs>;

  beforeAll(() => {
    const config = liverpoolConfig(
      three,
      '',
      `  boundaries:
    lsoa: ${SHARED}/boundaries/lsoa11/E08000012.geojson
    ward: ${SHARED}/boundaries/wards/E08000012.geojson`,
    );
    run = runCli(['run', '--config', config]);
    out = outputs(config);
  }, 300_000);

  it('says "data cover 3 of 12 months" on every count and rate, in the headline and on the cover', () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'warn: police_uk_street: data cover 3 of 12 months of the assessment period (September to November 2022; no rows for December 2021 to August 2022)',
    );
    const words = 'data cover 3 of 12 months: September to November 2022';
    const counted = out.indicators.filter(
      (r) =>
        ['police.count', 'police.rate_per_1000'].includes(r.indicator_id ?? '') &&
        r.area_code === 'E08000012',
    );
    expect(counted.length).toBeGreaterThan(20);
    for (const row of counted) expect(row.note, row.category).toContain(words);
    const first = out.headline.rows.map((r) => r.intelligence[0]?.text ?? '');
    expect(first.length).toBe(3);
    for (const text of first) expect(text).toContain(`December 2021 to November 2022 (${words})`);
    expect(out.manifest.coverage.police_uk_street?.periods.assessment).toMatchObject({
      months_expected: 12,
      months_covered: 3,
      complete: false,
    });
    expect(out.html).toContain(
      'police.uk street files: 3 of 12 months: September to November 2022',
    );
    // No change between three months and a year that has no data.
    const change = out.indicators.find(
      (r) => r.indicator_id === 'police.change' && r.category === 'violence_and_sexual_offences',
    );
    expect([change?.value, change?.significance]).toEqual(['', '']);
  });

  it('says so under the title of every chart and map, which are all of police crimes', () => {
    const names = Object.keys(out.subtitles);
    for (const map of ['map-rate-by-lsoa', 'map-rate-by-ward', 'map-hotspots', 'map-hex-density']) {
      expect(names).toContain(map);
    }
    for (const [name, subtitle] of Object.entries(out.subtitles)) {
      expect(subtitle, name).toContain(
        'Police.uk street files: data cover 3 of 12 months: September to November 2022; the counts are for those months only',
      );
    }
  });

  it('exits 3 naming the source and the missing months when complete coverage is required', () => {
    const config = liverpoolConfig(three, 'thresholds:\n  require_complete_coverage: true');
    const refused = runCli(['run', '--config', config]);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toContain(
      'police_uk_street: data cover 3 of 12 months of the assessment period (September to November 2022; no rows for December 2021 to August 2022): thresholds.require_complete_coverage is true',
    );
    expect(existsSync(join(config, '..', 'out', 'indicators.csv'))).toBe(false);
  }, 300_000);
});

describe.skipIf(!HAS_DATA)('a config pointed at another force’s file', () => {
  it('warns where its rows fall and says so in the headline instead of an empty table', () => {
    const config = liverpoolConfig(
      `${SHARED}/police-uk/edge-cases/2022-08-greater-manchester-street.csv`,
    );
    const result = runCli(['run', '--config', config]);
    expect(result.status).toBe(0);
    // 14 rows: 13 crimes and 1 ASB, all in Leicester 041B (E06000016).
    expect(result.stdout).toContain(
      'warn: police_uk_street: no rows in Liverpool; its 14 rows fall in Leicester (14)',
    );
    const { headline } = outputs(config);
    expect(headline.rows.map((r) => r.intelligence[0]?.text)).toEqual([
      "The police crime files hold no rows for Liverpool: police_uk_street's rows fall in Leicester.",
    ]);
  }, 300_000);
});
