import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import { loadConfig } from '../../pipeline/config/load-config.js';
import { CONFIG_CASES } from './cases-config.js';
import { checkCase, loadGoodFiles } from './corpus.js';

/** Each case spawns the CLI once; on a busy 2-core machine that can take a while. */
const CASE_TIMEOUT = 180_000;

let base: string;
beforeAll(() => {
  base = loadGoodFiles();
}, CASE_TIMEOUT);

describe('bad input — configs that are bad YAML at scale: exploding aliases, a huge file', () => {
  it.each(CONFIG_CASES.map((c) => [c.name, c] as const))(
    '%s',
    (_name, c) => checkCase(base, c),
    CASE_TIMEOUT,
  );
});

describe.skipIf(!existsSync('/dev/zero'))('a config that never ends', () => {
  it('is refused after the first megabyte, not read to the end', async () => {
    const error = await loadConfig('/dev/zero').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      '/dev/zero: the config file is over the limit of 1.0 MB for a config (a config is a few dozen lines)',
    ]);
  });
});
