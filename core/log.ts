/**
 * The run log: plain lines for people, or JSON lines (`--json-logs`) for schedulers.
 * Errors go to stderr; everything else to stdout, and `--quiet` keeps only errors.
 */
export type Level = 'debug' | 'info' | 'warn' | 'error';
export type Fields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

export interface LoggerOptions {
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = options.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const write = (level: Level, message: string, fields: Fields = {}) => {
    if (level === 'debug' && !options.verbose) return;
    if (options.quiet && level !== 'error') return;
    const sink = level === 'error' ? err : out;
    if (options.json) {
      sink(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
    } else {
      sink(level === 'info' || level === 'debug' ? message : `${level}: ${message}`);
    }
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

/** A logger that records lines, for tests and library callers. */
export function memoryLogger(): Logger & { lines: Array<{ level: Level; message: string }> } {
  const lines: Array<{ level: Level; message: string }> = [];
  const push = (level: Level) => (message: string) => {
    lines.push({ level, message });
  };
  return {
    lines,
    debug: push('debug'),
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
  };
}
