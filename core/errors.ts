/**
 * One error type with a location, and the contract's exit codes.
 *
 * Every failure the user can act on is a PipelineError: it names the file, line and column
 * where there is one, and maps to the exit code the contract promises
 * (docs/contract.md#exit-codes).
 */

/** Exit codes of the contract (docs/contract.md#exit-codes). */
export const EXIT = {
  ok: 0,
  other: 1,
  usage: 2,
  inputRejected: 3,
  locked: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where a problem is: a file and, where known, its physical line and column name. */
export interface Location {
  file?: string;
  line?: number;
  column?: string;
}

/** A failure with a location, an exit code and, where known, what to do about it. */
export class PipelineError extends Error {
  readonly exitCode: ExitCode;
  readonly location: Location;
  readonly hint?: string;

  constructor(message: string, exitCode: ExitCode, location: Location = {}, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.location = location;
    this.hint = hint;
  }

  /** Compiler-style one-liner: `file:line: column "x": message (hint)`. */
  format(): string {
    const where = [this.location.file, this.location.line].filter((x) => x !== undefined).join(':');
    const column = this.location.column ? `column "${this.location.column}": ` : '';
    const hint = this.hint ? ` (${this.hint})` : '';
    return `${where ? `${where}: ` : ''}${column}${this.message}${hint}`;
  }
}

/** A bad configuration or command line (exit 2); `problems` holds every one found. */
export class ConfigError extends PipelineError {
  readonly problems: string[];
  constructor(problems: string[], file?: string) {
    super(
      problems.length === 1
        ? (problems[0] ?? '')
        : `${problems.length} problems in the configuration`,
      EXIT.usage,
      { file },
    );
    this.problems = problems;
  }
}

/** An input that cannot be read or fails the contract (exit 3). */
export class InputError extends PipelineError {
  constructor(message: string, location: Location = {}, hint?: string) {
    super(message, EXIT.inputRejected, location, hint);
  }
}

/** Another process holds the database (exit 4). */
export class LockError extends PipelineError {
  constructor(message: string, location: Location = {}) {
    super(message, EXIT.locked, location);
  }
}

/** A SQL model failed: names the model file and the line DuckDB pointed at. */
export class SqlError extends PipelineError {
  constructor(message: string, location: Location = {}, hint?: string) {
    super(message, EXIT.other, location, hint);
  }
}
