/**
 * A funnel plot's lines across the residents a chart shows: the centre line (the area average)
 * and the 95% and 99.8% control limits as (residents, rate) points. The limits are PHE's
 * (`funnelRateLimits`, exact Poisson by bisection): at each number of events it gives the
 * population at which that many events sit on each limit, so a grid of event counts spanning
 * the chart's populations gives points on every curve, joined up as PHE's own plots join them.
 */
import { type FunnelLimits, funnelRateLimits } from '../../../indicators/methods/index.js';
import { COLOURS } from '../theme.js';

export const CENTRE_LINE = 'Area average' as const;
export const LIMITS_95 = '95% limits' as const;
export const LIMITS_998 = '99.8% limits' as const;
export const FUNNEL_LINES = [CENTRE_LINE, LIMITS_95, LIMITS_998] as const;
export type FunnelLine = (typeof FUNNEL_LINES)[number];

export interface FunnelPoint {
  line: FunnelLine;
  /** One curve per line and side, for the chart's `detail`. */
  curve: string;
  residents: number;
  rate: number;
}

export interface FunnelCurvesInput {
  /** The pooled average, events ÷ residents (a rate per 1, not per multiplier). */
  average: number;
  /** The residents the chart's x axis runs over. */
  from: number;
  to: number;
  multiplier?: number;
  /** Most event counts the limits are worked out at (each costs four bisections). */
  maxEvents?: number;
  /**
   * How the event counts are spread: evenly (a linear residents axis), or by a constant ratio
   * (a log axis, where districts of 2,000 and of 1,000,000 residents share one chart).
   */
  spacing?: 'even' | 'ratio';
}

/** The limits' own names in `FunnelLimits`, with the line each belongs to. */
const CURVES = [
  ['lower95', LIMITS_95],
  ['upper95', LIMITS_95],
  ['lower998', LIMITS_998],
  ['upper998', LIMITS_998],
] as const;

/**
 * Event counts wide enough that every limit crosses [from, to]: the 99.8% limits lie about
 * 3.1 standard deviations (√m events) either side of the m events expected, so 4√m + 4 either
 * side of the expected counts at the two ends is enough. At most `max`, evenly spread.
 */
function eventGrid(
  average: number,
  from: number,
  to: number,
  max: number,
  spacing: 'even' | 'ratio',
): number[] {
  const low = average * from;
  const high = average * to;
  const first = Math.max(1, Math.floor(low - 4 * Math.sqrt(low) - 4));
  const last = Math.ceil(high + 4 * Math.sqrt(high) + 4);
  const events = new Set<number>();
  if (spacing === 'ratio') {
    const ratio = (last / first) ** (1 / Math.max(1, max - 1));
    for (let e = first; e <= last; e *= ratio) events.add(Math.round(e));
  } else {
    const step = Math.max(1, (last - first) / (max - 1));
    for (let e = first; e <= last; e += step) events.add(Math.round(e));
  }
  events.add(last);
  return [...events].sort((a, b) => a - b);
}

type XY = { x: number; y: number };

/** y on the segment from a to b at x (both ends exact points of the curve). */
const between = (a: XY, b: XY, x: number): XY => ({
  x,
  y: a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x),
});

/** The part of a curve inside [from, to], ending exactly at the edges it crosses. */
export function clipCurve(points: readonly XY[], from: number, to: number): XY[] {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const clipped: XY[] = [];
  sorted.forEach((point, i) => {
    const next = sorted[i + 1];
    if (point.x >= from && point.x <= to) clipped.push(point);
    if (!next) return;
    if (point.x < from && next.x > from) clipped.push(between(point, next, from));
    if (point.x < to && next.x > to) clipped.push(between(point, next, to));
  });
  return clipped.sort((a, b) => a.x - b.x);
}

/** The centre line and the four limit curves over [from, to], in residents and rate per multiplier. */
export function funnelCurves({
  average,
  from,
  to,
  multiplier = 1000,
  maxEvents = 120,
  spacing = 'even',
}: FunnelCurvesInput): FunnelPoint[] {
  if (!(from > 0 && to > from)) throw new RangeError('need 0 < from < to');
  const limits: FunnelLimits[] = funnelRateLimits({
    events: eventGrid(average, from, to, maxEvents, spacing),
    average,
    multiplier,
  });
  const centre = average * multiplier;
  return [
    ...[from, to].map(
      (residents): FunnelPoint => ({
        line: CENTRE_LINE,
        curve: CENTRE_LINE,
        residents,
        rate: centre,
      }),
    ),
    ...CURVES.flatMap(([key, line]) =>
      clipCurve(
        limits.map((l) => ({ x: l[`${key}Denominator`], y: l[key] })),
        from,
        to,
      ).map(({ x, y }): FunnelPoint => ({ line, curve: key, residents: x, rate: y })),
    ),
  ];
}

/**
 * The axis's top: the highest rate short of Tukey's far-out fence (upper quartile + 3 × the
 * interquartile range), so one district of a few thousand residents and a day-time crowd (the
 * City of London) does not flatten all the others; a rate above it is drawn on the top edge as a
 * triangle, named with its rate.
 */
export function axisTop(rates: readonly number[]): number {
  const sorted = [...rates].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const fence = at(0.75) + 3 * (at(0.75) - at(0.25));
  return Math.max(...sorted.filter((r) => r <= fence)) * 1.08;
}

/**
 * The names of the points that carry a `label`, as two text layers: a point left of `middle`
 * has its name on its right, one from `middle` on its left, so names stay inside the plot.
 * `middle` is where the x axis is halfway across (the geometric mean on a log axis). Every point
 * is in both layers, unnamed ones with empty text: a layer filtered down to nothing would give
 * Vega an empty extent for the panel's scale.
 */
export function funnelLabelLayers(middle: number, yField: string): Record<string, unknown>[] {
  return (['left', 'right'] as const).map((side) => ({
    mark: {
      type: 'text',
      // The names repeat the points' own labels: screen readers need not read them twice.
      aria: false,
      fontSize: 10,
      align: side,
      dx: side === 'left' ? 7 : -7,
      baseline: 'middle',
      color: COLOURS.reference,
    },
    encoding: {
      x: { field: 'denominator', type: 'quantitative' },
      y: { field: yField, type: 'quantitative' },
      text: {
        condition: {
          test:
            side === 'left' ? `datum.denominator < ${middle}` : `datum.denominator >= ${middle}`,
          field: 'label',
        },
        value: '',
      },
    },
  }));
}
