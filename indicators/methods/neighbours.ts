/**
 * Statistical neighbours: the areas nearest a given one by standardised Euclidean distance,
 * the measure of CIPFA's Nearest Neighbours model, on two public variables — the IMD 2019
 * average score and log10 of the resident population.
 * - Each variable is standardised over every candidate area and the area itself:
 *   z = (x − mean) / sd, with the sample standard deviation (n − 1);
 * - distance d = √((z_score,a − z_score,b)² + (z_pop,a − z_pop,b)²), equal weights;
 * - the n areas with the smallest d, ties broken by code, the area itself left out.
 * The population is logged so that a city twice another's size is as far from it as a town
 * twice a village's (CIPFA logs its population-scaled variables for the same reason).
 *
 * @see docs/methods.md#statistical-neighbours
 */

export interface NeighbourInput {
  code: string;
  /** IMD 2019 average score (population-weighted mean of the area's LSOA scores). */
  imdScore: number;
  /** Residents; must be above 0. */
  population: number;
}

export interface Neighbour {
  code: string;
  distance: number;
}

function standardise(values: readonly number[]): number[] {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  const sd = Math.sqrt(variance);
  return values.map((v) => (v - mean) / sd);
}

/** The `n` areas of `areas` nearest `code` (which must be among them), nearest first. */
export function nearestNeighbours(
  code: string,
  areas: readonly NeighbourInput[],
  n: number,
): Neighbour[] {
  if (areas.length < 2) throw new RangeError('needs the area and at least one other');
  for (const a of areas) {
    if (!(a.population > 0)) throw new RangeError(`${a.code}: population must be above 0`);
  }
  const index = areas.findIndex((a) => a.code === code);
  if (index < 0) throw new RangeError(`${code} is not among the areas`);
  const score = standardise(areas.map((a) => a.imdScore));
  const population = standardise(areas.map((a) => Math.log10(a.population)));
  const at = (i: number) => [score[i] ?? 0, population[i] ?? 0] as const;
  const [s0, p0] = at(index);
  return areas
    .map((a, i) => {
      const [s, p] = at(i);
      return { code: a.code, distance: Math.sqrt((s - s0) ** 2 + (p - p0) ** 2) };
    })
    .filter((a) => a.code !== code)
    .sort((a, b) => a.distance - b.distance || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .slice(0, n);
}
