/**
 * Each headline category in one short paragraph, in the register of the partnerships' own
 * assessments ("Violence with injury rose 13% to 380 crimes in 2024/25, not a significant change
 * on the year before (336). That is 3.9 crimes per 1,000 residents, …"), made only from the
 * facts its headline row carries (`RowFacts`), so it states nothing the table does not.
 */
import { AE_CATEGORY, YOUTH_JUSTICE_CATEGORY } from '../../headline/categories.js';
import type { PeriodWords } from '../../headline/format.js';
import { sentence } from '../../headline/sentences/sentence.js';
import type { HeadlineRow, HeadlineSentence } from '../../types.js';
import { peopleSentence, placeSentence, rateSentence } from './police.js';
import { RowFacts } from './row-facts.js';
import { aePatientsSentence, youthJusticeSentence } from './services.js';
import { volumeSentence } from './volume.js';

export interface NarrativeContext {
  period: PeriodWords;
  wardOfLsoa: ReadonlyMap<string, string>;
}

type Row = Omit<HeadlineRow, 'narrative'>;

function parts(row: Row, facts: RowFacts, { period, wardOfLsoa }: NarrativeContext) {
  if (row.category === YOUTH_JUSTICE_CATEGORY) {
    return [youthJusticeSentence(facts, row.title, period)];
  }
  const volume = volumeSentence(facts, row.category, row.title, period);
  // With the count suppressed, anything more would describe too few crimes to publish.
  if (volume === null || !volume.facts.some((f) => f.status === 'published')) return [volume];
  if (row.category === AE_CATEGORY) {
    return [
      volume,
      rateSentence(facts.one('ae.rate_per_1000'), 'attendances by residents'),
      aePatientsSentence(facts),
    ];
  }
  // In national mode the row's own sentence places the area among England's districts: it is
  // the rate sentence, said once in the table and once here.
  const england = row.intelligence.find((s) =>
    s.facts.some((f) => f.indicator_id === 'police.rank_in_england' && f.value !== null),
  );
  return [
    volume,
    england ??
      rateSentence(
        facts.one('police.rate_per_1000'),
        'crimes',
        facts.one('police.comparators_combined_rate_per_1000'),
      ),
    placeSentence(facts, wardOfLsoa),
    peopleSentence(facts),
  ];
}

/**
 * The paragraph of a headline row. A row none of whose facts makes a sentence here (the police
 * files holding no rows in the area) is summed up by its own first sentence.
 */
export function narrative(row: Row, context: NarrativeContext): HeadlineSentence {
  const made = parts(row, new RowFacts(row), context)
    .filter((s): s is HeadlineSentence => s !== null)
    .map((s) => sentence(s.text, s.facts));
  const first = row.intelligence[0] ?? row.perpetrators[0] ?? row.victims[0];
  if (made.length === 0) {
    return first ?? sentence(`${row.title}: nothing to publish`, []);
  }
  return {
    text: made.map((s) => s.text).join(' '),
    facts: [...new Set(made.flatMap((s) => s.facts))],
  };
}
