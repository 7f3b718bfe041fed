/** fct_crime_points on hand-made marts: which crimes have a point, from which source, and its key. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../../core/database.js';
import { MODELS } from '../../../pipeline/sql/models.js';
import { buildModel } from '../../../pipeline/stages/build-models.js';

let db: Database;
beforeEach(async () => {
  db = await Database.open(':memory:');
});
afterEach(() => db.close());

describe('fct_crime_points', () => {
  it('keeps crimes with a point, with the pair they were sent with, one row per crime × category', async () => {
    // Extract crimes: P1 in metres (two categories), P2 in degrees, P3 with no point.
    // police.uk crime S1 shares its ref with nothing; fct_crime_categories lists it only
    // when police.uk is the source in use, and here it is not.
    await db.run(`CREATE TABLE fct_crimes AS SELECT * FROM (VALUES
      ('P1', 338000.0, 390000.0, NULL::DOUBLE, NULL::DOUBLE),
      ('P2', NULL, NULL, -2.98, 53.41),
      ('P3', NULL, NULL, NULL, NULL)
    ) t(crime_ref, easting, northing, longitude, latitude)`);
    await db.run(`CREATE TABLE fct_street_crimes AS SELECT * FROM (VALUES
      ('police.uk:S1', -2.97, 53.40)) t(crime_ref, longitude, latitude)`);
    await db.run(`CREATE TABLE fct_crime_categories AS SELECT * FROM (VALUES
      ('robbery', 'P1', 'police_crimes', DATE '2024-05-01', NULL::TIME, 'E01000001', 'E05000001'),
      ('serious_violence', 'P1', 'police_crimes', DATE '2024-05-01', NULL, 'E01000001', 'E05000001'),
      ('robbery', 'P2', 'police_crimes', DATE '2024-05-02', TIME '21:30', NULL, NULL),
      ('robbery', 'P3', 'police_crimes', DATE '2024-05-03', NULL, NULL, NULL)
    ) t(category, crime_ref, source, offence_date, committed_time, lsoa_code, ward_code)`);
    const model = MODELS.find((m) => m.name === 'fct_crime_points');
    if (!model) throw new Error('fct_crime_points is not registered');
    expect(model.key).toEqual(['crime_ref', 'category']);
    await buildModel(db, model);
    const rows = await db.all(
      `SELECT category, crime_ref, source, date_exact, easting, northing, longitude, latitude
       FROM fct_crime_points ORDER BY crime_ref, category`,
    );
    expect(rows).toEqual([
      {
        category: 'robbery',
        crime_ref: 'P1',
        source: 'police_crimes',
        date_exact: true,
        easting: 338000,
        northing: 390000,
        longitude: null,
        latitude: null,
      },
      {
        category: 'serious_violence',
        crime_ref: 'P1',
        source: 'police_crimes',
        date_exact: true,
        easting: 338000,
        northing: 390000,
        longitude: null,
        latitude: null,
      },
      {
        category: 'robbery',
        crime_ref: 'P2',
        source: 'police_crimes',
        date_exact: true,
        easting: null,
        northing: null,
        longitude: -2.98,
        latitude: 53.41,
      },
    ]);
  });

  it('takes police.uk’s points, month-dated, when police.uk is the source in use', async () => {
    await db.run(`CREATE TABLE fct_crimes (crime_ref VARCHAR, easting DOUBLE, northing DOUBLE,
      longitude DOUBLE, latitude DOUBLE)`);
    await db.run(`CREATE TABLE fct_street_crimes AS SELECT * FROM (VALUES
      ('police.uk:S1', -2.97, 53.40), ('police.uk:S2', NULL, NULL)) t(crime_ref, longitude, latitude)`);
    await db.run(`CREATE TABLE fct_crime_categories AS SELECT * FROM (VALUES
      ('robbery', 'police.uk:S1', 'police_uk_street', DATE '2024-05-01', NULL::TIME, 'E01000001', NULL),
      ('robbery', 'police.uk:S2', 'police_uk_street', DATE '2024-05-01', NULL, 'E01000001', NULL)
    ) t(category, crime_ref, source, offence_date, committed_time, lsoa_code, ward_code)`);
    const model = MODELS.find((m) => m.name === 'fct_crime_points');
    if (!model) throw new Error('fct_crime_points is not registered');
    await buildModel(db, model);
    expect(
      await db.all('SELECT crime_ref, date_exact, longitude, easting FROM fct_crime_points'),
    ).toEqual([{ crime_ref: 'police.uk:S1', date_exact: false, longitude: -2.97, easting: null }]);
  });
});
