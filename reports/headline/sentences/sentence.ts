/** The one way a headline sentence is made: its text, ending in a full stop, and its facts. */
import type { HeadlineSentence, PublishedRow } from '../../types.js';
import { capitalise } from '../format.js';

export function sentence(text: string, facts: readonly PublishedRow[]): HeadlineSentence {
  const trimmed = capitalise(text.trim());
  return { text: /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`, facts: [...facts] };
}

/** What a category's events are called: "crime"/"crimes", "A&E attendance"/"A&E attendances". */
export interface EventWords {
  one: string;
  many: string;
}

export const CRIMES: EventWords = { one: 'crime', many: 'crimes' };
