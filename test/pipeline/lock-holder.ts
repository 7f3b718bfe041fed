/**
 * A child process for the lock tests: `node --import tsx lock-holder.ts <database> [at] [holdMs]`
 * waits until the epoch-ms time `at` (so racers start together), tries to take the run lock,
 * prints one JSON line saying whether it got it, then holds it for `holdMs` or, without
 * `holdMs`, until its stdin closes. With `--duckdb` first it opens the database itself
 * instead (DuckDB's own file lock), as a process that ignores the run lock would.
 */
import { Database } from '../../core/database.js';
import { LockError } from '../../core/errors.js';
import { createLogger } from '../../core/log.js';
import { acquireRunLock } from '../../pipeline/db/lock.js';

const duckdbOnly = process.argv[2] === '--duckdb';
const [database, at, holdMs] = process.argv.slice(duckdbOnly ? 3 : 2);
if (!database) throw new Error('usage: lock-holder.ts [--duckdb] <database> [at] [holdMs]');

const holdUntilDone = (release: () => void) => {
  if (holdMs) {
    setTimeout(release, Number(holdMs));
  } else {
    process.stdin.resume();
    process.stdin.on('end', release);
  }
};

if (duckdbOnly) {
  const db = await Database.open(database);
  process.stdout.write(`${JSON.stringify({ outcome: 'opened' })}\n`);
  holdUntilDone(() => db.close());
} else {
  while (at && Date.now() < Number(at)) {
    // Busy-wait: a timer's granularity would spread the racers apart.
  }
  try {
    const lock = acquireRunLock(database, {
      command: 'lock-holder',
      log: createLogger({ json: true, out: (line) => process.stderr.write(`${line}\n`) }),
    });
    process.stdout.write(`${JSON.stringify({ outcome: 'acquired', holder: lock.holder })}\n`);
    holdUntilDone(() => lock.release());
  } catch (error) {
    if (!(error instanceof LockError)) throw error;
    process.stdout.write(`${JSON.stringify({ outcome: 'locked', message: error.message })}\n`);
  }
}
