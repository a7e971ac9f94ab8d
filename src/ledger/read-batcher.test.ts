import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { backends, createTestDb, type TestDb } from '../test-support/db.js';
import { createAccountReader, getBalance } from './index.js';
import { makeSource, makeWallet, transfer } from './testing.js';

/** Counts the statements that reach the database. */
function counting(db: Queryable): Queryable & { statements: number } {
  const counted = {
    statements: 0,
    query: (async (sql: string, params?: readonly unknown[]) => {
      counted.statements += 1;
      return db.query(sql, params);
    }) as Queryable['query'],
    exec: (sql: string) => db.exec(sql),
  };
  return counted;
}

describe.each(backends())('account reader (%s)', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(backend, 4);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('answers reads of the same turn with one statement, each with its own account and exact balance', async () => {
    const src = await makeSource(t.db);
    const wallets = await Promise.all([makeWallet(t.db), makeWallet(t.db), makeWallet(t.db)]);
    await transfer(t.db, src.id, wallets[0]!.id, 700n);
    await transfer(t.db, src.id, wallets[1]!.id, 25n);
    const db = counting(t.db);
    const reader = createAccountReader(db);
    const unknown = uuidv7();
    const reads = await Promise.all([
      ...wallets.map((w) => reader.read(w.id)),
      reader.read(wallets[0]!.id.toUpperCase()),
      reader.read(unknown),
      reader.read('not-a-uuid'),
    ]);
    expect(db.statements).toBe(1);
    expect(reads.map((r) => r?.balance.posted)).toEqual([700n, 25n, 0n, 700n, undefined, undefined]);
    expect(reads[0]?.account).toMatchObject({ id: wallets[0]!.id, type: 'user_wallet', currency: 'NGN' });
    expect(reads[0]?.balance).toEqual(await getBalance(t.db, wallets[0]!.id));
    expect(reader.stats()).toMatchObject({ statements: 1, reads: 5, inFlight: 0, queued: 0 });
  });

  it('reads after a write see the write (nothing is cached)', async () => {
    const src = await makeSource(t.db);
    const wallet = await makeWallet(t.db);
    const reader = createAccountReader(t.db);
    expect((await reader.read(wallet.id))?.balance.posted).toBe(0n);
    await transfer(t.db, src.id, wallet.id, 42n);
    expect((await reader.read(wallet.id))?.balance.posted).toBe(42n);
  });

  it('splits past maxItems, queues past maxInFlight, and refuses past maxQueued waiting reads', async () => {
    const wallets = await Promise.all(Array.from({ length: 5 }, () => makeWallet(t.db)));
    const db = counting(t.db);
    const reader = createAccountReader(db, { maxItems: 2, maxInFlight: 1, maxQueued: 2 });
    // The second read fills a statement, which goes at once; the next two wait for it.
    const reads = wallets.slice(0, 4).map((w) => reader.read(w.id));
    const refused = await reader.read(wallets[4]!.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 503, code: 'overloaded' });
    expect((await Promise.all(reads)).map((r) => r?.account.id)).toEqual(
      wallets.slice(0, 4).map((w) => w.id),
    );
    expect(db.statements).toBe(2);
    expect(reader.stats()).toMatchObject({ statements: 2, reads: 4, inFlight: 0, queued: 0 });
  });

  it('fails every read of a statement that fails, and serves the next ones', async () => {
    const wallet = await makeWallet(t.db);
    let fail = true;
    const flaky: Queryable = {
      query: (async (sql: string, params?: readonly unknown[]) => {
        if (fail) throw new Error('connection lost');
        return t.db.query(sql, params);
      }) as Queryable['query'],
      exec: (sql) => t.db.exec(sql),
    };
    const reader = createAccountReader(flaky);
    const failed = await Promise.allSettled([reader.read(wallet.id), reader.read(wallet.id)]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect((await reader.read(wallet.id))?.account.id).toBe(wallet.id);
  });
});
