/**
 * The Merseyside example (police.uk street files only, `examples/merseyside/sna.config.yaml`) on
 * the real files in `../shared/data/real`: the headline holds the three police.uk crime types
 * bearing on serious violence, each with its caveat; shoplifting is in the other-crime section;
 * Liverpool's anti-social behaviour count equals one made here from the raw CSV with csv-parse.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Headline } from '../../reports/types.js';
import { REPO_ROOT, runCli, workspace } from '../helpers/workspace.js';

const SHARED = resolve(REPO_ROOT, '..', 'shared', 'data', 'real');
const STREET = join(SHARED, 'police-uk', 'merseyside');
const LOOKUP = join(SHARED, 'lookups', 'LSOA11_to_Ward19_to_LAD19_Lookup_in_England_and_Wales.csv');
const HAS_DATA = existsSync(STREET) && existsSync(LOOKUP);
if (!HAS_DATA) {
  console.warn(
    `skipping the Merseyside other-crime test: ${SHARED} is not here (it sits beside the repo in CI)`,
  );
}

type Csv = Array<Record<string, string>>;
const readCsv = (path: string): Csv =>
  parse(readFileSync(path), { columns: true, bom: true }) as Csv;

/** Liverpool's ASB in December 2021 to November 2022, in all and per LSOA, from the raw files. */
function liverpoolAsb(): { total: number; byLsoa: Map<string, number> } {
  const liverpool = new Set(
    readCsv(LOOKUP)
      .filter((r) => r.LAD19CD === 'E08000012')
      .map((r) => r.LSOA11CD),
  );
  const byLsoa = new Map<string, number>();
  let total = 0;
  for (const name of readdirSync(STREET).filter((f) => f.endsWith('-street.csv'))) {
    for (const r of readCsv(join(STREET, name))) {
      const month = r.Month ?? '';
      if (r['Crime type'] !== 'Anti-social behaviour') continue;
      if (month < '2021-12' || month > '2022-11') continue;
      const lsoa = r['LSOA code'] ?? '';
      if (!liverpool.has(lsoa)) continue;
      total++;
      byLsoa.set(lsoa, (byLsoa.get(lsoa) ?? 0) + 1);
    }
  }
  return { total, byLsoa };
}

describe.skipIf(!HAS_DATA)('the Merseyside example: headline and other crime (../shared)', () => {
  let out: (name: string) => string;
  let indicators: Csv;

  beforeAll(() => {
    const ws = workspace('sna-merseyside-other-');
    const yaml = readFileSync(join(REPO_ROOT, 'examples', 'merseyside', 'sna.config.yaml'), 'utf8')
      .replaceAll('../../../shared/data/real/', `${SHARED}/`)
      .replace(/^output_dir: .*$/m, `output_dir: ${ws.path('out')}`);
    const result = runCli(['run', '--quiet', '--config', ws.config(yaml)]);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    out = (name) => readFileSync(ws.path(`out/${name}`), 'utf8');
    indicators = parse(out('indicators.csv'), { columns: true }) as Csv;
  }, 300_000);

  it('heads the table with exactly the three serious violence crime types, each with its caveat', () => {
    const headline = JSON.parse(out('headline.json')) as Headline;
    expect(headline.rows.map((r) => r.category)).toEqual([
      'violence_and_sexual_offences',
      'robbery',
      'possession_of_weapons',
    ]);
    for (const row of headline.rows) expect(row.caveat).toMatch(/^police\.uk's category: /);
    const markdown = out('headline.md');
    for (const row of headline.rows) expect(markdown).toContain(`*${row.caveat}*`);
    expect(markdown).not.toContain('Shoplifting');
  });

  it('puts shoplifting and anti-social behaviour in the other-crime section', () => {
    const html = out('report.html');
    const section = html.slice(html.indexOf('<section id="other-crime">'));
    expect(section.length).toBeLessThan(html.length);
    expect(section).toContain('<th scope="row">Shoplifting</th>');
    expect(section).toContain('<th scope="row">Anti-social behaviour</th>');
    const headlineTable = html.slice(
      html.indexOf('<section id="headline">'),
      html.indexOf('<section id="other-crime">'),
    );
    expect(headlineTable).not.toContain('Shoplifting');
  });

  it('counts Liverpool’s anti-social behaviour as the raw files do, and its top LSOA', () => {
    const truth = liverpoolAsb();
    expect(truth.total).toBeGreaterThan(1000);
    const count = indicators.find((r) => r.indicator_id === 'asb.count');
    expect(Number(count?.value)).toBe(truth.total);
    const [topCode, topCount] =
      [...truth.byLsoa].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
    const top = indicators.filter((r) => r.indicator_id === 'asb.top_lsoas');
    expect(top).toHaveLength(5);
    const first = top.find((r) => r.breakdown_value?.endsWith(`(${topCode})`));
    expect(Number(first?.value)).toBe(topCount);
    expect(first?.breakdown_value).toMatch(/^Liverpool \d{3}[A-Z] \(E01\d{6}\)$/);
  });
});
