/**
 * The report's parts that make it explain itself: contents read from the sections, a caption
 * and scoped headers on every table, "how to read this" and a source line under every chart and
 * table, the indicator table's comparator names, filter controls and collapsed not-available
 * values, and provenance anchors with each source's coverage.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceCoverage } from '../../indicators/coverage.js';
import { contentsOf } from '../../reports/html/contents.js';
import { renderReportHtml } from '../../reports/html/index.js';
import type { RenderedChart, ReportData } from '../../reports/types.js';
import { beatChart, HEADLINE, PROVENANCE, reportData, row } from './html-fixtures.js';

/** The page up to the inlined libraries: everything the report itself wrote. */
const bodyPart = (html: string) => html.slice(0, html.indexOf('<script>'));

const sectionOf = (html: string, id: string) => {
  const start = html.indexOf(`<section id="${id}">`);
  return html.slice(start, html.indexOf('</section>', start));
};

const render = (data: ReportData, charts: readonly RenderedChart[]) =>
  renderReportHtml({ data, charts, headline: HEADLINE, provenance: PROVENANCE });

describe('the report explains itself', () => {
  let charts: RenderedChart[];
  let html: string;

  beforeAll(async () => {
    charts = [await beatChart('police-top-beats')];
    html = render(reportData(), charts);
  });

  it('lists in its contents every section the page has, in order, with the charts under theirs', () => {
    const nav = /<nav class="toc" id="toc"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    const sections = [...bodyPart(html).matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);
    expect(sections).toEqual([
      'findings',
      'headline',
      'charts',
      'indicators',
      'methods',
      'provenance',
    ]);
    const linked = [...nav.matchAll(/<a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(linked).toEqual([
      'findings',
      'headline',
      'charts',
      'chart-1-police-top-beats',
      ...sections.slice(3),
    ]);
    expect(nav).toContain('<a href="#chart-1-police-top-beats">Top beats by share of crime</a>');
  });

  it('takes a new section into the contents from its id and heading alone', () => {
    const entries = contentsOf([
      '',
      // A section the page inserts on its own, next to another, in one string.
      '<section id="findings">\n<h2>Key <em>findings</em></h2><p>…</p></section>\n<section id="headline"><h2>Headline table</h2></section>',
      '<section id="charts"><h2>Charts</h2><figure id="chart-1" data-toc="Crimes by month"></figure></section>',
    ]);
    expect(entries).toEqual([
      { id: 'findings', title: 'Key findings', children: [] },
      { id: 'headline', title: 'Headline table', children: [] },
      {
        id: 'charts',
        title: 'Charts',
        children: [{ id: 'chart-1', title: 'Crimes by month', children: [] }],
      },
    ]);
  });

  it('gives every table a caption and a scope on every header cell', () => {
    const tables = [...bodyPart(html).matchAll(/<table\b[^>]*>\s*(<caption\b[^>]*>[^<]+)?/g)];
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const table of tables) expect(table[1], table[0]).toBeDefined();
    expect(bodyPart(html)).not.toMatch(/<th(?![^>]*\bscope=)[\s>]/);
    // Each table but the folded breakdowns is described by its "how to read this".
    const described = [
      ...bodyPart(html).matchAll(/<table class="([^"]+)"[^>]*?(?: aria-describedby="([^"]+)")?>/g),
    ];
    for (const [tag, name, id] of described) {
      if (name === 'breakdown-table') continue;
      expect(id, tag).toBeDefined();
      expect(html).toContain(`<p class="how-to-read" id="${id}">`);
    }
  });

  it('says with every chart and table how to read it and where its numbers come from', () => {
    const body = bodyPart(html);
    const howTo = body.match(/<p class="how-to-read"[^>]*><span class="label">How to read this:/g);
    const sources = body.match(/<p class="source"><span class="label">Source:<\/span>/g);
    // The chart, the headline, indicator, coverage (none here: no coverage) and inputs tables.
    expect(howTo).toHaveLength(4);
    expect(sources).toHaveLength(4);
    const figure = /<figure class="chart"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    // police.by_beat needs police crimes and the geography lookup; only the crimes were loaded.
    expect(figure).toContain(
      'Source:</span> <a href="#source-police-crimes">police crime extracts</a>; indicator <a href="#definition-police.by_beat"><code>police.by_beat</code></a>.',
    );
    expect(html).toContain('<tbody id="source-police-crimes">');
    expect(html).toContain('id="definition-police.by_beat"');
  });

  it('names comparator rows by the comparator, folded under the area’s own values', () => {
    const data = reportData({
      comparatorNames: { E08000002: 'Bury' },
      rows: [
        row({ indicator_id: 'police.comparator_rate_per_1000', unit: 'per_1000', value: 3.2 }),
        row({
          indicator_id: 'police.comparator_rate_per_1000',
          unit: 'per_1000',
          area_code: 'E08000002',
          value: 4.1,
        }),
      ],
    });
    const table = sectionOf(render(data, []), 'indicators');
    expect(table).toContain(
      '<details><summary>1 value by comparator area for 1 category</summary>',
    );
    expect(table).toContain('<span class="breakdown-name">comparator</span> Bury (E08000002)');
  });

  it('collapses values not available into one line per reason, out of the table', () => {
    const needs = 'not available: needs ae_assaults';
    const data = reportData({
      rows: [
        row({}),
        row({ indicator_id: 'ae.count', note: needs }),
        row({ indicator_id: 'ae.count', category: 'knife_crime', note: needs }),
        row({ indicator_id: 'ae.rate_per_1000', unit: 'per_1000', note: needs }),
      ],
    });
    const section = sectionOf(render(data, []), 'indicators');
    expect(section).not.toContain('<tbody id="indicator-ae.count"');
    const lines = section.match(/<li><details><summary>/g);
    expect(lines).toHaveLength(1);
    expect(section).toContain(
      '<summary><strong>Not available</strong> (2 indicators, 3 values): needs A&amp;E assault attendances (ae_assaults)</summary>',
    );
    expect(section).toContain('<code>ae.count</code>: Violence with injury, Knife crime</li>');
    expect(section).toContain(
      '<select id="indicator-category"><option value="">All categories</option><option value="violence_with_injury">Violence with injury</option></select>',
    );
  });

  it('gives each source its coverage and each file’s sha256 an anchor', () => {
    const short: SourceCoverage = {
      source: 'police_crimes',
      period: 'assessment',
      start: '2024-04-01',
      end: '2025-03-31',
      monthsExpected: 12,
      monthsCovered: 3,
      complete: false,
      coveredMonths: ['2025-01', '2025-02', '2025-03'],
      missingMonths: [],
      firstMonth: '2025-01',
      lastMonth: '2025-03',
      gapMonths: 0,
    };
    const section = sectionOf(render(reportData({ coverage: [short] }), []), 'provenance');
    expect(section).toContain(
      '<td class="short"><strong>3 of 12 months: January to March 2025</strong></td>',
    );
    expect(section).toContain(
      '<span class="coverage">· data cover 3 of 12 months: January to March 2025</span>',
    );
    expect(section).toContain(
      `<code id="input-police-crimes-1">${PROVENANCE.inputs[0]?.sha256}</code>`,
    );
  });

  it('writes each indicator’s declaration in the methods, naming only the rest', () => {
    const methods = sectionOf(html, 'methods');
    const entry = (id: string) =>
      /<div class="definition"[^>]*>[\s\S]*?<\/div>/.exec(
        methods.slice(methods.indexOf(`id="definition-${id}"`) - 30),
      )?.[0] ?? '';
    expect(entry('police.by_beat')).toContain('<dt>Broken down by</dt><dd>beat</dd>');
    expect(entry('police.by_beat')).toContain(
      '<dt>Needs</dt><dd><a href="#source-police-crimes">police crime extracts</a>, <a href="#source-geography">geography lookup</a></dd>',
    );
    // Alternatives read as such: police crimes from either source.
    expect(entry('police.count')).toContain(
      '<dd><a href="#source-police-crimes">police crime extracts</a> or <a href="#source-police-uk-street">police.uk street files</a>, <a href="#source-geography">geography lookup</a></dd>',
    );
    // An indicator with no row in this run is named, not described in full.
    expect(methods).not.toContain('id="definition-ae.count"');
    expect(methods).toMatch(
      /with no row in this run’s <code>indicators.csv<\/code>: [\s\S]*?<code>ae.count<\/code> \(needs/,
    );
    expect(methods).toContain('<dt><code>wilson</code></dt>');
  });
});
