/**
 * Physical line numbers through each way the loader numbers records: every record on its own
 * line (with and without rows the CSV reader rejects, and with more such rows than are shifted
 * inline), and records spanning lines. Each good row's victim_ref is `V<its physical line>`, so
 * every loaded line can be checked against the file itself.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../core/database.js';
import { memoryLogger } from '../../../core/log.js';
import { SCHEMAS } from '../../../data/schemas/index.js';
import { run } from '../../../pipeline/index.js';
import {
  chooseNumbering,
  createInFileOrder,
  readCsvSql,
  storeBlankLines,
} from '../../../pipeline/ingest/line-numbers.js';
import type { FileToLoad } from '../../../pipeline/ingest/load-file.js';
import { matchColumns } from '../../../pipeline/ingest/match-columns.js';
import { typingSelect } from '../../../pipeline/ingest/typing-sql.js';
import { baseConfig, query, workspace, writeReference } from '../../helpers/workspace.js';

const HEADER = 'crime_ref,victim_ref,age,sex,ethnicity,notes';

/** Builds a victims file line by line; `good` rows carry their own line number. */
function victimsFile(kinds: ReadonlyArray<'good' | 'short' | 'bad_age' | 'multiline' | 'blank'>): {
  text: string;
  goodLines: number[];
  rejectLines: number[];
} {
  const lines = [HEADER];
  const goodLines: number[] = [];
  const rejectLines: number[] = [];
  for (const kind of kinds) {
    const at = lines.length + 1;
    if (kind === 'good') {
      lines.push(`C${at},V${at},30,F,W1,`);
      goodLines.push(at);
    } else if (kind === 'short') {
      lines.push(`C${at},V${at}`);
      rejectLines.push(at);
    } else if (kind === 'bad_age') {
      lines.push(`C${at},V${at},300,F,W1,`);
      rejectLines.push(at);
    } else if (kind === 'blank') {
      lines.push('');
    } else {
      // A note with two line breaks: the record takes three physical lines.
      lines.push(`C${at},V${at},30,M,W1,"first`, 'second', 'third"');
      goodLines.push(at);
    }
  }
  return { text: `${lines.join('\n')}\n`, goodLines, rejectLines };
}

async function ingestVictims(
  content: string | Buffer,
  name = 'victims.csv',
): Promise<{ loaded: Array<{ line: number; victim_ref: string }>; rejected: number[] }> {
  const ws = workspace();
  writeReference(ws);
  ws.write(`extracts/${name}`, content);
  ws.config(
    baseConfig(`  police_victims: extracts/${name}`, 'thresholds:\n  max_reject_pct: 100\n'),
  );
  await run(ws.path('sna.config.yaml'), { stages: ['ingest'], log: memoryLogger() });
  const db = ws.path('out/sna.duckdb');
  const loaded = await query<{ line: number; victim_ref: string }>(
    db,
    'SELECT line, victim_ref FROM raw_police__victims ORDER BY line',
  );
  const rejected = await query<{ line: number }>(
    db,
    `SELECT DISTINCT line FROM ingest_rejects WHERE source = 'police_victims' ORDER BY line`,
  );
  return { loaded, rejected: rejected.map((r) => r.line) };
}

const lineOf = (ref: string) => Number(ref.slice(1));

describe('physical line numbers of loaded and rejected rows', () => {
  it('numbers a file with every record on its own line and no reader rejects', async () => {
    const file = victimsFile(['good', 'good', 'bad_age', 'good', 'good']);
    const { loaded, rejected } = await ingestVictims(file.text);
    expect(loaded.map((r) => r.line)).toEqual(file.goodLines);
    for (const row of loaded) expect(row.line).toBe(lineOf(row.victim_ref));
    expect(rejected).toEqual(file.rejectLines);
  });

  it('shifts the rows after records the reader rejects (two in a row, one alone)', async () => {
    const file = victimsFile(['good', 'short', 'short', 'good', 'bad_age', 'short', 'good']);
    const { loaded, rejected } = await ingestVictims(file.text);
    expect(loaded.map((r) => r.line)).toEqual(file.goodLines);
    for (const row of loaded) expect(row.line).toBe(lineOf(row.victim_ref));
    expect(rejected).toEqual(file.rejectLines);
  });

  it('stays exact with more reader rejects than are shifted inline', async () => {
    const kinds = Array.from({ length: 500 }, (_, i) => (i % 2 === 0 ? 'short' : 'good'));
    const file = victimsFile(['good', ...kinds, 'good']);
    const { loaded, rejected } = await ingestVictims(file.text);
    expect(rejected).toHaveLength(250);
    expect(loaded.map((r) => r.line)).toEqual(file.goodLines);
    expect(rejected).toEqual(file.rejectLines);
  });

  it('counts the line breaks inside quoted fields, with reader rejects after them', async () => {
    const file = victimsFile([
      'good',
      'multiline',
      'short',
      'good',
      'multiline',
      'bad_age',
      'good',
    ]);
    const { loaded, rejected } = await ingestVictims(file.text);
    expect(loaded.map((r) => r.line)).toEqual(file.goodLines);
    expect(rejected).toEqual(file.rejectLines);
  });

  it('numbers a file with many blank lines exactly, with and without records spanning lines', async () => {
    // 3,000 records, a blank line after every other one (runs of two now and then), and 300
    // reader-rejected records: more shifts than are written inline.
    // Speed (numberLines alone, 100k records and 50k blank lines, 2 busy cores): 81 s when each
    // record counted the blanks above it (a join of every record with every blank), 0.37 s with
    // the ASOF joins.
    const kinds: Array<'good' | 'short' | 'bad_age' | 'multiline' | 'blank'> = [];
    for (let i = 0; i < 3000; i += 1) {
      kinds.push(i % 10 === 3 ? 'short' : i % 17 === 5 ? 'bad_age' : 'good');
      if (i % 2 === 1) kinds.push('blank');
      if (i % 50 === 7) kinds.push('blank');
    }
    const oneLine = victimsFile(kinds);
    const spanning = victimsFile(
      kinds.map((k, i) => (k === 'good' && i % 97 === 0 ? 'multiline' : k)),
    );
    for (const file of [oneLine, spanning]) {
      const { loaded, rejected } = await ingestVictims(file.text);
      expect(loaded.map((r) => r.line)).toEqual(file.goodLines);
      for (const row of loaded) expect(row.line).toBe(lineOf(row.victim_ref));
      expect(rejected).toEqual(file.rejectLines);
    }
  }, 60_000);

  it('numbers a .csv.gz by its content', async () => {
    const file = victimsFile(['good', 'short', 'good', 'multiline', 'good']);
    const { loaded, rejected } = await ingestVictims(gzipSync(file.text), 'victims.csv.gz');
    expect(loaded.map((r) => r.line)).toEqual(file.goodLines);
    expect(rejected).toEqual(file.rejectLines);
  });
});

describe('chooseNumbering', () => {
  const file = (text: string) => {
    const ws = workspace();
    const path = ws.write('f.csv', text);
    return { readPath: path, header: ['a', 'b'] } as unknown as FileToLoad;
  };
  const tableExists = async (db: Database, name: string) =>
    ((
      await db.one<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = '${name}'`,
      )
    )?.n ?? 0) > 0;
  const withStructural = async (recIdx: number[]) => {
    const db = await Database.open(':memory:');
    await db.run('CREATE TEMP TABLE load_structural (rec_idx BIGINT, raw_line VARCHAR)');
    for (const idx of recIdx) await db.run(`INSERT INTO load_structural VALUES (${idx}, 'x')`);
    return db;
  };

  it('numbers by position when the lines are one more than the records', async () => {
    const db = await withStructural([]);
    expect(await chooseNumbering(db, file('a,b\n1,2\n'), 3, 2)).toEqual({ kind: 'direct' });
    db.close();
  });

  it('shifts accepted rows past each reader-rejected record', async () => {
    // Records 1 and 2 (0-based) rejected, then record 5: accepted rows 1.. move down by 2, 3.. by 3.
    const db = await withStructural([1, 2, 5]);
    expect(await chooseNumbering(db, file('a,b\n'), 10, 6)).toEqual({
      kind: 'shifted',
      thresholds: [1, 1, 3],
    });
    db.close();
  });

  it('shifts accepted rows and reader-rejected records past blank lines when no record spans lines', async () => {
    // 1 header, 2 record 0, 3 blank, 4 record 1 (reader-rejected), 5 record 2, 6-7 blank, 8 record 3.
    const db = await withStructural([1]);
    await storeBlankLines(db, [
      { line: 3, unit: 3 },
      { line: 6, unit: 6 },
      { line: 7, unit: 7 },
    ]);
    const text = 'a,b\n1,2\n\nx\n3,4\n\n\n5,6\n';
    const numbering = await chooseNumbering(db, file(text), 5, 3, true);
    // Accepted rows 0, 1, 2 on lines 2, 5, 8; the rejected record on line 4.
    expect(numbering).toEqual({
      kind: 'shifted',
      thresholds: [1, 1, 2, 2],
      blankThresholds: [1, 3, 3],
    });
    expect(await tableExists(db, 'load_extra')).toBe(false);
    db.close();
  });

  it('numbers many blank lines from the accepted rows, without reading the file again', async () => {
    // 300 records, a blank line after each: record i on line 2 + 2i.
    const db = await withStructural([]);
    await db.run('CREATE TEMP TABLE load_typed AS SELECT range AS r FROM range(300)');
    await storeBlankLines(
      db,
      Array.from({ length: 300 }, (_, i) => ({ line: 3 + 2 * i, unit: 3 + 2 * i })),
    );
    const numbering = await chooseNumbering(db, file('a,b\n'), 301, 300, true);
    expect(numbering).toEqual({ kind: 'table' });
    expect(await tableExists(db, 'load_extra')).toBe(false);
    const lines = await db.all<{ rec: number; line: number }>(
      'SELECT rec::INTEGER AS rec, line::INTEGER AS line FROM load_lines ORDER BY rec',
    );
    expect(lines).toEqual(Array.from({ length: 300 }, (_, i) => ({ rec: i + 1, line: 2 + 2 * i })));
    db.close();
  });

  it('counts lines record by record when a record spans lines', async () => {
    const db = await withStructural([]);
    const text = 'a,b\n1,"x\ny"\n3,4\n';
    expect(await chooseNumbering(db, file(text), 4, 2)).toEqual({ kind: 'table' });
    const lines = await db.all<{ rec: number; line: number }>(
      'SELECT rec, line FROM load_lines ORDER BY rec',
    );
    expect(lines).toEqual([
      { rec: 1, line: 2 },
      { rec: 2, line: 4 },
    ]);
    db.close();
  });
});

describe('reading in file order', () => {
  const planOf = async (db: Database, select: string, params: Record<string, string>) =>
    JSON.stringify(await db.all(`EXPLAIN CREATE TEMP TABLE t AS ${select}`, params));

  it('types every source in a plan DuckDB runs in file order', async () => {
    const db = await Database.open(':memory:');
    for (const schema of Object.values(SCHEMAS)) {
      const header = schema.columns.map((c) => c.name);
      const ws = workspace();
      const path = ws.write('f.csv', `${header.join(',')}\n`);
      const { columns } = matchColumns(schema, header, {});
      const file = { header, columns } as unknown as FileToLoad;
      const select = typingSelect(columns, readCsvSql(file), { rawLine: 'c0' });
      const dated: Record<string, string> = select.includes('$date_format')
        ? { date_format: '%Y-%m-%d' }
        : {};
      const plan = await planOf(db, select, { path, ...dated });
      expect([schema.source, plan.includes('BATCH_CREATE_TABLE_AS')]).toEqual([
        schema.source,
        true,
      ]);
    }
    db.close();
  });

  it('runs a plan that would lose the order on one thread, then restores the threads', async () => {
    const db = await Database.open(':memory:');
    await db.run('SET threads = 2');
    const ws = workspace();
    const rows = Array.from({ length: 5000 }, (_, i) => `r${i},${i % 7}`);
    const path = ws.write('f.csv', `a,b\n${rows.join('\n')}\n`);
    const file = { header: ['a', 'b'] } as unknown as FileToLoad;
    // An IN list of this length becomes a join, which DuckDB cannot run in ordered batches.
    const values = Array.from({ length: 20 }, (_, i) => `'${i}'`).join(', ');
    const select = `SELECT c0, c1 IN (${values}) AS listed FROM ${readCsvSql(file)}`;
    expect(await planOf(db, select, { path })).not.toContain('BATCH_CREATE_TABLE_AS');
    await createInFileOrder(db, 'ordered', select, { path });
    const got = await db.all<{ c0: string }>('SELECT c0 FROM ordered ORDER BY rowid');
    expect(got.map((r) => r.c0)).toEqual(rows.map((r) => r.split(',')[0]));
    const threads = await db.one<{ n: number }>(`SELECT current_setting('threads') AS n`);
    expect(Number(threads?.n)).toBe(2);
    db.close();
  });
});
