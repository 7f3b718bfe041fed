/** Progress: a bar on a terminal, `progress` events in JSON logs, nothing in a pipe. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../core/log.js';
import { createProgress, SILENT_PROGRESS } from '../../core/progress.js';

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A stream that says it is (or is not) a terminal, keeping what is written to it. */
function fakeStream(isTTY: boolean) {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & { text: () => string };
  let text = '';
  Object.assign(stream, {
    isTTY,
    columns: 100,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    write: (chunk: string) => {
      text += chunk;
      return true;
    },
    text: () => text,
  });
  return stream;
}

describe('createProgress', () => {
  it('writes progress events every interval under --json-logs, and none after the stage', async () => {
    const lines: string[] = [];
    const log = createLogger({ json: true, out: (line) => lines.push(line) });
    const progress = createProgress({ json: true, log, everySeconds: 0.05 });
    progress.start('ingest', 444);
    progress.update(40, 366_471);
    await wait(130);
    progress.stop();
    const count = lines.length;
    await wait(120);
    expect(lines.length).toBe(count);
    const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events[0]).toMatchObject({
      level: 'info',
      event: 'progress',
      stage: 'ingest',
      files_done: 40,
      files_total: 444,
      rows: 366_471,
      message: 'ingest: 40 of 444 files, 366,471 rows',
    });
  });

  it('is silent when stderr is not a terminal, and under --quiet', () => {
    expect(createProgress({ stream: fakeStream(false) })).toBe(SILENT_PROGRESS);
    expect(createProgress({ quiet: true, stream: fakeStream(true) })).toBe(SILENT_PROGRESS);
    // --json-logs draws no bar even on a terminal.
    const tty = fakeStream(true);
    const json = createProgress({ json: true, stream: tty, log: createLogger({ out: () => {} }) });
    json.start('ingest', 2);
    json.stop();
    expect(tty.text()).toBe('');
  });

  it('draws the stage, files and rows on a terminal', () => {
    const tty = fakeStream(true);
    const progress = createProgress({ stream: tty });
    progress.start('ingest', 10);
    progress.update(3, 12_345);
    // A log line clears the bar's line first, so the two never share a line.
    progress.interrupt(() => tty.write('a log line\n'));
    progress.stop();
    expect(tty.text()).toMatch(/ingest .* 3\/10 files \| 12,345 rows/);
    expect(tty.text()).toContain('\r\x1b[2Ka log line\n');
  });
});
