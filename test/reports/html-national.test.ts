/**
 * report.html in national mode (issue 17), on hand-made rows: the England sentence and finding
 * reach the page, districts are named as districts in the indicator table, an unranked district
 * stays in its block with its reason (not among the inputs "not available"), and when no district
 * can be drawn the page says why the England funnel is missing; other runs say nothing of it.
 */
import { describe, expect, it } from 'vitest';
import { buildCharts, CHARTS } from '../../reports/charts/index.js';
import { buildHeadline } from '../../reports/headline/build.js';
import { renderReportHtml } from '../../reports/html/index.js';
import { chartsNotDrawnNote } from '../../reports/html/sections/charts.js';
import type { ReportData } from '../../reports/types.js';
import { publishedRow } from '../helpers/published-row.js';
import { PROVENANCE, reportData } from './html-fixtures.js';
import { AREA, comparatorRows, nationalData, PERIOD, VSO } from './national-fixtures.js';

const extra = [
  publishedRow({
    ...PERIOD,
    indicator_id: 'police.count',
    category: VSO,
    area_code: AREA,
    numerator: 2_100,
    value: 2_100,
  }),
  publishedRow({
    ...PERIOD,
    indicator_id: 'police.rank_in_england',
    category: VSO,
    area_code: AREA,
    value: 10,
    denominator: 11,
    unit: 'rank',
    method: 'rank',
    significance: 'higher',
  }),
  ...comparatorRows(),
];

async function page(data: ReportData): Promise<string> {
  const charts = await buildCharts(data, {
    charts: CHARTS.filter((c) => c.name === 'police-england-funnel'),
  });
  return renderReportHtml({ data, charts, headline: buildHeadline(data), provenance: PROVENANCE });
}

describe('report.html in national mode', () => {
  it('states the area’s place in England and the finding above England', async () => {
    const html = await page({ ...nationalData(extra), autoComparators: 'force' });
    expect(html).toContain('Liverpool had the second highest rate of violence and sexual offences');
    expect(html).toContain('England’s (3.0), outside the 99.8% funnel limits');
    expect(html).toContain('data-chart="police-england-funnel"');
    expect(html).not.toContain('Charts not drawn');
  });

  it('names districts in the indicator table and keeps the unranked ones in their block', async () => {
    const html = await page(nationalData(extra));
    expect(html).toContain('<span class="breakdown-name">district</span> Knowsley (E08000011)');
    expect(html).toContain('<span class="breakdown-name">country</span> England (E92000001)');
    const block = html.slice(html.indexOf('id="indicator-police.district_rate_per_1000"'));
    expect(block.slice(0, block.indexOf('</tbody>\n<tbody'))).toContain(
      'Greater Manchester Police: no file for 2022-09',
    );
    const notAvailable = html.slice(html.indexOf('Not available in this run'));
    expect(notAvailable).not.toContain('no file for 2022-09');
  });

  it('says why the England funnel is missing when no district is ranked', () => {
    const data = nationalData();
    const unranked = {
      ...data,
      rows: data.rows.map((r) =>
        r.indicator_id === 'police.district_rate_per_1000'
          ? { ...r, value: null, status: 'not_available' as const, note: 'not available: x' }
          : r,
      ),
    };
    expect(chartsNotDrawnNote([], unranked)).toContain(
      'Crime rate against England’s districts (funnel plot): Violence and sexual offences: no district to draw; Robbery: no district to draw',
    );
  });

  it('says nothing of it in a run that is not national', async () => {
    expect(chartsNotDrawnNote([], reportData())).toBe('');
    const html = await page(reportData());
    expect(html).not.toMatch(/Charts not drawn|district_rate|England’s districts/);
  });
});
