/**
 * "Key findings", right after the cover: the headline's findings as a numbered list, each with
 * a link to the indicator-table block that shows its evidence (docs/methods.md#key-findings).
 */
import type { IndicatorDefinition } from '../../../indicators/define.js';
import { evidenceAnchor } from '../../findings/candidate.js';
import type { Finding } from '../../types.js';
import { escapeHtml } from '../escape.js';

/** The link's words: the indicator's title, found from the anchor the finding names. */
function evidenceTitle(finding: Finding, definitions: readonly IndicatorDefinition[]): string {
  const found = definitions.find((d) => evidenceAnchor(d.id) === finding.evidence);
  return found ? found.title : 'the indicator table';
}

export function findingsSection(
  findings: readonly Finding[],
  definitions: readonly IndicatorDefinition[],
): string {
  const list =
    findings.length === 0
      ? '<p class="none">No indicator shows a significant difference that these rules select.</p>'
      : `<ol class="findings">${findings
          .map(
            (f) =>
              `<li>${escapeHtml(f.text)} <a class="evidence" href="#${escapeHtml(f.evidence)}">Evidence: ${escapeHtml(evidenceTitle(f, definitions))}</a></li>`,
          )
          .join('\n')}</ol>`;
  return `<section id="findings">
<h2>Key findings</h2>
<p class="lead">The differences that matter most, each significant at 95% and resting only on
published rows: a significant change on the previous period, a rate significantly above the
comparator areas, significant hot spots, wards above the funnel, and groups over-represented
among offenders, chosen and ordered as the methods say.</p>
${list}
</section>`;
}
