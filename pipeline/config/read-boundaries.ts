/**
 * `reference.boundaries:` (docs/contract.md#boundary-files): per level (`lsoa`, `ward`) a path or
 * glob of GeoJSON/TopoJSON files, or `{path, code_property}`. Problems are collected like every
 * other config problem, one line each.
 */
import path from 'node:path';
import { BOUNDARY_LEVELS, type BoundaryLevel, type BoundarySpec } from '../../core/config.js';
import { checkKeys, describe, isMapping, type Problems, readString } from './validate-helpers.js';

const WHERE = 'reference.boundaries';
const SPEC_KEYS = ['path', 'code_property'];

export function readBoundaries(
  value: unknown,
  configDir: string,
  problems: Problems,
): Partial<Record<BoundaryLevel, BoundarySpec>> {
  if (value === undefined) return {};
  if (!isMapping(value)) {
    problems.add(WHERE, `must be a mapping of lsoa: and/or ward: paths, got ${describe(value)}`);
    return {};
  }
  checkKeys(value, BOUNDARY_LEVELS, WHERE, problems);
  const specs: Partial<Record<BoundaryLevel, BoundarySpec>> = {};
  for (const level of BOUNDARY_LEVELS) {
    if (!Object.hasOwn(value, level)) continue;
    const spec = readSpec(value[level], `${WHERE}.${level}`, configDir, problems);
    if (spec) specs[level] = spec;
  }
  return specs;
}

function readSpec(
  raw: unknown,
  where: string,
  configDir: string,
  problems: Problems,
): BoundarySpec | undefined {
  const make = (pattern: string, codeProperty: string | null): BoundarySpec => ({
    pattern,
    absolutePattern: path.resolve(configDir, pattern),
    codeProperty,
  });
  if (typeof raw === 'string' && raw.trim() !== '') return make(raw.trim(), null);
  if (!isMapping(raw)) {
    problems.add(where, `must be a path or glob, or a mapping with path:, got ${describe(raw)}`);
    return undefined;
  }
  checkKeys(raw, SPEC_KEYS, where, problems);
  if (!Object.hasOwn(raw, 'path')) {
    problems.add(`${where}.path`, 'required (the GeoJSON or TopoJSON file or glob to read)');
    return undefined;
  }
  const pattern = readString(raw.path, `${where}.path`, problems, 'a non-empty path or glob');
  const codeProperty = Object.hasOwn(raw, 'code_property')
    ? readString(raw.code_property, `${where}.code_property`, problems, 'a property name')
    : null;
  if (pattern === undefined || codeProperty === undefined) return undefined;
  return make(pattern.trim(), codeProperty?.trim() ?? null);
}
