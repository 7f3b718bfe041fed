import { beforeAll, describe, it } from 'vitest';
import { VALUE_CASES } from './cases-values.js';
import { checkCase, loadGoodFiles } from './corpus.js';

/** Each case spawns the CLI once; on a busy 2-core machine that can take a while. */
const CASE_TIMEOUT = 180_000;

let base: string;
beforeAll(() => {
  base = loadGoodFiles();
}, CASE_TIMEOUT);

describe('bad input — cell values: dates, ages, codes, duplicate refs, huge fields', () => {
  it.each(VALUE_CASES.map((c) => [c.name, c] as const))(
    '%s',
    (_name, c) => checkCase(base, c),
    CASE_TIMEOUT,
  );
});
