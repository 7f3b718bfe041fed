/**
 * The quick scan that runs alongside every read, and the quote-aware pass for the files it
 * flags: each file here is small enough to count by hand.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError, SqlError } from '../../../core/errors.js';
import { scanContent } from '../../../pipeline/ingest/line-count.js';
import { STRAY_CR_MARK, scanQuoted } from '../../../pipeline/ingest/line-ends.js';
import type { FileToLoad } from '../../../pipeline/ingest/load-file.js';
import { readerError } from '../../../pipeline/ingest/read-content.js';
import { workspace } from '../../helpers/workspace.js';

const file = (content: string | Buffer, name = 'f.csv') => workspace().write(name, content);

describe('scanContent', () => {
  it('counts lines as an editor numbers them', async () => {
    const lines = async (content: string | Buffer, name?: string) =>
      (await scanContent(file(content, name))).lines;
    expect(await lines('')).toBe(0);
    expect(await lines('h')).toBe(1);
    expect(await lines('h\n')).toBe(1);
    expect(await lines('h\na\nb')).toBe(3);
    expect(await lines('h\r\na\r\nb\r\n')).toBe(3);
    expect(await lines('h\n"x\ny"\n\n')).toBe(4);
    expect(await lines(gzipSync('h\na\nb\n'), 'f.csv.gz')).toBe(3);
    // Across read chunks (a file over 1 MB).
    expect(await lines(`${'x'.repeat(99)}\n`.repeat(30_000))).toBe(30_000);
  });

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
  const MARK = STRAY_CR_MARK;

  it('drops a CR outside quotes only where an LF follows it, keeping every LF', async () => {
    const ws = workspace();
    const path = ws.write('in.csv', 'a,b\r\n1,"x\ry"\n2,"p\r\nq"\r\n3,"say ""hi""\r"\r\n4,z\r\n');
    const copy = ws.path('out.csv');
    expect(await scanQuoted(path, copy)).toEqual({ blanks: [], strayCrs: 0, holdsMark: false });
    expect(readFileSync(copy, 'utf8')).toBe('a,b\n1,"x\ry"\n2,"p\r\nq"\n3,"say ""hi""\r"\n4,z\n');
  });

  it('marks a CR outside quotes that is not part of a line end, never merging lines', async () => {
    const ws = workspace();
    const path = ws.write('in.csv', 'h\nB1,E0199\r9001\nB2,x\rB3,y\n4,z\r\r\n5,w\r');
    const copy = ws.path('out.csv');
    expect(await scanQuoted(path, copy)).toMatchObject({ blanks: [], strayCrs: 3 });
    // A CR that ends the content is the last line's end.
    expect(readFileSync(copy, 'utf8')).toBe(
      `h\nB1,E0199${MARK}9001\nB2,x${MARK}B3,y\n4,z${MARK}\n5,w`,
    );
  });

  it('sees a CRLF and a stray CR across read chunks (a file over 1 MB)', async () => {
    const ws = workspace();
    // Chunks are 1 MiB: line 1 ends with its CR as the chunk's last byte, then the LF.
    const first = `${'x'.repeat((1 << 20) - 1)}\r\n`;
    const crlf = ws.write('crlf.csv', `${first}a,b\n`);
    const copy = ws.path('out.csv');
    expect((await scanQuoted(crlf, copy)).strayCrs).toBe(0);
    expect(readFileSync(copy, 'utf8')).toBe(`${'x'.repeat((1 << 20) - 1)}\na,b\n`);
    const lone = ws.write('lone.csv', `${'x'.repeat((1 << 20) - 1)}\ra,b\n`);
    expect((await scanQuoted(lone, copy)).strayCrs).toBe(1);
    expect(readFileSync(copy, 'utf8')).toBe(`${'x'.repeat((1 << 20) - 1)}${MARK}a,b\n`);
  });

  it('sees the mark in the file itself', async () => {
    expect((await scanQuoted(file(`a,b\n1,x${MARK}\n`))).holdsMark).toBe(true);
    expect((await scanQuoted(file('a,b\n1,x\n'))).holdsMark).toBe(false);
  });

  it('lists blank lines outside quotes, with their lines as DuckDB counts them', async () => {
    // Lines: 1 header, 2-4 a record with a blank line inside quotes, 5 blank, 6 record,
    // 7 blank (CRLF), 8 record.
    const text = 'a,b\n1,"x\n\ny"\n\n2,z\n\r\n3,w\n';
    expect((await scanQuoted(file(text))).blanks).toEqual([
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

  it("takes a line error of DuckDB's CSV reader as the file's", () => {
    const error = readerError(
      file,
      new SqlError(
        'Conversion Error: CSV Error on Line: 3\nOriginal Line: a,b\n\n  file = /data/crimes.csv\n  delimiter = , (Set By User)',
      ),
    );
    expect(error).toBeInstanceOf(InputError);
  });

  it("does not blame the file for sna's own SQL that mentions CSV", () => {
    for (const message of [
      'Binder Error: Referenced column "c9" not found in FROM clause! Candidate bindings: "read_csv.c0"',
      "Conversion Error: Could not convert string 'CSV' to INT32",
      'Invalid Input Error: Failed to parse format specifier %Q for CSV dates',
    ]) {
      // A SqlError (exit as any other failure), not an InputError (exit 3); the message says which.
      expect([message, readerError(file, new SqlError(message))]).toEqual([
        message,
        expect.any(SqlError),
      ]);
    }
  });

  it('names the file in any other DuckDB error, keeping its exit code', () => {
    const error = readerError(file, new SqlError('Out of Memory Error: failed to allocate'));
    expect(error).toBeInstanceOf(SqlError);
    expect((error as SqlError).format()).toBe(
      '/data/crimes.csv: Out of Memory Error: failed to allocate',
    );
  });
});
