/**
 * The headline table on the demo borough: the planted answers come out as sentences, every
 * number in every sentence is a number of its facts (rounded as documented in
 * reports/headline/format.ts), every fact is a row of the written `indicators.csv`, and the
 * JSON, CSV and Markdown files say the same thing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../core/database.js';
import { memoryLogger } from '../../core/log.js';
import type { Planted } from '../../fixtures/generator/planted.js';
import { run } from '../../pipeline/index.js';
import { buildHeadline, writeHeadline } from '../../reports/headline/index.js';
import { loadReportData } from '../../reports/load-report-data.js';
import type { Fact, Headline, HeadlineRow, ReportData } from '../../reports/types.js';
import { isFactNumber, statedNumbers } from '../helpers/stated-numbers.js';
import { demoWorkspace, FIXTURES } from '../helpers/workspace.js';

const planted = JSON.parse(readFileSync(join(FIXTURES, 'planted.json'), 'utf8')) as Planted;
const MONTH_NAMES = Array.from({ length: 12 }, (_, i) =>
  new Date(Date.UTC(2024, i, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }),
);

let data: ReportData;
let headline: Headline;
let outDir: string;
let published: Array<Record<string, string>>;

beforeAll(async () => {
  const ws = demoWorkspace('sna-headline-');
  const { config } = await run(ws.configPath, {
    stages: ['ingest', 'indicators'],
    log: memoryLogger(),
  });
  const db = await Database.open(config.database);
  try {
    data = await loadReportData(db, config);
  } finally {
    db.close();
  }
  headline = buildHeadline(data);
  outDir = config.outputDir;
  await writeHeadline(headline, outDir);
  published = parse(readFileSync(join(outDir, 'indicators.csv'), 'utf8'), { columns: true });
}, 120_000);

const rowOf = (category: string): HeadlineRow => {
  const found = headline.rows.find((r) => r.category === category);
  if (!found) throw new Error(`no headline row for ${category}`);
  return found;
};
const texts = (sentences: HeadlineRow['victims']) => sentences.map((s) => s.text);
const allSentences = () =>
  headline.rows.flatMap((r) => [...r.intelligence, ...r.victims, ...r.perpetrators]);

describe('rows', () => {
  it('has one row per category with data, all serious violence first, in the contract order', () => {
    const withData = Object.entries(planted.counts)
      .filter(([, c]) => c.period > 0)
      .map(([category]) => category);
    const categories = headline.rows.map((r) => r.category);
    expect(categories[0]).toBe('serious_violence');
    expect(new Set(categories)).toEqual(new Set([...withData, 'ae_assault', 'youth_justice']));
    expect(categories.indexOf('violence_with_injury')).toBeLessThan(
      categories.indexOf('knife_crime'),
    );
    expect(categories.slice(-2)).toEqual(['ae_assault', 'youth_justice']);
    expect(rowOf('violence_with_injury').title).toBe('Violence with injury');
  });
});

describe('planted answers', () => {
  const vwi = () => rowOf('violence_with_injury');

  it('states the share of VWI victims under 25', () => {
    const pct = Math.round(planted.victims_under_25.pct);
    expect(texts(vwi().victims)).toContain(`${pct}% of victims are under the age of 25.`);
  });

  it('states the knife crime top beat', () => {
    const { beat, pct } = planted.knife_top_beat;
    const intelligence = texts(rowOf('knife_crime').intelligence).join(' ');
    expect(intelligence).toContain(
      `${Math.round(pct)}% of knife crime takes place in the ${beat} beat`,
    );
  });

  it('states the repeat addresses and the crimes at them', () => {
    const { addresses, crimes } = planted.repeat_addresses;
    expect(texts(vwi().intelligence).join(' ')).toContain(
      `${addresses} addresses accounted for ${crimes} crimes`,
    );
  });

  it('states the planted peak months as ranges', () => {
    const peaks = [...planted.seasonality.peak_months].sort((a, b) => a - b);
    const ranges: string[] = [];
    let start = peaks[0] ?? 0;
    for (const [i, month] of peaks.entries()) {
      const next = peaks[i + 1];
      if (next !== month + 1) {
        const first = MONTH_NAMES[start - 1];
        ranges.push(month === start ? `${first}` : `${first}–${MONTH_NAMES[month - 1]}`);
        if (next !== undefined) start = next;
      }
    }
    expect(ranges.length).toBeGreaterThan(1);
    const expected = `Seasonal increases in ${ranges.slice(0, -1).join(', ')} and ${ranges.at(-1)}.`;
    expect(texts(vwi().intelligence)).toContain(expected);
  });

  it('states the comparator rank in words', () => {
    const { rank, of } = planted.comparator_rank;
    const words = ['lowest', 'second lowest', 'third lowest', 'fourth lowest'][rank - 1];
    expect(texts(vwi().intelligence).join(' ')).toContain(
      `the ${words} rate of the ${of} areas compared`,
    );
  });

  it('states repeat offenders, disproportionality, A&E and youth justice', () => {
    const perpetrators = texts(vwi().perpetrators).join(' ');
    expect(perpetrators).toContain(
      `${planted.repeat_offenders_male.pct}% of repeat offenders are male`,
    );
    expect(perpetrators).toContain(
      `Black offenders are ${planted.disproportionality.ratio.toFixed(1)} times`,
    );
    const ae = rowOf('ae_assault');
    expect(texts(ae.intelligence).join(' ')).toContain(
      `${planted.ae.count} A&E attendances for assault`,
    );
    expect(texts(ae.victims)).toContain(
      `${Math.round(planted.ae.under_25.pct)}% of patients are under the age of 25.`,
    );
    const yj = planted.youth_justice;
    expect(texts(rowOf('youth_justice').perpetrators).join(' ')).toContain(
      `${yj.children} children committed ${yj.offences} offences`,
    );
  });

  it('says suppressed categories are too small to publish, without numbers', () => {
    const homicide = rowOf('homicide');
    expect(texts(homicide.intelligence)).toEqual([
      'Too few crimes in 2024/25 to publish the number.',
    ]);
    expect(texts(homicide.victims)).toEqual(['Numbers too small to publish.']);
    expect(homicide.victims[0]?.facts.every((f) => f.suppressed)).toBe(true);
  });

  it('words every non-significant change as similar', () => {
    for (const s of allSentences()) {
      const change = s.facts.find((f) => f.indicator_id.endsWith('.change'));
      if (change?.significance === 'similar') expect(s.text).toMatch(/similar to the year before/);
    }
  });
});

describe('honesty', () => {
  it('states in every sentence only numbers its facts hold, as rounded', () => {
    let checked = 0;
    for (const s of allSentences()) {
      expect(s.facts.length, s.text).toBeGreaterThan(0);
      for (const shown of statedNumbers(s.text, s.facts)) {
        expect(isFactNumber(shown, s.facts), `${shown} in "${s.text}"`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('catches a number that is not in the facts', () => {
    const [fact] = rowOf('violence_with_injury').victims[0]?.facts ?? [];
    if (!fact) throw new Error('no fact');
    expect(isFactNumber('45', [fact])).toBe(false);
    expect(isFactNumber('44', [fact])).toBe(true);
  });

  it('cites as facts only rows of the written indicators.csv, unchanged', () => {
    const key = (r: Partial<Record<keyof Fact, unknown>>) =>
      [r.indicator_id, r.category, r.breakdown, r.breakdown_value || ''].join('|');
    const byKey = new Map(published.map((r) => [key(r), r]));
    const numberOf = (cell: string | undefined) =>
      cell === '' || cell === undefined ? null : Number(cell);
    const facts = allSentences().flatMap((s) => s.facts);
    expect(facts.length).toBeGreaterThan(50);
    for (const fact of facts) {
      const csv = byKey.get(key(fact));
      expect(csv, `${fact.indicator_id} ${fact.category}`).toBeDefined();
      for (const column of [
        'numerator',
        'denominator',
        'value',
        'lower_ci95',
        'upper_ci95',
      ] as const) {
        expect(numberOf(csv?.[column]), `${fact.indicator_id} ${column}`).toBe(fact[column]);
      }
      // yj.mean_age is published with a blank `suppressed` (no numerator): blank reads as false.
      expect(csv?.suppressed === 'true').toBe(fact.suppressed);
      expect(csv?.significance || null).toBe(fact.significance);
      expect([csv?.period_start, csv?.period_end]).toEqual([fact.period_start, fact.period_end]);
    }
  });

  it('gives no sentence from rows that are not available', () => {
    const withoutVictims: ReportData = {
      ...data,
      rows: data.rows.map((r) =>
        r.indicator_id.startsWith('victims.')
          ? {
              ...r,
              numerator: null,
              denominator: null,
              value: null,
              lower_ci95: null,
              upper_ci95: null,
              note: 'not available: needs police_victims',
            }
          : r,
      ),
    };
    const row = buildHeadline(withoutVictims).rows.find(
      (r) => r.category === 'violence_with_injury',
    );
    expect(row?.victims).toEqual([]);
    expect(row?.intelligence.length).toBeGreaterThan(3);
  });
});

/** Cells of a Markdown table line, split on unescaped pipes, escapes removed. */
const markdownCells = (line: string): string[] =>
  line
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((c) => c.trim());
const unescapeMarkdown = (text: string) => text.replace(/\\(.)/g, '$1');

describe('files', () => {
  it('writes headline.json, .csv and .md that say the same thing', () => {
    const json = JSON.parse(readFileSync(join(outDir, 'headline.json'), 'utf8')) as Headline;
    expect(json).toEqual(headline);
    const csv = parse(readFileSync(join(outDir, 'headline.csv'), 'utf8'), {
      columns: true,
    }) as Array<Record<string, string>>;
    expect(Object.keys(csv[0] ?? {})).toEqual([
      'category',
      'title',
      'intelligence',
      'victims',
      'perpetrators',
    ]);
    const md = readFileSync(join(outDir, 'headline.md'), 'utf8').split('\n');
    const tableRows = md.filter((l) => l.startsWith('| ')).slice(2);
    expect(csv).toHaveLength(headline.rows.length);
    expect(tableRows).toHaveLength(headline.rows.length);
    for (const [i, row] of headline.rows.entries()) {
      const columns = [row.intelligence, row.victims, row.perpetrators];
      expect(csv[i]).toEqual({
        category: row.category,
        title: row.title,
        intelligence: texts(row.intelligence).join(' '),
        victims: texts(row.victims).join(' '),
        perpetrators: texts(row.perpetrators).join(' '),
      });
      const cells = markdownCells(tableRows[i] ?? '');
      expect(cells).toHaveLength(4);
      expect(unescapeMarkdown(cells[0] ?? '')).toBe(row.title);
      for (const [c, sentences] of columns.entries()) {
        const cell = cells[c + 1] ?? '';
        expect(cell === 'N/A' ? [] : cell.split('<br>').map(unescapeMarkdown)).toEqual(
          texts(sentences),
        );
      }
    }
  });
});
