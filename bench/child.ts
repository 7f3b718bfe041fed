/**
 * Runs `sna` in a child process and measures it from outside: wall time, peak resident memory
 * (GNU time's maximum RSS when /usr/bin/time exists, else the kernel's VmHWM polled from /proc),
 * and the highest RSS seen during each stage, the stages being told apart by the JSON log lines
 * the run prints as each one ends.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ChildMeasure {
  exitCode: number | null;
  wallSeconds: number;
  /** Seconds from the last stage's end to the process's exit (manifest, rejects.csv, close). */
  finishSeconds: number;
  peakRssMb: number;
  /** User + system CPU seconds of the run (all its threads), when GNU time measured it. */
  cpuSeconds?: number;
  /** How the peak was measured. */
  peakFrom: '/usr/bin/time' | 'VmHWM';
  /** Highest RSS sampled while each stage ran; `finish` is what follows the last stage. */
  stagePeakRssMb: Record<string, number>;
  stdout: string[];
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';
const POLL_MS = 50;

/** `VmRSS` and `VmHWM` of a live process in kB, or undefined once it is gone. */
export function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    const memory = { rss: kb('VmRSS'), hwm: kb('VmHWM') };
    // A process that has exited but not been reaped lists no memory lines.
    return Number.isFinite(memory.rss) && Number.isFinite(memory.hwm) ? memory : undefined;
  } catch {
    return undefined;
  }
}

/** The only child of `pid` (GNU time's child is the process being measured). */
function childOf(pid: number): number | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return text ? Number(text.split(/\s+/)[0]) : undefined;
  } catch {
    return undefined;
  }
}

/** The stage a log line reports as finished, if it is one of those lines. */
export function stageEnded(line: string): string | undefined {
  let entry: { stage?: unknown; message?: unknown; event?: unknown };
  try {
    entry = JSON.parse(line) as typeof entry;
  } catch {
    return undefined;
  }
  // Progress events name the stage that is still running.
  if (entry.event === 'progress') return undefined;
  if (typeof entry.stage === 'string') return entry.stage;
  // The report stage's closing line carries no stage field.
  if (typeof entry.message === 'string' && entry.message.startsWith('Report:')) return 'report';
  return undefined;
}

/** The format GNU time writes: maximum RSS in kB, user and system CPU seconds. */
const GNU_TIME_FORMAT = '%M %U %S';

/**
 * GNU time's output: its last line is `GNU_TIME_FORMAT` (a line before it says so when the
 * command failed).
 */
export function parseGnuTime(text: string): { maxRssKb: number; cpuSeconds: number } | undefined {
  const last = text.trim().split('\n').at(-1)?.trim() ?? '';
  const match = /^(\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/.exec(last);
  if (!match) return undefined;
  return { maxRssKb: Number(match[1]), cpuSeconds: Number(match[2]) + Number(match[3]) };
}

export async function runMeasured(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<ChildMeasure> {
  const useTime = existsSync(GNU_TIME);
  const scratch = await mkdtemp(join(tmpdir(), 'sna-bench-time-'));
  const timeFile = join(scratch, 'time.txt');
  const command = useTime ? GNU_TIME : process.execPath;
  const argv = useTime
    ? ['-f', GNU_TIME_FORMAT, '-o', timeFile, process.execPath, ...args]
    : [...args];
  const started = performance.now();
  const child = spawn(command, argv, { cwd: options.cwd, env: options.env ?? process.env });
  const stdout: string[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });

  const stagePeakKb: Record<string, number> = {};
  let windowMax = 0;
  let lastRss = 0;
  let hwm = 0;
  let measured: number | undefined = useTime ? undefined : child.pid;
  const sample = () => {
    measured ??= child.pid === undefined ? undefined : childOf(child.pid);
    const memory = measured === undefined ? undefined : memoryOf(measured);
    if (!memory) return;
    lastRss = memory.rss;
    windowMax = Math.max(windowMax, memory.rss);
    hwm = Math.max(hwm, memory.hwm);
  };
  const timer = setInterval(sample, POLL_MS);
  let lastStageAt = started;
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    stdout.push(line);
    const stage = stageEnded(line);
    if (!stage) return;
    lastStageAt = performance.now();
    sample();
    stagePeakKb[stage] = Math.max(stagePeakKb[stage] ?? 0, windowMax);
    // The RSS at the boundary belongs to both stages.
    windowMax = lastRss;
  });
  const exitCode = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done(code));
  });
  clearInterval(timer);
  const ended = performance.now();
  const wallSeconds = (ended - started) / 1000;
  stagePeakKb.finish = windowMax;
  const timed = useTime
    ? parseGnuTime(await readFile(timeFile, 'utf8').catch(() => ''))
    : undefined;
  await rm(scratch, { recursive: true, force: true });
  return {
    exitCode,
    wallSeconds,
    finishSeconds: (ended - lastStageAt) / 1000,
    peakRssMb: (timed?.maxRssKb ?? hwm) / 1024,
    ...(timed ? { cpuSeconds: timed.cpuSeconds } : {}),
    peakFrom: timed ? '/usr/bin/time' : 'VmHWM',
    stagePeakRssMb: Object.fromEntries(
      Object.entries(stagePeakKb).map(([stage, kb]) => [stage, kb / 1024]),
    ),
    stdout,
    stderr,
  };
}
