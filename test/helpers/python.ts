/** Finds a Python 3 that has the modules a test needs, or says why there is none. */
import { spawnSync } from 'node:child_process';

/**
 * Debian's python3-* packages are installed for /usr/bin/python3, which is tried first; the
 * `python3` first on PATH (often a pyenv or venv one without them) only when it has them too.
 */
export function pythonWith(modules: readonly string[]): { python?: string; reason?: string } {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, ['-c', `import ${modules.join(', ')}`], { encoding: 'utf8' });
    if (probe.status === 0) return { python };
  }
  return {
    reason: `no python3 with ${modules.join(', ')} (Debian packages ${modules
      .map((m) => `python3-${m.toLowerCase()}`)
      .join(', ')})`,
  };
}
