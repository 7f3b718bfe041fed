/**
 * Loads the configured boundary files (docs/contract.md#boundary-files) into `ref_boundary_files`,
 * `ref_boundaries` and `ref_boundary_vertices`, replacing what the last run loaded. They are
 * small (every Merseyside LSOA and ward parses in about 35 ms), so they are read every run
 * rather than tracked file by file as the extracts are.
 *
 * Units go in through DuckDB's appender from JS: hundreds of polygons and tens of thousands of
 * distinct vertices, not data rows.
 */
import { BOUNDARY_LEVELS, type BoundaryLevel, type SnaConfig } from '../../core/config.js';
import type { Database } from '../../core/database.js';
import { InputError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { resolveBoundaryFiles } from '../config/resolve-files.js';
import { geometryOf, type Parts, SNAP } from '../ingest/boundaries/geometry.js';
import {
  type BoundaryFileRead,
  readBoundaryFile,
} from '../ingest/boundaries/read-boundary-file.js';
import { InputBatchError, relativePath } from '../ingest/plan.js';
import { sha256File } from '../ingest/read-file.js';

/** A unit's polygons gathered over its features (a unit split into pieces is one unit). */
interface Unit {
  code: string;
  name: string | null;
  path: string;
  feature: number;
  parts: Parts;
}

/** Reads every configured boundary file and replaces the boundary tables; exit 3 on a bad file. */
export async function loadBoundaries(db: Database, config: SnaConfig, log: Logger): Promise<void> {
  const read: Array<{ level: BoundaryLevel; file: BoundaryFileRead; sha256: string }> = [];
  const problems: InputError[] = [];
  for (const level of BOUNDARY_LEVELS) {
    const spec = config.boundaries[level];
    if (!spec) continue;
    for (const path of await resolveBoundaryFiles(spec, `reference.boundaries.${level}`)) {
      try {
        const file = await readBoundaryFile(path, level, spec.codeProperty);
        read.push({ level, file, sha256: await sha256File(path) });
      } catch (error) {
        if (error instanceof InputError) problems.push(error);
        else throw error;
      }
    }
  }
  if (problems.length > 0) throw new InputBatchError(problems);
  await db.transaction(async () => {
    await db.run('DELETE FROM ref_boundary_files');
    await db.run('DELETE FROM ref_boundaries');
    await db.run('DELETE FROM ref_boundary_vertices');
    for (const { level, file, sha256 } of read) {
      await db.run(
        `INSERT INTO ref_boundary_files VALUES ($source, $level, $path, $sha256, $read, $loaded, $reasons)`,
        {
          source: `boundaries_${level}`,
          level,
          path: relativePath(config, file.path),
          sha256,
          read: file.featuresRead,
          loaded: file.features.length,
          reasons: JSON.stringify(file.setAside),
        },
      );
    }
    for (const level of BOUNDARY_LEVELS) {
      const units = unitsOf(
        read.filter((r) => r.level === level).map((r) => r.file),
        config,
      );
      if (units.length > 0) await insertUnits(db, level, units);
    }
  });
  for (const { level, file } of read) {
    const aside = Object.entries(file.setAside).map(([why, n]) => `${n} ${why}`);
    log.debug(
      `boundaries ${level}: ${relativePath(config, file.path)}: ${file.features.length} of ${file.featuresRead} features loaded` +
        ` (${file.crs === 'bng' ? 'British National Grid, reprojected' : 'WGS84'}; code ${file.codeProperty}` +
        `${file.rewound > 0 ? `; ${file.rewound} turned to d3 winding` : ''})` +
        (aside.length > 0 ? `; set aside: ${aside.join(', ')}` : ''),
    );
  }
}

/** One unit per code, in file then feature order; the first feature names path and name. */
function unitsOf(files: readonly BoundaryFileRead[], config: SnaConfig): Unit[] {
  const units = new Map<string, Unit>();
  for (const file of files) {
    for (const f of file.features) {
      const unit = units.get(f.code);
      if (unit) {
        unit.parts.push(...f.parts);
        unit.name ??= f.name;
      } else {
        const path = relativePath(config, file.path);
        units.set(f.code, {
          code: f.code,
          name: f.name,
          path,
          feature: f.feature,
          parts: [...f.parts],
        });
      }
    }
  }
  return [...units.values()];
}

/** Appends the level's units and their distinct snapped vertices (DuckDB's appender). */
async function insertUnits(db: Database, level: BoundaryLevel, units: readonly Unit[]) {
  const boundaries = await db.connection.createAppender('ref_boundaries');
  const vertices = await db.connection.createAppender('ref_boundary_vertices');
  try {
    for (const unit of units) {
      boundaries.appendVarchar(level);
      boundaries.appendVarchar(unit.code);
      if (unit.name === null) boundaries.appendNull();
      else boundaries.appendVarchar(unit.name);
      boundaries.appendVarchar(unit.path);
      boundaries.appendInteger(unit.feature);
      boundaries.appendVarchar(JSON.stringify(geometryOf(unit.parts)));
      boundaries.endRow();
      const seen = new Set<string>();
      for (const rings of unit.parts) {
        for (const ring of rings) {
          for (const [lon = 0, lat = 0] of ring) {
            // The coordinates are already snapped to 1e-7°: scaling gives exact integers.
            const x = Math.round(lon * SNAP);
            const y = Math.round(lat * SNAP);
            const key = `${x},${y}`;
            if (seen.has(key)) continue;
            seen.add(key);
            vertices.appendVarchar(level);
            vertices.appendVarchar(unit.code);
            vertices.appendBigInt(BigInt(x));
            vertices.appendBigInt(BigInt(y));
            vertices.endRow();
          }
        }
      }
    }
    boundaries.flushSync();
    vertices.flushSync();
  } finally {
    boundaries.closeSync();
    vertices.closeSync();
  }
}
