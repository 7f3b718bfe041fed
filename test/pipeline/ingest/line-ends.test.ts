/**
 * The quick scan that runs alongside every read, and the quote-aware pass for the files it
 * flags: each file here is small enough to count by hand.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError, SqlError } from '../../../pipeline/errors.js';
import { scanContent } from '../../../pipeline/ingest/line-count.js';
import { scanQuoted } from '../../../pipeline/ingest/line-ends.js';
import type { FileToLoad } from '../../../pipeline/ingest/load-file.js';
import { readerError } from '../../../pipeline/ingest/read-content.js';
import { workspace } from '../../helpers/workspace.js';

const file = (content: string | Buffer, name = 'f.csv') => workspace().write(name, content);

describe('scanContent', () => {
  it('finds LF and CRLF files uniform, and a mix or a stray CR not', async () => {
    const uniform = async (text: string) => (await scanContent(file(text))).uniformLineEnds;
    expect(await uniform('a,b\n1,2\n3,4\n')).toBe(true);
    expect(await uniform('a,b\r\n1,2\r\n3,4')).toBe(true);
    expect(await uniform('a,b\r1,2\r')).toBe(true);
    expect(await uniform('a,b\n1,2\r\n3,4\n')).toBe(false);
    expect(await uniform('a,b\r\n1,2\n')).toBe(false);
    expect(await uniform('a,b\n1,"x\ry"\n')).toBe(false);
  });

  it('tells blank lines within the file from those at its end', async () => {
    expect(await scanContent(file('a,b\n1,2\n\n\n'))).toMatchObject({
      lines: 4,
      interiorBlank: false,
      trailingBlank: 2,
    });
    expect(await scanContent(file('a,b\n1,2\r\n\r\n3,4\r\n'))).toMatchObject({
      lines: 4,
      interiorBlank: true,
      trailingBlank: 0,
    });
    expect(await scanContent(file('a,b\n\n1,2'))).toMatchObject({
      lines: 3,
      interiorBlank: true,
      trailingBlank: 0,
    });
  });

  it('sees a NUL byte anywhere, also in a .csv.gz', async () => {
    const late = Buffer.concat([
      Buffer.from(`a,b\n${'1,2\n'.repeat(400_000)}`),
      Buffer.from('x\0y,2\n'),
    ]);
    expect((await scanContent(file(late))).nul).toBe(true);
    expect((await scanContent(file(gzipSync(late), 'f.csv.gz'))).nul).toBe(true);
    expect((await scanContent(file('a,b\n1,2\n'))).nul).toBe(false);
  });
});

describe('scanQuoted', () => {
  it('drops CRs outside quotes only, keeping every LF', async () => {
    const ws = workspace();
    const path = ws.write('in.csv', 'a,b\r\n1,"x\ry"\n2,"p\r\nq"\r\n3,"say ""hi""\r"\r\n4,z\r\r\n');
    const copy = ws.path('out.csv');
    await scanQuoted(path, copy);
    expect(readFileSync(copy, 'utf8')).toBe('a,b\n1,"x\ry"\n2,"p\r\nq"\n3,"say ""hi""\r"\n4,z\n');
  });

  it('lists blank lines outside quotes, with their lines as DuckDB counts them', async () => {
    // Lines: 1 header, 2-4 a record with a blank line inside quotes, 5 blank, 6 record,
    // 7 blank (a lone CR), 8 record.
    const text = 'a,b\n1,"x\n\ny"\n\n2,z\n\r\n3,w\n';
    expect(await scanQuoted(file(text))).toEqual([
      { line: 5, unit: 3 },
      { line: 7, unit: 5 },
    ]);
  });
});

describe('readerError', () => {
  const file = { path: '/data/crimes.csv' } as unknown as FileToLoad;

  it("names the file in DuckDB's complaint about reading it (exit 3)", () => {
    const error = readerError(
      file,
      new SqlError('Invalid Input Error: The CSV Parser state machine reached an invalid state.'),
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).format()).toBe(
      '/data/crimes.csv: cannot read the file as CSV: Invalid Input Error: The CSV Parser state machine reached an invalid state.',
    );
  });

  it('names the file in any other DuckDB error, keeping its exit code', () => {
    const error = readerError(file, new SqlError('Out of Memory Error: failed to allocate'));
    expect(error).toBeInstanceOf(SqlError);
    expect((error as SqlError).format()).toBe(
      '/data/crimes.csv: Out of Memory Error: failed to allocate',
    );
  });
});
