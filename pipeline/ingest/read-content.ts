/**
 * What the loader reads, given what the quick scan found: the file itself, or a copy with its
 * line ends made uniform; the blank lines to number around; whether to look for NUL bytes. And
 * DuckDB's errors in reading a file, said with the file's name.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Database } from '../db/database.js';
import { InputError, SqlError } from '../errors.js';
import type { ContentScan } from './line-count.js';
import { type BlankLine, scanQuoted } from './line-ends.js';
import { storeBlankLines } from './line-numbers.js';
import type { FileToLoad } from './load-file.js';

export interface Content {
  /** The file DuckDB reads: the file, or a copy with the CRs outside quotes removed. */
  readPath: string;
  /** Physical lines less the blank ones (within the file and at its end). */
  lines: number;
  /** Blank lines with records after them are in `load_blanks`. */
  blanks: boolean;
  /** The file holds NUL bytes: cells are checked for them. */
  nul: boolean;
}

/**
 * Settles what to read. A file with mixed line ends gets a copy (in a folder added to
 * `temporaries`, for the caller to remove); blank lines within a file are stored in
 * `load_blanks`. Both need the quote-aware pass; other files are read as they are.
 */
export async function settleContent(
  db: Database,
  file: FileToLoad,
  scan: ContentScan,
  temporaries: string[],
): Promise<Content> {
  let readPath = file.readPath;
  let blanks: BlankLine[] = [];
  if (!scan.uniformLineEnds || scan.interiorBlank) {
    let copy: string | undefined;
    if (!scan.uniformLineEnds) {
      const dir = await mkdtemp(join(tmpdir(), 'sna-line-ends-'));
      temporaries.push(dir);
      copy = join(dir, basename(file.readPath).replace(/\.gz$/i, ''));
    }
    blanks = await scanQuoted(file.readPath, copy);
    readPath = copy ?? readPath;
  }
  // Blank lines at the end push no record down; those within the file do.
  const lastContent = scan.lines - scan.trailingBlank;
  const within = blanks.filter((b) => b.line <= lastContent);
  if (within.length > 0) await storeBlankLines(db, within);
  return {
    readPath,
    lines: lastContent - within.length,
    blanks: within.length > 0,
    nul: scan.nul,
  };
}

/** DuckDB's complaint about reading a file, with the file named (exit 3 for what it read). */
export function readerError(file: FileToLoad, error: unknown): unknown {
  if (!(error instanceof SqlError)) return error;
  if (/^(Invalid Input Error|Conversion Error)|CSV/i.test(error.message)) {
    return new InputError(`cannot read the file as CSV: ${error.message}`, { file: file.path });
  }
  return new SqlError(error.message, { file: file.path }, error.hint);
}
