import { beforeAll, describe, expect, it } from 'vitest';
import { FILE_CASES } from './cases-files.js';
import { checkCase, loadGoodFiles } from './corpus.js';

/** Each case spawns the CLI once; on a busy 2-core machine that can take a while. */
const CASE_TIMEOUT = 180_000;

let base: string;
beforeAll(() => {
  base = loadGoodFiles();
}, CASE_TIMEOUT);

describe('bad input — whole files: binary, gzip, paths that name nothing, the reject limit', () => {
  it.each(FILE_CASES.map((c) => [c.name, c] as const))(
    '%s',
    (_name, c) => checkCase(base, c),
    CASE_TIMEOUT,
  );
});

describe('the corpus', () => {
  it('has at least 30 cases, each named once', async () => {
    const { STRUCTURE_CASES } = await import('./cases-structure.js');
    const { VALUE_CASES } = await import('./cases-values.js');
    const { READING_CASES } = await import('./cases-reading.js');
    const { CONFIG_CASES } = await import('./cases-config.js');
    const names = [
      ...STRUCTURE_CASES,
      ...VALUE_CASES,
      ...FILE_CASES,
      ...READING_CASES,
      ...CONFIG_CASES,
    ].map((c) => c.name);
    expect(names.length).toBeGreaterThanOrEqual(30);
    expect(new Set(names).size).toBe(names.length);
  });
});
