/**
 * The charts' house style: one font (the one the PNGs are drawn with, so SVG and PNG agree),
 * a colour-blind-safe palette (Okabe–Ito), and the Vega-Lite config every chart shares.
 */
import type { Config } from 'vega-lite';

export const CHART_FONT = 'DejaVu Sans';

/** The Vega-Lite v5 schema: the notebook emits specs as `application/vnd.vegalite.v5+json`. */
export const VEGA_LITE_V5_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

export const COLOURS = {
  /** The area's own values and ordinary bars. */
  main: '#0072B2',
  /** What the eye should find first: the area among comparators, peak months. */
  highlight: '#D55E00',
  /** Comparator areas, non-peak months. */
  muted: '#8FA9C0',
  /** Significantly lower months. */
  low: '#56B4E9',
  /** Suppressed values' bands and fills. */
  suppressed: '#8C8C8C',
  /**
   * The word "suppressed" and other grey text: #595959 reads at 7:1 on white and 5.4:1 on the
   * heatmap's grey cells (WCAG AA asks 4.5:1 of small text; #8C8C8C gave 3.4:1).
   */
  suppressedText: '#595959',
  /** Reference lines (index 100) and the assessment period's shading. */
  reference: '#444444',
  periodShade: '#E8F1F8',
  /** Confidence intervals. */
  interval: '#333333',
} as const;

/** Sex colours (Okabe–Ito: blue, vermillion, bluish green), deliberately not blue/pink. */
export const SEX_COLOURS: Readonly<Record<'M' | 'F' | 'X', string>> = {
  M: '#0072B2',
  F: '#D55E00',
  X: '#009E73',
};

/** Shared config: font everywhere, titles left-aligned, quiet grid, no frame around views. */
export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  background: 'white',
  padding: 12,
  title: {
    anchor: 'start',
    fontSize: 15,
    fontWeight: 'bold',
    subtitleFontSize: 11.5,
    subtitleColor: '#444444',
    subtitlePadding: 4,
    offset: 12,
  },
  axis: {
    labelFontSize: 11,
    // Without a canvas, Vega estimates text widths generously: the default 180px cuts names.
    labelLimit: 260,
    titleFontSize: 11.5,
    titleFontWeight: 'normal',
    titleColor: '#333333',
    gridColor: '#E6E6E6',
    domainColor: '#888888',
    tickColor: '#888888',
  },
  header: {
    labelFontSize: 12,
    labelFontWeight: 'bold',
    labelAnchor: 'start',
    labelPadding: 6,
  },
  legend: { labelFontSize: 11, titleFontSize: 11.5, titleFontWeight: 'normal' },
  view: { stroke: null },
};
