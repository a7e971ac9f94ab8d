import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/index.js';
import { createTestDb, type TestDb } from '../test-support/db.js';
import { createLedgerBatcher, getBalance } from './index.js';
import { legs, makeSource, makeWallet } from './testing.js';

describe('ledger batcher queue bound', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('pglite', 2);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('refuses items past maxQueued with 503 overloaded and Retry-After, and accepts again once drained', async () => {
    const src = await makeSource(t.db);
    const wallet = await makeWallet(t.db);
    // A long window keeps the first items queued while the next arrive.
    const batcher = createLedgerBatcher(t.db, { windowMs: 200, maxItems: 500, maxInFlight: 1, maxQueued: 3 });
    const item = (amount: bigint) => ({
      id: uuidv7(),
      kind: 'transfer' as const,
      currency: 'NGN',
      legs: legs(src.id, wallet.id, amount),
    });
    const accepted = [batcher.submit(item(1n)), batcher.submit(item(2n))];
    // A chain that does not fit is refused whole, even though one item would.
    const chain = batcher.submitChain([item(100n), item(200n)]);
    accepted.push(batcher.submit(item(4n)));
    const excess = batcher.submit(item(1000n));
    for (const refused of [chain, excess]) {
      const error = await refused.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 503, code: 'overloaded', headers: { 'retry-after': '1' } });
    }
    expect(batcher.stats().queued).toBe(3);

    expect((await Promise.all(accepted)).map((r) => r.code)).toEqual(['ok', 'ok', 'ok']);
    expect(batcher.stats().queued).toBe(0);
    // Drained: new work is accepted again, up to the bound.
    const again = await Promise.all([batcher.submit(item(8n)), batcher.submitChain([item(16n), item(32n)])]);
    expect(again.flat().map((r) => r.code)).toEqual(['ok', 'ok', 'ok']);
    await batcher.close();
    // Only accepted items moved money: 1 + 2 + 4 + 8 + 16 + 32.
    expect((await t.db.transaction((tx) => getBalance(tx, wallet.id)))?.posted).toBe(63n);
  });
});
