/** Repeat addresses: places with at least `repeat_address_min` of the category's crimes. */
import { defineFamily, type IndicatorDefinition } from '../define.js';
import { aggregate, indicatorRow, num } from '../rows.js';

export const repeatAddresses: IndicatorDefinition = {
  id: 'addresses.repeat_count',
  title: 'Repeat addresses',
  definition:
    'Addresses with at least repeat_address_min of the category’s crimes in the period (value), the crimes at them (numerator), and the category’s crimes with a known address (denominator).',
  numerator: { from: 'agg_repeat_addresses', measure: 'count', text: 'crimes at repeat addresses' },
  denominator: {
    from: 'agg_repeat_addresses',
    measure: 'count',
    text: 'crimes with a known address',
  },
  unit: 'count',
  method: 'count',
  polarity: 'higher_is_worse',
  breakdowns: ['none'],
  needs: ['police_crimes', 'geography'],
  // All three are counts: the value counts addresses (households), the numerator and the
  // denominator crimes; a denominator left beside a suppressed value would bound it.
  disclosure: ['value', 'numerator', 'denominator'],
};

interface AddressCounts extends Record<string, unknown> {
  category: string;
  addresses: number;
  repeat_crimes: number;
  known_crimes: number;
}

export const family = defineFamily({
  name: 'repeat-addresses',
  order: 80,
  indicators: [repeatAddresses],
  async compute(context) {
    const rows = await aggregate<AddressCounts>(context, 'repeat_addresses');
    return rows.map((r) =>
      indicatorRow(context, repeatAddresses, {
        category: r.category,
        value: num(r.addresses),
        numerator: num(r.repeat_crimes),
        denominator: num(r.known_crimes),
      }),
    );
  },
});
