/**
 * Deposits are never stuck: a paid checkout whose webhook was lost is found by
 * the gateway's transaction verify (over real HTTP to the Paystack simulator)
 * and credited exactly once, however many verifies race and whenever the
 * webhook turns up; an unknown checkout is failed only after the abandon window.
 */
import client from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { hasPg } from '../test-support/db.js';
import { get, post, walletOf } from '../test-support/http.js';
import { registerUser, setTier, type TestUser } from '../test-support/users.js';
import { verifyPendingDeposits } from './deposit-verify.js';
import { sandboxChargeEvent, signWebhook } from './gateway.js';

async function counter(name: string, labels?: Record<string, string>): Promise<number> {
  const metric = (await client.register.getMetricsAsJSON()).find((m) => m.name === name);
  const values = (metric?.values ?? []) as { value: number; labels: Record<string, string> }[];
  return values
    .filter((v) => !labels || Object.entries(labels).every(([k, l]) => v.labels[k] === l))
    .reduce((sum, v) => sum + v.value, 0);
}

describe.skipIf(!hasPg())('stuck deposits verified with the gateway on pg', () => {
  let t: TestApp;
  let alice: TestUser;
  let walletId: string;
  beforeAll(async () => {
    t = await createTestApp('pg', {}, { worker: true });
    alice = await registerUser(t.app);
    await setTier(t.ctx.db, alice.id, 3);
    walletId = (await walletOf(t.app, alice)).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function deposit(amount: number) {
    const res = await post(t.app, alice, `/v1/wallets/${walletId}/deposits`, { amount });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; reference: string; checkoutUrl: string };
  }

  const balance = async () => (await walletOf(t.app, alice)).balance;
  const statusOf = async (id: string) => (await get(t.app, alice, `/v1/deposits/${id}`)).json().status;

  it('a paid checkout whose webhook was lost is credited once by two concurrent verifies; the late webhook is a duplicate', async () => {
    const before = await balance();
    const d = await deposit(250_000);
    const paid = await t.app.inject({
      method: 'POST',
      url: new URL(d.checkoutUrl).pathname,
      payload: { outcome: 'success', webhook: 'lose' },
    });
    expect(paid.json()).toMatchObject({ outcome: 'success', webhook: 'lost' });
    expect(await statusOf(d.id)).toBe('pending');
    expect(await balance()).toBe(before);

    const credited = await counter('vendra_deposits_credited_without_webhook_total');
    // Two workers verify at once: the deposit row lock lets one settle it, the other sees it settled.
    const runs = await Promise.all([
      verifyPendingDeposits(t.ctx, { olderThanMs: 0 }),
      verifyPendingDeposits(t.ctx, { olderThanMs: 0 }),
    ]);
    expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await statusOf(d.id)).toBe('succeeded');
    expect(await balance()).toBe(before + 250_000);
    expect(await counter('vendra_deposits_credited_without_webhook_total')).toBe(credited + 1);

    // The webhook arrives late, signed: nothing moves again.
    const raw = JSON.stringify(
      sandboxChargeEvent('success', {
        reference: d.reference,
        amount: 250_000n,
        currency: 'NGN',
        email: 'x@y.z',
      }),
    );
    const late = await t.app.inject({
      method: 'POST',
      url: '/v1/webhooks/gateway',
      headers: {
        'content-type': 'application/json',
        'x-paystack-signature': signWebhook(t.ctx.config.gatewaySecret, raw),
      },
      payload: raw,
    });
    expect(late.json()).toMatchObject({ received: true, outcome: 'duplicate' });
    // And a third verify finds nothing pending to ask about.
    expect(await verifyPendingDeposits(t.ctx, { olderThanMs: 0 })).toBe(0);
    expect(await balance()).toBe(before + 250_000);
    const { rows } = await t.ctx.db.query<{ n: bigint }>(
      `SELECT count(DISTINCT transaction_id) AS n FROM ledger.postings WHERE account_id = $1 AND side = 'C' AND amount = 250000`,
      [walletId],
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it('a failed checkout whose webhook was lost is failed by verify, nothing credited', async () => {
    const before = await balance();
    const d = await deposit(10_000);
    await t.app.inject({
      method: 'POST',
      url: new URL(d.checkoutUrl).pathname,
      payload: { outcome: 'failed', webhook: 'lose' },
    });
    await verifyPendingDeposits(t.ctx, { olderThanMs: 0 });
    expect(await statusOf(d.id)).toBe('failed');
    expect(await balance()).toBe(before);
  });

  it('a checkout the gateway never heard of stays pending until the abandon window, then fails', async () => {
    const d = await deposit(20_000);
    const abandoned = await counter('vendra_deposit_verifications_total', { outcome: 'abandoned' });
    await verifyPendingDeposits(t.ctx, { olderThanMs: 0, abandonAfterMs: 3_600_000 });
    expect(await statusOf(d.id)).toBe('pending');
    // Asked again only after its backoff, not on every scan.
    const { rows } = await t.ctx.db.query<{ verify_attempts: number; later: boolean }>(
      'SELECT verify_attempts, next_verify_at > now() AS later FROM wallets.deposits WHERE id = $1',
      [d.id],
    );
    expect(rows[0]).toEqual({ verify_attempts: 1, later: true });
    expect(await verifyPendingDeposits(t.ctx, { olderThanMs: 0 })).toBe(0);

    await t.ctx.db.query('UPDATE wallets.deposits SET next_verify_at = NULL WHERE id = $1', [d.id]);
    await verifyPendingDeposits(t.ctx, { olderThanMs: 0, abandonAfterMs: 60_000 }); // still too young
    expect(await statusOf(d.id)).toBe('pending');
    await t.ctx.db.query(
      `UPDATE wallets.deposits SET next_verify_at = NULL, created_at = now() - interval '2 minutes' WHERE id = $1`,
      [d.id],
    );
    await verifyPendingDeposits(t.ctx, { olderThanMs: 0, abandonAfterMs: 60_000 });
    expect(await statusOf(d.id)).toBe('failed');
    expect(await counter('vendra_deposit_verifications_total', { outcome: 'abandoned' })).toBe(abandoned + 1);

    // The person pays after all and the gateway says so: the money is captured, so it is credited, once.
    const before = await balance();
    const raw = JSON.stringify(
      sandboxChargeEvent('success', {
        reference: d.reference,
        amount: 20_000n,
        currency: 'NGN',
        email: 'x@y.z',
      }),
    );
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/v1/webhooks/gateway',
        headers: {
          'content-type': 'application/json',
          'x-paystack-signature': signWebhook(t.ctx.config.gatewaySecret, raw),
        },
        payload: raw,
      });
    const outcomes = (await Promise.all([send(), send(), send()])).map((r) => r.json().outcome).sort();
    expect(outcomes).toEqual(['credited', 'duplicate', 'duplicate']);
    expect(await statusOf(d.id)).toBe('succeeded');
    expect(await balance()).toBe(before + 20_000);
  });

  it('a deposit younger than the checkout window is not asked about', async () => {
    const d = await deposit(30_000);
    const n = await verifyPendingDeposits(t.ctx, { olderThanMs: 60_000 });
    expect(n).toBe(0);
    expect(await statusOf(d.id)).toBe('pending');
  });
});
