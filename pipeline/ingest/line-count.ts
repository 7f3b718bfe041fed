/**
 * One quick pass over a file's bytes (of its decompressed content) alongside the CSV read,
 * without parsing it: its physical lines, so the loader knows whether every record sits on a line
 * of its own, and the few things DuckDB's strict reader gets wrong without a word or stops on:
 * mixed line ends (CRLF and LF, a stray CR), blank lines it skips, NUL bytes it loads.
 * Only buffer searches run per line; a file that needs more gets the quote-aware pass in
 * `line-ends.ts`.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { isGzip } from './read-file.js';

const LF = 0x0a;
const CR = 0x0d;

export interface ContentScan {
  /** Lines as an editor numbers them by LF: a last line without a line break still counts. */
  lines: number;
  /** Every CR ends a line as part of a CRLF, every line does so, or the file has no CR. */
  uniformLineEnds: boolean;
  /** An empty line with a non-empty line after it (DuckDB skips blank lines, and their lines). */
  interiorBlank: boolean;
  /** Empty lines at the very end. */
  trailingBlank: number;
  /** The content holds a NUL byte somewhere. */
  nul: boolean;
}

export async function scanContent(path: string): Promise<ContentScan> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const content: Readable = isGzip(path) ? raw.pipe(createGunzip()) : raw;
  let breaks = 0;
  let crs = 0;
  let crlfs = 0;
  let bytes = 0;
  let last = LF;
  // Absolute offset of the previous LF (-1: the file's start), to see empty lines.
  let previousBreak = -1;
  let trailingBlank = 0;
  let interiorBlank = false;
  let nul = false;
  for await (const chunk of content) {
    const buffer = chunk as Buffer;
    if (buffer.length === 0) continue;
    if (!nul && buffer.indexOf(0) !== -1) nul = true;
    for (let at = buffer.indexOf(CR); at !== -1; at = buffer.indexOf(CR, at + 1)) crs += 1;
    for (let at = buffer.indexOf(LF); at !== -1; at = buffer.indexOf(LF, at + 1)) {
      breaks += 1;
      const before = at > 0 ? buffer[at - 1] : last;
      if (before === CR) crlfs += 1;
      const length = bytes + at - previousBreak - 1;
      if (length === 0 || (length === 1 && before === CR)) {
        trailingBlank += 1;
      } else {
        // An empty line seen before (its LF set previousBreak) and now one that is not.
        if (trailingBlank > 0) interiorBlank = true;
        trailingBlank = 0;
      }
      previousBreak = bytes + at;
    }
    bytes += buffer.length;
    last = buffer[buffer.length - 1] ?? LF;
  }
  if (bytes === 0) {
    return { lines: 0, uniformLineEnds: true, interiorBlank: false, trailingBlank: 0, nul };
  }
  const unterminated = last !== LF;
  if (unterminated && trailingBlank > 0 && !(bytes - previousBreak - 1 === 1 && last === CR)) {
    interiorBlank = true;
    trailingBlank = 0;
  }
  return {
    lines: unterminated ? breaks + 1 : breaks,
    uniformLineEnds: crs === 0 || breaks === 0 || (crs === crlfs && crlfs === breaks),
    interiorBlank,
    trailingBlank,
    nul,
  };
}
