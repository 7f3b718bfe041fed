/**
 * Key findings on the demo borough (docs/methods.md#key-findings): they are exactly the
 * significant differences the synthetic generator planted (`key_findings` in planted.json, which
 * the generator derives from the rows it wrote), each with its interval and a link that leads
 * to its evidence in report.html; and no sentence of headline.json (findings, paragraphs, the
 * table's sentences) claims a difference resting on a suppressed or not significant row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../core/log.js';
import type { Planted } from '../../fixtures/generator/planted.js';
import { run } from '../../pipeline/index.js';
import type { Fact, Headline, HeadlineSentence } from '../../reports/types.js';
import { isFactNumber, statedNumbers } from '../helpers/stated-numbers.js';
import { demoWorkspace, FIXTURES } from '../helpers/workspace.js';

const planted = JSON.parse(readFileSync(join(FIXTURES, 'planted.json'), 'utf8')) as Planted;

let headline: Headline;
let html: string;

beforeAll(async () => {
  const ws = demoWorkspace('sna-findings-');
  const { config } = await run(ws.configPath, { log: memoryLogger() });
  headline = JSON.parse(readFileSync(join(config.outputDir, 'headline.json'), 'utf8'));
  html = readFileSync(join(config.outputDir, 'report.html'), 'utf8');
}, 300_000);

const key = (f: { rule: string; category: string; subject: readonly string[] }) =>
  `${f.rule} | ${f.category} | ${[...f.subject].sort().join(', ')}`;

// ── Which differences a sentence claims, and the rows that may carry each claim ────────────

/** A row showing a significant difference in `direction` (a Katz ratio by its interval against 1). */
function significant(fact: Fact, direction?: 'higher' | 'lower'): boolean {
  if (fact.suppressed || fact.status !== 'published' || fact.value === null) return false;
  const found =
    fact.significance === 'higher' || fact.significance === 'lower'
      ? fact.significance
      : fact.method === 'katz_log' && fact.lower_ci95 !== null && fact.lower_ci95 > 1
        ? 'higher'
        : fact.method === 'katz_log' && fact.upper_ci95 !== null && fact.upper_ci95 < 1
          ? 'lower'
          : fact.method === 'spearman' && fact.lower_ci95 !== null && fact.upper_ci95 !== null
            ? fact.lower_ci95 > 0
              ? 'higher'
              : fact.upper_ci95 < 0
                ? 'lower'
                : null
            : null;
  return found !== null && (direction === undefined || found === direction);
}

/** Each claim of a difference the outputs word, and the significant row that must carry it. */
const CLAIMS: ReadonlyArray<{ words: RegExp; carriedBy: (f: Fact) => boolean }> = [
  {
    words: /significant increase/,
    carriedBy: (f) => f.indicator_id.endsWith('.change') && significant(f, 'higher'),
  },
  {
    words: /significant decrease/,
    carriedBy: (f) => f.indicator_id.endsWith('.change') && significant(f, 'lower'),
  },
  {
    words: /significantly (higher|lower) than the comparator areas/,
    carriedBy: (f) =>
      f.indicator_id === 'police.comparators_combined_rate_per_1000' && significant(f),
  },
  {
    words: /(?<!no )significant hot spots?/i,
    carriedBy: (f) => f.indicator_id === 'police.hotspot_gi' && significant(f, 'higher'),
  },
  {
    words: /significantly higher (crime rates )?than (across )?the area’s wards/i,
    carriedBy: (f) => f.indicator_id === 'police.rate_by_ward' && significant(f, 'higher'),
  },
  {
    words: /times (\([^)]*\) )?what the area’s population would suggest|over-represented/,
    carriedBy: (f) => f.indicator_id === 'offenders.disproportionality' && significant(f, 'higher'),
  },
  {
    words: /Seasonal increases? in/,
    carriedBy: (f) => f.indicator_id === 'police.seasonal_index' && significant(f, 'higher'),
  },
  {
    words: /Crime rates are higher in (more|less) deprived/,
    carriedBy: (f) => f.indicator_id === 'police.imd_spearman' && significant(f),
  },
];

/** A comparison row (one that carries a verdict) the sentence must word as no difference. */
const isComparison = (f: Fact) =>
  f.significance !== null || f.method === 'katz_log' || f.method === 'spearman';
const SAYS_NO_DIFFERENCE = /similar to|not a significant change|No significant/;
const SAYS_NOT_PUBLISHED = /too few|too small|no change is given|none in the/i;

/** What is wrong with a sentence's claims, as short descriptions (none: all carried). */
function unsupportedClaims(s: HeadlineSentence): string[] {
  const problems: string[] = [];
  for (const claim of CLAIMS) {
    if (claim.words.test(s.text) && !s.facts.some(claim.carriedBy)) {
      problems.push(`"${claim.words.source}" with no significant row to carry it`);
    }
  }
  for (const f of s.facts) {
    const label = `${f.indicator_id} ${f.breakdown_value ?? ''}`.trim();
    if (f.status !== 'published' && !SAYS_NOT_PUBLISHED.test(s.text)) {
      problems.push(`${label} is ${f.status} but the sentence does not say so`);
    }
    if (f.status === 'published' && isComparison(f) && !significant(f)) {
      if (!SAYS_NO_DIFFERENCE.test(s.text)) problems.push(`${label} is not significant`);
    }
  }
  return problems;
}

const everySentence = (): Array<{ where: string; sentence: HeadlineSentence }> => [
  ...headline.findings.map((f, i) => ({ where: `finding ${i + 1}`, sentence: f })),
  ...headline.rows.flatMap((r) => [
    { where: `${r.category} narrative`, sentence: r.narrative },
    ...[...r.intelligence, ...r.victims, ...r.perpetrators].map((s) => ({
      where: r.category,
      sentence: s,
    })),
  ]),
];

// ── Tests ───────────────────────────────────────────────────────────────────────────────────

describe('the demo’s key findings', () => {
  it('are exactly the planted key findings: same rule, category and subject', () => {
    expect(planted.key_findings.length).toBeGreaterThan(0);
    expect(headline.findings.map(key).sort()).toEqual(planted.key_findings.map(key).sort());
  });

  it('hold the planted hot spot, in the wards of its LSOAs, and the over-represented group', () => {
    // The planted key findings are the planted facts, not whatever the pipeline happens to say.
    const geography = parse(readFileSync(join(FIXTURES, 'reference/geography.csv')), {
      columns: true,
    }) as Array<Record<string, string>>;
    const wardName = new Map(geography.map((g) => [g.ward_code, g.ward_name]));
    const hot = headline.findings.find((f) => f.rule === 'hotspot');
    expect(hot?.category).toBe(planted.hotspot.category);
    expect(hot?.subject).toEqual(planted.hotspot.wards.map((w) => wardName.get(w)).sort());
    const hotLsoas = hot?.facts.filter(
      (f) => f.indicator_id === 'police.hotspot_gi' && f.category === planted.hotspot.category,
    );
    expect(hotLsoas?.map((f) => f.breakdown_value).sort()).toEqual(planted.hotspot.lsoas);
    const over = headline.findings.find((f) => f.rule === 'over_represented');
    expect(over?.subject).toEqual([planted.disproportionality.group]);
    expect(over?.text).toContain(
      `Black offenders are ${planted.disproportionality.ratio.toFixed(1)} times (95% CI `,
    );
  });

  it('each give a number and its 95% interval, and rest only on published significant rows', () => {
    for (const f of headline.findings) {
      expect(f.text, f.text).toMatch(/95% CI \d/);
      expect(f.facts.length).toBeGreaterThan(0);
      for (const fact of f.facts) {
        expect(fact.status, `${fact.indicator_id} in "${f.text}"`).toBe('published');
        expect(fact.suppressed).toBe(false);
        expect(fact.significance).not.toBe('similar');
        if (isComparison(fact)) expect(significant(fact), fact.indicator_id).toBe(true);
      }
    }
  });

  it('each link to an element of report.html that shows its evidence', () => {
    const section = /<section id="findings">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    const links = [...section.matchAll(/<li>[\s\S]*?<a class="evidence" href="#([^"]+)"/g)];
    expect(links.map((m) => m[1])).toEqual(headline.findings.map((f) => f.evidence));
    for (const f of headline.findings) {
      expect(html).toContain(`id="${f.evidence}"`);
      // The block named holds the rows the finding states.
      const block = html.split(`id="${f.evidence}"`)[1]?.split('</tbody>')[0] ?? '';
      expect(block, f.evidence).toContain(f.evidence.replace(/^indicator-/, ''));
    }
  });
});

describe('every sentence of headline.json', () => {
  it('claims no difference that rests on a suppressed or not significant row', () => {
    const sentences = everySentence();
    expect(sentences.length).toBeGreaterThan(80);
    const problems = sentences.flatMap(({ where, sentence }) =>
      unsupportedClaims(sentence).map((p) => `${where}: ${p} — "${sentence.text}"`),
    );
    expect(problems).toEqual([]);
  });

  it('the check catches a claim resting on a row that is not significant, or suppressed', () => {
    const change = headline.rows
      .flatMap((r) => r.intelligence)
      .flatMap((s) => s.facts)
      .find((f) => f.indicator_id === 'police.change' && f.significance === 'similar');
    if (!change) throw new Error('the demo has no change that is similar');
    expect(
      unsupportedClaims({ text: '380 crimes, a significant increase.', facts: [change] }),
    ).toHaveLength(2);
    const blanked: Fact = { ...change, suppressed: true, status: 'suppressed', value: null };
    expect(unsupportedClaims({ text: 'Crimes rose 13%.', facts: [blanked] })).toHaveLength(1);
    expect(
      unsupportedClaims({ text: 'Crimes rose 13%, not a significant change.', facts: [change] }),
    ).toEqual([]);
  });

  it('states in the findings and the paragraphs only numbers their facts hold, as rounded', () => {
    let checked = 0;
    const sentences = [...headline.findings, ...headline.rows.map((r) => r.narrative)];
    for (const s of sentences) {
      for (const shown of statedNumbers(s.text, s.facts)) {
        expect(isFactNumber(shown, s.facts), `${shown} in "${s.text}"`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('gives every category a paragraph, its coverage whole, its change not called significant', () => {
    for (const row of headline.rows) {
      expect(row.narrative.text.length, row.category).toBeGreaterThan(20);
    }
    const vwi = headline.rows.find((r) => r.category === 'violence_with_injury');
    const { period, previous } = planted.counts.violence_with_injury;
    const pct = Math.round(100 * (period / previous - 1));
    expect(vwi?.narrative.text).toMatch(
      new RegExp(
        `^Violence with injury rose ${pct}% to ${period} crimes in 2024/25, not a significant change on the year before \\(${previous}\\)\\.`,
      ),
    );
  });
});
