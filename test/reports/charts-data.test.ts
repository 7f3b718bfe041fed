/**
 * What the charts draw is what `indicators_published` holds: every datum in a spec equals the
 * published row it came from, each chart holds exactly the rows it should (worked out here
 * from the published rows, not by the charts' code), and suppressed values stay suppressed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../core/database.js';
import { memoryLogger } from '../../core/log.js';
import { loadConfig } from '../../pipeline/config/load-config.js';
import { run } from '../../pipeline/index.js';
import { categoryTitle } from '../../reports/charts/format.js';
import { buildCharts } from '../../reports/charts/index.js';
import { loadReportData } from '../../reports/load-report-data.js';
import type { PublishedRow, RenderedChart } from '../../reports/types.js';
import { demoWorkspace, query } from '../helpers/workspace.js';

type Datum = Record<string, unknown>;

let charts: RenderedChart[];
let published: PublishedRow[];

beforeAll(async () => {
  const ws = demoWorkspace('sna-charts-data-');
  await run(ws.configPath, { stages: ['ingest', 'indicators'], log: memoryLogger() });
  const config = await loadConfig(ws.configPath);
  const db = await Database.open(config.database);
  const data = await loadReportData(db, config);
  db.close();
  charts = await buildCharts(data, { log: memoryLogger() });
  published = (
    await query<PublishedRow & Record<string, unknown>>(
      config.database,
      'SELECT * EXCLUDE (period_start, period_end) FROM indicators_published',
    )
  ).map((r) => ({ ...r, suppressed: Boolean(r.suppressed) }));
}, 180_000);

/** Maps look each area's value up by code, rather than inlining rows: checked on their own. */
const isMap = (name: string) => name.startsWith('map-');
const valuesOf = (name: string): Datum[] => {
  const chart = charts.find((c) => c.name === name);
  if (!chart) throw new Error(`no chart ${name}`);
  if (isMap(name)) return [];
  // Inlined at the top, or per panel in a grid of small multiples.
  const panels = (chart.spec.concat as Array<Record<string, unknown>> | undefined) ?? [chart.spec];
  return panels.flatMap((p) => (p.data as { values: Datum[] }).values);
};
const svgOf = (name: string) => charts.find((c) => c.name === name)?.svg ?? '';
const key = (r: Datum | PublishedRow) =>
  [r.indicator_id, r.category, r.area_code, r.breakdown_value].join('|');
const drawable = (r: PublishedRow) => r.suppressed || r.value !== null;
const rowsOf = (id: string) => published.filter((r) => r.indicator_id === id && drawable(r));
/** Categories with at least one published value that is not zero. */
const withValues = (rows: PublishedRow[]) =>
  new Set(rows.filter((r) => !r.suppressed && r.value !== 0).map((r) => r.category));
const ofCategories = (rows: PublishedRow[], categories: Set<string>) =>
  rows.filter((r) => categories.has(r.category));
const keys = (rows: Array<Datum | PublishedRow>) => rows.map(key).sort();

describe('every datum is a published row, unchanged', () => {
  it('for every chart', () => {
    const byKey = new Map(published.map((r) => [key(r), r]));
    expect(charts.length).toBe(18);
    for (const chart of charts) {
      for (const datum of valuesOf(chart.name)) {
        const row = byKey.get(key(datum));
        expect(row, `${chart.name} ${key(datum)}`).toBeDefined();
        for (const column of [
          'numerator',
          'denominator',
          'value',
          'lower_ci95',
          'upper_ci95',
          'significance',
          'suppressed',
        ] as const) {
          expect(datum[column], `${chart.name} ${key(datum)} ${column}`).toEqual(row?.[column]);
        }
      }
    }
  });
});

/** The values a map looks up for each panel (its category's title), from its choropleth layer. */
function mapLookups(
  name: string,
): Array<{ panel: string; values: Array<Record<string, unknown>> }> {
  const spec = charts.find((c) => c.name === name)?.spec;
  const panels = (spec?.concat ?? [spec]) as Array<{ title?: { text: string }; layer: unknown[] }>;
  return panels.map((panel) => {
    const layer = panel.layer.find((l) => JSON.stringify(l).includes('"lookup"')) as {
      transform: Array<{
        lookup: string;
        from: { data: { values: Array<Record<string, unknown>> } };
      }>;
    };
    return { panel: panel.title?.text ?? '', values: layer.transform[0]?.from.data.values ?? [] };
  });
}

/** Panels and shaded areas of the demo's maps: the fixtures' 60 LSOAs and 8 wards a panel, less those suppressed. */
const DEMO_SHADED: Record<string, [number, number]> = {
  'map-rate-by-lsoa': [6, 183],
  'map-rate-by-ward': [7, 42],
};

describe('every value a map shades is a published row, unchanged', () => {
  it.each([
    ['map-rate-by-lsoa', 'police.rate_by_lsoa', 'code'],
    ['map-rate-by-ward', 'police.rate_by_ward', 'label'],
  ])('%s: %s', (name, id, keyField) => {
    const lookups = mapLookups(name);
    expect(lookups.length).toBeGreaterThan(3);
    let checked = 0;
    for (const { panel, values } of lookups) {
      const rows = rowsOf(id).filter(
        (r) => categoryTitle(r.category) === panel && r.breakdown !== 'none',
      );
      expect(rows.length, panel).toBeGreaterThan(0);
      for (const value of values) {
        const row = rows.find((r) => r.breakdown_value === value[keyField]);
        expect(row, `${name} ${panel} ${value[keyField]}`).toBeDefined();
        // Only published values are shaded: a suppressed area is left grey.
        expect(row?.suppressed).toBe(false);
        expect(value.value).toEqual(row?.value);
        expect(value.crimes).toEqual(row?.numerator);
        checked++;
      }
      // Every published area is shaded; the suppressed ones are not.
      expect(values.length).toBe(rows.filter((r) => !r.suppressed).length);
    }
    // A panel for each category with a crime in a published area, and nothing else.
    const areaRows = rowsOf(id).filter((r) => r.breakdown !== 'none' && !r.suppressed);
    const drawn = new Set(
      areaRows.filter((r) => (r.value ?? 0) > 0).map((r) => categoryTitle(r.category)),
    );
    expect(lookups.map((l) => l.panel).sort()).toEqual([...drawn].sort());
    expect(checked).toBe(areaRows.filter((r) => drawn.has(categoryTitle(r.category))).length);
    // The demo's figures, so a map that silently drops panels or areas fails here.
    expect([lookups.length, checked]).toEqual(DEMO_SHADED[name]);
  });
});

describe('each chart holds the rows it should', () => {
  it.each([
    ['police-monthly', 'police.monthly'],
    ['police-seasonal-index', 'police.seasonal_index'],
    ['police-rate-by-imd-decile', 'police.rate_by_imd_decile'],
    ['victims-age-sex', 'victims.by_age_sex'],
    ['offenders-age-sex', 'offenders.by_age_sex'],
    ['ae-monthly', 'ae.monthly'],
    ['ae-age-sex', 'ae.by_age_sex'],
    ['yj-offence-mix', 'yj.offence_mix'],
  ])('%s: every row of %s for the categories with a value to show', (name, id) => {
    const rows = rowsOf(id);
    const expected = ofCategories(rows, withValues(rows));
    expect(expected.length).toBeGreaterThan(0);
    expect(keys(valuesOf(name))).toEqual(keys(expected));
  });

  it('police-top-beats: the ten beats with the largest shares in each category', () => {
    const rows = rowsOf('police.by_beat');
    const expected = [...withValues(rows)].flatMap((category) =>
      rows
        .filter((r) => r.category === category)
        .sort(
          (a, b) =>
            (b.value ?? -1) - (a.value ?? -1) ||
            String(a.breakdown_value).localeCompare(String(b.breakdown_value)),
        )
        .slice(0, 10),
    );
    expect(keys(valuesOf('police-top-beats'))).toEqual(keys(expected));
    const knife = valuesOf('police-top-beats').find(
      (d) => d.category === 'knife_crime' && d.order === 1,
    );
    expect(knife?.breakdown_value).toBe('N1G1');
  });

  it('police-rate-comparators: the area and each comparator, titled with the published rank', () => {
    const peers = rowsOf('police.comparator_rate_per_1000');
    const categories = new Set(peers.map((r) => r.category));
    const own = ofCategories(rowsOf('police.rate_per_1000'), categories);
    // The comparators' combined rate is drawn as a rule across each panel.
    const combined = ofCategories(
      rowsOf('police.comparators_combined_rate_per_1000').filter((r) => !r.suppressed),
      categories,
    );
    expect(keys(valuesOf('police-rate-comparators'))).toEqual(
      keys([...peers, ...own, ...combined]),
    );
    const rank = published.find(
      (r) =>
        r.indicator_id === 'police.rank_among_comparators' && r.category === 'violence_with_injury',
    );
    expect(svgOf('police-rate-comparators')).toContain(
      `Violence with injury (rank ${rank?.value} of ${rank?.denominator}, 1 = lowest)`,
    );
  });

  it('police-hour-weekday: the categories where most cells with crime are published', () => {
    const rows = rowsOf('police.by_hour_weekday');
    const dense = new Set(
      [...new Set(rows.map((r) => r.category))].filter((category) => {
        const cells = rows.filter((r) => r.category === category);
        const shown = cells.filter((c) => !c.suppressed && c.value !== 0).length;
        return shown > cells.filter((c) => c.suppressed).length;
      }),
    );
    expect(dense).toContain('serious_violence');
    expect(keys(valuesOf('police-hour-weekday'))).toEqual(keys(ofCategories(rows, dense)));
  });

  it('repeat-addresses: every category with a known address', () => {
    const expected = rowsOf('addresses.repeat_count').filter(
      (r) => r.suppressed || (r.denominator ?? 0) > 0,
    );
    expect(keys(valuesOf('repeat-addresses'))).toEqual(keys(expected));
    expect(svgOf('repeat-addresses')).toContain('26 addresses: 120 of 322 crimes');
  });

  it('police-seasonal-index: peak months are exactly the months significantly above 100', () => {
    for (const datum of valuesOf('police-seasonal-index')) {
      expect(String(datum.status).startsWith('Peak'), key(datum)).toBe(
        datum.significance === 'higher',
      );
    }
  });
});

describe('suppressed values', () => {
  it('are drawn as suppressed, never as a zero', () => {
    let suppressed = 0;
    for (const chart of charts) {
      for (const datum of valuesOf(chart.name).filter((d) => d.suppressed)) {
        suppressed += 1;
        expect([datum.value, datum.numerator, datum.lower_ci95]).toEqual([null, null, null]);
        expect(String(datum.suppressed_label)).toMatch(/suppressed$/);
      }
    }
    expect(suppressed).toBeGreaterThan(100);
  });

  it.each([
    'police-top-beats',
    'victims-age-sex',
    'offenders-age-sex',
    'ae-age-sex',
    'police-rate-by-imd-decile',
  ])('%s: one "suppressed" label per suppressed value', (name) => {
    const count = valuesOf(name).filter((d) => d.suppressed).length;
    expect(count).toBeGreaterThan(0);
    expect(svgOf(name).match(/suppressed<\/text>/g)?.length).toBe(count);
  });

  it('police-hour-weekday: suppressed cells read "supp." on grey', () => {
    const count = valuesOf('police-hour-weekday').filter((d) => d.suppressed).length;
    expect(count).toBeGreaterThan(0);
    expect(svgOf('police-hour-weekday').match(/>supp\.<\/text>/g)?.length).toBe(count);
    expect(svgOf('police-hour-weekday')).toContain('fill="#E3E3E3"');
  });
});
