/** The wards named in sentences and on maps: one ranking for both, and labels that find their ward. */
import { describe, expect, it } from 'vitest';
import { areaLabels } from '../../indicators/area-labels.js';
import { centroidLabels } from '../../reports/charts/maps/labels.js';
import { wardsAbove, wardsMostHot } from '../../reports/places-named.js';
import type { MapArea, PublishedRow } from '../../reports/types.js';

const square = (x: number): MapArea['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 54],
      [x, 54.01],
      [x + 0.01, 54.01],
      [x + 0.01, 54],
      [x, 54],
    ],
  ],
});

describe('areaLabels', () => {
  it('adds the code only where two areas share a name, and falls back to the code', () => {
    const labels = areaLabels([
      { code: 'W1', name: 'Central' },
      { code: 'W2', name: ' Central ' },
      { code: 'W3', name: 'Riverside' },
      { code: 'W4', name: '' },
    ]);
    expect([...labels.values()]).toEqual(['Central (W1)', 'Central (W2)', 'Riverside', 'W4']);
  });
});

describe('centroidLabels', () => {
  it('finds a ward by its published label, including one that shares its name', () => {
    const names = areaLabels([
      { code: 'W1', name: 'Central' },
      { code: 'W2', name: 'Central' },
    ]);
    const areas: MapArea[] = ['W1', 'W2'].map((code, i) => ({
      code,
      name: 'Central',
      label: names.get(code) ?? code,
      geometry: square(-3 + i / 10),
    }));
    const placed = centroidLabels(areas, new Set(['Central (W2)']));
    expect(placed.map((p) => p.label)).toEqual(['Central (W2)']);
    expect(placed[0]?.longitude).toBeCloseTo(-2.895, 3);
  });
});

describe('wardsMostHot', () => {
  it('ranks wards by hot LSOAs held, ties by label, names three and counts them all', () => {
    const wardOf = new Map([
      ['L1', 'B'],
      ['L2', 'B'],
      ['L3', 'A'],
      ['L4', 'C'],
      ['L5', 'D'],
      ['L6', 'D'],
    ]);
    expect(wardsMostHot(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L9'], wardOf)).toEqual({
      named: ['B', 'D', 'A'],
      wards: 4,
    });
  });
});

describe('wardsAbove', () => {
  const row = (label: string, value: number | null, significance: string, suppressed = false) =>
    ({
      breakdown: 'ward',
      breakdown_value: label,
      value,
      significance,
      suppressed,
    }) as unknown as PublishedRow;

  it('names the highest three significantly above, never a suppressed ward', () => {
    const rows = [
      row('A', 9, 'higher'),
      row('B', 12, 'higher'),
      row('C', 30, 'similar'),
      row('D', null, 'higher', true),
      row('E', 10, 'higher'),
      row('F', 8, 'higher'),
    ];
    expect(wardsAbove(rows).map((r) => r.breakdown_value)).toEqual(['B', 'E', 'A']);
  });
});
