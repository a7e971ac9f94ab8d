import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, hasPg, type TestDb } from '../test-support/db.js';
import { MAX_PREPARED_STATEMENTS } from './pg.js';

// PostgreSQL only: PGlite runs every statement unprepared.
describe.skipIf(!hasPg())('prepared statements on pg', () => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.drop({ skipAudit: true });
    t = undefined;
  });

  /** Statements this connection holds prepared, by text (a pool of one: always the same connection). */
  const prepared = async (db: TestDb['db'], text: string) =>
    Number(
      (
        await db.query<{ n: string }>(
          'SELECT count(*) AS n FROM pg_prepared_statements WHERE statement = $1',
          [text],
        )
      ).rows[0]?.n,
    );

  it('prepares a parameterised statement once per connection and reuses it', async () => {
    t = await createTestDb('pg', 1);
    const sql = 'SELECT $1::int + 1 AS n';
    expect((await t.db.query<{ n: number }>(sql, [1])).rows).toEqual([{ n: 2 }]);
    expect((await t.db.query<{ n: number }>(sql, [41])).rows).toEqual([{ n: 42 }]);
    expect(await prepared(t.db, sql)).toBe(1);
    // A statement without parameters runs unprepared.
    await t.db.query('SELECT 1 AS one');
    expect(await prepared(t.db, 'SELECT 1 AS one')).toBe(0);
  });

  it('keeps answering when a migration changes a table under a prepared SELECT *', async () => {
    t = await createTestDb('pg', 1);
    await t.db.exec('CREATE TABLE prep_t (id int PRIMARY KEY, a text); INSERT INTO prep_t VALUES (1, $$x$$)');
    const sql = 'SELECT * FROM prep_t WHERE id = $1';
    expect((await t.db.query(sql, [1])).rows).toEqual([{ id: 1, a: 'x' }]);
    await t.db.exec('ALTER TABLE prep_t ADD COLUMN b int NOT NULL DEFAULT 7');
    // PostgreSQL refuses the prepared plan ("cached plan must not change result type"); the statement runs unprepared.
    expect((await t.db.query(sql, [1])).rows).toEqual([{ id: 1, a: 'x', b: 7 }]);
    expect((await t.db.query(sql, [1])).rows).toEqual([{ id: 1, a: 'x', b: 7 }]);
  });

  it(`prepares at most ${MAX_PREPARED_STATEMENTS} distinct texts, then runs new ones unprepared`, async () => {
    t = await createTestDb('pg', 1);
    for (let k = 0; k < MAX_PREPARED_STATEMENTS + 5; k++) {
      expect((await t.db.query<{ n: number }>(`SELECT $1::int + ${k} AS n`, [1])).rows[0]?.n).toBe(1 + k);
    }
    const { rows } = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM pg_prepared_statements');
    // migrate() and the count query above took some of the names; none beyond the bound.
    expect(Number(rows[0]?.n)).toBe(MAX_PREPARED_STATEMENTS);
  });
});
