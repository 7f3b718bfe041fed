/**
 * Methods and definitions: the periods and the small-number rule the run used, then, generated
 * from the indicator registry, the statistical methods the run's rows name and each
 * indicator's declaration (definition, numerator, denominator, unit, breakdowns, comparison,
 * method and the inputs it needs, linked to their files).
 */
import { type IndicatorDefinition, sourcesOfNeed } from '../../../indicators/define.js';
import { describeMethod } from '../../../indicators/method-descriptions.js';
import { unitLabel } from '../../format/numbers.js';
import {
  type MethodsContent,
  type MethodsPart,
  methodsContent,
  type Piece,
} from '../../methods/content.js';
import type { ReportData } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { inputName, sourceAnchor } from '../sources.js';

/** The inputs and settings a declaration needs, each input linked to its files. */
function needsText(definition: IndicatorDefinition): string {
  return definition.needs
    .map((need) => {
      if (typeof need === 'object' && 'config' in need)
        return `the setting <code>${escapeHtml(need.config)}</code>`;
      if (typeof need === 'object' && 'column' in need)
        return `a value in <code>${escapeHtml(need.column)}</code>`;
      return sourcesOfNeed(need)
        .map((source) => `<a href="#${sourceAnchor(source)}">${escapeHtml(inputName(source))}</a>`)
        .join(' or ');
    })
    .join(', ');
}

const COMPARED_WITH: Readonly<Record<string, string>> = {
  previous_period: 'the previous period',
  other_areas: 'the comparator areas',
};

function definitionEntry(d: IndicatorDefinition): string {
  const breakdowns = d.breakdowns.filter((b) => b !== 'none').map((b) => b.replaceAll('_', ' '));
  const parts = [
    `<p>${escapeHtml(d.definition)}</p>`,
    '<dl class="definition-parts">',
    d.numerator.text ? `<dt>Numerator</dt><dd>${escapeHtml(d.numerator.text)}</dd>` : '',
    d.denominator?.text ? `<dt>Denominator</dt><dd>${escapeHtml(d.denominator.text)}</dd>` : '',
    `<dt>Unit</dt><dd>${escapeHtml(unitLabel(d.unit))}</dd>`,
    breakdowns.length ? `<dt>Broken down by</dt><dd>${escapeHtml(breakdowns.join(', '))}</dd>` : '',
    d.comparison ? `<dt>Compared with</dt><dd>${COMPARED_WITH[d.comparison]}</dd>` : '',
    `<dt>Method</dt><dd><code>${escapeHtml(d.method)}</code> — ${escapeHtml(describeMethod(d.method))}</dd>`,
    `<dt>Needs</dt><dd>${needsText(d)}</dd>`,
    '</dl>',
  ];
  return `<div class="definition" id="definition-${escapeHtml(d.id)}"><h4>${escapeHtml(d.title)} <code>${escapeHtml(d.id)}</code></h4>${parts.join('')}</div>`;
}

/** Pieces of text as HTML: bold and code marked up, everything escaped. */
function piecesHtml(pieces: readonly Piece[]): string {
  return pieces
    .map((p) =>
      typeof p === 'string'
        ? escapeHtml(p)
        : 'bold' in p
          ? `<strong>${escapeHtml(p.bold)}</strong>`
          : `<code>${escapeHtml(p.code)}</code>`,
    )
    .join('');
}

function partHtml(part: MethodsPart): string {
  const paragraphs = (part.paragraphs ?? []).map((p) => `<p>${piecesHtml(p)}</p>`);
  const bullets = part.bullets?.length
    ? [`<ul>${part.bullets.map((b) => `<li>${piecesHtml(b)}</li>`).join('\n')}</ul>`]
    : [];
  return [`<h3>${escapeHtml(part.title)}</h3>`, ...paragraphs, ...bullets].join('\n');
}

/**
 * Every declared indicator: those with values in this run in full, then the others by name,
 * so the methods describe the report that was written and still say what else sna computes.
 */
function definitionEntries(content: MethodsContent): string {
  const others = content.others.length
    ? `<h3>Indicators with no values in this run</h3>
<p>Declared in sna’s registry, with no row in this run’s <code>indicators.csv</code>: ${content.others
        .map(
          (d) => `${escapeHtml(d.title)} <code>${escapeHtml(d.id)}</code> (needs ${needsText(d)})`,
        )
        .join('; ')}.</p>`
    : '';
  return `<div class="definitions">${content.described.map(definitionEntry).join('\n')}</div>\n${others}`;
}

function methodList(content: MethodsContent): string {
  const items = content.methodsUsed.map(
    (m) => `<dt><code>${m.method}</code></dt><dd>${escapeHtml(m.description)}</dd>`,
  );
  return items.length ? `<dl class="definition-parts methods-list">${items.join('')}</dl>` : '';
}

export function methodsSection(data: ReportData): string {
  const content = methodsContent(data);
  return `<section id="methods">
<h2>Methods and definitions</h2>
${content.parts.map(partHtml).join('\n')}
<h3>Statistical methods used</h3>
${methodList(content)}
<h3>Indicators</h3>
<p>Each indicator as it is declared in sna’s registry (<code>docs/indicators.md</code> lists the same declarations), in the order of the indicator table.</p>
${definitionEntries(content)}
</section>`;
}
