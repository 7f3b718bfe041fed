/** Ward rates on the funnel: grouping LSOAs into wards, labels, and the centre line. */
import { describe, expect, it } from 'vitest';
import type { IndicatorContext } from '../../indicators/define.js';
import { type WardLsoa, wardRows } from '../../indicators/families/police-wards.js';

const context = {
  areaCode: 'E08000002',
  config: { thresholds: { suppressBelow: 5 } },
  period: { start: '2024-04-01', end: '2025-03-31' },
} as unknown as IndicatorContext;

const lsoa = (
  ward_code: string | null,
  ward_name: string | null,
  crimes: number,
  residents: number | null,
): WardLsoa => ({
  ward_code,
  ward_name,
  crimes,
  residents,
});

describe('wardRows', () => {
  const rows = wardRows(context, 'violence_with_injury', [
    lsoa('W1', 'Northfold', 60, 5000),
    lsoa('W1', 'Northfold', 40, 5000),
    lsoa('W2', 'Southmoor', 20, 10_000),
    lsoa('W3', 'Southmoor', 30, 10_000),
    lsoa(null, null, 50, 8000), // no ward: left out of every row
    lsoa('W4', 'Empty', 3, 0), // no residents: no rate, left out
  ]);
  const ward = (label: string) => rows.find((r) => r.breakdown_value === label);

  it('sums each ward’s LSOAs and pools the wards for the centre line', () => {
    const centre = rows.find((r) => r.breakdown === 'none');
    expect([centre?.numerator, centre?.denominator, centre?.value]).toEqual([150, 30_000, 5]);
    expect(centre?.note).toBe('funnel centre line over 3 wards');
    expect([ward('Northfold')?.numerator, ward('Northfold')?.denominator]).toEqual([100, 10_000]);
    expect(rows).toHaveLength(4);
  });

  it('labels wards by name, adding the code where two share a name', () => {
    expect(rows.filter((r) => r.breakdown === 'ward').map((r) => r.breakdown_value)).toEqual([
      'Northfold',
      'Southmoor (W2)',
      'Southmoor (W3)',
    ]);
  });

  it('marks wards outside the funnel, and which are outside 99.8% too', () => {
    // 10 per 1,000 (8.1–12.2) against 5: outside both limits.
    expect([ward('Northfold')?.significance, ward('Northfold')?.note]).toEqual([
      'higher',
      'outside the 99.8% funnel limits',
    ]);
    // 2 per 1,000 (1.2–3.1) and 3 (2.0–4.3) against 5: below.
    expect(ward('Southmoor (W2)')?.significance).toBe('lower');
    expect(ward('Southmoor (W3)')?.significance).toBe('lower');
  });

  it('makes no funnel of fewer than two wards', () => {
    expect(wardRows(context, 'knife_crime', [lsoa('W1', 'Northfold', 5, 1000)])).toEqual([]);
  });
});
