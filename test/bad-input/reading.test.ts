import { beforeAll, describe, it } from 'vitest';
import { READING_CASES } from './cases-reading.js';
import { checkCase, loadGoodFiles } from './corpus.js';

/** Each case spawns the CLI once; on a busy 2-core machine that can take a while. */
const CASE_TIMEOUT = 180_000;

let base: string;
beforeAll(() => {
  base = loadGoodFiles();
}, CASE_TIMEOUT);

describe('bad input — what users really send: mixed line ends, blank lines, NUL bytes, wide files, symlinks', () => {
  it.each(READING_CASES.map((c) => [c.name, c] as const))(
    '%s',
    (_name, c) => checkCase(base, c),
    CASE_TIMEOUT,
  );
});
