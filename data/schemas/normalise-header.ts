/** Headers compared in snake case, so `LSOA code`, `lsoa_code` and `LSOA_Code` are one header. */
/** `Crime ID` → `crime_id`, `LSOA code (2011)` → `lsoa_code_2011`. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
