/**
 * The report's two ways of putting data into a page: as HTML text, and as JSON inside a
 * `<script type="application/json">` block. Every value that came from data passes through one
 * of them.
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * JSON for a `<script type="application/json">` block. `<`, `>` and `&` become \u escapes, so
 * no value can close the script (`</script>`) or open a comment (`<!--`), and JSON.parse still
 * reads the same data back. U+2028/U+2029 are escaped for older JavaScript parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** An id fragment made of [a-z0-9-] only, for `id` attributes and file names in the page. */
export function slug(value: string): string {
  return (
    value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'item'
  );
}
