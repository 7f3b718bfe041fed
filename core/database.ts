/**
 * The one place the pipeline talks to DuckDB: opening the file, running statements with bound
 * parameters, and turning DuckDB's errors into PipelineErrors.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { LockError, SqlError } from './errors.js';

export type Params = Record<string, DuckDBValue> | DuckDBValue[];
export type Row = Record<string, unknown>;

export class Database {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /** Opens (creating if needed) the database file; `:memory:` for a throwaway one. */
  static async open(path: string): Promise<Database> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    let instance: DuckDBInstance;
    try {
      // Extensions cannot be downloaded here: fail at once instead of trying the network.
      instance = await DuckDBInstance.create(path, {
        autoinstall_known_extensions: 'false',
        autoload_known_extensions: 'false',
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Match DuckDB's words only: the database path itself may contain "lock".
      if (/could not set lock/i.test(message)) {
        throw new LockError(`the database is in use by another process: ${firstLine(message)}`, {
          file: path,
        });
      }
      throw new SqlError(`cannot open the database: ${firstLine(message)}`, { file: path });
    }
    return new Database(path, instance, await instance.connect());
  }

  /** Runs a statement for its effect. */
  async run(sql: string, params?: Params): Promise<void> {
    try {
      await profiled(sql, () => this.connection.run(sql, params));
    } catch (error) {
      throw asSqlError(error, sql);
    }
  }

  /**
   * Runs SQL read from `file` (the path shown to the user): an error names that file and the
   * line DuckDB points at. Whatever `sql` adds to the file's text goes on its first line, so
   * DuckDB's "LINE n" is the file's line n.
   */
  async runFile(file: string, sql: string, params?: Params): Promise<void> {
    try {
      await profiled(sql, () => this.connection.run(sql, params));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const line = /LINE (\d+):/.exec(message)?.[1];
      throw new SqlError(message, { file, line: line ? Number(line) : undefined });
    }
  }

  /** Runs a query and returns rows as plain JS values (BIGINT becomes number where safe). */
  async all<T extends Row = Row>(sql: string, params?: Params): Promise<T[]> {
    try {
      const reader = await profiled(sql, () => this.connection.runAndReadAll(sql, params));
      return reader.getRowObjectsJS().map((row) => normaliseRow(row) as T);
    } catch (error) {
      throw asSqlError(error, sql);
    }
  }

  /** The first row of a query, or undefined. */
  async one<T extends Row = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Runs `work` in one transaction: all of it commits, or none of it does. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.run('COMMIT');
      return result;
    } catch (error) {
      // An error inside BEGIN…COMMIT leaves the transaction open until rolled back.
      try {
        await this.connection.run('ROLLBACK');
      } catch (rollbackError) {
        const why = rollbackError instanceof Error ? rollbackError.message : String(rollbackError);
        // A failed COMMIT has already ended the transaction; anything else must be said.
        if (!/no transaction is active/i.test(why)) {
          const original = error instanceof Error ? error.message : String(error);
          throw new SqlError(`${firstLine(original)}; the rollback failed too: ${firstLine(why)}`);
        }
      }
      throw error;
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

const PROFILE = process.env.SNA_PROFILE === '1';

/**
 * With `SNA_PROFILE=1`, each statement goes to stderr as one tab-separated line: `sna-profile`,
 * wall milliseconds, CPU milliseconds of the whole process (DuckDB's threads included, so a
 * busy machine distorts it less than wall time), and the statement's start. Off, it costs one
 * boolean test per statement.
 */
export async function profiled<T>(sql: string, work: () => Promise<T>): Promise<T> {
  if (!PROFILE) return work();
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await work();
  } finally {
    const used = process.cpuUsage(cpu);
    const wallMs = (performance.now() - started).toFixed(1);
    const cpuMs = ((used.user + used.system) / 1000).toFixed(1);
    const statement = sql.trim().replace(/\s+/g, ' ').slice(0, 160);
    process.stderr.write(`sna-profile\t${wallMs}\t${cpuMs}\t${statement}\n`);
  }
}

function normaliseRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] =
      typeof value === 'bigint' && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  }
  return out;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/**
 * The error of a statement written in TypeScript (SQL from a file goes through `runFile`, which
 * names the file and line): its message and the statement's first line.
 */
function asSqlError(error: unknown, sql: string): Error {
  if (!(error instanceof Error)) return new SqlError(String(error));
  const statement = sql.trim().split('\n')[0]?.slice(0, 80) ?? '';
  return new SqlError(firstLine(error.message), {}, `while running: ${statement}`);
}
