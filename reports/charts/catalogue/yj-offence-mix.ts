/** Youth justice: the share of children's offences in each offence category, with 95% CIs. */
import { defineChart, rowsOf } from '../define.js';
import { periodLine, suppressedNote } from '../format.js';
import { barWithIntervalLayers, chartTitle, topLevel } from '../layout.js';
import { toDatum } from '../select-rows.js';

const TITLE = 'offences by children, by offence category';
const VALUE_TITLE = 'Share of offences (%)';

/** `violence_against_person` → `Violence against person`. */
function offenceLabel(code: string): string {
  const words = code.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const yjOffenceMix = defineChart({
  name: 'yj-offence-mix',
  title: TITLE,
  description:
    'The share (%) of offences by children in the period in each offence category, from the youth justice extract, with 95% confidence intervals (Wilson).',
  howToRead:
    'Each bar is an offence category’s share of offences by children in the period, the largest first; the black line is the 95% confidence interval.',
  indicators: ['yj.offence_mix'],
  spec(rows, data) {
    const mix = [...rowsOf(rows, 'yj.offence_mix')].sort(
      (a, b) =>
        (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY) ||
        String(a.breakdown_value).localeCompare(String(b.breakdown_value)),
    );
    const values = mix.map((row, index) =>
      toDatum(row, { offence: offenceLabel(String(row.breakdown_value)), order: index + 1 }),
    );
    if (!values.some((v) => !v.suppressed)) return undefined;
    const y = {
      y: {
        field: 'offence',
        type: 'nominal',
        title: null,
        sort: { field: 'order', op: 'min', order: 'ascending' },
      },
    };
    const lines = [periodLine(data)];
    if (values.some((v) => v.suppressed)) lines.push(suppressedNote(data));
    return topLevel(chartTitle(data, TITLE, lines), values, {
      width: 360,
      height: { step: 20 },
      layer: [
        ...barWithIntervalLayers(
          'x',
          y,
          VALUE_TITLE,
          { field: 'offence', title: 'Offence' },
          'Share (%)',
        ),
      ],
    });
  },
});
