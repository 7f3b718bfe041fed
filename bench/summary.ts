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
  baseline_seconds: number;
  /** total_seconds / baseline_seconds. */
  ratio: number;
  peak_rss_mb: number;
  stage_peak_rss_mb: Record<string, number>;
  report_seconds: number;
  machine: { cpus: number; node: string; load_average: number[] };
}

export interface BenchInput {
  crimes: number;
  seed: number;
  rows: number;
  stages: Record<string, number>;
  totalSeconds: number;
  baselineSeconds: number;
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
    baseline_seconds: round(input.baselineSeconds, 3),
    ratio: round(input.totalSeconds / input.baselineSeconds, 2),
    peak_rss_mb: round(input.peakRssMb, 1),
    stage_peak_rss_mb: Object.fromEntries(
      Object.entries(input.stagePeakRssMb).map(([stage, mb]) => [stage, round(mb, 1)]),
    ),
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
  const staged = Object.values(result.stages).reduce((a, b) => a + b, 0);
  const rows = [
    ...Object.entries(result.stages).map(([stage, seconds]) =>
      line(stage, seconds, result.stage_peak_rss_mb[stage]),
    ),
    line(
      'other (start-up, manifest, close)',
      Math.max(0, result.total_seconds - staged),
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
    `ratio total / baseline: ${result.ratio.toFixed(2)}`,
  ].join('\n');
}
