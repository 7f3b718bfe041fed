/**
 * The quote-aware pass, for the few files the quick scan (`line-count.ts`) flags: mixed line
 * ends (CRLF beside LF, a stray CR), which DuckDB's strict reader stops on or misreads, and
 * blank lines, which it skips without counting them.
 *
 * It walks the bytes as a CSV reader would, so a CR or an empty line inside a quoted field is
 * left alone. Outside quotes a CR followed by an LF is a line end: the copy it writes drops that
 * CR and keeps every LF, so physical line numbers (counted by LF) are the same in the copy as in
 * the file. Any other CR outside quotes is not a line end, nor is it text: the copy holds
 * `STRAY_CR_MARK` in its place (DuckDB's strict reader stops on a lone CR), and the typing SQL
 * rejects the cell that holds it, so the row is neither split, merged nor loaded altered. A CR
 * that ends the content is the last line's end.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { isGzip } from './read-file.js';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;

/** A blank line outside quotes: its physical line, and its line as DuckDB counts them. */
export interface BlankLine {
  /** Physical line (header = 1). */
  line: number;
  /** DuckDB's line: physical line less the line breaks inside quoted fields before it. */
  unit: number;
}

/**
 * What the copy holds in place of a CR outside quotes that is not part of a line end: U+FDD0, a
 * Unicode noncharacter (kept for a program's internal use, never text). A file that holds one of
 * its own beside a stray CR cannot be read exactly, and is refused.
 */
export const STRAY_CR_MARK = '\uFDD0';
const MARK = Buffer.from(STRAY_CR_MARK, 'utf8');

export interface QuotedScan {
  blanks: BlankLine[];
  /** CRs outside quotes that are not part of a CRLF (marked in the copy). */
  strayCrs: number;
  /** The content holds `STRAY_CR_MARK` of its own. */
  holdsMark: boolean;
}

enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/**
 * Finds the blank lines and stray CRs outside quotes and, when `copyTo` is given, writes the
 * content there with each CR of a CRLF outside quotes removed and each stray CR marked.
 */
export async function scanQuoted(path: string, copyTo?: string): Promise<QuotedScan> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const content: Readable = isGzip(path) ? raw.pipe(createGunzip()) : raw;
  const out = copyTo ? createWriteStream(copyTo) : undefined;
  const blanks: BlankLine[] = [];
  let state = State.FieldStart;
  let line = 1;
  let quotedBreaks = 0;
  let lineHasContent = false;
  let strayCrs = 0;
  let holdsMark = false;
  // A CR outside quotes that ended the previous chunk: what follows it says what it was.
  let pendingCr = false;
  // The last bytes of the previous chunk, to see a mark split across chunks.
  let tail = Buffer.alloc(0);
  /** A CR outside quotes not followed by an LF: content of its line, marked in the copy. */
  const stray = (pieces: Buffer[]) => {
    strayCrs += 1;
    lineHasContent = true;
    if (state !== State.Unquoted) state = State.Unquoted;
    if (out) pieces.push(MARK);
  };
  try {
    for await (const chunk of content) {
      const buffer = chunk as Buffer;
      if (buffer.length === 0) continue;
      if (!holdsMark) {
        holdsMark =
          buffer.includes(MARK) ||
          Buffer.concat([tail, buffer.subarray(0, MARK.length - 1)]).includes(MARK);
        tail = Buffer.from(buffer.subarray(Math.max(0, buffer.length - (MARK.length - 1))));
      }
      let kept = 0;
      const pieces: Buffer[] = [];
      if (pendingCr) {
        pendingCr = false;
        if (buffer[0] !== LF) stray(pieces);
      }
      for (let i = 0; i < buffer.length; i += 1) {
        const byte = buffer[i];
        if (state === State.Quoted) {
          if (byte === QUOTE) state = State.QuoteInQuoted;
          else if (byte === LF) {
            line += 1;
            quotedBreaks += 1;
          }
          continue;
        }
        if (byte === CR) {
          // Left out of the copy here; a stray one goes back in as the mark.
          pieces.push(buffer.subarray(kept, i));
          kept = i + 1;
          if (i + 1 === buffer.length) pendingCr = true;
          else if (buffer[i + 1] !== LF) stray(pieces);
        } else if (byte === LF) {
          if (!lineHasContent) blanks.push({ line, unit: line - quotedBreaks });
          line += 1;
          lineHasContent = false;
          state = State.FieldStart;
        } else {
          lineHasContent = true;
          if (byte === COMMA) state = State.FieldStart;
          else if (byte === QUOTE) {
            // A quote opens a field only at its start (or doubles one inside quotes).
            state =
              state === State.FieldStart || state === State.QuoteInQuoted ? State.Quoted : state;
          } else if (state !== State.Unquoted) state = State.Unquoted;
        }
      }
      if (out) {
        pieces.push(buffer.subarray(kept));
        for (const piece of pieces) {
          if (piece.length > 0 && !out.write(piece)) await once(out, 'drain');
        }
      }
    }
  } finally {
    if (out) {
      out.end();
      await once(out, 'close');
    }
  }
  return { blanks, strayCrs, holdsMark };
}
