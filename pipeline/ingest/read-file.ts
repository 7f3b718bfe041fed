/**
 * File-level reading that DuckDB cannot do for us: the sha256 of the file as stored, its
 * header row, and Windows-1252 → UTF-8 transcoding (DuckDB's CSV reader lacks that encoding
 * offline). Rows themselves are never parsed here.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { Encoding } from '../../core/config.js';
import { InputError } from '../../core/errors.js';

/** Largest header we look for; a file whose first line is longer is not a CSV we can read. */
const HEADER_PROBE_BYTES = 1 << 20;
/**
 * What is read first: a header is a few hundred bytes, and reading and decoding 1 MB of each of a
 * national year's 444 files cost 2 s. Only a file with no line break this early is read to 1 MB.
 */
const FIRST_PROBE_BYTES = 1 << 16;

export const isGzip = (path: string) => path.toLowerCase().endsWith('.gz');

/** Hashes already taken in this process, by path, with the file's identity when hashed. */
const hashed = new Map<string, { identity: string; sha256: string }>();

/**
 * Hashes kept across runs in a file beside the database: a nightly run with nothing new would
 * otherwise read every input through (a national year of police.uk files is 850 MB, 2 s).
 * An entry is used only while the file's identity (inode, size, modification and change
 * times) is the one it was hashed at; the change time moves on any write, and no tool sets it.
 */
export async function rememberHashes(cachePath: string): Promise<void> {
  try {
    const saved = JSON.parse(await readFile(cachePath, 'utf8')) as {
      files?: Record<string, { identity: string; sha256: string }>;
    };
    for (const [path, entry] of Object.entries(saved.files ?? {})) {
      if (!hashed.has(path)) hashed.set(path, entry);
    }
  } catch {
    // No cache yet, or one that cannot be read: every file is hashed, as without one.
  }
}

/** Where the hashes are kept: beside the database. */
export const hashCachePath = (config: { database: string }) => `${config.database}.sha256.json`;

/** Writes the hashes of the files `paths` names (those taken or remembered) for the next run. */
export async function saveHashes(cachePath: string, paths: Iterable<string>): Promise<void> {
  const files: Record<string, { identity: string; sha256: string }> = {};
  for (const path of paths) {
    const entry = hashed.get(path);
    if (entry) files[path] = entry;
  }
  const temporary = `${cachePath}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify({ files }));
  await rename(temporary, cachePath);
}

/**
 * Hex sha256 of the file's bytes as stored (compressed files are hashed compressed). A run
 * hashes every input twice (the nightly up-to-date check, then ingest): the second time is
 * answered from memory while the file's size, inode and modification times are unchanged.
 */
export async function sha256File(path: string): Promise<string> {
  const before = await stat(path);
  const identity = `${before.ino}:${before.size}:${before.mtimeMs}:${before.ctimeMs}`;
  const known = hashed.get(path);
  if (known?.identity === identity) return known.sha256;
  const hash = createHash('sha256');
  // 1 MB reads: with the default 64 kB a national year hashed in 1.9 s, with these in 1.4 s.
  await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), hash);
  const sha256 = hash.digest('hex');
  hashed.set(path, { identity, sha256 });
  return sha256;
}

/** The file's decompressed content as a stream. */
function contentStream(path: string): Readable {
  const raw = createReadStream(path);
  return isGzip(path) ? raw.pipe(createGunzip()) : raw;
}

/** The first `limit` bytes of the (decompressed) content. */
async function probeBytes(path: string, limit: number): Promise<Buffer> {
  if (!isGzip(path)) {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(limit);
      const { bytesRead } = await handle.read(buffer, 0, limit, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of contentStream(path)) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size >= limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

/** The content's first bytes: enough to hold the first line break, or 1 MB without one. */
async function probe(path: string): Promise<Buffer> {
  const first = await probeBytes(path, FIRST_PROBE_BYTES);
  if (first.includes(0x0a) || first.length < FIRST_PROBE_BYTES) return first;
  return probeBytes(path, HEADER_PROBE_BYTES);
}

/** Reads and parses the header row, stripping a UTF-8 BOM. */
export async function readHeader(path: string, encoding: Encoding): Promise<string[]> {
  let bytes: Buffer;
  try {
    bytes = await probe(path);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (isGzip(path)) throw gzipError(path, why);
    throw new InputError(`cannot read the file: ${why}`, { file: path });
  }
  if (bytes.length === 0) throw new InputError('the file is empty (no header row)', { file: path });
  // Excel's "Unicode text" is UTF-16 with a byte-order mark; its NUL bytes would say "binary".
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError('the file is UTF-16 text, which sna does not read: save it as CSV UTF-8', {
      file: path,
    });
  }
  if (bytes.includes(0)) {
    throw new InputError('not a text CSV file (it contains binary NUL bytes)', { file: path });
  }
  // Only the first line is decoded: the rest of the probe is rows, which DuckDB reads.
  const lineFeed = bytes.indexOf(0x0a);
  const text = new TextDecoder(encoding === 'windows-1252' ? 'windows-1252' : 'utf-8').decode(
    lineFeed < 0 ? bytes : bytes.subarray(0, lineFeed + 1),
  );
  const end = text.search(/\r?\n/);
  if (end < 0 && bytes.length >= HEADER_PROBE_BYTES) {
    throw new InputError('no header row found in the first 1 MB', { file: path });
  }
  const firstLine = (end < 0 ? text : text.slice(0, end)).replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(firstLine, { relax_quotes: true }) as string[][];
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError(`cannot parse the header row: ${why}`, { file: path, line: 1 });
  }
  const header = records[0];
  if (!header || header.every((h) => h.trim() === '')) {
    throw new InputError('the header row is blank', { file: path, line: 1 });
  }
  return header;
}

/**
 * Reads a gzip file to its end: DuckDB reads a truncated one (a half-copied download) as
 * far as it goes without a word, so a cut-off file must be caught before it is loaded.
 */
export async function checkGzipWhole(path: string): Promise<void> {
  try {
    await pipeline(
      contentStream(path),
      new Writable({ write: (_chunk, _encoding, done) => done() }),
    );
  } catch (error) {
    throw gzipError(path, error instanceof Error ? error.message : String(error));
  }
}

/** zlib's complaint about a .gz file, said in the user's terms. */
function gzipError(path: string, why: string): InputError {
  const message = /unexpected end of file/i.test(why)
    ? `cannot read the file: the gzip data is damaged or cut short (${why})`
    : `cannot read the file as gzip (its name ends .gz): ${why}`;
  return new InputError(message, { file: path });
}

/**
 * Writes a UTF-8 copy of a Windows-1252 file to a temporary folder and returns its path.
 * Line breaks are untouched, so physical line numbers stay the same.
 */
export async function transcodeToUtf8(path: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sna-transcode-'));
  const target = join(dir, basename(path).replace(/\.gz$/i, ''));
  const decoder = new TextDecoder('windows-1252');
  const transcode = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      // Windows-1252 is single-byte, so chunk boundaries never split a character.
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
    },
  });
  await pipeline(contentStream(path), transcode, createWriteStream(target));
  return target;
}
