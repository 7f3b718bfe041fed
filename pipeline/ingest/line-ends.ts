/**
 * The quote-aware pass, for the few files the quick scan (`line-count.ts`) flags: mixed line
 * ends (CRLF beside LF, a stray CR), which DuckDB's strict reader stops on or misreads, and
 * blank lines, which it skips without counting them.
 *
 * It walks the bytes as a CSV reader would, so a CR or an empty line inside a quoted field is
 * left alone. Outside quotes a CR is line-end noise: the copy it writes drops it, and keeps every
 * LF, so physical line numbers (counted by LF) are the same in the copy as in the file.
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

enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/**
 * Finds the blank lines outside quotes and, when `copyTo` is given, writes the content there
 * with every CR outside quotes removed.
 */
export async function scanQuoted(path: string, copyTo?: string): Promise<BlankLine[]> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const content: Readable = isGzip(path) ? raw.pipe(createGunzip()) : raw;
  const out = copyTo ? createWriteStream(copyTo) : undefined;
  const blanks: BlankLine[] = [];
  let state = State.FieldStart;
  let line = 1;
  let quotedBreaks = 0;
  let lineHasContent = false;
  try {
    for await (const chunk of content) {
      const buffer = chunk as Buffer;
      let kept = 0;
      const pieces: Buffer[] = [];
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
          if (out) pieces.push(buffer.subarray(kept, i));
          kept = i + 1;
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
  return blanks;
}
