/**
 * Crime rates by ward on a funnel plot, one panel per category: each ward's rate against its
 * residents, the area average, and the 95% and 99.8% control limits around it, so a ward that
 * stands out by more than chance would allow for its size is seen, and named past 99.8%.
 */
import { OUTSIDE_998_NOTE } from '../../../indicators/families/police-wards.js';
import { UNIT_LABELS } from '../../format/numbers.js';
import type { PublishedRow } from '../../types.js';
import { defineChart, rowsOf } from '../define.js';
import { categoryTitle, periodLine, sortCategories } from '../format.js';
import { chartTitle, topLevel } from '../layout.js';
import { type Datum, toDatum } from '../select-rows.js';
import { COLOURS } from '../theme.js';
import { FUNNEL_LINES, funnelCurves, funnelLabelLayers } from './funnel-curves.js';

const TITLE = 'crime rate by ward (funnel plot)';
const VALUE_TITLE = `Crimes ${UNIT_LABELS.per_1000}`;
const HIGHER = 'Higher than the area average';
const SIMILAR = 'Similar to the area average';
const LOWER = 'Lower than the area average';
const STATUS: Readonly<Record<string, string>> = {
  higher: HIGHER,
  similar: SIMILAR,
  lower: LOWER,
};

/** One category's funnel: its centre line row, its drawn wards, and the x axis's span. */
interface Panel {
  title: string;
  /** Wards not drawn because their count is suppressed. */
  suppressed: number;
  average: number;
  from: number;
  to: number;
  wards: Datum[];
}

/** The wards' own significance, read from the row: the chart draws what was published. */
function wardDatum(row: PublishedRow, panel: string): Datum {
  const outside = row.note?.includes(OUTSIDE_998_NOTE) ?? false;
  return toDatum(row, {
    panel,
    ward: row.breakdown_value,
    status: STATUS[row.significance ?? ''] ?? SIMILAR,
    outside998: outside,
    label: outside ? String(row.breakdown_value) : '',
  });
}

/**
 * A category's panel, or undefined when its centre line is suppressed or zero, or no drawn ward
 * has a crime (too few crimes for a funnel). Suppressed wards are not drawn (a point needs its
 * count); the panel's title says how many.
 */
function panelOf(rows: readonly PublishedRow[]): Panel | undefined {
  const centre = rows.find((r) => r.breakdown === 'none');
  const wards = rows.filter((r) => r.breakdown === 'ward');
  const drawn = wards.filter((r) => !r.suppressed && r.value !== null && r.denominator);
  const suppressed = wards.filter((r) => r.suppressed).length;
  // As in the other charts, nothing to see when every drawn ward has no crimes.
  if (!centre || centre.suppressed || !centre.value || !drawn.some((r) => r.value)) {
    return undefined;
  }
  const category = categoryTitle(centre.category);
  const title = suppressed > 0 ? `${category} (${suppressed} not drawn)` : category;
  const residents = drawn.map((r) => r.denominator ?? 0);
  return {
    title,
    suppressed,
    // Σ crimes ÷ Σ residents, as the indicator pooled it; the rate per 1,000 is that × 1,000.
    average:
      centre.numerator && centre.denominator
        ? centre.numerator / centre.denominator
        : centre.value / 1000,
    from: Math.min(...residents) * 0.9,
    to: Math.max(...residents) * 1.05,
    wards: drawn.map((r) => wardDatum(r, title)),
  };
}

function panelView(panel: Panel): Record<string, unknown> {
  const x = {
    field: 'residents',
    type: 'quantitative',
    title: 'Ward residents',
    scale: { domain: [panel.from, panel.to], nice: false, zero: false },
    axis: { format: ',d', tickCount: 5 },
  };
  return {
    width: 300,
    height: 200,
    layer: [
      {
        data: { values: funnelCurves({ average: panel.average, from: panel.from, to: panel.to }) },
        mark: { type: 'line', color: COLOURS.reference, strokeWidth: 1.1, interpolate: 'monotone' },
        encoding: {
          x,
          y: { field: 'rate', type: 'quantitative', title: VALUE_TITLE },
          detail: { field: 'curve' },
          strokeDash: {
            field: 'line',
            type: 'nominal',
            title: null,
            scale: {
              domain: [...FUNNEL_LINES],
              range: [
                [1, 0],
                [6, 3],
                [2, 2],
              ],
            },
            legend: { orient: 'top', direction: 'horizontal', labelLimit: 0 },
          },
        },
      },
      {
        mark: {
          type: 'point',
          filled: true,
          size: 60,
          opacity: 1,
          stroke: 'white',
          strokeWidth: 0.6,
        },
        encoding: {
          x: { ...x, field: 'denominator' },
          y: { field: 'value', type: 'quantitative', title: VALUE_TITLE },
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: {
              domain: [HIGHER, SIMILAR, LOWER],
              range: [COLOURS.highlight, COLOURS.muted, COLOURS.low],
            },
            legend: { orient: 'top', direction: 'horizontal', labelLimit: 0 },
          },
          tooltip: [
            { field: 'ward', title: 'Ward' },
            { field: 'numerator', title: 'Crimes', format: ',d' },
            { field: 'denominator', title: 'Residents', format: ',d' },
            { field: 'value_text', title: 'Rate per 1,000' },
            { field: 'lower_text', title: 'Lower 95% limit' },
            { field: 'upper_text', title: 'Upper 95% limit' },
            { field: 'status', title: 'Significance' },
          ],
        },
      },
      ...funnelLabelLayers((panel.from + panel.to) / 2, 'value'),
    ],
  };
}

export const policeWardFunnel = defineChart({
  name: 'police-ward-funnel',
  title: TITLE,
  description:
    'For each serious violence category with enough crimes, crimes in the period per 1,000 residents of each ward against its residents, with the area average (all the wards’ crimes ÷ all their residents) and its 95% and 99.8% control limits (exact Poisson, PHE’s funnel plot method); a ward is higher or lower when its own 95% interval excludes the average, and wards outside the 99.8% limits are named. Wards whose count is suppressed are not drawn.',
  howToRead:
    'Each dot is a ward, placed by its residents (across) and its crime rate (up): orange dots are significantly above the area’s average, light blue ones below it, and a dot beyond the funnel lines is further from the average than chance would take a ward of its size.',
  indicators: ['police.rate_by_ward'],
  spec(rows, data) {
    const all = rowsOf(rows, 'police.rate_by_ward');
    const categories = sortCategories(all.map((r) => r.category));
    const panels: Panel[] = [];
    const tooFew: string[] = [];
    for (const category of categories) {
      const panel = panelOf(all.filter((r) => r.category === category));
      if (panel) panels.push(panel);
      else tooFew.push(categoryTitle(category));
    }
    if (panels.length === 0) return undefined;
    const notes = [periodLine(data)];
    if (panels.some((p) => p.suppressed > 0)) {
      notes.push(
        `Not drawn: wards whose count is suppressed (fewer than ${data.suppressBelow}, or would reveal such a count); each panel says how many`,
      );
    }
    if (tooFew.length > 0) {
      notes.push(`Not shown, too few crimes for a funnel: ${tooFew.join(', ')}`);
    }
    const byTitle = new Map(panels.map((p) => [p.title, p]));
    return topLevel(
      chartTitle(data, TITLE, notes),
      panels.flatMap((p) => p.wards),
      (title) => panelView(byTitle.get(title) ?? (panels[0] as Panel)),
      { field: 'panel', order: panels.map((p) => p.title), columns: 2 },
    );
  },
});
