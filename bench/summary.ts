/** The benchmark's result: one object (the JSON last line) and a table for people. */
import { availableParallelism, loadavg } from 'node:os';

export interface BenchResult {
  crimes: number;
  seed: number;
  /** Rows read from every input file, as the manifest counts them. */
  rows: number;
  /** Per-stage wall seconds from manifest.json. */
  stages: Record<string, number>;
  /** Wall seconds of the whole `sna run` child process, start-up and close included. */
  total_seconds: number;
  /** Of total_seconds: before the first stage, and after the last (manifest, close). */
  startup_seconds: number;
  finish_seconds: number;
  baseline_seconds: number;
  /** total_seconds / baseline_seconds. */
  ratio: number;
  peak_rss_mb: number;
  stage_peak_rss_mb: Record<string, number>;
  /**
   * CPU seconds (user + system, all threads) of the run and of the baseline: less disturbed
   * than wall time when other work shares the machine.
   */
  cpu_seconds: number | null;
  baseline_cpu_seconds: number;
  report_seconds: number;
  machine: { cpus: number; node: string; load_average: number[] };
}

export interface BenchInput {
  crimes: number;
  seed: number;
  rows: number;
  stages: Record<string, number>;
  totalSeconds: number;
  finishSeconds: number;
  baselineSeconds: number;
  cpuSeconds?: number;
  baselineCpuSeconds: number;
  peakRssMb: number;
  stagePeakRssMb: Record<string, number>;
  /** The 1-minute load average when the run started: other work on the machine slows it. */
  loadAverage?: number[];
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export function benchResult(input: BenchInput): BenchResult {
  const stages = Object.fromEntries(
    Object.entries(input.stages).map(([stage, seconds]) => [stage, round(seconds, 3)]),
  );
  return {
    crimes: input.crimes,
    seed: input.seed,
    rows: input.rows,
    stages,
    total_seconds: round(input.totalSeconds, 3),
    startup_seconds: round(
      input.totalSeconds -
        input.finishSeconds -
        Object.values(input.stages).reduce((a, b) => a + b, 0),
      3,
    ),
    finish_seconds: round(input.finishSeconds, 3),
    baseline_seconds: round(input.baselineSeconds, 3),
    ratio: round(input.totalSeconds / input.baselineSeconds, 2),
    peak_rss_mb: round(input.peakRssMb, 1),
    stage_peak_rss_mb: Object.fromEntries(
      Object.entries(input.stagePeakRssMb).map(([stage, mb]) => [stage, round(mb, 1)]),
    ),
    cpu_seconds: input.cpuSeconds === undefined ? null : round(input.cpuSeconds, 2),
    baseline_cpu_seconds: round(input.baselineCpuSeconds, 2),
    report_seconds: round(input.stages.report ?? 0, 3),
    machine: {
      cpus: availableParallelism(),
      node: process.version,
      load_average: (input.loadAverage ?? loadavg()).map((n) => round(n, 2)),
    },
  };
}

const thousands = (n: number) => Math.round(n).toLocaleString('en-GB');

/** The human table: one line per stage, then the whole run, the baseline and their ratio. */
export function formatTable(result: BenchResult): string {
  const header = ['stage', 'seconds', 'input rows/s', 'peak RSS MB'];
  const line = (stage: string, seconds: number, peak: number | undefined) => [
    stage,
    seconds.toFixed(2),
    seconds > 0 ? thousands(result.rows / seconds) : '',
    peak === undefined ? '' : thousands(peak),
  ];
  const rows = [
    line('start-up (node, config, freshness check)', result.startup_seconds, undefined),
    ...Object.entries(result.stages).map(([stage, seconds]) =>
      line(stage, seconds, result.stage_peak_rss_mb[stage]),
    ),
    line(
      'finish (rejects.csv, manifest, checkpoint)',
      result.finish_seconds,
      result.stage_peak_rss_mb.finish,
    ),
    line('total: sna run', result.total_seconds, result.peak_rss_mb),
    line('baseline: DuckDB read_csv → tables', result.baseline_seconds, undefined),
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [
    `${thousands(result.crimes)} crimes, ${thousands(result.rows)} input rows, ${result.machine.cpus} CPUs, node ${result.machine.node}, load average ${result.machine.load_average.join(' ')}`,
    format(header),
    ...rows.map(format),
    `ratio total / baseline: ${result.ratio.toFixed(2)}` +
      (result.cpu_seconds === null
        ? ''
        : ` (CPU seconds: ${result.cpu_seconds.toFixed(1)} / ${result.baseline_cpu_seconds.toFixed(1)} = ${(result.cpu_seconds / result.baseline_cpu_seconds).toFixed(2)})`),
  ].join('\n');
}
