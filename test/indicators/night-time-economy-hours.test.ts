/**
 * The weekend-night condition of the night-time economy indicators, run by DuckDB on the hours
 * at its edges: Friday and Saturday nights run 20:00 to 03:59, the hours after midnight
 * belonging to the night before (Saturday 03:59 is Friday night, Sunday 03:59 Saturday night).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../core/database.js';
import { SQL_DIR } from '../../core/paths.js';
import { WEEKEND_NIGHT } from '../../indicators/families/police-night-time-economy.js';

// 2024-06-07 is a Friday.
const CASES: Array<[string, string, string, boolean]> = [
  ['Friday 19:59', '2024-06-07', '19:59:59', false],
  ['Friday 20:00', '2024-06-07', '20:00:00', true],
  ['Friday 23:59', '2024-06-07', '23:59:59', true],
  ['Friday 03:59 (Thursday night)', '2024-06-07', '03:59:00', false],
  ['Saturday 00:00 (Friday night)', '2024-06-08', '00:00:00', true],
  ['Saturday 03:59 (Friday night)', '2024-06-08', '03:59:59', true],
  ['Saturday 04:00', '2024-06-08', '04:00:00', false],
  ['Saturday 12:00', '2024-06-08', '12:00:00', false],
  ['Saturday 20:00', '2024-06-08', '20:00:00', true],
  ['Sunday 03:59 (Saturday night)', '2024-06-09', '03:59:00', true],
  ['Sunday 04:00', '2024-06-09', '04:00:00', false],
  ['Sunday 20:00', '2024-06-09', '20:00:00', false],
  ['Monday 00:30 (Sunday night)', '2024-06-10', '00:30:00', false],
];

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
  // The condition is a macro of the pipeline's: load them as a run does.
  const file = join(SQL_DIR, 'meta', 'macros.sql');
  await db.runFile(file, readFileSync(file, 'utf8'));
});
afterAll(() => db.close());

describe('the weekend-night hours', () => {
  it.each(CASES)('%s: %s %s → %s', async (_name, date, time, expected) => {
    const [row] = await db.all<{ night: boolean }>(
      `select (${WEEKEND_NIGHT}) as night
       from (select date '${date}' as offence_date, time '${time}' as committed_time)`,
    );
    expect(row?.night).toBe(expected);
  });
});
