import { describe, expect, it } from 'vitest';
import { Database } from '../../../core/database.js';

describe('Database.transaction', () => {
  it('rolls back everything when the work fails, and rethrows the work’s error', async () => {
    const db = await Database.open(':memory:');
    try {
      await db.run('CREATE TABLE t (x INTEGER)');
      await expect(
        db.transaction(async () => {
          await db.run('INSERT INTO t VALUES (1)');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await db.all('SELECT * FROM t')).toEqual([]);
      // The connection is usable again: no transaction was left open.
      await db.transaction(() => db.run('INSERT INTO t VALUES (2)'));
      expect(await db.all('SELECT x FROM t')).toEqual([{ x: 2 }]);
    } finally {
      db.close();
    }
  });
});
