/**
 * The demo borough's place statistics and maps, end to end: the planted hotspot (six adjacent
 * LSOAs across Northfold and Kettlewick, fixtures/synthetic/planted.json) and the planted
 * near-repeat pattern are recovered by the pipeline; the same data shuffled (counts among LSOAs,
 * dates among crimes) are not flagged; and the maps are drawn with their legends, sources,
 * licence line and no point or small count in them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../core/database.js';
import { Rng } from '../../fixtures/generator/random.js';
import { testHotspots } from '../../indicators/hotspots.js';
import { knoxCell } from '../../indicators/methods/knox.js';
import { knoxCounts } from '../../indicators/spatial/knox-counts.js';
import { OS_LICENCE } from '../../reports/charts/maps/map-layout.js';
import { demoWorkspace, FIXTURES, runCli } from '../helpers/workspace.js';

interface Planted {
  hotspot: { category: string; lsoas: string[]; share: { numerator: number; denominator: number } };
  near_repeat: { category: string; max_days: number; max_metres: number };
}
const planted = JSON.parse(readFileSync(join(FIXTURES, 'planted.json'), 'utf8')) as Planted;

type Csv = Array<Record<string, string>>;
const MAPS = ['map-rate-by-lsoa', 'map-rate-by-ward', 'map-hotspots', 'map-hex-density'];

/** A fixed pseudo-random sequence (the fixtures' seeded generator): the same every run. */
function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

describe('maps and place statistics on the demo borough', () => {
  let out = '';
  let database = '';
  let indicators: Csv = [];

  beforeAll(() => {
    const ws = demoWorkspace('sna-maps-');
    const result = runCli(['run', '--config', ws.configPath]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    out = ws.path('out');
    database = join(out, 'sna.duckdb');
    indicators = parse(readFileSync(join(out, 'indicators.csv')), { columns: true }) as Csv;
  }, 300_000);

  const rowsOf = (id: string, category: string) =>
    indicators.filter((r) => r.indicator_id === id && r.category === category);

  it('recovers the planted hotspot: exactly its six LSOAs hot, holding its share', () => {
    const { category, lsoas, share } = planted.hotspot;
    const hot = rowsOf('police.hotspot_gi', category)
      .filter((r) => r.significance === 'higher')
      .map((r) => r.breakdown_value)
      .sort();
    expect(hot).toEqual([...lsoas].sort());
    const [shareRow] = rowsOf('police.hotspot_share', category);
    expect([Number(shareRow?.numerator), Number(shareRow?.denominator)]).toEqual([
      share.numerator,
      share.denominator,
    ]);
    const headline = readFileSync(join(out, 'headline.md'), 'utf8');
    expect(headline).toContain(
      '6 of the 60 neighbourhoods (LSOAs), in Northfold (SYNTHETIC) and Kettlewick (SYNTHETIC), are significant hot spots of violence with injury, holding 34% of it (127 of 372 crimes;',
    );
  });

  it('flags no hotspot in the same counts shuffled among the LSOAs (100 shuffles)', async () => {
    const db = await Database.open(database);
    try {
      const lsoas = await db.all<{ lsoa_code: string; crimes: number }>(
        `SELECT lsoa_code, crimes FROM agg_police_by_lsoa WHERE category = '${planted.hotspot.category}' ORDER BY lsoa_code`,
      );
      const neighbours = new Map(
        (
          await db.all<{ lsoa_code: string; neighbours: string }>(
            'SELECT * FROM agg_lsoa_neighbourhoods',
          )
        ).map((r) => [r.lsoa_code, r.neighbours ? r.neighbours.split(',') : []]),
      );
      const next = random(1);
      let flagged = 0;
      for (let shuffle = 0; shuffle < 100; shuffle++) {
        const counts = lsoas.map((l) => Number(l.crimes));
        for (let i = counts.length - 1; i > 0; i--) {
          const j = Math.floor(next() * (i + 1));
          [counts[i], counts[j]] = [counts[j] ?? 0, counts[i] ?? 0];
        }
        const results = testHotspots(
          lsoas.map((l, i) => ({
            code: l.lsoa_code,
            crimes: counts[i] ?? 0,
            neighbours: neighbours.get(l.lsoa_code) ?? [],
          })),
        );
        const hot = results.filter((r) => r.class === 'hot').map((r) => r.code);
        if (results.some((r) => r.class !== 'not significant')) flagged++;
        // The planted block is never found in shuffled counts.
        expect(planted.hotspot.lsoas.every((code) => hot.includes(code))).toBe(false);
      }
      // A 5% false discovery rate over correlated tests: a few shuffles flag an LSOA (8 of 100).
      expect(flagged).toBeLessThanOrEqual(10);
    } finally {
      db.close();
    }
  });

  it('recovers the planted near-repeats (0–100 m, 0–7 days) and not in shuffled dates', async () => {
    const [cell] = rowsOf('police.near_repeat', planted.near_repeat.category).filter(
      (r) => r.breakdown_value === '0–100 m, 0–7 days',
    );
    expect(cell?.significance).toBe('higher');
    expect(Number(cell?.value)).toBeGreaterThan(3);
    const db = await Database.open(database);
    try {
      const ratios: number[] = [];
      let flagged = 0;
      for (let control = 0; control < 10; control++) {
        // The period's events with their dates dealt out again at random: space kept, time shuffled.
        await db.run(`CREATE OR REPLACE TEMP TABLE control_events AS
          WITH events AS (
            SELECT category, crime_ref AS event_id, easting, northing,
              datediff('day', DATE '1970-01-01', offence_date) AS day
            FROM crime_points_located CROSS JOIN run_config
            WHERE date_exact AND category = '${planted.near_repeat.category}'
              AND offence_date BETWEEN run_config.period_start AND run_config.period_end),
          places AS (SELECT *, row_number() OVER (ORDER BY event_id) AS k FROM events),
          days AS (SELECT day, row_number() OVER (ORDER BY hash('control${control}:' || event_id)) AS k FROM events)
          SELECT places.category, places.event_id, places.easting, places.northing, days.day
          FROM places JOIN days USING (k)`);
        const counts = await knoxCounts(db, 'control_events', {
          spaceBandsM: [100, 200, 300, 400],
          timeBandsDays: [7, 14, 21, 28],
          iterations: 99,
          seed: 1,
        });
        const pairs = (iteration: number) =>
          Number(
            counts.find((c) => c.iteration === iteration && c.space_band === 1 && c.time_band === 1)
              ?.pairs ?? 0,
          );
        const verdict = knoxCell({
          observed: pairs(0),
          simulated: Array.from({ length: 99 }, (_, i) => pairs(i + 1)),
        });
        ratios.push(verdict.ratio ?? 0);
        if (verdict.significance === 'higher') flagged++;
      }
      expect(Math.max(...ratios)).toBeLessThan(2);
      expect(flagged).toBeLessThanOrEqual(1);
    } finally {
      db.close();
    }
  }, 120_000);

  it('draws the LSOA, ward, hotspot and hexagon maps and the ward funnel, as spec, SVG and PNG', () => {
    const files = readdirSync(join(out, 'charts'));
    for (const name of [...MAPS, 'police-ward-funnel']) {
      for (const ext of ['.vl.json', '.svg', '.png']) expect(files).toContain(`${name}${ext}`);
    }
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    for (const name of MAPS) expect(html).toContain(`data-chart="${name}"`);
  });

  it('says its sources and the OS licence on every map, and names its classes', () => {
    for (const name of MAPS) {
      const spec = JSON.parse(readFileSync(join(out, 'charts', `${name}.vl.json`), 'utf8'));
      // The subtitle wraps long lines: read it as one text.
      const subtitle = (spec.title.subtitle as string[]).join(' ').replace(/\s+/g, ' ');
      expect(subtitle).toContain(`${OS_LICENCE}.`);
      expect(subtitle).toContain('Sources: police extracts;');
    }
    const lsoa = JSON.parse(readFileSync(join(out, 'charts', 'map-rate-by-lsoa.vl.json'), 'utf8'));
    const legend = JSON.stringify(lsoa.concat[1].layer[1].encoding.color);
    expect(legend).toMatch(/"domain":\["none",".* to .*"/);
  });

  it('draws no hexagon below the suppression threshold, and no point anywhere', () => {
    const spec = JSON.parse(readFileSync(join(out, 'charts', 'map-hex-density.vl.json'), 'utf8'));
    const cells = (spec.concat as Array<{ layer: Array<{ data?: { values?: unknown[] } }> }>)
      .flatMap((panel) => panel.layer[1]?.data?.values ?? [])
      .map((v) => v as { properties: { crimes: number }; geometry: { type: string } });
    expect(cells.length).toBeGreaterThan(10);
    for (const cell of cells) {
      expect(cell.properties.crimes).toBeGreaterThanOrEqual(5);
      expect(cell.geometry.type).toBe('Polygon');
    }
    for (const name of MAPS) {
      const text = readFileSync(join(out, 'charts', `${name}.vl.json`), 'utf8');
      expect(text).not.toMatch(/"Point"|easting|northing|crime_ref|address/);
    }
  });
});
