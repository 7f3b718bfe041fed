/**
 * Repeat-address concentration: for each category, the share of crimes with a known address
 * that happened at repeat addresses, labelled with the published counts behind it.
 */
import { formatNumber } from '../../format/numbers.js';
import { defineChart, rowsOf } from '../define.js';
import { categoryTitle, periodLine, sortCategories, suppressedNote } from '../format.js';
import { chartTitle, suppressedLayer, topLevel } from '../layout.js';
import { toDatum } from '../select-rows.js';
import { COLOURS } from '../theme.js';

const TITLE = 'crimes at repeat addresses';

export const repeatAddresses = defineChart({
  name: 'repeat-addresses',
  title: TITLE,
  description:
    'For each serious violence category, the addresses with repeated crimes in the period and the share of the crimes with a known address that happened at them (crimes at repeat addresses ÷ crimes with a known address).',
  howToRead:
    'Each dark bar is the share of the category’s crimes with a known address that happened at repeat addresses (the pale bar behind it is 100%), and its label gives how many addresses and crimes: a long bar means a few places hold much of the crime.',
  indicators: ['addresses.repeat_count'],
  spec(rows, data) {
    const count = (n: number | null) => (n === null ? '' : formatNumber(n, 'count'));
    const published = rowsOf(rows, 'addresses.repeat_count').filter(
      (r) => r.suppressed || (r.denominator ?? 0) > 0,
    );
    const order = sortCategories(published.map((r) => r.category));
    const values = published.map((row) =>
      toDatum(row, {
        label: row.suppressed
          ? ''
          : `${count(row.value)} address${row.value === 1 ? '' : 'es'}: ${count(row.numerator)} of ${count(row.denominator)} crimes`,
      }),
    );
    if (values.length === 0) return undefined;
    const y = {
      y: {
        field: 'category_title',
        type: 'nominal',
        title: null,
        sort: order.map(categoryTitle),
      },
    };
    const x = {
      field: 'share',
      type: 'quantitative',
      title: 'Share of crimes with a known address',
      scale: { domain: [0, 1] },
      axis: { format: '.0%' },
    };
    const lines = [
      periodLine(data),
      `Repeat address: ${data.repeatAddressMin} or more of the category’s crimes in the period`,
    ];
    if (values.some((v) => v.suppressed)) lines.push(suppressedNote(data));
    return topLevel(chartTitle(data, TITLE, lines), values, {
      width: 300,
      height: { step: 22 },
      // The bar is the published numerator over the published denominator, nothing else.
      transform: [{ calculate: 'datum.numerator / datum.denominator', as: 'share' }],
      layer: [
        {
          mark: { type: 'bar', color: COLOURS.periodShade },
          encoding: { ...y, x: { datum: 1, type: 'quantitative' } },
        },
        {
          mark: { type: 'bar', color: COLOURS.main },
          encoding: {
            ...y,
            x,
            tooltip: [
              { field: 'category_title', title: 'Category' },
              { field: 'value_text', title: 'Repeat addresses' },
              { field: 'numerator', title: 'Crimes at repeat addresses' },
              { field: 'denominator', title: 'Crimes with a known address' },
            ],
          },
        },
        {
          // The counts to the right of the bar, clear of it whatever the share.
          mark: { type: 'text', align: 'left', dx: 6, fontSize: 10.5, color: '#222222' },
          encoding: { ...y, x: { datum: 1, type: 'quantitative' }, text: { field: 'label' } },
        },
        suppressedLayer('x', y),
      ],
    });
  },
});
