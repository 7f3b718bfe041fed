/**
 * `comparators:` and `national:` of the config (docs/contract.md#national-mode): the areas the
 * area is ranked among when they are computed from the police.uk street files, and how the
 * national table is built. Both are optional; without them nothing national is computed.
 */
import {
  COMPARATOR_AUTO,
  type ComparatorAuto,
  type ComparatorsConfig,
  type DistrictGroup,
  type NationalConfig,
  type ReferenceSource,
} from '../../core/config.js';
import {
  checkKeys,
  describe,
  isMapping,
  type Problems,
  readOnsCodes,
  readString,
  Section,
} from './validate-helpers.js';

const COMPARATOR_KEYS = ['auto', 'codes', 'n'];
const GROUP_KEYS = ['name', 'codes'];
/** CIPFA's nearest-neighbour sets have 15 members; so does sna's default. */
const DEFAULT_NEIGHBOURS = 15;

/** `comparators:` as a rule (`{ auto: force }`), a list of codes, or `{ codes: [...] }`. */
export function readComparators(value: unknown, problems: Problems): ComparatorsConfig | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) {
    return { auto: null, codes: readOnsCodes(value, 'comparators', 'E08000002', problems), n: 0 };
  }
  if (!isMapping(value)) {
    problems.add(
      'comparators',
      `must be { auto: ${COMPARATOR_AUTO.join(' | ')} } or a list of district codes, got ${describe(value)}`,
    );
    return null;
  }
  checkKeys(value, COMPARATOR_KEYS, 'comparators', problems);
  const section = new Section(value, 'comparators', problems);
  const auto = readAuto(value.auto, problems);
  const codes =
    value.codes === undefined
      ? []
      : readOnsCodes(value.codes, 'comparators.codes', 'E08000002', problems);
  if (auto && codes.length > 0) {
    problems.add('comparators', 'give auto: or codes:, not both');
  } else if (!auto && codes.length === 0 && value.codes === undefined) {
    problems.add(
      'comparators',
      `needs auto: (${COMPARATOR_AUTO.join(', ')}) or codes: (a list of district codes)`,
    );
  }
  const n = section.number('n', { min: 1, max: 400, integer: true }, DEFAULT_NEIGHBOURS);
  if (section.has('n') && auto !== 'neighbours') {
    problems.add('comparators.n', 'applies to auto: neighbours only');
  }
  return { auto, codes, n: n ?? DEFAULT_NEIGHBOURS };
}

function readAuto(value: unknown, problems: Problems): ComparatorAuto | null {
  if (value === undefined) return null;
  if (typeof value === 'string' && (COMPARATOR_AUTO as readonly string[]).includes(value)) {
    return value as ComparatorAuto;
  }
  problems.add(
    'comparators.auto',
    `must be one of ${COMPARATOR_AUTO.join(', ')}, got ${describe(value)}`,
  );
  return null;
}

/** The reference file each automatic rule reads, and what it is (the config line says both). */
const RULE_NEEDS: Partial<Record<ComparatorAuto, { source: ReferenceSource; what: string }>> = {
  region: { source: 'regions', what: 'a LAD → region lookup' },
  neighbours: { source: 'imd_districts', what: 'the IoD2019 local authority district summaries' },
};

/** An automatic rule without the reference file it reads is a config error (exit 2). */
export function checkComparatorReferences(
  comparators: ComparatorsConfig | null,
  reference: Partial<Record<ReferenceSource, unknown>>,
  problems: Problems,
): void {
  const need = comparators?.auto ? RULE_NEEDS[comparators.auto] : undefined;
  if (!comparators?.auto || !need || reference[need.source] !== undefined) return;
  // A comparators file wins over the rule, so the rule reads nothing then.
  if (reference.comparators !== undefined) return;
  problems.add(
    'comparators.auto',
    `${comparators.auto} needs reference.${need.source} (${need.what})`,
  );
}

/** `national:`; defaults when absent (the section was opened and its keys checked). */
export function readNational(section: Section | undefined, problems: Problems): NationalConfig {
  if (!section) return { keepOutsideRows: false, groups: [] };
  const keepOutsideRows = section.boolean('keep_outside_rows', false) ?? false;
  const groups = section.has('groups') ? readGroups(section.mapping.groups, problems) : [];
  return { keepOutsideRows, groups };
}

function readGroups(value: unknown, problems: Problems): DistrictGroup[] {
  if (!Array.isArray(value)) {
    problems.add('national.groups', `must be a list of { name, codes }, got ${describe(value)}`);
    return [];
  }
  const groups: DistrictGroup[] = [];
  const seen = new Map<string, string>();
  value.forEach((item: unknown, i) => {
    const where = `national.groups[${i}]`;
    if (!isMapping(item)) {
      problems.add(where, `must be { name, codes }, got ${describe(item)}`);
      return;
    }
    checkKeys(item, GROUP_KEYS, where, problems);
    const name = readString(item.name, `${where}.name`, problems)?.trim() ?? '';
    if (!name) problems.add(`${where}.name`, 'must name the group');
    const codes = readOnsCodes(item.codes, `${where}.codes`, 'E08000002', problems);
    for (const code of codes) {
      const other = seen.get(code);
      if (other) problems.add(`${where}.codes`, `${code} is already in the group "${other}"`);
      seen.set(code, name);
    }
    groups.push({ name, codes });
  });
  return groups;
}
