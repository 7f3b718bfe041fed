/**
 * National mode's settings as tables for the models (pipeline/sql/meta/run_national*.sql): the
 * comparator rule, the units made of several districts, and the exact Poisson limits the
 * models' confidence intervals and funnel labels need below 10 events.
 */
import { isNationalMode, type SnaConfig } from '../../core/config.js';
import { criticalZ, EXACT_BELOW, exactPoissonLimits } from '../../indicators/methods/index.js';

/** The confidences national.csv uses: the 95% interval and the funnel's 99.8% limits. */
export const NATIONAL_CONFIDENCES = [0.95, 0.998] as const;

/** A unit's code from a name: "Liverpool City Region" → LIVERPOOL_CITY_REGION. */
export const unitCodeOf = (name: string): string =>
  name
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** The area as one unit: its district's code, or its name as a code when it spans several. */
export function areaUnit(config: SnaConfig): { code: string; name: string } {
  const [only] = config.area.codes;
  if (config.area.codes.length === 1 && only) return { code: only, name: config.area.name };
  return { code: unitCodeOf(config.area.name), name: config.area.name };
}

/** The parameters of the meta/run_national*.sql files (lists as JSON: DuckDB cannot type an empty one). */
export interface NationalParams {
  is_national: boolean;
  comparator_auto: string;
  comparator_n: number;
  comparator_codes: string;
  area_unit_code: string;
  area_unit_name: string;
  groups: string;
  poisson: string;
}

export function nationalParams(config: SnaConfig): NationalParams {
  const area = areaUnit(config);
  const groups = [
    ...config.national.groups.flatMap((g) =>
      g.codes.map((lad) => ({
        unit_code: unitCodeOf(g.name),
        unit_name: g.name,
        lad_code: lad,
        is_area: false,
      })),
    ),
    ...(config.area.codes.length > 1
      ? config.area.codes.map((lad) => ({
          unit_code: area.code,
          unit_name: area.name,
          lad_code: lad,
          is_area: true,
        }))
      : []),
  ];
  const poisson = NATIONAL_CONFIDENCES.flatMap((confidence) =>
    Array.from({ length: EXACT_BELOW }, (_, count) => {
      const limits = exactPoissonLimits(count, confidence);
      return {
        confidence,
        z: criticalZ(confidence),
        count,
        lower: limits.lower,
        upper: limits.upper,
      };
    }),
  );
  return {
    is_national: isNationalMode(config),
    comparator_auto: config.comparators?.auto ?? '',
    comparator_n: config.comparators?.n ?? 0,
    comparator_codes: JSON.stringify(config.comparators?.codes ?? []),
    area_unit_code: area.code,
    area_unit_name: area.name,
    groups: JSON.stringify(groups),
    poisson: JSON.stringify(poisson),
  };
}
