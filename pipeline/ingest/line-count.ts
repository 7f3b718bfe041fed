/**
 * Counts a file's physical lines (of its decompressed content) without parsing it: how the
 * loader knows, before numbering anything, whether every record sits on a line of its own.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { isGzip } from './read-file.js';

const LF = 0x0a;

/** Lines as an editor numbers them: a last line without a line break still counts. */
export async function countLines(path: string): Promise<number> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const content: Readable = isGzip(path) ? raw.pipe(createGunzip()) : raw;
  let breaks = 0;
  let bytes = 0;
  let last = LF;
  for await (const chunk of content) {
    const buffer = chunk as Buffer;
    if (buffer.length === 0) continue;
    bytes += buffer.length;
    for (let at = buffer.indexOf(LF); at !== -1; at = buffer.indexOf(LF, at + 1)) breaks += 1;
    last = buffer[buffer.length - 1] ?? LF;
  }
  if (bytes === 0) return 0;
  return last === LF ? breaks : breaks + 1;
}
