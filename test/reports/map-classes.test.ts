/** The map classes a legend names: zero on its own, then quintiles of the rest, worked by hand. */
import { describe, expect, it } from 'vitest';
import {
  CLASS_COLOURS,
  quintileClasses,
  ZERO_COLOUR,
} from '../../reports/charts/maps/map-layout.js';

describe('map classes', () => {
  it('puts zero in a class of its own and cuts the rest at their quintiles', () => {
    // 1..10 above zero: quintiles (R type 7) at 2.8, 4.6, 6.4, 8.2.
    const classes = quintileClasses([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'per_1000');
    expect(classes.domain).toEqual([
      'none',
      '1.0 to 2.8',
      '2.8 to 4.6',
      '4.6 to 6.4',
      '6.4 to 8.2',
      '8.2 to 10.0',
    ]);
    expect(classes.range).toEqual([ZERO_COLOUR, ...CLASS_COLOURS]);
    expect(classes.classOf(0)).toBe('none');
    expect(classes.classOf(2.8)).toBe('2.8 to 4.6');
    expect(classes.classOf(2.79)).toBe('1.0 to 2.8');
    expect(classes.classOf(10)).toBe('8.2 to 10.0');
  });

  it('ends a class of counts one below the next, and writes a one-value class once', () => {
    const classes = quintileClasses([5, 5, 5, 6, 6, 7, 7, 7], 'count');
    expect(classes.domain).toEqual(['5', '6', '7']);
    expect(classes.classOf(6)).toBe('6');
    // Three classes spread over the palette: lightest, middle, darkest.
    expect(classes.range).toEqual([CLASS_COLOURS[0], CLASS_COLOURS[2], CLASS_COLOURS[4]]);
  });

  it('gives one class when every value above zero is the same, and only none when all are zero', () => {
    expect(quintileClasses([0, 4.9, 4.9], 'per_1000').domain).toEqual(['none', '4.9']);
    expect(quintileClasses([0, 0], 'per_1000').domain).toEqual(['none']);
  });
});
