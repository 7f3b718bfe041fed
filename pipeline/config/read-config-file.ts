/**
 * Reading the config file as YAML, guarded: a file over MAX_CONFIG_BYTES is refused before it
 * is parsed, and YAML the parser stops on (a syntax error, a repeated key, aliases expanding
 * past its limit) is a bad config (ConfigError, exit 2), never an unexpected error.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { type Document, isNode, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { ConfigError } from '../../core/errors.js';

/**
 * A config is a few dozen lines: one over this is refused before it is parsed, since YAML
 * parsing slows with the square of a mapping's keys (90,000 keys took 115 s to refuse).
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export async function readConfigBytes(absolute: string): Promise<Buffer> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(absolute, 'r');
    // Read at most one byte past the limit: a device or a pipe has no size to ask first.
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        const { size } = await handle.stat();
        // A device or a pipe says size 0: then only that it is over.
        const is = size > MAX_CONFIG_BYTES ? `is ${megabytes(size)}, over` : 'is over';
        throw new ConfigError(
          [
            `${absolute}: the config file ${is} the limit of ${megabytes(MAX_CONFIG_BYTES)} for a config (a config is a few dozen lines)`,
          ],
          absolute,
        );
      }
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const what =
      code === 'ENOENT'
        ? 'config file not found (give --config <file>)'
        : code === 'EISDIR'
          ? 'is a folder, not a config file (give --config <file>)'
          : `cannot read the config file (${code ?? String(error)})`;
    throw new ConfigError([`${absolute}: ${what}`], absolute);
  } finally {
    await handle?.close();
  }
}

/**
 * YAML → plain JS; syntax errors (all of them) become `file:line:column: message`, and so does
 * a key given twice in one mapping. The parser's own check of repeated keys is quadratic in a
 * mapping's keys, so keys are checked here, in one pass.
 */
export function parseYaml(text: string, configPath: string): unknown {
  const lineCounter = new LineCounter();
  // Pin the YAML 1.2 core schema even under a `%YAML 1.1` directive: 1.1 would read
  // `E08000002` as a number, `2024-03-31` as a Date and `no` as false.
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    schema: 'core',
    uniqueKeys: false,
  });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${configPath}:${line}:${col}`;
  };
  const lines = doc.errors.map(
    (error) => `${at(error.pos[0])}: ${error.message.split('\n')[0] ?? error.message}`,
  );
  lines.push(...repeatedKeys(doc).map((offset) => `${at(offset)}: Map keys must be unique`));
  if (lines.length > 0) throw new ConfigError(lines, configPath);
  try {
    return doc.toJS() ?? {}; // an empty file validates as {}: every required key is reported
  } catch (error) {
    // Aliases that would expand past the parser's limit (a "billion laughs") stop here: the
    // config is bad, not sna.
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError([`${configPath}: cannot be read as YAML: ${reason}`], configPath);
  }
}

/** Where each key repeated within one mapping starts, in document order. */
function repeatedKeys(doc: Document): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        // Scalar keys by value (`a` and `"a"` are one key); a collection key is never equal.
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) offsets.push(isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0);
        seen.add(key);
      }
    },
  });
  return offsets;
}
