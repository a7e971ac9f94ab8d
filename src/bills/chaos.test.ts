import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../ledger/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { hasPg } from '../test-support/db.js';
import { eventually, fund, post, walletOf } from '../test-support/http.js';
import { registerUser, type TestUser, setTier } from '../test-support/users.js';
import { FAST_PROVIDER_ENV, vendCalls } from './testing.js';

const CHAOS_PAYMENTS = Number(process.env.CHAOS_PAYMENTS ?? 1000);

/** Runs fns with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

describe.skipIf(!hasPg())('bill payments under load and chaos (PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      'pg',
      { ...FAST_PROVIDER_ENV, DB_POOL_SIZE: '24' },
      { providers: true, worker: true },
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('500 concurrent payments from a wallet funded for 100: exactly 100 accepted, never negative', async () => {
    const u = await registerUser(t.app);
    const w = await walletOf(t.app, u);
    await setTier(t.testDb.db, u.id, 3); // 100 payments pass the tier-1 daily limit
    await fund(t.app, u, w.id, 100 * (100_000 + 10_000));
    const results = await Promise.all(
      Array.from({ length: 500 }, () =>
        post(t.app, u, '/v1/bill-payments', {
          walletId: w.id,
          billerId: 'ikeja-electric',
          productCode: 'prepaid',
          customerRef: '1111111111111',
          amount: 100_000,
        }),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 202)).toHaveLength(100);
    expect(
      results.filter((r) => r.statusCode === 422).every((r) => r.json().code === 'insufficient_funds'),
    ).toBe(true);
    expect(statuses.filter((s) => s === 422)).toHaveLength(400);
    const after = await walletOf(t.app, u);
    expect(after.available).toBe(0);
    await eventually(async () => (await walletOf(t.app, u)).held === 0, 30_000);
    expect((await walletOf(t.app, u)).balance).toBe(0);
  });

  it(`chaos: ${CHAOS_PAYMENTS} payments with 30% failures, 10% lost responses, 10% pending`, async () => {
    for (const sim of t.ctx.providers?.sims ?? [])
      sim.setKnobs({ failureRate: 0.3, lostResponseRate: 0.1, pendingRate: 0.1 });
    const users: { u: TestUser; wallet: string; deposited: number }[] = [];
    for (let i = 0; i < 10; i++) {
      const u = await registerUser(t.app);
      const wallet = (await walletOf(t.app, u)).id;
      await setTier(t.testDb.db, u.id, 3);
      await fund(t.app, u, wallet, 50_000_000);
      users.push({ u, wallet, deposited: 50_000_000 });
    }
    const ids: { id: string; owner: number }[] = [];
    const started = Date.now();
    await pool([...Array(CHAOS_PAYMENTS).keys()], 40, async (i) => {
      const owner = i % users.length;
      const { u, wallet } = users[owner]!;
      const customerRef = `7${String(randomInt(10 ** 9, 10 ** 10))}`; // 11 digits, outside the table
      const res = await post(t.app, u, '/v1/bill-payments', {
        walletId: wallet,
        billerId: 'ibadan-electric',
        productCode: 'prepaid',
        customerRef,
        amount: 50_000 + randomInt(0, 100) * 100,
      });
      expect(res.statusCode).toBe(202);
      ids.push({ id: res.json().id, owner });
    });
    const accepted = Date.now() - started;
    const finals = await eventually(
      async () => {
        const { rows } = await t.ctx.db.query<{ status: string; n: bigint }>(
          "SELECT status, count(*) AS n FROM bills.payments WHERE biller_id = 'ibadan-electric' GROUP BY status",
        );
        const open = rows.filter((r) => r.status === 'pending' || r.status === 'processing');
        return open.length === 0 && rows;
      },
      120_000,
      250,
    );
    const counts = Object.fromEntries(finals.map((r) => [r.status, Number(r.n)]));
    console.log(
      `[chaos] ${CHAOS_PAYMENTS} payments accepted in ${accepted} ms, all final after ${Date.now() - started} ms:`,
      counts,
    );
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(CHAOS_PAYMENTS);
    expect(counts.succeeded).toBeGreaterThan(CHAOS_PAYMENTS * 0.4);
    expect(counts.failed).toBeGreaterThan(CHAOS_PAYMENTS * 0.15);

    // Exactly one vend per provider reference.
    const { rows: refs } = await t.ctx.db.query<{ provider_ref: string }>(
      "SELECT provider_ref FROM bills.payments WHERE biller_id = 'ibadan-electric'",
    );
    for (const r of refs) expect(vendCalls(t.ctx, r.provider_ref)).toBe(1);

    // Each wallet: deposits minus succeeded payments and fees; nothing held outside needs_review.
    for (const [i, { u, wallet, deposited }] of users.entries()) {
      const { rows } = await t.ctx.db.query<{ spent: bigint | null; review: bigint | null }>(
        `SELECT sum(amount + fee) FILTER (WHERE status = 'succeeded') AS spent,
                sum(amount + fee) FILTER (WHERE status = 'needs_review') AS review
           FROM bills.payments WHERE wallet_id = $1`,
        [wallet],
      );
      const w = await walletOf(t.app, u);
      expect(w.balance, `wallet ${i}`).toBe(deposited - Number(rows[0]?.spent ?? 0n));
      expect(w.held, `wallet ${i}`).toBe(Number(rows[0]?.review ?? 0n));
    }
    const report = await runAudit(t.ctx.db);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    for (const sim of t.ctx.providers?.sims ?? [])
      sim.setKnobs({ failureRate: 0, lostResponseRate: 0, pendingRate: 0 });
  }, 180_000);
});
