/**
 * Hand-made report inputs for the HTML and notebook tests: a few published rows, a headline,
 * provenance, and a chart drawn by vega for real. `HOSTILE` is planted in every place text from
 * data can reach (area name, beat, note, sentence, path, chart data) to test the escaping.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { INDICATORS } from '../../indicators/registry.js';
import type {
  Headline,
  Provenance,
  PublishedRow,
  RenderedChart,
  ReportData,
} from '../../reports/types.js';

import { publishedRow } from '../helpers/published-row.js';

export const HOSTILE = '</script><script>alert("x")</script><!--';

export function row(overrides: Parameters<typeof publishedRow>[0]): PublishedRow {
  return publishedRow({ numerator: 380, value: 380 }, overrides);
}

export const ROWS: PublishedRow[] = [
  row({}),
  row({
    category: 'homicide',
    numerator: null,
    value: null,
    suppressed: true,
    note: 'suppressed: fewer than 5',
  }),
  row({
    indicator_id: 'police.rate_per_1000',
    unit: 'per_1000',
    method: 'byar',
    numerator: 380,
    denominator: 97_000,
    value: 3.917525,
    lower_ci95: 3.5342,
    upper_ci95: 4.3299,
  }),
  row({
    indicator_id: 'victims.under_25_pct',
    unit: 'percent',
    method: 'wilson',
    numerator: 184,
    denominator: 409,
    value: 44.98777,
    lower_ci95: 40.2351,
    upper_ci95: 49.8317,
    significance: 'higher',
    note: HOSTILE,
  }),
  ...['N1G1', HOSTILE, 'N2G1'].map((beat, i) =>
    row({
      indicator_id: 'police.by_beat',
      breakdown: 'beat',
      breakdown_value: beat,
      unit: 'percent',
      method: 'wilson',
      numerator: 20 - i * 5,
      denominator: 55,
      value: ((20 - i * 5) / 55) * 100,
      lower_ci95: 10,
      upper_ci95: 50,
    }),
  ),
];

export function reportData(overrides: Partial<ReportData> = {}): ReportData {
  return {
    area: {
      name: `Brackenford (SYNTHETIC) ${HOSTILE}`,
      codes: ['E08999999'],
      areaCode: 'E08999999',
    },
    period: {
      start: '2024-04-01',
      end: '2025-03-31',
      previousStart: '2023-04-01',
      previousEnd: '2024-03-31',
      historyStart: '2020-04-01',
    },
    synthetic: true,
    suppressBelow: 5,
    repeatAddressMin: 3,
    coverage: [],
    population: { year: 2025, periodEndYear: 2025 },
    rows: ROWS,
    definitions: INDICATORS,
    comparatorNames: {},
    ...overrides,
  };
}

export const HEADLINE: Headline = {
  area: 'Brackenford (SYNTHETIC)',
  period: { start: '2024-04-01', end: '2025-03-31' },
  findings: [
    {
      rule: 'hotspot',
      category: 'violence_with_injury',
      subject: [HOSTILE],
      text: `6 of the 60 neighbourhoods (LSOAs), in ${HOSTILE}, are significant hot spots of violence with injury.`,
      facts: [],
      evidence: 'indicator-police.count',
    },
  ],
  rows: [
    {
      category: 'violence_with_injury',
      title: 'Violence with injury',
      intelligence: [
        { text: '380 crimes in 2024/25.', facts: [row({})] },
        { text: `20% of crimes take place in the ${HOSTILE} beat.`, facts: [] },
      ],
      victims: [{ text: '45% of victims are under the age of 25.', facts: [] }],
      perpetrators: [],
      narrative: {
        text: `Violence with injury: 380 crimes in 2024/25, most in the ${HOSTILE} beat.`,
        facts: [row({})],
      },
    },
  ],
};

export const PROVENANCE: Provenance = {
  version: '0.1.0',
  configSha256: 'c0ffee'.padEnd(64, '0'),
  generatedAt: '2025-04-02T06:00:00.000Z',
  inputs: [
    {
      source: 'police_crimes',
      path: `extracts/police/crimes-${HOSTILE}.csv`,
      sha256: 'ab12'.padEnd(64, 'f'),
      rows_read: 1203,
      rows_loaded: 1190,
      rows_rejected: 3,
      rows_set_aside: 10,
    },
  ],
};

/** A bar chart of the beats, drawn to SVG by vega exactly as the charts stage does. */
export async function beatChart(name = 'police-top-beats'): Promise<RenderedChart> {
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Top beats',
    data: {
      values: ROWS.filter((r) => r.breakdown === 'beat').map((r) => ({
        beat: r.breakdown_value,
        share: r.value,
      })),
    },
    mark: 'bar',
    encoding: {
      y: { field: 'beat', type: 'nominal', title: 'Beat' },
      x: { field: 'share', type: 'quantitative', title: 'Share of crimes (%)' },
    },
  } satisfies TopLevelSpec;
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return {
      name,
      title: 'Top beats by share of crime',
      description: `Share of knife crime by beat, including ${HOSTILE}.`,
      howToRead: `Each bar is a beat’s share, ${HOSTILE} included.`,
      indicators: ['police.by_beat'],
      spec,
      svg,
    };
  } finally {
    view.finalize();
  }
}
