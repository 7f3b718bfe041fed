/**
 * Golden tests of the trickiest models: each is built from its own file (the models stage's
 * loader) over a handful of hand-made upstream rows in an in-memory database, and compared with
 * rows worked out by hand.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../../core/database.js';
import { MODELS } from '../../../pipeline/sql/models.js';
import { buildModel } from '../../../pipeline/stages/build-models.js';

let db: Database;

beforeEach(async () => {
  db = await Database.open(':memory:');
});

afterEach(() => db.close());

async function build(name: string): Promise<void> {
  const model = MODELS.find((m) => m.name === name);
  if (!model) throw new Error(`no model ${name}`);
  await buildModel(db, model);
}

/** Two police.uk/crime files whose name order is not their load order: file 1 sorts last. */
async function filesOrdered(): Promise<void> {
  await db.run(`CREATE TABLE int_files_ordered AS
    SELECT * FROM (VALUES (1, 2), (2, 1)) AS t(file_id, file_rank)`);
}

describe('int_crimes_versioned', () => {
  it('ranks the latest version of each crime first: later file by name, then later line', async () => {
    await filesOrdered();
    await db.run(`CREATE TABLE stg_police__crimes AS
      SELECT * FROM (VALUES
        (2, 5, 'A'), (1, 2, 'A'),  -- re-sent in the file that sorts last: file 1 wins
        (2, 3, 'B'), (2, 7, 'B'),  -- twice in one file: the later line wins
        (2, 4, 'C')                -- sent once
      ) AS t(file_id, line, crime_ref)`);
    await build('int_crimes_versioned');
    expect(
      await db.all(
        'SELECT crime_ref, file_id, line, version_rank::INTEGER AS version_rank FROM int_crimes_versioned ORDER BY crime_ref, version_rank',
      ),
    ).toEqual([
      { crime_ref: 'A', file_id: 1, line: 2, version_rank: 1 },
      { crime_ref: 'A', file_id: 2, line: 5, version_rank: 2 },
      { crime_ref: 'B', file_id: 2, line: 7, version_rank: 1 },
      { crime_ref: 'B', file_id: 2, line: 3, version_rank: 2 },
      { crime_ref: 'C', file_id: 2, line: 4, version_rank: 1 },
    ]);
  });
});

describe('int_street_crimes_versioned', () => {
  it('counts copies of a crime once, and crimes sharing a Crime ID (or none) each once', async () => {
    await filesOrdered();
    await db.run(`CREATE TABLE stg_police_uk__street AS
      SELECT file_id, line, crime_id, offence_date::DATE AS offence_date, category,
        lsoa_code IS NOT NULL OR longitude IS NOT NULL AS has_location,
        longitude::DOUBLE AS longitude, latitude::DOUBLE AS latitude, lsoa_code,
        NULL::VARCHAR AS last_outcome_category, category = 'anti_social_behaviour' AS is_anti_social_behaviour
      FROM (VALUES
        -- X: one crime sent in both files; file 1 sorts last, so its row is kept
        (2, 1, 'X', '2024-01-01', 'burglary', -1.5, 52.5, 'E01000001'),
        (1, 1, 'X', '2024-01-01', 'burglary', -1.5, 52.5, 'E01000001'),
        -- Y: two crimes (other type) sharing one ID: each its own crime, named by its row
        (1, 2, 'Y', '2024-01-01', 'burglary', -1.5, 52.5, 'E01000001'),
        (1, 3, 'Y', '2024-01-01', 'robbery', -1.5, 52.5, 'E01000001'),
        -- Z: an unlocated copy of a located row: the located row is kept
        (1, 4, 'Z', '2024-02-01', 'vehicle_crime', -1.6, 52.6, 'E01000002'),
        (1, 5, 'Z', '2024-02-01', 'vehicle_crime', NULL, NULL, NULL),
        -- blank IDs: every row a crime of its own, even when alike
        (1, 6, NULL, '2024-02-01', 'burglary', -1.5, 52.5, 'E01000001'),
        (1, 7, NULL, '2024-02-01', 'burglary', -1.5, 52.5, 'E01000001'),
        -- anti-social behaviour is not crime: not here at all
        (1, 8, 'W', '2024-02-01', 'anti_social_behaviour', -1.5, 52.5, 'E01000001')
      ) AS t(file_id, line, crime_id, offence_date, category, longitude, latitude, lsoa_code)`);
    await build('int_street_crimes_versioned');
    expect(
      await db.all(
        `SELECT file_id, line, crime_id, crime_ref, is_duplicate, is_repeated_id_crime
         FROM int_street_crimes_versioned ORDER BY file_id, line`,
      ),
    ).toEqual([
      row(1, 1, 'X', 'police.uk:X', false, false),
      row(1, 2, 'Y', 'police.uk:Y@1:2', false, true),
      row(1, 3, 'Y', 'police.uk:Y@1:3', false, true),
      row(1, 4, 'Z', 'police.uk:Z', false, false),
      row(1, 5, 'Z', 'police.uk:Z', true, false),
      row(1, 6, null, 'police.uk:@1:6', false, false),
      row(1, 7, null, 'police.uk:@1:7', false, false),
      row(2, 1, 'X', 'police.uk:X', true, false),
    ]);
  });

  const row = (
    file_id: number,
    line: number,
    crime_id: string | null,
    crime_ref: string,
    is_duplicate: boolean,
    is_repeated_id_crime: boolean,
  ) => ({ file_id, line, crime_id, crime_ref, is_duplicate, is_repeated_id_crime });
});

describe('int_source_months', () => {
  it('lists the months each source has rows in, police.uk from the force with most area rows', async () => {
    await db.run(`CREATE TABLE stg_police__crimes AS
      SELECT recorded_date::DATE AS recorded_date
      FROM (VALUES ('2024-01-05'), ('2024-01-20'), ('2024-03-02')) AS t(recorded_date)`); // no February
    await db.run(`CREATE TABLE int_area_geography AS
      SELECT * FROM (VALUES ('E01000001', true), ('E01000009', false)) AS t(lsoa_code, is_in_area)`);
    await db.run(`CREATE TABLE stg_police_uk__street AS
      SELECT offence_date::DATE AS offence_date, falls_within, lsoa_code
      FROM (VALUES
        ('2024-01-01', 'Home Police', 'E01000001'),
        ('2024-01-01', 'Home Police', 'E01000001'),
        ('2024-02-01', 'Home Police', 'E01000009'),  -- outside the area: still the feed's month
        ('2024-04-01', 'Next Police', 'E01000001')   -- a neighbour's row in the area: covers nothing
      ) AS t(offence_date, falls_within, lsoa_code)`);
    await db.run(`CREATE TABLE stg_ae__assaults AS SELECT DATE '2024-02-10' AS arrival_date`);
    await db.run('CREATE TABLE stg_yj__offences (offence_date DATE)');
    await build('int_source_months');
    expect(
      await db.all(
        `SELECT source, strftime(month, '%Y-%m') AS month FROM int_source_months ORDER BY source, month`,
      ),
    ).toEqual([
      { source: 'ae_assaults', month: '2024-02' },
      { source: 'police_crimes', month: '2024-01' },
      { source: 'police_crimes', month: '2024-03' },
      { source: 'police_uk_street', month: '2024-01' },
      { source: 'police_uk_street', month: '2024-02' },
    ]);
  });
});

describe('agg_source_coverage', () => {
  it('says what each loaded source covers of each period, gaps and partial periods included', async () => {
    // Assessment: Jan–Mar 2024; previous: Oct–Dec 2023; history from Jul 2023.
    await db.run(`CREATE TABLE run_config AS SELECT
      DATE '2024-01-01' AS period_start, DATE '2024-03-31' AS period_end,
      DATE '2023-10-01' AS previous_start, DATE '2023-12-31' AS previous_end,
      DATE '2023-07-01' AS history_start`);
    await db.run(`CREATE TABLE ingest_files AS
      SELECT * FROM (VALUES
        ('police_crimes', 10, 0),
        ('ae_assaults', 5, 5),      -- every row rejected: not a loaded source
        ('youth_justice', 3, 0),    -- loaded, but no row dated in any month
        ('geography', 9, 0)         -- reference data: not an event source
      ) AS t(source, rows_read, rows_rejected)`);
    await db.run(`CREATE TABLE int_source_months AS
      SELECT 'police_crimes' AS source, month::DATE AS month
      FROM (VALUES ('2023-11-01'), ('2024-01-01'), ('2024-03-01')) AS t(month)`);
    await build('agg_source_coverage');
    const rows = await db.all(
      `SELECT source, period, strftime(start_date, '%Y-%m-%d') AS start_date, months_expected,
              months_covered, is_complete, covered_months, missing_months, first_month, last_month,
              gap_months
       FROM agg_source_coverage ORDER BY source, period`,
    );
    const none = { first_month: null, last_month: null, gap_months: 0 };
    // police_crimes: November, January and March; December and February missing (2 gap months).
    const police = { first_month: '2023-11', last_month: '2024-03', gap_months: 2 };
    expect(rows).toEqual([
      {
        source: 'police_crimes',
        period: 'assessment',
        start_date: '2024-01-01',
        months_expected: 3,
        months_covered: 2,
        is_complete: false,
        covered_months: ['2024-01', '2024-03'],
        missing_months: ['2024-02'],
        ...police,
      },
      {
        source: 'police_crimes',
        period: 'history',
        start_date: '2023-07-01',
        months_expected: 9,
        months_covered: 3,
        is_complete: false,
        covered_months: ['2023-11', '2024-01', '2024-03'],
        missing_months: ['2023-07', '2023-08', '2023-09', '2023-10', '2023-12', '2024-02'],
        ...police,
      },
      {
        source: 'police_crimes',
        period: 'previous',
        start_date: '2023-10-01',
        months_expected: 3,
        months_covered: 1,
        is_complete: false,
        covered_months: ['2023-11'],
        missing_months: ['2023-10', '2023-12'],
        ...police,
      },
      ...['assessment', 'history', 'previous'].map((period) => ({
        source: 'youth_justice',
        period,
        start_date: { assessment: '2024-01-01', history: '2023-07-01', previous: '2023-10-01' }[
          period
        ],
        months_expected: period === 'history' ? 9 : 3,
        months_covered: 0,
        is_complete: false,
        covered_months: [],
        missing_months:
          period === 'assessment'
            ? ['2024-01', '2024-02', '2024-03']
            : period === 'previous'
              ? ['2023-10', '2023-11', '2023-12']
              : [
                  '2023-07',
                  '2023-08',
                  '2023-09',
                  '2023-10',
                  '2023-11',
                  '2023-12',
                  '2024-01',
                  '2024-02',
                  '2024-03',
                ],
        ...none,
      })),
    ]);
  });

  it('calls a period complete when every month of it has rows', async () => {
    await db.run(`CREATE TABLE run_config AS SELECT
      DATE '2024-01-01' AS period_start, DATE '2024-02-29' AS period_end,
      DATE '2023-11-01' AS previous_start, DATE '2023-12-31' AS previous_end,
      DATE '2023-11-01' AS history_start`);
    await db.run(
      `CREATE TABLE ingest_files AS SELECT 'ae_assaults' AS source, 4 AS rows_read, 0 AS rows_rejected`,
    );
    await db.run(`CREATE TABLE int_source_months AS
      SELECT 'ae_assaults' AS source, month::DATE AS month
      FROM (VALUES ('2023-12-01'), ('2024-01-01'), ('2024-02-01')) AS t(month)`);
    await build('agg_source_coverage');
    expect(
      await db.all(
        'SELECT period, months_covered, is_complete, gap_months FROM agg_source_coverage ORDER BY period',
      ),
    ).toEqual([
      { period: 'assessment', months_covered: 2, is_complete: true, gap_months: 0 },
      { period: 'history', months_covered: 3, is_complete: false, gap_months: 0 },
      { period: 'previous', months_covered: 1, is_complete: false, gap_months: 0 },
    ]);
  });
});
