/**
 * How sna labels a ward (or any named area) wherever it publishes one: its name, with its code
 * where two of the area's wards share the name. The ward rows, the maps' features and the names
 * written on the maps all call this, so a map joins its rows by label and a label names one ward.
 */
export interface NamedArea {
  code: string;
  /** The lookup's name; blank or missing falls back to the code. */
  name: string | null | undefined;
}

/** Each area's label by code, over all the areas given (label the whole area's set at once). */
export function areaLabels(areas: readonly NamedArea[]): Map<string, string> {
  const nameOf = (area: NamedArea) => area.name?.trim() || area.code;
  const codes = new Map<string, Set<string>>();
  for (const area of areas) {
    const name = nameOf(area);
    codes.set(name, (codes.get(name) ?? new Set()).add(area.code));
  }
  return new Map(
    areas.map((area) => {
      const name = nameOf(area);
      return [area.code, (codes.get(name)?.size ?? 0) > 1 ? `${name} (${area.code})` : name];
    }),
  );
}
