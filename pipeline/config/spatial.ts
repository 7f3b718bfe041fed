/**
 * `spatial:` of the config: the hexagon size of the density maps and the near-repeat (Knox)
 * test's bands, permutations and seed (docs/contract.md#config-keys). Every key is optional.
 */
import { SPATIAL_DEFAULTS, type SpatialConfig } from '../../core/config.js';
import {
  checkKeys,
  describe,
  isMapping,
  type NumberRule,
  type Problems,
  readNumberValue,
  Section,
} from './validate-helpers.js';

const NEAR_REPEAT_KEYS = ['space_bands_m', 'time_bands_days', 'iterations', 'seed'];

/** The spatial settings; defaults where absent (the section was opened and its keys checked). */
export function readSpatial(section: Section | undefined, problems: Problems): SpatialConfig {
  const defaults = SPATIAL_DEFAULTS;
  if (!section) return structuredClone(defaults);
  const hexCellM = section.number('hex_cell_m', { min: 10, max: 10_000, integer: false }, 250);
  const nearRepeat = readNearRepeat(section, problems);
  return { hexCellM: hexCellM ?? defaults.hexCellM, nearRepeat };
}

function readNearRepeat(spatial: Section, problems: Problems): SpatialConfig['nearRepeat'] {
  const defaults = SPATIAL_DEFAULTS.nearRepeat;
  const where = spatial.at('near_repeat');
  const raw = spatial.mapping.near_repeat;
  if (raw === undefined) return structuredClone(defaults);
  if (!isMapping(raw)) {
    problems.add(where, `must be a mapping of keys, got ${describe(raw)}`);
    return structuredClone(defaults);
  }
  checkKeys(raw, NEAR_REPEAT_KEYS, where, problems);
  const section = new Section(raw, where, problems);
  const bands = (key: string, rule: NumberRule) =>
    section.has(key) ? readBands(raw[key], section.at(key), rule, problems) : undefined;
  return {
    spaceBandsM: bands('space_bands_m', { min: 1, max: 5000, integer: false }) ?? [
      ...defaults.spaceBandsM,
    ],
    timeBandsDays: bands('time_bands_days', { min: 0, max: 365, integer: true }) ?? [
      ...defaults.timeBandsDays,
    ],
    // Ratcliffe's calculator offers 20, 50, 100, 500 or 999; over 9999 gains nothing but time.
    iterations:
      section.number('iterations', { min: 19, max: 9999, integer: true }, defaults.iterations) ??
      defaults.iterations,
    seed:
      section.number('seed', { min: 0, max: 2 ** 31 - 1, integer: true }, defaults.seed) ??
      defaults.seed,
  };
}

/** A non-empty, strictly rising list of band upper edges, each obeying the rule. */
function readBands(
  value: unknown,
  path: string,
  rule: NumberRule,
  problems: Problems,
): number[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > 20) {
    const got = Array.isArray(value) ? `${value.length} edges` : describe(value);
    problems.add(path, `must be a list of 1 to 20 rising band edges, got ${got}`);
    return undefined;
  }
  const edges = value.map((v: unknown, i) => readNumberValue(v, `${path}[${i}]`, rule, problems));
  if (edges.some((e) => e === undefined)) return undefined;
  const numbers = edges as number[];
  if (numbers.some((e, i) => i > 0 && e <= (numbers[i - 1] as number))) {
    problems.add(path, `must rise from band to band, got [${numbers.join(', ')}]`);
    return undefined;
  }
  return numbers;
}
