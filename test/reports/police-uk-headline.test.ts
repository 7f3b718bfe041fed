/**
 * A police.uk-only run: the headline keeps the three crime types bearing on serious violence,
 * each with what police.uk counts in it; the others and anti-social behaviour go to the report's
 * "Other crime and anti-social behaviour" section. A run on force extracts is left as it was.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHeadline } from '../../reports/headline/index.js';
import { headlineMarkdown } from '../../reports/headline/markdown.js';
import { headlineSection } from '../../reports/html/sections/headline.js';
import {
  OTHER_CRIME_TITLE,
  otherCrimeCategories,
  otherCrimeSection,
} from '../../reports/html/sections/other-crime.js';
import type { Headline, PublishedRow } from '../../reports/types.js';
import { PLANTED, runStreetTable } from '../helpers/street-table.js';
import { HOSTILE, reportData, row } from './html-fixtures.js';

const count = (category: string, value: number): PublishedRow =>
  row({ category, numerator: value, value });

const ROWS: PublishedRow[] = [
  count('shoplifting', 3114),
  count('violence_and_sexual_offences', 30183),
  count('bicycle_theft', 789),
  count('possession_of_weapons', 602),
  count('robbery', 725),
  count('public_order', 11635),
  row({
    indicator_id: 'asb.count',
    category: 'anti_social_behaviour',
    numerator: 6720,
    value: 6720,
  }),
  row({
    indicator_id: 'asb.change',
    category: 'anti_social_behaviour',
    unit: 'percent',
    numerator: 6720,
    denominator: 6000,
    value: 12,
    significance: 'higher',
  }),
  ...[
    [HOSTILE, 373],
    ['Liverpool 061C (E01033756)', 209],
    ['Liverpool 062B (E01033752)', null],
  ].map(([lsoa, n]) =>
    row({
      indicator_id: 'asb.top_lsoas',
      category: 'anti_social_behaviour',
      breakdown: 'lsoa',
      breakdown_value: lsoa as string,
      numerator: n as number | null,
      value: n as number | null,
      suppressed: n === null,
    }),
  ),
];

describe('the headline and other-crime section of a police.uk-only run', () => {
  const data = reportData({ rows: ROWS, crimeSource: 'police_uk_street' });
  const headline = buildHeadline(data);

  it('keeps only violence and sexual offences, robbery and possession of weapons, in that order', () => {
    expect(headline.rows.map((r) => r.category)).toEqual([
      'violence_and_sexual_offences',
      'robbery',
      'possession_of_weapons',
    ]);
    expect(headline.rows.map((r) => r.title)).toEqual([
      'Violence and sexual offences',
      'Robbery',
      'Possession of weapons',
    ]);
    expect(headline.scope).toContain(OTHER_CRIME_TITLE);
  });

  it('gives each a one-line caveat, in the JSON row, the Markdown and the HTML table', () => {
    for (const r of headline.rows) {
      expect(r.caveat).toMatch(/^police\.uk's category: [^\n]+$/);
    }
    expect(headline.rows[0]?.caveat).toContain('far broader than serious violence');
    expect(headline.rows[1]?.caveat).toContain('business property');
    expect(headline.rows[2]?.caveat).toContain('knives');
    const markdown = headlineMarkdown(headline);
    const html = headlineSection(headline);
    for (const r of headline.rows) {
      expect(markdown).toContain(`*${r.caveat}*`);
      expect(html).toContain(`<span class="caveat">${r.caveat?.replaceAll("'", '&#39;')}</span>`);
    }
    expect(html).toContain('<a href="#other-crime">');
  });

  it('puts the other crime types (most first) and ASB in the other-crime section', () => {
    expect(otherCrimeCategories(data)).toEqual(['public_order', 'shoplifting', 'bicycle_theft']);
    const section = otherCrimeSection(data);
    const order = ['Anti-social behaviour', 'Public order', 'Shoplifting', 'Bicycle theft'].map(
      (title) => section.indexOf(`<th scope="row">${title}</th>`),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(section).toContain('6,720');
    expect(section).toContain('+12%');
    expect(section).toContain('a significant rise');
    // Top LSOAs largest first, the suppressed one last and blank; data text escaped.
    expect(section.indexOf('373')).toBeLessThan(section.indexOf('209'));
    expect(section).toContain('suppressed</span> Liverpool 062B (E01033752)');
    expect(section).not.toContain(HOSTILE);
  });

  it('leaves a force-extract run as it was: every category, no caveat, no section', () => {
    const forced = reportData({ rows: ROWS, crimeSource: 'police_crimes' });
    const table: Headline = buildHeadline(forced);
    expect(table.rows).toHaveLength(6);
    expect(table.rows.some((r) => 'caveat' in r)).toBe(false);
    expect('scope' in table).toBe(false);
    expect(otherCrimeSection(forced)).toBe('');
  });
});

describe('a police.uk-only run end to end, on a small table', () => {
  let out: (name: string) => string;
  beforeAll(async () => {
    const ws = await runStreetTable(['ingest', 'indicators', 'report']);
    out = (name) => readFileSync(ws.path(`out/${name}`), 'utf8');
  }, 60_000);

  it('writes a headline of the categories with data, each with its caveat', () => {
    const headline = JSON.parse(out('headline.json')) as Headline;
    expect(headline.rows.map((r) => [r.category, Boolean(r.caveat)])).toEqual([
      ['violence_and_sexual_offences', true],
      ['robbery', true],
    ]);
    expect(out('headline.md')).toContain("*police.uk's category: theft by force");
  });

  it('shows shoplifting and the planted ASB count and top LSOA in the report', () => {
    const html = out('report.html');
    const section = html.slice(html.indexOf('<section id="other-crime">'));
    expect(section).toContain('<th scope="row">Shoplifting</th>');
    const asb = section.slice(section.indexOf('Anti-social behaviour</th>'));
    expect(asb).toMatch(
      new RegExp(
        `^Anti-social behaviour</th>\\s*<td class="num">${PLANTED.asbCount}</td>[\\s\\S]*?<li><span class="num">${PLANTED.asbTopCount}</span> ${PLANTED.asbTop.replace(/[()]/g, '\\$&')}</li>`,
      ),
    );
  });
});
