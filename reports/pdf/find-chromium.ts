/**
 * Which Chromium prints report.pdf: the one `SNA_CHROMIUM` names, else the first of Debian's
 * `chromium`, `chromium-browser` or Google's `google-chrome` on PATH. sna never downloads a
 * browser: without one, there is no PDF (and `--pdf` says why).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome'] as const;

export type ChromiumLookup =
  | { found: true; path: string }
  /** `problem` says, in words for a log line, why none is used. */
  | { found: false; problem: string; setByUser: boolean };

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const named = env.SNA_CHROMIUM?.trim();
  if (named) {
    return isExecutableFile(named)
      ? { found: true, path: named }
      : {
          found: false,
          setByUser: true,
          problem: `SNA_CHROMIUM is ${named}, which is not an executable file`,
        };
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of CHROMIUM_NAMES) {
      const candidate = join(dir, name);
      if (isExecutableFile(candidate)) return { found: true, path: candidate };
    }
  }
  return {
    found: false,
    setByUser: false,
    problem: `no Chromium found (set SNA_CHROMIUM to its path, or put ${CHROMIUM_NAMES.join(', ')} on PATH)`,
  };
}
