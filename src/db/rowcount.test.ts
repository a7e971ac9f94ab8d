import { describe, expect, it } from 'vitest';
import { backends, createTestDb } from '../test-support/db.js';

describe.each(backends())('rowCount on %s', (backend) => {
  it('counts returned rows for SELECT and RETURNING, affected rows otherwise', async () => {
    const t = await createTestDb(backend);
    try {
      await t.db.exec('CREATE TABLE rc (n int)');
      expect((await t.db.query('INSERT INTO rc SELECT generate_series(1, 3)')).rowCount).toBe(3);
      expect((await t.db.query('SELECT n FROM rc')).rowCount).toBe(3);
      expect((await t.db.query('SELECT n FROM rc WHERE false')).rowCount).toBe(0);
      expect((await t.db.query('UPDATE rc SET n = n + 1 WHERE n > 1 RETURNING n')).rowCount).toBe(2);
      expect((await t.db.query('DELETE FROM rc WHERE n = 1')).rowCount).toBe(1);
    } finally {
      await t.drop();
    }
  });
});
