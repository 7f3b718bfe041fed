/**
 * What the loader reads, given what the quick scan found: the file itself, or a copy with its
 * line ends made uniform; the blank lines to number around; whether to look for NUL bytes. And
 * DuckDB's errors in reading a file, said with the file's name.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Database } from '../../core/database.js';
import { InputError, SqlError } from '../../core/errors.js';
import type { ContentScan } from './line-count.js';
import { type QuotedScan, STRAY_CR_MARK, scanQuoted } from './line-ends.js';
import { storeBlankLines } from './line-numbers.js';
import type { FileToLoad } from './load-file.js';

export interface Content {
  /** The file DuckDB reads: the file, or a copy with its line ends made LF (see `line-ends`). */
  readPath: string;
  /** Physical lines less the blank ones (within the file and at its end). */
  lines: number;
  /** Blank lines with records after them are in `load_blanks`. */
  blanks: boolean;
  /** The file holds NUL bytes: cells are checked for them. */
  nul: boolean;
  /** The copy marks stray CRs (`STRAY_CR_MARK`): cells are checked for the mark. */
  strayCr: boolean;
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
  let quoted: QuotedScan = { blanks: [], strayCrs: 0, holdsMark: false };
  if (!scan.uniformLineEnds || scan.interiorBlank) {
    let copy: string | undefined;
    if (!scan.uniformLineEnds) {
      const dir = await mkdtemp(join(tmpdir(), 'sna-line-ends-'));
      temporaries.push(dir);
      copy = join(dir, basename(file.readPath).replace(/\.gz$/i, ''));
    }
    quoted = await scanQuoted(file.readPath, copy);
    readPath = copy ?? readPath;
  }
  if (quoted.strayCrs > 0 && quoted.holdsMark) {
    throw new InputError(
      `the file holds a carriage return (CR) that does not end a line, and the character U+${STRAY_CR_MARK.charCodeAt(0).toString(16).toUpperCase()} that sna marks such a CR with, so it cannot tell them apart: remove the stray CR`,
      { file: file.path },
    );
  }
  // Blank lines at the end push no record down; those within the file do.
  const lastContent = scan.lines - scan.trailingBlank;
  const within = quoted.blanks.filter((b) => b.line <= lastContent);
  if (within.length > 0) await storeBlankLines(db, within);
  return {
    readPath,
    lines: lastContent - within.length,
    blanks: within.length > 0,
    nul: scan.nul,
    strayCr: quoted.strayCrs > 0,
  };
}

/**
 * An error of DuckDB's CSV reader: one of its error classes, and a message only the reader
 * gives (its line report, its state machine, or the dump of the reader's options).
 */
const CSV_READER_CLASS = /^(Invalid Input Error|Conversion Error): /;
const CSV_READER_MESSAGE = /CSV Error on Line|The CSV Parser|^\s*delimiter = .*\(Set By User\)$/m;

/**
 * DuckDB's complaint about reading a file, with the file named: exit 3 when the CSV reader
 * could not read what the file holds; any other error (sna's own SQL) keeps its exit code.
 */
export function readerError(file: FileToLoad, error: unknown): unknown {
  if (!(error instanceof SqlError)) return error;
  if (CSV_READER_CLASS.test(error.message) && CSV_READER_MESSAGE.test(error.message)) {
    return new InputError(`cannot read the file as CSV: ${error.message}`, { file: file.path });
  }
  return new SqlError(error.message, { file: file.path }, error.hint);
}
