/**
 * sna deletes only what it can prove it wrote. An output folder that also holds the user's own
 * files (allowed: it is not the config's folder nor an input's) keeps them through every run,
 * even files named like a temporary (`*.tmp-<digits>`) or like a chart (`charts/*.svg`); a chart
 * sna drew before and no longer draws is removed, because the last manifest lists it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT, runCli, workspace } from '../helpers/workspace.js';

const USER_FILES: Record<string, string> = {
  'mine/report.docx.tmp-1': 'a draft the user saved\n',
  'notes.txt.tmp-12345': 'an editor’s temporary\n',
  'indicators.csv.tmp-7': 'named like an sna temporary, but sna never wrote it\n',
  'charts/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
  'charts/logo.png': 'not really a png\n',
  'charts/map.vl.json': '{"mark": "geoshape"}\n',
  '.sna-staging-draft/keep.txt': 'not sna’s: its prefix, but no pid after it\n',
};

describe('an output folder shared with the user’s own files', { timeout: 300_000 }, () => {
  const ws = workspace('sna-user-files-');
  const shared = ws.path('shared');
  const demo = readFileSync(join(REPO_ROOT, 'sna.config.yaml'), 'utf8')
    .replaceAll('fixtures/synthetic/', `${FIXTURES}/`)
    .replace(/^output_dir: .*$/m, `output_dir: ${shared}`);
  const configPath = ws.write('config/sna.config.yaml', demo);
  let first: ReturnType<typeof runCli>;

  beforeAll(() => {
    for (const [file, text] of Object.entries(USER_FILES)) ws.write(join('shared', file), text);
    // A staging folder a killed run left (sna's prefix and a pid): sna's own, so removed.
    mkdirSync(join(shared, '.sna-staging-4194305', 'charts'), { recursive: true });
    writeFileSync(join(shared, '.sna-staging-4194305', 'charts', 'x.svg'), '<svg/>');
    first = runCli(['run', '--config', configPath, '--quiet']);
  });

  const survivors = () =>
    Object.entries(USER_FILES).filter(
      ([file, text]) =>
        existsSync(join(shared, file)) && readFileSync(join(shared, file), 'utf8') === text,
    );

  it('keeps every user file through a run, and removes only sna’s own leftovers', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(survivors().map(([f]) => f)).toEqual(Object.keys(USER_FILES));
    expect(existsSync(join(shared, '.sna-staging-4194305'))).toBe(false);
    expect(readdirSync(shared).filter((f) => f.startsWith('.sna-staging-'))).toEqual([
      '.sna-staging-draft',
    ]);
    expect(existsSync(join(shared, 'charts', 'yj-offence-mix.svg'))).toBe(true);
  });

  it('removes a chart it no longer draws, and nothing else, on the next run', () => {
    // Without youth justice extracts (and a database that never held them: the database keeps
    // the rows of an extract no longer configured) the offence-mix chart is not drawn any more.
    ws.write(
      'config/sna.config.yaml',
      `${demo.replace(/^ {2}youth_justice: .*\n/m, '')}database: ${ws.path('db/sna.duckdb')}\n`,
    );
    const second = runCli(['run', '--config', configPath, '--quiet']);
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    const charts = readdirSync(join(shared, 'charts'));
    expect(charts.filter((f) => f.startsWith('yj-offence-mix.'))).toEqual([]);
    expect(charts).toContain('police-monthly.svg');
    expect(survivors().map(([f]) => f)).toEqual(Object.keys(USER_FILES));
  });
});
