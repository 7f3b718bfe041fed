/** The run's provenance: version, configuration hash, time, and every input file. */
import type { Provenance } from '../../types.js';
import { escapeHtml } from '../escape.js';

const count = (n: number) => n.toLocaleString('en-GB');

export function provenanceSection(provenance: Provenance): string {
  const inputs = provenance.inputs
    .map(
      (
        input,
      ) => `<tr><td>${escapeHtml(input.source)}</td><td class="path">${escapeHtml(input.path)}</td>
<td class="num">${count(input.rows_read)}</td><td class="num">${count(input.rows_loaded)}</td><td class="num">${count(input.rows_set_aside)}</td><td class="num">${count(input.rows_rejected)}</td>
<td class="hash"><code>${escapeHtml(input.sha256)}</code></td></tr>`,
    )
    .join('\n');
  return `<section id="provenance">
<h2>Data sources and provenance</h2>
<dl class="provenance">
  <div><dt>Generated</dt><dd>${escapeHtml(provenance.generatedAt)}</dd></div>
  <div><dt>sna version</dt><dd>${escapeHtml(provenance.version)}</dd></div>
  <div><dt>Configuration (sha256)</dt><dd><code>${escapeHtml(provenance.configSha256)}</code></dd></div>
</dl>
<p>Every input file read for this run, with the rows read, loaded, set aside (kept apart, e.g.
out-of-area or superseded rows) and rejected; rejected rows are listed in <code>rejects.csv</code>.
The sha256 identifies the exact file used.</p>
<table class="inputs-table">
<thead><tr><th scope="col">Source</th><th scope="col">File</th><th scope="col" class="num">Read</th><th scope="col" class="num">Loaded</th><th scope="col" class="num">Set aside</th><th scope="col" class="num">Rejected</th><th scope="col">sha256</th></tr></thead>
<tbody>
${inputs}
</tbody>
</table>
</section>`;
}
