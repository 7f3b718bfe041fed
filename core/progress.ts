/**
 * Progress of a long stage (ingest of a national set: hundreds of files, millions of rows): a
 * bar on a terminal, `progress` events every few seconds in JSON logs, nothing otherwise (a
 * pipe or file gets the log's own lines only).
 */
import { Presets, SingleBar } from 'cli-progress';
import type { Logger } from './log.js';

export interface ProgressState {
  stage: string;
  files_done: number;
  files_total: number;
  rows: number;
}

export interface Progress {
  /** A stage begins, with the files it will read. */
  start(stage: string, filesTotal: number): void;
  /** Files done and rows read so far in the stage. */
  update(filesDone: number, rows: number): void;
  /** The stage has ended: the bar is cleared, the timer stopped. */
  stop(): void;
  /**
   * Writes a log line (`write`) on the terminal the bar is drawn on: the bar's line is cleared
   * first, so lines and bar do not run into each other.
   */
  interrupt(write: () => void): void;
}

export interface ProgressOptions {
  /** `--json-logs`: events through `log` instead of a bar. */
  json?: boolean;
  quiet?: boolean;
  log?: Logger;
  /** Where the bar goes (default stderr); a bar is drawn only when it is a terminal. */
  stream?: NodeJS.WriteStream;
  /** Seconds between JSON events (default 3). */
  everySeconds?: number;
}

export const SILENT_PROGRESS: Progress = {
  start() {},
  update() {},
  stop() {},
  interrupt: (write) => write(),
};

export function createProgress(options: ProgressOptions = {}): Progress {
  if (options.quiet) return SILENT_PROGRESS;
  if (options.json)
    return options.log ? jsonProgress(options.log, options.everySeconds ?? 3) : SILENT_PROGRESS;
  const stream = options.stream ?? process.stderr;
  return stream.isTTY ? barProgress(stream) : SILENT_PROGRESS;
}

const count = (n: number) => n.toLocaleString('en-GB');

/** One `progress` line per interval while a stage runs, and one when it ends. */
function jsonProgress(log: Logger, everySeconds: number): Progress {
  let state: ProgressState | undefined;
  let timer: NodeJS.Timeout | undefined;
  const emit = () => {
    if (!state) return;
    log.info(
      `${state.stage}: ${count(state.files_done)} of ${count(state.files_total)} files, ${count(state.rows)} rows`,
      { event: 'progress', ...state },
    );
  };
  return {
    start(stage, filesTotal) {
      state = { stage, files_done: 0, files_total: filesTotal, rows: 0 };
      clearInterval(timer);
      timer = setInterval(emit, everySeconds * 1000);
      timer.unref();
    },
    update(filesDone, rows) {
      if (state) state = { ...state, files_done: filesDone, rows };
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      state = undefined;
    },
    interrupt: (write) => write(),
  };
}

function barProgress(stream: NodeJS.WriteStream): Progress {
  const bar = new SingleBar(
    {
      stream,
      format: '{stage} [{bar}] {value}/{total} files | {rows} rows | {duration}s',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  let running = false;
  return {
    start(stage, filesTotal) {
      if (running) bar.stop();
      bar.start(filesTotal, 0, { stage, rows: '0' });
      running = true;
    },
    update(filesDone, rows) {
      if (running) bar.update(filesDone, { rows: count(rows) });
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
    interrupt(write) {
      if (!running) return write();
      // The bar comes back at its next update, which follows each file's line.
      stream.write('\r\x1b[2K');
      write();
    },
  };
}
