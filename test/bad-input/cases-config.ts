/**
 * Bad configs that are bad YAML at scale: aliases that expand exponentially (a "billion
 * laughs"), and a file of 90,000 keys that the YAML parser takes minutes over. Each is a bad
 * config (exit 2) with one line saying why, and the loaded files are kept.
 */
import type { BadInputCase } from './case.js';

/** Nine levels of nine aliases: 9^9 strings if expanded. */
const BILLION_LAUGHS = [
  'laughs:',
  '  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...'bcdefghi'.split('').map((name, i) => {
    const previous = 'abcdefghi'[i];
    return `  ${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`;
  }),
  '',
].join('\n');

/** 90,000 keys, 1.1 MB: over the 1 MB a config may be. */
const NINETY_THOUSAND_KEYS = `${Array.from({ length: 90_000 }, (_, i) => `k${i}: ${i}`).join('\n')}\n`;

/** The config's absolute path, as the error names it. */
const CONFIG = String.raw`/\S+/sna\.config\.yaml`;

export const CONFIG_CASES: BadInputCase[] = [
  {
    name: 'a config whose aliases expand exponentially (billion laughs)',
    thresholds: `thresholds:\n  max_reject_pct: 50\n${BILLION_LAUGHS}`,
    exit: 2,
    stderr: [
      new RegExp(
        `^error: ${CONFIG}: cannot be read as YAML: Excessive alias count indicates a resource exhaustion attack$`,
      ),
    ],
  },
  {
    name: 'a config of 90,000 keys (over 1 MB), refused before it is parsed',
    thresholds: `thresholds:\n  max_reject_pct: 50\n${NINETY_THOUSAND_KEYS}`,
    exit: 2,
    stderr: [
      new RegExp(
        `^error: ${CONFIG}: the config file is 1\\.\\d MB, over the limit of 1\\.0 MB for a config \\(a config is a few dozen lines\\)$`,
      ),
    ],
  },
];
