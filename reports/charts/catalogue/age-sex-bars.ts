/**
 * Counts by age band and sex as grouped horizontal bars (one bar per sex within each band),
 * shared by the victims', offenders' and A&E charts. Bands with no one are not published, so
 * a missing bar is a true zero; a suppressed one is labelled.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PublishedRow, ReportData } from '../../types.js';
import { AGE_BANDS, periodLine, SEX_LABELS, SUPPRESSED_LABEL } from '../format.js';
import { categoryPanels, chartTitle, suppressedLayer, topLevel } from '../layout.js';
import { toDatum } from '../select-rows.js';
import { SEX_COLOURS } from '../theme.js';

export interface AgeSexOptions {
  title: string;
  /** The count axis title, with its unit ("Victims (crime–victim pairs)"). */
  valueTitle: string;
}

export function ageSexSpec(
  rows: readonly PublishedRow[],
  data: ReportData,
  { title, valueTitle }: AgeSexOptions,
): TopLevelSpec | undefined {
  const values = rows.map((row) => {
    const [sex = '', band = ''] = String(row.breakdown_value).split(':');
    const sexLabel = SEX_LABELS[sex] ?? sex;
    return toDatum(row, {
      sex: sexLabel,
      age_band: band,
      // Which bar is hidden, since a label cannot take the bar's colour.
      suppressed_label: row.suppressed ? `${sexLabel}: ${SUPPRESSED_LABEL}` : '',
    });
  });
  const panels = categoryPanels(data, values);
  if (panels.order.length === 0) return undefined;
  const sexes = (['M', 'F', 'X'] as const).filter((s) =>
    panels.values.some((v) => v.sex === SEX_LABELS[s]),
  );
  const y = {
    // Every band in every panel, so panels read alike and an empty band shows as empty.
    y: {
      field: 'age_band',
      type: 'ordinal',
      title: 'Age band',
      scale: { domain: [...AGE_BANDS] },
    },
    yOffset: { field: 'sex', type: 'nominal', sort: sexes.map((s) => SEX_LABELS[s]) },
  };
  return topLevel(
    chartTitle(data, title, [periodLine(data), 'Known age and sex only', ...panels.notes]),
    panels.values,
    {
      width: 230,
      height: AGE_BANDS.length * (11 * sexes.length + 6),
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            ...y,
            x: { field: 'value', type: 'quantitative', title: valueTitle },
            color: {
              field: 'sex',
              type: 'nominal',
              title: null,
              scale: {
                domain: sexes.map((s) => SEX_LABELS[s]),
                range: sexes.map((s) => SEX_COLOURS[s]),
              },
              legend: { orient: 'top', direction: 'horizontal' },
            },
            tooltip: [
              { field: 'category_title', title: 'Category' },
              { field: 'age_band', title: 'Age band' },
              { field: 'sex', title: 'Sex' },
              { field: 'value_text', title: valueTitle },
            ],
          },
        },
        suppressedLayer('x', y),
      ],
    },
    { field: 'category_title', order: panels.order, columns: 3 },
  );
}
