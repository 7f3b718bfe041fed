/**
 * What the report reads of `fct_national_units` (issue 17): one entry per unit with its name,
 * whether it is the area, its country and coverage; nothing when the table is absent or empty
 * (a run that is not national), so such a run's report data are what they were.
 */
import { describe, expect, it } from 'vitest';
import { Database } from '../../core/database.js';
import { areaUnitCode, loadNationalUnits, unitName } from '../../reports/national.js';
import { reportData } from './html-fixtures.js';

const CREATE = `CREATE TABLE fct_national_units (
  unit_code VARCHAR, unit_name VARCHAR, is_area BOOLEAN, country VARCHAR, force VARCHAR,
  category VARCHAR, coverage VARCHAR, coverage_note VARCHAR)`;

describe('loadNationalUnits', () => {
  it('reads one entry per unit, whatever its categories', async () => {
    const db = await Database.open(':memory:');
    await db.run(CREATE);
    await db.run(`INSERT INTO fct_national_units VALUES
      ('E08000012', 'Liverpool', true, 'E', 'Merseyside Police', 'robbery', 'complete', null),
      ('E08000012', 'Liverpool', true, 'E', 'Merseyside Police', 'violence_and_sexual_offences', 'complete', null),
      ('W06000001', 'Isle of Anglesey', false, 'W', 'North Wales Police', 'robbery', 'no_population', 'no population'),
      ('E08000001', 'Bolton', false, 'E', 'Greater Manchester Police', 'robbery', 'incomplete', 'GMP: no file for 2022-09')`);
    const units = await loadNationalUnits(db);
    expect(units).toEqual([
      {
        code: 'E08000001',
        name: 'Bolton',
        isArea: false,
        country: 'E',
        force: 'Greater Manchester Police',
        coverage: 'incomplete',
        coverageNote: 'GMP: no file for 2022-09',
      },
      {
        code: 'E08000012',
        name: 'Liverpool',
        isArea: true,
        country: 'E',
        force: 'Merseyside Police',
        coverage: 'complete',
        coverageNote: null,
      },
      {
        code: 'W06000001',
        name: 'Isle of Anglesey',
        isArea: false,
        country: 'W',
        force: 'North Wales Police',
        coverage: 'no_population',
        coverageNote: 'no population',
      },
    ]);
    // The area is the unit marked so, named as the config names it.
    const data = reportData({ nationalUnits: units ?? [] });
    expect(areaUnitCode(data)).toBe('E08000012');
    expect(unitName(data, 'E08000012')).toBe(data.area.name);
    expect(unitName(data, 'E08000001')).toBe('Bolton');
    expect(unitName(data, 'E92000001')).toBe('England');
    db.close();
  });

  it('gives nothing without the table, or with it empty', async () => {
    const db = await Database.open(':memory:');
    expect(await loadNationalUnits(db)).toBeUndefined();
    await db.run(CREATE);
    expect(await loadNationalUnits(db)).toBeUndefined();
    db.close();
  });
});

describe('areaUnitCode without the national units', () => {
  it('is the one LAD code, or the area’s name in upper snake case for several', () => {
    expect(
      areaUnitCode(
        reportData({ area: { name: 'X', codes: ['E08000012'], areaCode: 'E08000012' } }),
      ),
    ).toBe('E08000012');
    const group = reportData({
      area: {
        name: 'Liverpool City Region',
        codes: ['E08000011', 'E08000012'],
        areaCode: 'E08000011+E08000012',
      },
    });
    expect(areaUnitCode(group)).toBe('LIVERPOOL_CITY_REGION');
  });
});
