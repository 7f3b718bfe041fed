/**
 * Headless Chromium for the browser tests: Debian's `chromium` from PATH (`.ci/run` installs
 * it), driven by playwright-core. Without it the tests skip and say why.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

const BROWSER_NAMES = ['chromium', 'chromium-browser'];

/** The first Chromium on PATH. */
function chromiumOnPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of BROWSER_NAMES) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // Not in this folder; keep looking along PATH.
      }
    }
  }
  return undefined;
}

export const chromiumPath = chromiumOnPath();

/** Why the browser tests skip, or undefined when they run. */
export const chromiumSkipReason = chromiumPath
  ? undefined
  : `no ${BROWSER_NAMES.join(' or ')} on PATH (install Debian's chromium package)`;

/** Headless, sandboxless (containers), and asking nothing of any network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
