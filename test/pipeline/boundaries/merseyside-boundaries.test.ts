/**
 * The real Merseyside boundary files (ONS generalised LSOA 2011 and 2013 ward boundaries, one
 * GeoJSON per district) against the real LSOA → ward → LAD 2019 lookup: coverage per level, and
 * queen pair counts found independently of sna (vertices rounded to 7 dp and grouped, in Python).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../core/database.js';
import { createLogger } from '../../../core/log.js';
import { manifestInputs } from '../../../core/provenance.js';
import { parseConfig } from '../../../pipeline/config/load-config.js';
import { ensureRawTables } from '../../../pipeline/db/raw-tables.js';
import { ingest } from '../../../pipeline/ingest/ingest.js';
import { buildModels } from '../../../pipeline/stages/build-models.js';
import { dataChecks } from '../../../pipeline/stages/check-data.js';
import { loadBoundaries } from '../../../pipeline/stages/load-boundaries.js';
import { REPO_ROOT } from '../../helpers/workspace.js';

const SHARED = resolve(REPO_ROOT, '..', 'shared', 'data', 'real');
const HAS_DATA = existsSync(join(SHARED, 'boundaries', 'lsoa11'));
if (!HAS_DATA) console.warn(`skipping the real boundary files: ${SHARED} is not here`);
const EXAMPLE = join(REPO_ROOT, 'examples', 'merseyside', 'sna.config.yaml');

/** The Merseyside example for one borough, without the police.uk files (not needed here). */
async function built(code: string, name: string): Promise<Database> {
  const text = readFileSync(EXAMPLE, 'utf8')
    .replace('codes: [E08000012]', `codes: [${code}]`)
    .replace('name: Liverpool', `name: ${name}`)
    .replace(/^inputs:\n {2}police_uk_street:.*\n/m, '');
  const config = parseConfig(text, EXAMPLE);
  const db = await Database.open(':memory:');
  await ensureRawTables(db);
  const quiet = createLogger({ quiet: true });
  await ingest({ ...config, database: ':memory:' }, db, quiet);
  await loadBoundaries(db, config, quiet);
  await buildModels(db, config);
  return db;
}

const coverage = (db: Database) =>
  db.all<Record<string, unknown>>(
    `SELECT level, area_units, matched, area_only, file_only, example_area_only, example_file_only,
            usable, reason, pairs, islands
     FROM agg_boundary_coverage ORDER BY level`,
  );

describe.skipIf(!HAS_DATA)('real Merseyside boundaries', () => {
  describe('Liverpool (E08000012)', () => {
    let db: Database;
    beforeAll(async () => {
      db = await built('E08000012', 'Liverpool');
    }, 120_000);
    afterAll(() => db?.close());

    it('covers all 298 LSOAs and 30 wards, with 840 LSOA and 71 ward pairs inside the city', async () => {
      expect(await coverage(db)).toEqual([
        {
          level: 'lsoa',
          area_units: 298,
          matched: 298,
          area_only: 0,
          file_only: 0,
          example_area_only: null,
          example_file_only: null,
          usable: true,
          reason: null,
          pairs: 840,
          islands: 0,
        },
        {
          level: 'ward',
          area_units: 30,
          matched: 30,
          area_only: 0,
          // Knowsley's 2013 wards, loaded by the glob though not Liverpool's.
          file_only: 21,
          example_area_only: null,
          example_file_only: 'E05000865',
          usable: true,
          reason: null,
          pairs: 71,
          islands: 0,
        },
      ]);
      expect(
        await db.all(
          `SELECT level, count(*)::INTEGER AS n FROM dim_area_boundaries GROUP BY level ORDER BY level`,
        ),
      ).toEqual([
        { level: 'lsoa', n: 298 },
        { level: 'ward', n: 30 },
      ]);
    });

    it('finds 2,623 LSOA and 275 ward queen pairs over all five districts, no island', async () => {
      expect(
        await db.all(
          `SELECT level, (count(*) // 2)::INTEGER AS pairs,
                  (SELECT count(*)::INTEGER FROM ref_boundaries r
                   WHERE r.level = n.level AND r.code NOT IN (SELECT code FROM int_boundary_neighbours)) AS islands
           FROM int_boundary_neighbours n GROUP BY level ORDER BY level`,
        ),
      ).toEqual([
        { level: 'lsoa', pairs: 2623, islands: 0 },
        { level: 'ward', pairs: 275, islands: 0 },
      ]);
    });

    it('lists each boundary file in the manifest inputs, with its features', async () => {
      const files = (await manifestInputs(db)).filter((i) => i.source.startsWith('boundaries_'));
      expect(files).toHaveLength(10);
      const liverpool = files.find((f) => f.path.endsWith('lsoa11/E08000012.geojson'));
      expect(liverpool).toMatchObject({
        source: 'boundaries_lsoa',
        rows_read: 298,
        rows_loaded: 298,
        rows_set_aside: 0,
        rows_rejected: 0,
      });
      expect(liverpool?.sha256).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  describe('Knowsley (E08000011)', () => {
    let db: Database;
    beforeAll(async () => {
      db = await built('E08000011', 'Knowsley');
    }, 120_000);
    afterAll(() => db?.close());

    it('matches all 98 LSOAs but none of its 15 wards (the file has the 2013 wards)', async () => {
      const [lsoa, ward] = await coverage(db);
      expect(lsoa).toMatchObject({
        area_units: 98,
        matched: 98,
        usable: true,
        pairs: 244,
        islands: 0,
      });
      expect(ward).toMatchObject({
        area_units: 15,
        matched: 0,
        area_only: 15,
        file_only: 21,
        usable: false,
        reason:
          "the ward boundaries match 0 of Knowsley's 15 wards (e.g. E05010935 is not in the file; the file has E05000865, which the geography lookup does not know): another vintage",
      });
      const { warnings } = await dataChecks(
        db,
        parseConfig(
          readFileSync(EXAMPLE, 'utf8').replace('codes: [E08000012]', 'codes: [E08000011]'),
          EXAMPLE,
        ),
      );
      expect(warnings.filter((w) => w.startsWith('reference.boundaries'))).toEqual([
        "reference.boundaries.ward: the ward boundaries match 0 of Knowsley's 15 wards (e.g. E05010935 is not in the file; the file has E05000865, which the geography lookup does not know): another vintage; 15 wards have no boundary; the files hold 21 the geography lookup does not know, e.g. E05000865: maps by ward are not available",
      ]);
    });
  });
});
