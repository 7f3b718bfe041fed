/**
 * The facts a headline row already carries, looked up by indicator: the narrative is made from
 * these and nothing else, so it states no row the table does not (a sentence left out as thin,
 * or never made, leaves nothing here either).
 */
import type { IndicatorId } from '../../../indicators/generated/ids.js';
import type { HeadlineRow, PublishedRow } from '../../types.js';

export class RowFacts {
  private readonly facts: PublishedRow[];

  constructor(row: Pick<HeadlineRow, 'intelligence' | 'victims' | 'perpetrators'>) {
    const all = [...row.intelligence, ...row.victims, ...row.perpetrators].flatMap((s) => s.facts);
    this.facts = [...new Set(all)];
  }

  /** The first fact of an indicator, if the row holds one. */
  one(id: IndicatorId): PublishedRow | undefined {
    return this.facts.find((f) => f.indicator_id === id);
  }

  /** Every fact of an indicator, once each. */
  all(id: IndicatorId): PublishedRow[] {
    return this.facts.filter((f) => f.indicator_id === id);
  }
}
