/**
 * Shared conventions: critical values against R's `qnorm`, confidence checks, and the
 * CI-against-reference classification against the Fingertips comparator's test cases.
 * Tolerance: z to 1e-15 relative (the note quotes R's double-precision values).
 */
import { describe, expect, it } from 'vitest';
import {
  checkConfidence,
  criticalZ,
  significanceAgainst,
} from '../../../indicators/methods/index.js';
import { expectClose } from './vectors.js';

describe('criticalZ (R qnorm)', () => {
  // The two values of docs/methods.md#conventions, from R `qnorm` in double precision.
  it('z, 95% = 1.959963984540054', () => {
    expectClose(criticalZ(0.95), 1.959963984540054, 1e-15);
  });

  it('z, 99.8% = 3.090232306167813', () => {
    expectClose(criticalZ(0.998), 3.090232306167813, 1e-15);
  });

  it('defaults to 95%', () => {
    expect(criticalZ()).toBe(criticalZ(0.95));
  });

  it('accepts 95 as 95%, as PHEindicatormethods does', () => {
    expect(criticalZ(95)).toBe(criticalZ(0.95));
    expect(checkConfidence(99.8)).toBeCloseTo(0.998, 15);
  });
});

describe('confidence validation', () => {
  for (const bad of [0.5, 0.89, 1.01, 50, 101, Number.NaN, -0.95]) {
    it(`rejects confidence ${bad}`, () => {
      expect(() => criticalZ(bad)).toThrow(new RangeError('confidence must be between 0.9 and 1'));
    });
  }

  it('accepts the bounds 0.9 and 1', () => {
    expect(checkConfidence(0.9)).toBe(0.9);
    expect(checkConfidence(1)).toBe(1);
  });
});

describe('significanceAgainst (Fingertips "CI overlapping reference value")', () => {
  // SingleOverlappingCIsForOneCILevelComparatorTest.cs cases (fingertips-open,
  // PholioVisualisationWS/AnalysisTest); a touching limit counts as similar.
  it('benchmark 11 inside (10, 12) is similar', () => {
    expect(significanceAgainst(10, 12, 11)).toBe('similar');
  });

  it('benchmark 3.0 below (3.2, 3.5) makes the area higher', () => {
    expect(significanceAgainst(3.2, 3.5, 3.0)).toBe('higher');
  });

  it('benchmark 3.0 above (2.2, 2.8) makes the area lower', () => {
    expect(significanceAgainst(2.2, 2.8, 3.0)).toBe('lower');
  });

  it('a limit equal to the benchmark is similar', () => {
    expect(significanceAgainst(3.0, 3.5, 3.0)).toBe('similar');
    expect(significanceAgainst(2.5, 3.0, 3.0)).toBe('similar');
  });
});
