/**
 * report.pdf: report.html printed by headless Chromium. `--pdf` insists on it (one clear line
 * and exit 2 without a Chromium, before any work); without the flag the PDF is printed when a
 * Chromium is found and left out, with an info line, when not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, run } from '../../pipeline/index.js';
import { findChromium } from '../../reports/pdf/index.js';
import { type CliResult, cliArgv, demoWorkspace, REPO_ROOT } from '../helpers/workspace.js';

/** `sna <args>` from source with the given environment changes (undefined removes a variable). */
function sna(args: string[], change: Record<string, string | undefined>): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...change };
  for (const [key, value] of Object.entries(change)) if (value === undefined) delete env[key];
  const result = spawnSync(process.execPath, cliArgv(args), {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const NO_BROWSER = { SNA_CHROMIUM: undefined, PATH: '/nonexistent-sna-test-bin' };
const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

describe('--pdf without a Chromium', () => {
  const ws = demoWorkspace('sna-pdf-refused-');

  it('stops at once, in one line, when SNA_CHROMIUM names no executable', () => {
    const missing = join(ws.dir, 'no-such-chromium');
    const cli = sna(['report', '--pdf', '--config', ws.configPath], { SNA_CHROMIUM: missing });
    expect(cli.status).toBe(2);
    expect(lines(cli.stderr)).toEqual([
      `error: --pdf needs Chromium: SNA_CHROMIUM is ${missing}, which is not an executable file`,
    ]);
    // Refused before any work: no database, no outputs.
    expect(existsSync(ws.path('out'))).toBe(false);
  });

  it('says where it looked when there is none on PATH, for `sna run --pdf` too', () => {
    const cli = sna(['run', '--pdf', '--config', ws.configPath], NO_BROWSER);
    expect(cli.status).toBe(2);
    expect(lines(cli.stderr)).toEqual([
      'error: --pdf needs Chromium: no Chromium found (set SNA_CHROMIUM to its path, or put chromium, chromium-browser, google-chrome on PATH)',
    ]);
    expect(existsSync(ws.path('out'))).toBe(false);
  });
});

const chromium = findChromium();
const poppler = ['/usr/bin', '/usr/local/bin'].find((dir) => existsSync(join(dir, 'pdfinfo')));
const skipReason = !chromium.found
  ? chromium.problem
  : !poppler
    ? 'no pdfinfo (install Debian’s poppler-utils)'
    : undefined;
if (skipReason) console.warn(`PDF test skipped: ${skipReason}`);

describe.skipIf(skipReason !== undefined)(
  `report.pdf printed by Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  { timeout: 600_000 },
  () => {
    const ws = demoWorkspace('sna-pdf-');
    const out = (file: string) => ws.path(join('out', file));
    const listed = () =>
      (
        JSON.parse(readFileSync(out('manifest.json'), 'utf8')) as {
          outputs: Array<{ path: string }>;
        }
      ).outputs.map((o) => o.path);
    let printed: CliResult;

    beforeAll(
      () =>
        // A run without the PDF first: `run --pdf` must then see the last run wrote none.
        run(ws.configPath, { log: memoryLogger() }).then(() => {
          printed = sna(['run', '--pdf', '--config', ws.configPath], {});
        }),
      600_000,
    );

    it('`sna run --pdf` redoes a run whose outputs lacked the PDF, and prints it', () => {
      expect(printed.stderr).toBe('');
      expect(printed.status).toBe(0);
      expect(printed.stdout).not.toMatch(/Nothing new/);
      expect(printed.stdout).toMatch(/^Report: .*report\.pdf/m);
      expect(listed()).toContain('report.pdf');
    });

    it('is an A4 PDF of the whole report, drawn charts and all', () => {
      const pdf = out('report.pdf');
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      const info = spawnSync(join(poppler ?? '', 'pdfinfo'), [pdf], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Page size:\s+59[5-6](\.\d+)? x 84[1-3](\.\d+)? pts \(A4\)/);
      expect(Number(info.match(/^Pages:\s+(\d+)/m)?.[1])).toBeGreaterThan(15);
      const text = spawnSync(join(poppler ?? '', 'pdftotext'), [pdf, '-'], {
        encoding: 'utf8',
      }).stdout.replace(/\s+/g, ' ');
      const headline = JSON.parse(readFileSync(out('headline.json'), 'utf8')) as {
        rows: Array<{ title: string }>;
      };
      for (const row of headline.rows) expect(text).toContain(row.title);
      // The charts drawn by vega-embed in the page: their titles and axes are text in the PDF.
      expect(text).toContain('crimes by month, this year and the previous years');
      expect(text).toContain('Crimes per month');
      expect(text).toMatch(/SYNTHETIC DATA · Brackenford \(SYNTHETIC\) .* Page 1 of \d+/);
    });

    it('`--no-pdf` prints none though a Chromium is found, and says nothing of it', () => {
      const cli = sna(['report', '--no-pdf', '--config', ws.configPath], {});
      expect(cli.stderr).toBe('');
      expect(cli.status).toBe(0);
      expect(cli.stdout).not.toMatch(/report\.pdf/);
      expect(listed()).not.toContain('report.pdf');
    });

    it('without --pdf and with no Chromium, says so in one info line and removes the old PDF', () => {
      const cli = sna(['report', '--config', ws.configPath], NO_BROWSER);
      expect(cli.stderr).toBe('');
      expect(cli.status).toBe(0);
      expect(lines(cli.stdout)).toContain(
        'report.pdf not written: no Chromium found (set SNA_CHROMIUM to its path, or put chromium, chromium-browser, google-chrome on PATH)',
      );
      // An old PDF beside a new report.html would be read as the new one.
      expect(existsSync(out('report.pdf'))).toBe(false);
      expect(listed()).not.toContain('report.pdf');
      expect(listed()).toContain('report.docx');
    });
  },
);
