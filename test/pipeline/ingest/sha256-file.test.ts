/**
 * sha256File remembers a hash while the file is unchanged (a run hashes each input twice), so
 * what matters is that any change is seen: new content, even of the same size and with the old
 * modification time put back, or a new file moved into the old one's place.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256File } from '../../../pipeline/ingest/read-file.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sha256File', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sna-sha256-'));
  const path = join(dir, 'crimes.csv');

  it('hashes the bytes as stored, and gives the same answer again', async () => {
    writeFileSync(path, 'crime_ref\nC1\n');
    expect(await sha256File(path)).toBe(sha256('crime_ref\nC1\n'));
    expect(await sha256File(path)).toBe(sha256('crime_ref\nC1\n'));
  });

  it('sees new content of the same size, even with the old modification time put back', async () => {
    writeFileSync(path, 'crime_ref\nC1\n');
    const { atime, mtime } = statSync(path);
    expect(await sha256File(path)).toBe(sha256('crime_ref\nC1\n'));
    writeFileSync(path, 'crime_ref\nC2\n');
    utimesSync(path, atime, mtime);
    expect(await sha256File(path)).toBe(sha256('crime_ref\nC2\n'));
  });

  it('sees another file moved into its place', async () => {
    writeFileSync(path, 'crime_ref\nC3\n');
    expect(await sha256File(path)).toBe(sha256('crime_ref\nC3\n'));
    const landed = join(dir, 'landed.csv');
    writeFileSync(landed, 'crime_ref\nC4\n');
    renameSync(landed, path);
    expect(await sha256File(path)).toBe(sha256('crime_ref\nC4\n'));
  });
});
