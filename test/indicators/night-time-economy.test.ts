/**
 * police.night_time_economy_share on the synthetic borough recovers the generator's planted
 * share (its town-centre ward Market Cross, Friday and Saturday nights 20:00 to 03:59), and is
 * "not available" when the config names no town-centre ward.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../core/log.js';
import type { Planted } from '../../fixtures/generator/planted.js';
import { run } from '../../pipeline/index.js';
import { query, REPO_ROOT, workspace } from '../helpers/workspace.js';

const FIXTURES = join(REPO_ROOT, 'fixtures', 'synthetic');
const planted = JSON.parse(readFileSync(join(FIXTURES, 'planted.json'), 'utf8')) as Planted;
const ID = 'police.night_time_economy_share';

async function shareRows(wards: string) {
  const ws = workspace('sna-nte-');
  const demo = readFileSync(join(REPO_ROOT, 'sna.config.yaml'), 'utf8')
    .replaceAll('fixtures/synthetic/', `${FIXTURES}/`)
    .replace(/^ {2}town_centre_wards: .*$/m, wards)
    .replace(/^output_dir: .*$/m, `output_dir: ${ws.path('out')}`);
  await run(ws.config(demo), { stages: ['ingest', 'indicators'], log: memoryLogger() });
  return query<Record<string, unknown>>(
    ws.path('out/sna.duckdb'),
    `SELECT category, numerator, denominator, value, lower_ci95, upper_ci95, method, note, status
     FROM indicators_published WHERE indicator_id = '${ID}'`,
  );
}

describe(ID, () => {
  it('recovers the planted share of violence with injury in Market Cross on weekend nights', async () => {
    const expected = planted.night_time_economy;
    expect(expected.town_centre_wards).toEqual(['E05999004']);
    const rows = await shareRows(`  town_centre_wards: [${expected.town_centre_wards.join(', ')}]`);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      category: 'violence_with_injury',
      numerator: expected.numerator,
      denominator: expected.denominator,
      method: 'wilson',
      status: 'published',
    });
    expect(row?.value).toBeCloseTo(expected.pct, 10);
    expect(Number(row?.lower_ci95)).toBeLessThan(expected.pct);
    expect(Number(row?.upper_ci95)).toBeGreaterThan(expected.pct);
  }, 120_000);

  it('is not available, saying why, when the config names no town-centre ward', async () => {
    const rows = await shareRows('');
    expect(rows).toEqual([
      expect.objectContaining({
        category: 'violence_with_injury',
        value: null,
        status: 'not_available',
        note: 'not available: needs area.town_centre_wards',
      }),
    ]);
  }, 120_000);
});
