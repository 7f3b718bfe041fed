/**
 * The floor: DuckDB alone loading the same CSV files into tables of a fresh database file, with
 * its own type detection, and no checks, line numbers, rejects or models. Timed from opening
 * the database to closing it (the close writes the checkpoint, as `sna run`'s does).
 */
import { rm } from 'node:fs/promises';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export interface BaselineMeasure {
  seconds: number;
  /** User + system CPU seconds (DuckDB's threads run in this process). */
  cpuSeconds: number;
  /** Rows DuckDB loaded, over all files. */
  rows: number;
}

/**
 * Times `load` on a fresh database file, from opening it to closing it (the close writes the
 * checkpoint), in wall and CPU seconds; `load` returns the rows it loaded. The file goes after.
 */
export async function timeDuckdb(
  dbPath: string,
  load: (connection: DuckDBConnection) => Promise<number>,
): Promise<BaselineMeasure> {
  await rm(dbPath, { force: true });
  await rm(`${dbPath}.wal`, { force: true });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const instance = await DuckDBInstance.create(dbPath, {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const connection = await instance.connect();
  let rows = 0;
  try {
    rows = await load(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  await rm(dbPath, { force: true });
  await rm(`${dbPath}.wal`, { force: true });
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, rows };
}

/** Each file into a table of its own (`read_csv` per file, as sna loads the synthetic extracts). */
export function measureBaseline(
  files: readonly string[],
  dbPath: string,
): Promise<BaselineMeasure> {
  return timeDuckdb(dbPath, async (connection) => {
    let rows = 0;
    for (const [index, path] of files.entries()) {
      // The synthetic extracts hold planted malformed rows; DuckDB alone would stop at them.
      await connection.run(
        `CREATE TABLE t${index} AS SELECT * FROM read_csv($path, ignore_errors = true)`,
        { path },
      );
      const reader = await connection.runAndReadAll(`SELECT count(*)::DOUBLE AS n FROM t${index}`);
      rows += Number(reader.getRowObjectsJS()[0]?.n ?? 0);
    }
    await connection.run('CHECKPOINT');
    return rows;
  });
}
