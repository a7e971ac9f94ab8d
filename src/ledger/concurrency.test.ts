import client from 'prom-client';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, hasPg, type TestDb } from '../test-support/db.js';
import { createLedgerBatcher, createTransactions, getBalances, runAudit } from './index.js';
import { legs, makeSource, makeWallet, transfer } from './testing.js';

/** Real concurrency needs real connections: these run on PostgreSQL only. */
describe.skipIf(!hasPg())('ledger concurrency on PostgreSQL', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('pg', 60);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('50 connections of random transfers among 100 wallets conserve money (the bank test)', async () => {
    const src = await makeSource(t.db);
    const wallets = await Promise.all(Array.from({ length: 100 }, () => makeWallet(t.db)));
    const ids = wallets.map((w) => w.id);
    for (const id of ids) await transfer(t.db, src.id, id, 10_000n);
    const total = 100n * 10_000n;
    let ok = 0;
    let refused = 0;
    let snapshots = 0;
    const deadline = Date.now() + 4_000;
    const workers = Array.from({ length: 50 }, async (_, w) => {
      while (Date.now() < deadline) {
        if (w % 10 === 0) {
          // A reader: every snapshot of all balances sums to the total and none is negative.
          const balances = await t.db.transaction((tx) => getBalances(tx, ids), {
            isolation: 'repeatable read',
          });
          let sum = 0n;
          for (const b of balances.values()) {
            expect(b.available >= 0n).toBe(true);
            sum += b.posted;
          }
          expect(sum).toBe(total);
          snapshots++;
          continue;
        }
        const batch = Array.from({ length: 1 + (w % 4) }, () => {
          const from = ids[Math.floor(Math.random() * ids.length)] as string;
          let to = ids[Math.floor(Math.random() * ids.length)] as string;
          while (to === from) to = ids[Math.floor(Math.random() * ids.length)] as string;
          return {
            id: uuidv7(),
            kind: 'transfer' as const,
            currency: 'NGN',
            legs: legs(from, to, BigInt(1 + Math.floor(Math.random() * 3000))),
          };
        });
        const results = await t.db.transaction((tx) => createTransactions(tx, batch));
        for (const r of results) {
          if (r.ok) ok++;
          else if (r.code === 'insufficient_funds') refused++;
          else throw new Error(`unexpected ${r.code}`);
        }
      }
    });
    await Promise.all(workers);
    const balances = await t.db.transaction((tx) => getBalances(tx, ids));
    const sum = [...balances.values()].reduce((s, b) => s + b.posted, 0n);
    expect(sum).toBe(total);
    expect(ok).toBeGreaterThan(500);
    expect(snapshots).toBeGreaterThan(10);
    console.log(
      `[bank test] ${ok} transfers, ${refused} refused for funds, ${snapshots} consistent snapshots`,
    );
    const report = await runAudit(t.db);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('500 concurrent debits of 1.00 against 100.00: exactly 100 succeed, never negative', async () => {
    const src = await makeSource(t.db);
    const wallet = await makeWallet(t.db);
    const sink = await makeWallet(t.db);
    await transfer(t.db, src.id, wallet.id, 100_00n);
    const batcher = createLedgerBatcher(t.db, { windowMs: 1, maxItems: 64, maxInFlight: 4 });
    // Half go straight to the database on their own connections, half through the batcher.
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        i % 2 === 0
          ? transfer(t.db, wallet.id, sink.id, 1_00n)
          : batcher.submit({
              id: uuidv7(),
              kind: 'transfer',
              currency: 'NGN',
              legs: legs(wallet.id, sink.id, 1_00n),
            }),
      ),
    );
    await batcher.close();
    expect(results.filter((r) => r.ok)).toHaveLength(100);
    expect(results.filter((r) => !r.ok).every((r) => r.code === 'insufficient_funds')).toBe(true);
    const b = await t.db.transaction((tx) => getBalances(tx, [wallet.id, sink.id]));
    expect(b.get(wallet.id)?.posted).toBe(0n);
    expect(b.get(sink.id)?.posted).toBe(100_00n);
  });

  it('the same id 20 times at once gives one transaction and the same answer to all', async () => {
    const src = await makeSource(t.db);
    const a = await makeWallet(t.db);
    const b = await makeWallet(t.db);
    await transfer(t.db, src.id, a.id, 1_000n);
    const id = uuidv7();
    const batcher = createLedgerBatcher(t.db, { windowMs: 1, maxItems: 64, maxInFlight: 4 });
    const item = { id, kind: 'transfer' as const, currency: 'NGN', legs: legs(a.id, b.id, 300n) };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0 ? transfer(t.db, a.id, b.id, 300n, 'NGN', id) : batcher.submit(item),
      ),
    );
    await batcher.close();
    expect(results.every((r) => r.ok && r.code === 'ok')).toBe(true);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const bal = await t.db.transaction((tx) => getBalances(tx, [a.id]));
    expect(bal.get(a.id)?.posted).toBe(700n);
    const { rows } = await t.db.query<{ n: bigint }>(
      'SELECT count(*) AS n FROM ledger.postings WHERE transaction_id = $1',
      [id],
    );
    expect(rows[0]?.n).toBe(2n);
  });

  it('batches contending for one wallet wait for each other and stay on the set-based path', async () => {
    const paths = async () => {
      const metric = client.register.getSingleMetric('vendra_ledger_batches_total') as client.Counter;
      const values = (await metric.get()).values;
      const of = (path: string) => values.find((v) => v.labels.path === path)?.value ?? 0;
      return { set: of('set'), exact: of('exact') };
    };
    const src = await makeSource(t.db);
    const hot = await makeWallet(t.db);
    const others = await Promise.all(Array.from({ length: 20 }, () => makeWallet(t.db)));
    await transfer(t.db, src.id, hot.id, 1_000_000n);
    const before = await paths();
    const batch = () =>
      t.db.transaction((tx) =>
        createTransactions(
          tx,
          others.map((o) => ({
            id: uuidv7(),
            kind: 'transfer' as const,
            currency: 'NGN',
            legs: legs(hot.id, o.id, 7n),
          })),
        ),
      );
    for (let round = 0; round < 10; round++) {
      const results = await Promise.all([batch(), batch(), batch(), batch()]);
      expect(results.flat().every((r) => r.ok)).toBe(true);
    }
    const after = await paths();
    // Each batch waited for the one ahead of it on the wallet's row and was then
    // applied whole: none fell back to deciding item by item.
    expect(after.set - before.set).toBe(40);
    expect(after.exact - before.exact).toBe(0);
    const balances = await t.db.transaction((tx) => getBalances(tx, [hot.id]));
    expect(balances.get(hot.id)?.posted).toBe(1_000_000n - 40n * 20n * 7n);
  });

  it('hot system accounts take concurrent credits without losing any', async () => {
    const src = await makeSource(t.db);
    const hot = await makeSource(t.db);
    const wallets = await Promise.all(Array.from({ length: 20 }, () => makeWallet(t.db)));
    for (const w of wallets) await transfer(t.db, src.id, w.id, 10_000n);
    const batcher = createLedgerBatcher(t.db, { windowMs: 1, maxItems: 100, maxInFlight: 4 });
    const n = 2_000;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => {
        const item = {
          id: uuidv7(),
          kind: 'transfer' as const,
          currency: 'NGN',
          legs: legs((wallets[i % 20] as { id: string }).id, hot.id, 3n),
        };
        return i % 4 === 0
          ? t.db.transaction((tx) => createTransactions(tx, [item])).then((r) => r[0]!)
          : batcher.submit(item);
      }),
    );
    await batcher.close();
    expect(results.every((r) => r.ok)).toBe(true);
    const b = await t.db.transaction((tx) => getBalances(tx, [hot.id]));
    expect(b.get(hot.id)?.posted).toBe(BigInt(n) * 3n);
    const { rows } = await t.db.query<{ n: bigint }>(
      'SELECT count(*) AS n FROM ledger.balances WHERE account_id = $1',
      [hot.id],
    );
    expect(rows[0]!.n > 1n).toBe(true); // spread over buckets
    expect((await runAudit(t.db)).ok).toBe(true);
  });
});
