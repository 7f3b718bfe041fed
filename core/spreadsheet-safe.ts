/**
 * SQL that makes a text column safe to open in a spreadsheet: a cell starting with = + - @,
 * tab or carriage return would run as a formula, so it gets a leading apostrophe.
 */
export function spreadsheetSafe(column: string): string {
  return `CASE WHEN regexp_matches(${column}, '^[=+\\-@\\t\\r]') THEN '''' || ${column} ELSE ${column} END`;
}
