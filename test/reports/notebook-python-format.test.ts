/**
 * The Python notebook's outputs are made by sna in TypeScript and must equal, character for
 * character, what its Python helpers print. These tests pin the TypeScript twins (fmt, show,
 * filter_spec) to Python's strings, written out here, and, where a Python 3 with pandas is
 * installed, run the same inputs through notebook_helpers.py itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadedFrom } from '../../reports/notebook/python-cells.js';
import { fmt, MAX_ROWS, type PyRow, showBundle } from '../../reports/notebook/python-format.js';
import {
  filterSpec,
  type Json,
  monthRange,
  redrawBundle,
} from '../../reports/notebook/python-redraw.js';
import type { PublishedRow } from '../../reports/types.js';
import { pythonWith } from '../helpers/python.js';
import { REPO_ROOT } from '../helpers/workspace.js';

/** Each value and what Python's fmt() in notebook_helpers.py prints for it. */
const AWKWARD: Array<[number | boolean | string | null, string]> = [
  [0.1 + 0.2, '0.3'],
  [1e-7, '0'],
  [123456.789, '123456.79'],
  [-0, '0'],
  [Number.NaN, ''],
  [null, ''],
  [0.125, '0.12'], // an exact tie: Python rounds to even, toFixed would say 0.13
  [0.375, '0.38'],
  [0.625, '0.62'],
  [-0.125, '-0.12'],
  [2.675, '2.67'], // just below 2.675 in binary
  [0.005, '0.01'], // just above 0.005
  [1.005, '1'],
  [-0.001, '0'],
  [-1234.5678, '-1234.57'],
  [99.995, '100'],
  [16, '16'],
  [2.5, '2.5'],
  [1e16, '10000000000000000'],
  [1e21, '1000000000000000000000'], // toFixed would give "1e+21"
  [Number.POSITIVE_INFINITY, 'inf'],
  [Number.NEGATIVE_INFINITY, '-inf'],
  [true, 'true'],
  [false, 'false'],
  ['text', 'text'],
];

describe('fmt, as Python formats', () => {
  it.each(AWKWARD)('%s → %j', (value, expected) => {
    expect(fmt(value)).toBe(expected);
  });
});

const ROWS: PyRow[] = [
  { indicator_id: 'police.count', category: 'knife_crime', value: 1234, note: null },
  { indicator_id: 'police.rate_per_1000', category: 'knife_crime', value: 0.125, note: 'a <b>' },
  { indicator_id: 'police.change', category: 'knife_crime', value: null, note: "O'Brien & co" },
];

describe('showBundle, as show() prints', () => {
  it('aligns numbers right and text left, blank for missing, escaped HTML', () => {
    const bundle = showBundle(ROWS, ['indicator_id', 'value', 'note'], 'knife_crime: 3 rows');
    expect(bundle['text/plain']).toBe(
      [
        'knife_crime: 3 rows',
        'indicator_id          value  note',
        '--------------------  -----  ------------',
        'police.count           1234',
        'police.rate_per_1000   0.12  a <b>',
        "police.change                O'Brien & co",
      ].join('\n'),
    );
    expect(bundle['text/html']).toContain(
      '<tr><td>police.rate_per_1000</td><td style="text-align:right">0.12</td><td>a &lt;b&gt;</td></tr>',
    );
    expect(bundle['text/html']).toContain('<td>O&#x27;Brien &amp; co</td>');
    expect(bundle['text/html']).toMatch(/^<p>knife_crime: 3 rows<\/p>\n<table>/);
  });

  it(`shows at most ${MAX_ROWS} rows and says how many more there are`, () => {
    const many = Array.from({ length: MAX_ROWS + 5 }, (_, i) => ({ n: i }));
    const text = String(showBundle(many, ['n'])['text/plain']).split('\n');
    expect(text).toHaveLength(2 + MAX_ROWS + 1);
    expect(text.at(-1)).toBe('... 5 more rows');
  });
});

const SPEC = {
  title: { text: 'Crimes', subtitle: ['Period: a year'] },
  datasets: { outline: [{ type: 'Feature' }] },
  concat: [
    {
      data: { values: [{ category: 'knife_crime', month: '2024-12', value: 1 }] },
      mark: 'line',
      encoding: { x: { field: 'month', axis: { values: ['2024-12', '2025-01'] } } },
    },
    {
      data: {
        values: [
          { category: 'robbery', month: '2024-12', value: 2 },
          { category: 'robbery', month: '2025-01', value: 3 },
        ],
      },
      layer: [{ data: { values: [{ curve: 'average', rate: 1.5 }] }, mark: 'line' }],
      encoding: { x: { field: 'month', axis: { values: ['2024-12', '2025-01'] } } },
    },
  ],
};

describe('filterSpec and redrawBundle, as filter_spec() and redraw()', () => {
  it('keeps matching rows and rows without the field, drops emptied panels and their ticks', () => {
    const counts = { matched: 0, kept: 0 };
    const filtered = filterSpec(
      SPEC as unknown as Json,
      { category: ['robbery'], month: ['2025-01'] },
      counts,
    );
    expect(counts).toEqual({ matched: 3, kept: 1 });
    expect(filtered).toEqual({
      ...SPEC,
      concat: [
        {
          ...SPEC.concat[1],
          data: { values: [{ category: 'robbery', month: '2025-01', value: 3 }] },
          encoding: { x: { field: 'month', axis: { values: ['2025-01'] } } },
        },
      ],
    });
  });

  it('says what it kept under the title, and leaves the saved spec as it was', () => {
    const before = JSON.stringify(SPEC);
    const bundle = redrawBundle('monthly', SPEC, { category: ['knife_crime'] });
    const spec = bundle['application/vnd.vegalite.v5+json'] as typeof SPEC;
    const note = 'Redrawn in the notebook for category = knife_crime: 1 of 3 rows';
    expect(spec.title.subtitle).toEqual(['Period: a year', note]);
    expect(spec.concat).toHaveLength(1);
    expect(bundle['text/plain']).toBe(
      `monthly: ${note} (a Vega-Lite chart: JupyterLab and VS Code draw it)`,
    );
    expect(JSON.stringify(SPEC)).toBe(before);
  });

  it('counts months across a year end, first and last included', () => {
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthRange('2025-03', '2025-02')).toEqual([]);
  });
});

/** A seeded spread of doubles: ties, halves, tiny, huge, negative. */
function doubles(count: number): number[] {
  let seed = 20240401;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, (_, i) => {
    const scale = 10 ** Math.floor(random() * 14 - 6);
    const sign = random() < 0.3 ? -1 : 1;
    if (i % 5 === 0) return (sign * Math.floor(random() * 80000)) / 8; // exact eighths: ties
    if (i % 7 === 0) return (sign * Math.floor(random() * 100000)) / 1000 + 0.005;
    return sign * random() * scale;
  });
}

const { python, reason } = pythonWith(['pandas', 'IPython']);
if (reason) console.warn(`Python parity of the notebook helpers skipped: ${reason}`);

const VALUES = [...doubles(3000), ...AWKWARD.map(([v]) => v)];
const CSV_HEADER =
  'indicator_id,category,area_code,period_start,period_end,breakdown,breakdown_value,numerator,denominator,value,lower_ci95,upper_ci95,unit,significance,suppressed,method,note,status';
const CSV_LINES = [
  "police.by_beat,knife_crime,E08999999,2024-04-01,2025-03-31,beat,'-N1,7.0,540.0,1.2962962962962963,0.6,2.6,percent,,false,wilson,,published",
  'police.by_beat,knife_crime,E08999999,2024-04-01,2025-03-31,beat,NA,,,,,,percent,,true,wilson,"suppressed: fewer than 5",suppressed',
  'police.count,knife_crime,E08999999,2024-04-01,2025-03-31,none,,0.0,,-0.0,,,count,similar,false,count,,published',
];
/** The CSV's rows as sna holds them: the apostrophe is the CSV's, not the value's. */
const CSV_ROWS: PyRow[] = [
  {
    breakdown_value: '-N1',
    numerator: 7,
    value: 1.2962962962962963,
    suppressed: false,
    note: null,
  },
  {
    breakdown_value: 'NA',
    numerator: null,
    value: null,
    suppressed: true,
    note: 'suppressed: fewer than 5',
  },
  { breakdown_value: null, numerator: 0, value: -0, suppressed: false, note: null },
];
const CSV_COLUMNS = ['breakdown_value', 'numerator', 'value', 'suppressed', 'note'];

/**
 * One Python run (importing pandas takes seconds) with notebook_helpers imported as h and
 * display() captured: fmt() on every value, show() on the CSV as load_indicators() reads it,
 * and redraw() on SPEC. Doubles pass as JavaScript's shortest text, which float() reads exactly.
 */
function runHelpers(): { formatted: string[]; shown: unknown[]; redrawn: unknown[] } {
  const dir = mkdtempSync(join(tmpdir(), 'sna-pyhelpers-'));
  mkdirSync(join(dir, 'charts'));
  writeFileSync(join(dir, 'charts', 'monthly.vl.json'), JSON.stringify(SPEC, null, 2));
  writeFileSync(join(dir, 'indicators.csv'), [CSV_HEADER, ...CSV_LINES].join('\n'));
  const input = VALUES.map((v) =>
    typeof v === 'number' ? (Object.is(v, -0) ? '-0.0' : String(v)) : v,
  );
  writeFileSync(join(dir, 'values.json'), JSON.stringify(input));
  const script = `import json, sys
sys.path.insert(0, ${JSON.stringify(join(REPO_ROOT, 'reports', 'notebook'))})
import notebook_helpers as h
out = []
h.display = lambda bundle, raw: out.append(bundle)
h.OUTPUT_DIR = h.Path(${JSON.stringify(dir)})
values = json.load(open(h.OUTPUT_DIR / 'values.json'))
formatted = [h.fmt(float(v) if isinstance(v, str) and v != 'text' else v) for v in values]
h.parquet_engine = lambda: None  # the CSV path, even where pandas could read Parquet
frame, source = h.load_indicators()
h.show(frame, ${JSON.stringify(CSV_COLUMNS)}, caption=h.loaded_from(source, frame))
h.redraw('monthly', category='robbery', month=h.month_range('2024-12', '2025-01'))
print(json.dumps({'formatted': formatted, 'shown': out[:1], 'redrawn': out[1:]}))`;
  const result = spawnSync(python as string, ['-c', script], { encoding: 'utf8', cwd: dir });
  if (result.status !== 0) throw new Error(result.stderr);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

describe.skipIf(!python)(
  `notebook_helpers.py itself${reason ? ` (skipped: ${reason})` : ''}`,
  () => {
    let python: ReturnType<typeof runHelpers>;
    beforeAll(() => {
      python = runHelpers();
    }, 60_000);

    it('formats 3,000 doubles, ties and oddities exactly as fmt() does', () => {
      expect(python.formatted).toEqual(VALUES.map((v) => fmt(v)));
    });

    it('reads indicators.csv (apostrophes before formula characters undone) and shows it as showBundle does', () => {
      const caption = loadedFrom(
        'indicators.csv',
        CSV_ROWS.map(() => ({ category: 'knife_crime' }) as PublishedRow),
      );
      expect(caption).toMatch(/^Read indicators.csv: 3 rows, 1 categories\. \(pandas has no/);
      expect(python.shown).toEqual([showBundle(CSV_ROWS, CSV_COLUMNS, caption)]);
      expect(JSON.stringify(python.shown)).toContain('<td>-N1</td>');
    });

    it('filters a spec and titles it exactly as redrawBundle does', () => {
      const where = { category: ['robbery'], month: monthRange('2024-12', '2025-01') };
      expect(python.redrawn).toEqual([redrawBundle('monthly', SPEC, where)]);
    });
  },
);
