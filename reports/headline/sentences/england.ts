/**
 * The area among England's districts (national mode, issue 17): "Liverpool had the 6th highest
 * rate of violence and sexual offences of 226 districts with complete data (12.3 per 1,000
 * residents); significantly above England (9.1); among its 15 statistical neighbours it ranked
 * 3rd highest". Every word of comparison is a published row's: the rank and its significance
 * (`police.rank_in_england`, 1 = lowest), the area's district rate, England's, and the rank
 * among the comparators; a rank not available says why instead.
 */
import { OUTSIDE_998_NOTE } from '../../../indicators/families/police-wards.js';
import type { IndicatorId } from '../../../indicators/generated/ids.js';
import { unitLabel } from '../../format/numbers.js';
import { beyond998 } from '../../national.js';
import type { HeadlineSentence, PublishedRow } from '../../types.js';
import { type CategoryNames, categoryNames } from '../categories.js';
import { type CategoryRows, hasValue, held } from '../facts.js';
import { formatCount, formatRate, ordinalSuffix, ordinalWord } from '../format.js';
import { sentence } from './sentence.js';
import { rateAndRank } from './volume.js';

/** What the sentence reads besides the category's rows. */
export interface EnglandRankInput {
  area: string;
  names: CategoryNames;
  /** `police.rank_in_england` of the category. */
  rank: PublishedRow | undefined;
  /** The area's own `police.district_rate_per_1000` row (the rate that was ranked). */
  areaRate: PublishedRow | undefined;
  /** `police.england_rate_per_1000` of the category. */
  england: PublishedRow | undefined;
  /** How many ranked districts share the area's rate, the area included (1: none tied). */
  tied: number;
  /** `police.rank_among_comparators`, and the comparator set in words (`comparatorSetWords`). */
  comparatorRank?: PublishedRow | undefined;
  combined?: PublishedRow | undefined;
  comparators?: { set: string; members: string };
}

/**
 * A rank (1 = lowest, ties sharing the lower number as SQL's rank() gives them) counted from the
 * nearer end: "the highest", "the sixth highest", "the joint third lowest", in words to the tenth
 * as `rankWords` says a rank among comparators, then "the 11th highest" — among two hundred
 * districts "ranked 235th lowest" would hide that the area is near the top. The place from the
 * top is the ranked count less the rank, plus one (less the others tied with it). Of `tied`
 * districts sharing a rate, each is that rate's best place from either end.
 */
export function rankFromNearerEnd(rank: number, of: number, tied = 1): string {
  const fromTop = of - (rank + tied - 1) + 1;
  const low = rank <= fromTop;
  const place = low ? rank : fromTop;
  const joint = tied > 1 ? 'joint ' : '';
  const end = low ? 'lowest' : 'highest';
  if (place === 1) return `the ${joint}${end}`;
  const word = ordinalWord(place);
  return `the ${joint}${word ?? `${place}${ordinalSuffix(place)}`} ${end}`;
}

const SIGNIFICANCE: Readonly<Record<string, string>> = {
  higher: 'significantly above England',
  lower: 'significantly below England',
  similar: 'similar to England',
};

/** "significantly above England (9.1), beyond its 99.8% funnel limits", from the rows only. */
function againstEngland(
  rank: PublishedRow,
  areaRate: PublishedRow | undefined,
  england: PublishedRow | undefined,
): string | null {
  const words = SIGNIFICANCE[rank.significance ?? ''];
  const value = hasValue(england) ? ` (${formatRate(england.value)})` : '';
  if (!words) return hasValue(england) ? `England’s rate ${formatRate(england.value)}` : null;
  const beyond =
    rank.significance !== 'similar' && beyond998(areaRate) ? `, ${OUTSIDE_998_NOTE}` : '';
  return `${words}${value}${beyond}`;
}

/**
 * "among its statistical neighbours it had the third highest rate of the 16 districts compared,
 * significantly above them together (10.1)": the rank among the comparators, the area included.
 */
function amongComparators(input: EnglandRankInput): { text: string; facts: PublishedRow[] } | null {
  const { comparatorRank: rank, combined, comparators } = input;
  if (!hasValue(rank) || rank.denominator === null || rank.denominator < 2 || !comparators) {
    return null;
  }
  const of = held(rank.denominator);
  const place = rankFromNearerEnd(rank.value, of);
  // sna's own comparators leave out those with incomplete data, and the rank's note names them.
  const which = rank.note?.includes('left out, incomplete') ? 'with complete data' : 'compared';
  let text = `among ${comparators.set} it had ${place} rate of the ${formatCount(of)} ${comparators.members} ${which}`;
  const facts = [rank];
  if (hasValue(combined) && combined.significance) {
    const words = {
      higher: 'significantly above them together',
      lower: 'significantly below them together',
      similar: 'similar to them together',
    }[combined.significance];
    text += `, ${words} (${formatRate(combined.value)})`;
    facts.push(combined);
  }
  return { text, facts };
}

/** The sentence of a ranked area, or null when the category has no published rank. */
export function rankInEngland(input: EnglandRankInput): HeadlineSentence | null {
  const { rank, areaRate, england } = input;
  if (!hasValue(rank) || rank.denominator === null || rank.denominator < 2) return null;
  const of = held(rank.denominator);
  const place = rankFromNearerEnd(rank.value, of, Math.max(1, input.tied));
  const rate = hasValue(areaRate)
    ? ` (${formatRate(areaRate.value)} ${unitLabel(areaRate.unit)})`
    : '';
  const parts = [
    `${input.area} had ${place} rate of ${input.names.noun} of ${formatCount(of)} districts with complete data${rate}`,
  ];
  const facts: PublishedRow[] = [rank, ...(hasValue(areaRate) ? [areaRate] : [])];
  const against = againstEngland(rank, areaRate, england);
  if (against) {
    parts.push(against);
    if (hasValue(england)) facts.push(england);
  }
  const peers = amongComparators(input);
  if (peers) {
    parts.push(peers.text);
    facts.push(...peers.facts);
  }
  return sentence(parts.join('; '), facts);
}

/**
 * "Liverpool is not ranked among England's districts: Merseyside Police: no file for 2022-09",
 * from a rank row that is not available (or has no value), with its note as the reason.
 */
export function notRankedInEngland(
  area: string,
  rank: PublishedRow | undefined,
): HeadlineSentence | null {
  if (!rank || hasValue(rank)) return null;
  const reason = (rank.note ?? '').replace(/^not available:\s*/, '').trim();
  return sentence(
    `${area} is not ranked among England’s districts: ${reason || 'no rank was published'}`,
    [rank],
  );
}

/** What the England sentence reads of the run besides a category's rows (national mode). */
export interface NationalWords {
  area: string;
  areaUnit: string;
  comparators: { set: string; members: string };
}

/**
 * The area's place among England's districts when the category has a rank; else the rate and
 * the rank among the comparators as before, and why the area is not ranked when it is not.
 */
export function rateSentences(
  rows: CategoryRows,
  national: NationalWords,
): Array<HeadlineSentence | null> {
  const r = (id: IndicatorId) => rows.one(id);
  const rank = r('police.rank_in_england');
  const districts = rows.all('police.district_rate_per_1000');
  const areaRate = districts.find((d) => d.area_code === national.areaUnit);
  const ranked = rankInEngland({
    area: national.area,
    names: categoryNames(rows.category),
    rank,
    areaRate,
    england: r('police.england_rate_per_1000'),
    // Districts sharing the area's published rate share its rank (SQL rank()).
    tied: hasValue(areaRate)
      ? districts.filter((d) => d.status === 'published' && d.value === areaRate.value).length
      : 1,
    comparatorRank: r('police.rank_among_comparators'),
    combined: r('police.comparators_combined_rate_per_1000'),
    comparators: national.comparators,
  });
  if (ranked) return [ranked];
  return [
    rateAndRank(
      r('police.rate_per_1000'),
      r('police.rank_among_comparators'),
      'crimes',
      r('police.comparators_combined_rate_per_1000'),
    ),
    notRankedInEngland(national.area, rank),
  ];
}
