/**
 * The switch of a staged set of outputs: new files in, manifest last with each sha256, and only
 * files sna can prove it wrote removed (listed before, bytes unchanged, no longer written).
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, PipelineError } from '../../../core/errors.js';
import { writeFileAtomic } from '../../../core/write-atomic.js';
import {
  type ManifestOutput,
  openStaging,
  publishStaging,
  removeLeftoverStaging,
} from '../../../pipeline/outputs/staging.js';
import { workspace } from '../../helpers/workspace.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const listed = (path: string, text: string): ManifestOutput => ({
  path,
  sha256: sha(text),
  bytes: Buffer.byteLength(text),
});
function put(folder: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

describe('publishStaging', () => {
  it('keeps national.csv and .parquet when only the report runs: the indicators stage writes them', async () => {
    const out = workspace('sna-staging-national-').dir;
    const files = {
      'indicators.csv': 'indicators\n',
      'national.csv': 'national\n',
      'national.parquet': 'PAR1',
      'report.html': 'old report\n',
    };
    put(out, files);
    const previous = Object.entries(files).map(([path, text]) => listed(path, text));
    const staging = openStaging(out);
    put(staging, { 'report.html': 'new report\n' });
    const published = await publishStaging(staging, out, ['report'], previous, (outputs) =>
      JSON.stringify({ outputs }),
    );
    expect(published.removed).toEqual([]);
    expect(readFileSync(join(out, 'national.csv'), 'utf8')).toBe('national\n');
    expect(existsSync(join(out, 'national.parquet'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      outputs: ManifestOutput[];
    };
    expect(manifest.outputs.map((o) => o.path)).toEqual([
      'indicators.csv',
      'national.csv',
      'national.parquet',
      'report.html',
    ]);
  });

  it('switches the set in and removes only the earlier outputs it can prove it wrote', async () => {
    const out = workspace('sna-staging-').dir;
    put(out, {
      'indicators.csv': 'old indicators\n',
      'report.html': 'old report\n',
      'charts/gone.svg': '<svg>gone</svg>',
      'charts/edited.svg': '<svg>the user edited this</svg>',
      'charts/logo.svg': '<svg>the user’s logo</svg>',
      'mine/draft.docx.tmp-1': 'the user’s draft',
    });
    const previous = [
      listed('charts/edited.svg', '<svg>as sna drew it</svg>'),
      listed('charts/gone.svg', '<svg>gone</svg>'),
      listed('indicators.csv', 'old indicators\n'),
      listed('report.html', 'old report\n'),
    ];
    const staging = openStaging(out);
    put(staging, { 'report.html': 'new report\n', 'charts/kept.svg': '<svg>new</svg>' });
    let manifestOutputs: ManifestOutput[] = [];
    const published = await publishStaging(staging, out, ['report'], previous, (outputs) => {
      manifestOutputs = outputs;
      return JSON.stringify({ outputs });
    });

    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe('new report\n');
    expect(readFileSync(join(out, 'charts/kept.svg'), 'utf8')).toBe('<svg>new</svg>');
    // The report stage ran and drew no `gone` chart any more: its file, unchanged, is removed.
    expect(published.removed).toEqual([join(out, 'charts/gone.svg')]);
    expect(published.keptChanged).toEqual([join(out, 'charts/edited.svg')]);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(['edited.svg', 'kept.svg', 'logo.svg']);
    expect(readFileSync(join(out, 'mine/draft.docx.tmp-1'), 'utf8')).toBe('the user’s draft');
    // The indicators stage did not run: its file stays, listed with its recorded hash.
    expect(manifestOutputs).toEqual([
      listed('charts/kept.svg', '<svg>new</svg>'),
      listed('indicators.csv', 'old indicators\n'),
      listed('report.html', 'new report\n'),
    ]);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toEqual({
      outputs: manifestOutputs,
    });
    expect(existsSync(staging)).toBe(false);
  });

  it('removes nothing when no earlier outputs were recorded', async () => {
    const out = workspace('sna-staging-').dir;
    put(out, { 'charts/old.svg': '<svg/>' });
    const staging = openStaging(out);
    put(staging, { 'report.html': 'r' });
    const published = await publishStaging(staging, out, ['report'], undefined, () => '{}');
    expect(published.removed).toEqual([]);
    expect(existsSync(join(out, 'charts/old.svg'))).toBe(true);
  });

  it('never removes a listed path outside output_dir, however the manifest names it', async () => {
    const root = workspace('sna-staging-').dir;
    const out = join(root, 'out');
    put(root, {
      'victim.txt': 'not sna’s\n',
      'victim-abs.txt': 'not sna’s either\n',
      'elsewhere/victim.txt': 'nor this\n',
      'out/report.html': 'old report\n',
    });
    // A link inside output_dir to a folder outside it: a path through it leaves output_dir.
    symlinkSync(join(root, 'elsewhere'), join(out, 'charts'));
    const previous = [
      listed('../victim.txt', 'not sna’s\n'),
      listed(join(root, 'victim-abs.txt'), 'not sna’s either\n'),
      listed('charts/victim.txt', 'nor this\n'),
      listed('report.html', 'old report\n'),
    ];
    const staging = openStaging(out);
    put(staging, { 'headline.md': 'new headline\n' });
    const published = await publishStaging(staging, out, ['report'], previous, () => '{}');
    expect(published.removed).toEqual([join(out, 'report.html')]);
    expect(readFileSync(join(root, 'victim.txt'), 'utf8')).toBe('not sna’s\n');
    expect(readFileSync(join(root, 'victim-abs.txt'), 'utf8')).toBe('not sna’s either\n');
    expect(readFileSync(join(root, 'elsewhere/victim.txt'), 'utf8')).toBe('nor this\n');
  });

  it('a file where a folder of outputs goes: fails naming it before any rename', async () => {
    const out = workspace('sna-staging-').dir;
    put(out, { 'report.html': 'old report\n', charts: 'the user’s file\n' });
    const staging = openStaging(out);
    put(staging, { 'report.html': 'new report\n', 'charts/a.svg': '<svg/>' });
    const error = await publishStaging(staging, out, ['report'], undefined, () => '{}').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).exitCode).toBe(EXIT.other);
    expect((error as PipelineError).format()).toBe(
      `${out}/charts: cannot switch the new outputs in (a file is where a folder must go); the outputs of the last complete run are kept`,
    );
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe('old report\n');
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
  });

  it('a folder where an output file goes: fails naming it before any rename', async () => {
    const out = workspace('sna-staging-').dir;
    put(out, { 'headline.md': 'old headline\n', 'report.html/keep.txt': 'the user’s\n' });
    const staging = openStaging(out);
    put(staging, { 'headline.md': 'new headline\n', 'report.html': 'new report\n' });
    const error = await publishStaging(staging, out, ['report'], undefined, () => '{}').catch(
      (caught: unknown) => caught,
    );
    expect((error as PipelineError).format()).toBe(
      `${out}/report.html: cannot switch the new outputs in (a folder is where a file must go); the outputs of the last complete run are kept`,
    );
    expect(readFileSync(join(out, 'headline.md'), 'utf8')).toBe('old headline\n');
  });

  it('a listed output that is now a folder is left in place, not an error', async () => {
    const out = workspace('sna-staging-').dir;
    put(out, { 'charts/gone.svg/keep.txt': 'the user’s\n' });
    const staging = openStaging(out);
    put(staging, { 'report.html': 'r' });
    const previous = [listed('charts/gone.svg', '<svg/>')];
    const published = await publishStaging(staging, out, ['report'], previous, () => '{}');
    expect(published.keptChanged).toEqual([join(out, 'charts/gone.svg')]);
    expect(existsSync(join(out, 'charts/gone.svg/keep.txt'))).toBe(true);
  });
});

describe('removeLeftoverStaging', () => {
  it('removes only sna’s staging folders, and returns what a switch cut short listed', () => {
    const out = workspace('sna-staging-').dir;
    const cutShort = [listed('charts/new.svg', '<svg>new</svg>')];
    put(out, {
      '.sna-staging-123/manifest.json': JSON.stringify({ outputs: cutShort }),
      '.sna-staging-456/charts/a.svg': '<svg/>',
      '.sna-staging-notes/keep.txt': 'the user’s',
      '.sna-staging-7.tmp-1': 'a file, not a folder',
    });
    const leftover = removeLeftoverStaging(out);
    expect(leftover.removed.sort()).toEqual([
      join(out, '.sna-staging-123'),
      join(out, '.sna-staging-456'),
    ]);
    expect(leftover.listed).toEqual(cutShort);
    expect(readdirSync(out).sort()).toEqual(['.sna-staging-7.tmp-1', '.sna-staging-notes']);
  });

  it('drops a listed path that is absolute, climbs out with .., or is outside output_dir', () => {
    const out = workspace('sna-staging-').dir;
    const inside = listed('charts/new.svg', '<svg>new</svg>');
    put(out, {
      '.sna-staging-123/manifest.json': JSON.stringify({
        outputs: [
          listed('../victim.txt', 'x'),
          listed('/tmp/victim.txt', 'x'),
          listed('charts/../../victim.txt', 'x'),
          inside,
        ],
      }),
    });
    expect(removeLeftoverStaging(out).listed).toEqual([inside]);
  });
});

describe('a write that fails', () => {
  it('names the published path, and says the last complete set is kept, when staged', () => {
    const out = workspace('sna-staging-').dir;
    const staging = openStaging(out);
    writeFileSync(join(staging, 'charts'), 'a file where a folder must go');
    let error: unknown;
    try {
      writeFileAtomic(join(staging, 'charts', 'a.svg'), '<svg/>');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).format()).toMatch(
      new RegExp(
        `^${out}/charts/a\\.svg: cannot write \\(.+\\); the outputs of the last complete run are kept$`,
      ),
    );
  });
});
