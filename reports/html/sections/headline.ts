/** The SNA headline table in the seeds' layout: category | intelligence | victims | perpetrators. */
import type { Headline, HeadlineSentence } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { readingNotes } from '../sources.js';
import { OTHER_CRIME_ID, OTHER_CRIME_TITLE } from './other-crime.js';

function sentenceList(sentences: readonly HeadlineSentence[]): string {
  if (sentences.length === 0) return '<span class="none">No statement</span>';
  return `<ul>${sentences.map((s) => `<li>${escapeHtml(s.text)}</li>`).join('')}</ul>`;
}

/** The scope sentence, its mention of the other-crime section a link to it. */
const scopeHtml = (scope: string): string =>
  escapeHtml(scope).replace(
    OTHER_CRIME_TITLE,
    `<a href="#${OTHER_CRIME_ID}">${OTHER_CRIME_TITLE}</a>`,
  );

const HOW_TO_READ =
  'Read across a row for one crime type: where and when it happens (intelligence), who is harmed (victims) and who offends (perpetrators); where a sentence calls a difference significant, higher or lower, chance alone is unlikely to explain it, and “similar” means it could.';

const SOURCE =
  '<p class="source"><span class="label">Source:</span> the rows of <code>indicators.csv</code> each sentence is made from (<a href="#indicators">Indicators</a>), from the inputs in <a href="#provenance">Data sources and provenance</a>.</p>';

export function headlineSection(headline: Headline): string {
  // Each category's part opens with its paragraph, then its row of sentences.
  const rows = headline.rows
    .map(
      (row) => `<tbody>
<tr class="narrative"><td colspan="4"><p class="narrative">${escapeHtml(row.narrative.text)}</p></td></tr>
<tr>
  <th scope="row">${escapeHtml(row.title)}${row.caveat ? `<span class="caveat">${escapeHtml(row.caveat)}</span>` : ''}</th>
  <td>${sentenceList(row.intelligence)}</td>
  <td>${sentenceList(row.victims)}</td>
  <td>${sentenceList(row.perpetrators)}</td>
</tr>
</tbody>`,
    )
    .join('\n');
  return `<section id="headline">
<h2>Headline table</h2>
<p class="lead">What the indicators say about each serious violence category. Every statement is
generated from rows of <code>indicators.csv</code>; where a number is suppressed or a difference is
not statistically significant, the statement says so or is left out.</p>
${headline.scope ? `<p class="scope">${scopeHtml(headline.scope)}</p>` : ''}
${readingNotes(HOW_TO_READ, SOURCE, 'headline-how-to-read')}
<table class="headline-table" aria-describedby="headline-how-to-read">
<caption>What the indicators say about each serious violence category: intelligence, victims and perpetrators</caption>
<thead><tr><th scope="col">Crime type</th><th scope="col">Intelligence</th><th scope="col">Victims</th><th scope="col">Perpetrators</th></tr></thead>
${rows}
</table>
</section>`;
}
