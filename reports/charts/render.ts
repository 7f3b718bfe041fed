/**
 * Server-side rendering of a Vega-Lite spec: SVG through Vega's headless `none` renderer, PNG
 * through resvg at twice the size. Fonts are loaded explicitly: with none, resvg draws no text
 * and says nothing, so a chart would silently lose its title, axes and labels.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type RenderedImage, Resvg, type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CHART_FONT } from './theme.js';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The TTFs every PNG is drawn with (regular for labels, bold for titles). */
export const CHART_FONT_FILES: readonly string[] = [
  join(FONT_DIR, 'DejaVuSans.ttf'),
  join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
];

/** Where Vega-Lite's and Vega's warnings go instead of the console. */
export type WarningSink = (message: string) => void;

function chartLogger(warn: WarningSink) {
  return vega.logger(vega.Warn, undefined, (_method, level, args) =>
    warn(`${level === 'WARN' ? '' : `${level}: `}${args.map(String).join(' ')}`),
  );
}

/** Compiles a Vega-Lite spec to Vega and draws it as an SVG document. */
export async function renderSvg(spec: TopLevelSpec, warn: WarningSink): Promise<string> {
  const logger = chartLogger(warn);
  const view = new vega.View(vega.parse(compile(spec, { logger }).spec), {
    renderer: 'none',
    logger,
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export interface PngOptions {
  /** Font files to draw text with; an empty list draws no text (for the fonts test). */
  fontFiles?: readonly string[];
  /** Scale factor; 2 for crisp images in reports and slides. */
  zoom?: number;
}

function resvgOptions(options: PngOptions): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: options.zoom ?? 2 },
    background: 'white',
    font: {
      loadSystemFonts: false,
      fontFiles: [...(options.fontFiles ?? CHART_FONT_FILES)],
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
    },
  };
}

/** Draws an SVG as pixels on white, with the DejaVu Sans fonts and no system fonts. */
export function rasterize(svg: string, options: PngOptions = {}): RenderedImage {
  return new Resvg(svg, resvgOptions(options)).render();
}

/** The SVG as a PNG: `rasterize`, encoded. */
export function renderPng(svg: string, options: PngOptions = {}): Buffer {
  return rasterize(svg, options).asPng();
}

/** `renderPng` off the main thread, so several charts can be drawn at once. */
export async function renderPngAsync(svg: string, options: PngOptions = {}): Promise<Buffer> {
  return (await renderAsync(svg, resvgOptions(options))).asPng();
}
