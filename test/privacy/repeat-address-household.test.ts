/**
 * One household: six domestic violence-with-injury crimes at one address (issue 13). Before the
 * fix, `addresses.repeat_count` published the value 1 (one address) beside its suppressed
 * numerator, and the headline said "1 address accounted for 6 crimes (of 6 with a known
 * address)". The count of addresses is a count like any other: below suppress_below it is
 * blanked, with the crimes at it and the crimes with a known address, which would bound it.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseConfig, runCli, workspace, writeReference } from '../helpers/workspace.js';
import { smallCountLeaks } from './small-counts.js';

const MONTHS = ['04', '05', '06', '07', '08', '09'];

describe('six crimes at one household', { timeout: 120_000 }, () => {
  const ws = workspace('sna-household-');
  const out = ws.path('out');
  let status = -1;

  beforeAll(() => {
    writeReference(ws);
    ws.write(
      'extracts/crimes.csv',
      [
        'crime_ref,recorded_date,ho_offence_code,lsoa_code,address_ref,domestic_flag',
        ...MONTHS.map((m, i) => `D${i + 1},2024-${m}-10,8N,E01999001,HOUSE17,Y`),
      ].join('\n'),
    );
    ws.config(
      baseConfig('  police_crimes: extracts/crimes.csv', `output_dir: ${out}\n`).replace(
        'reference:',
        'thresholds:\n  repeat_address_min: 3\n  suppress_below: 5\nreference:',
      ),
    );
    status = runCli(['run', '--config', ws.path('sna.config.yaml'), '--quiet']).status;
  });

  it('runs', () => expect(status).toBe(0));

  it('publishes the repeat-address row suppressed, with no value, numerator or denominator', () => {
    const rows = parse(readFileSync(`${out}/indicators.csv`), { columns: true }) as Array<
      Record<string, string>
    >;
    const row = rows.find(
      (r) =>
        r.indicator_id === 'addresses.repeat_count' &&
        r.category === 'violence_with_injury_domestic',
    );
    expect(row).toMatchObject({ suppressed: 'true', value: '', numerator: '', denominator: '' });
    // The crimes themselves are 6, above the threshold: the count of them stays published.
    const count = rows.find(
      (r) => r.indicator_id === 'police.count' && r.category === 'violence_with_injury_domestic',
    );
    expect(count).toMatchObject({ suppressed: 'false', value: '6.0' });
  });

  it('the headline says the number is too small to publish, and never says 1 address', () => {
    const md = readFileSync(`${out}/headline.md`, 'utf8');
    const domestic = md
      .split('\n')
      .find((line) => line.startsWith('| Violence with injury (domestic'));
    expect(domestic).toContain(
      'The numbers of repeat addresses and of the crimes at them are too small to publish.',
    );
    expect(md).not.toMatch(/\b1 address\b/);
    expect(md).not.toContain('with a known address');
  });

  it('no published file holds a count from 1 to 4 of people, addresses or events', async () => {
    expect(await smallCountLeaks(out, 5)).toEqual([]);
  });
});
