import { beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, renderReportHtml } from '../../reports/html/index.js';
import { NATIONAL_IDS } from '../../reports/national.js';
import type { RenderedChart } from '../../reports/types.js';
import { beatChart, HEADLINE, HOSTILE, PROVENANCE, reportData, row } from './html-fixtures.js';

/** The page up to the inlined libraries: everything the report itself wrote. */
const bodyPart = (html: string) => html.slice(0, html.indexOf('<script>'));

const jsonBlocks = (html: string) =>
  [...html.matchAll(/<script type="application\/json" id="([^"]+)">([\s\S]*?)<\/script>/g)].map(
    (m) => ({ id: m[1] ?? '', text: m[2] ?? '' }),
  );

describe('renderReportHtml', () => {
  let charts: RenderedChart[];
  let html: string;

  beforeAll(async () => {
    charts = [await beatChart('police-top-beats'), await beatChart('knife-beats')];
    html = renderReportHtml({
      data: reportData(),
      charts,
      headline: HEADLINE,
      provenance: PROVENANCE,
    });
  });

  it('escapes text from data everywhere it lands: no planted tag survives as markup', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('</script><script>alert');
    const escaped = escapeHtml(HOSTILE);
    // Area name (title, heading), beat breakdown value, note, sentence, input path, caption.
    expect(html.split(escaped).length - 1).toBeGreaterThanOrEqual(6);
    expect(html).toContain(`<h1>Brackenford (SYNTHETIC) ${escaped}</h1>`);
    expect(html).toContain(`<span class="breakdown-name">beat</span> ${escaped}`);
  });

  it('inlines each spec as JSON that no value can close, and that reads back the same data', () => {
    const blocks = jsonBlocks(html);
    expect(blocks).toHaveLength(charts.length);
    // The only <script> elements before the libraries are the JSON blocks.
    expect(bodyPart(html).match(/<script/g)).toHaveLength(charts.length);
    for (const [index, block] of blocks.entries()) {
      expect(block.text).not.toMatch(/<\/script|<!--/i);
      const spec = JSON.parse(block.text) as { data: { values: Array<{ beat: string }> } };
      const { $schema: _dropped, ...expected } = charts[index]?.spec ?? {};
      // Through JSON: vega tags the data objects it drew with symbol keys, which JSON drops.
      expect(spec).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(spec.data.values.map((v) => v.beat)).toContain(HOSTILE);
    }
  });

  it('jsonForScript escapes <, > and & but JSON.parse gives the value back', () => {
    const value = { a: HOSTILE, b: 'x & y > z', c: '\u2028' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('shows the SYNTHETIC DATA banner only for synthetic data', () => {
    const banner = '<div class="synthetic-banner" role="note"><strong>SYNTHETIC DATA</strong>';
    expect(bodyPart(html)).toContain(banner);
    const real = renderReportHtml({
      data: reportData({
        synthetic: false,
        area: { name: 'Bury', codes: ['E08000002'], areaCode: 'E08000002' },
      }),
      charts,
      headline: HEADLINE,
      provenance: PROVENANCE,
    });
    expect(real).not.toContain(banner);
    expect(real).toContain('<h1>Bury</h1>');
  });

  it('embeds every chart: a container vega-embed draws into, its spec, and the SVG in <noscript>', () => {
    const ids = new Set(jsonBlocks(html).map((b) => b.id));
    for (const chart of charts) {
      const figure = new RegExp(
        `<figure class="chart" id="([^"]+)"[^>]* data-chart="${chart.name}"[^>]*>([\\s\\S]*?)</figure>`,
      ).exec(html);
      expect(figure, chart.name).not.toBeNull();
      const inner = figure?.[2] ?? '';
      const specId = /class="chart-view" data-spec="([^"]+)"/.exec(inner)?.[1] ?? '';
      expect(ids.has(specId)).toBe(true);
      // The drawing as vega made it, named as an image by the chart's title and description.
      const label = escapeHtml(`${chart.title}. ${chart.description}`);
      expect(inner).toContain(
        `<noscript><svg role="img" aria-label="${label}"${chart.svg.slice('<svg'.length)}</noscript>`,
      );
      expect(inner).toContain(`data-label="${label}"`);
      expect(inner).toContain(`<p class="description">${escapeHtml(chart.description)}</p>`);
      expect(inner).toContain(`${escapeHtml(chart.howToRead)}</p>`);
    }
    expect(html).toContain('vegaEmbed(container, spec, options)');
  });

  it('inlines vega, vega-lite and vega-embed and fetches nothing from a network', () => {
    expect(html).toContain('.vegaEmbed=');
    expect(html.length).toBeGreaterThan(800_000);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b|@import|url\(\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/sourceMappingURL/);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  });

  it('lays the headline table out as the seeds do, sentences as lists', () => {
    expect(html).toContain(
      '<th scope="col">Crime type</th><th scope="col">Intelligence</th><th scope="col">Victims</th><th scope="col">Perpetrators</th>',
    );
    expect(html).toContain('<th scope="row">Violence with injury</th>');
    expect(html).toContain('<li>380 crimes in 2024/25.</li>');
    expect(html).toContain('<li>45% of victims are under the age of 25.</li>');
    expect(html).toContain('<span class="none">No statement</span>');
  });

  it('opens with the key findings right after the cover, each linking to its evidence', () => {
    const cover = html.indexOf('</nav>');
    const findings = html.indexOf('<section id="findings">');
    expect(findings).toBeGreaterThan(cover);
    expect(findings).toBeLessThan(html.indexOf('<section id="headline">'));
    const escaped = escapeHtml(HOSTILE);
    expect(html).toContain(
      `<ol class="findings"><li>6 of the 60 neighbourhoods (LSOAs), in ${escaped}, are significant hot spots of violence with injury. <a class="evidence" href="#indicator-police.count">Evidence: Crimes recorded</a></li></ol>`,
    );
    // The link leads somewhere: the indicator table's block of that indicator.
    expect(html).toMatch(/<tbody id="indicator-police\.count"[ >]/);
    const none = renderReportHtml({
      data: reportData(),
      charts: [],
      headline: { ...HEADLINE, findings: [] },
      provenance: PROVENANCE,
    });
    expect(none).toMatch(/<section id="findings">[\s\S]*?<p class="none">No indicator shows/);
  });

  it('opens each category of the headline table with its paragraph', () => {
    const escaped = escapeHtml(HOSTILE);
    expect(html).toContain(
      `<tbody>\n<tr class="narrative"><td colspan="4"><p class="narrative">Violence with injury: 380 crimes in 2024/25, most in the ${escaped} beat.</p></td></tr>\n<tr>\n  <th scope="row">Violence with injury</th>`,
    );
  });

  it('rounds values for display, shows suppressed ones as "suppressed" and folds breakdowns', () => {
    expect(html).toContain('<td class="num">45%</td>');
    expect(html).toContain('<td class="num">40 – 50</td>');
    expect(html).toContain('<td class="num">3.9</td><td class="num">3.5 – 4.3</td>');
    expect(html).toMatch(
      /<td>Homicide<\/td><td><\/td><td class="num suppressed">suppressed<\/td><td class="num"><\/td>/,
    );
    expect(html).not.toContain('3.917525');
    const folded =
      /<details><summary>3 values by beat for 1 category<\/summary>([\s\S]*?)<\/details>/.exec(
        html,
      );
    expect(folded?.[1]).toContain('N2G1');
  });

  it('writes the methods from the registry definitions, with the run’s suppression rule', () => {
    const data = reportData({ suppressBelow: 10 });
    const page = renderReportHtml({ data, charts, headline: HEADLINE, provenance: PROVENANCE });
    // Every declaration the run has rows of in full; the others by title and id, but for
    // national mode's, which a run that is not national does not name at all.
    const withRows = new Set<string>(data.rows.map((r) => r.indicator_id));
    expect(withRows.size).toBeGreaterThan(2);
    for (const definition of data.definitions) {
      if (NATIONAL_IDS.has(definition.id)) {
        expect(page).not.toContain(`<code>${definition.id}</code>`);
      } else if (withRows.has(definition.id)) {
        expect(page).toContain(`id="definition-${definition.id}"`);
        expect(page).toContain(escapeHtml(definition.definition));
      } else {
        expect(page).not.toContain(`id="definition-${definition.id}"`);
        expect(page).toContain(
          `${escapeHtml(definition.title)} <code>${definition.id}</code> (needs`,
        );
      }
    }
    expect(page).toContain('a published count from 1 to 9 is suppressed');
    expect(page).toContain('The assessment period runs from 1 April 2024 to 31 March 2025.');
    expect(page).toContain('history from 1 April 2020');
  });

  it('states the provenance: version, config hash, time, every input with hash and counts', () => {
    const section = html.slice(html.indexOf('<section id="provenance">'));
    expect(section).toContain(PROVENANCE.configSha256);
    expect(section).toContain('<dd>0.1.0</dd>');
    expect(section).toContain(PROVENANCE.generatedAt);
    const input = PROVENANCE.inputs[0];
    expect(section).toContain(input?.sha256);
    expect(section).toContain(escapeHtml(input?.path));
    expect(section).toContain(
      '<td class="num">1,203</td><td class="num">1,190</td><td class="num">10</td><td class="num">3</td>',
    );
  });

  it('shows an indicator the registry no longer declares instead of dropping it', () => {
    const data = reportData({ rows: [row({ indicator_id: 'legacy.count' })] });
    const page = renderReportHtml({ data, charts: [], headline: HEADLINE, provenance: PROVENANCE });
    expect(page).toContain(
      '<tbody id="indicator-legacy.count" data-search="legacy.count legacy.count',
    );
    expect(page).toContain('No charts: there was no data to draw.');
  });
});
