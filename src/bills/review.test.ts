/**
 * Operators resolve only what the machine could not, and never against the
 * provider's word: only needs_review payments, requeried first; the change
 * and its audit record commit together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, type TestUser } from '../test-support/users.js';
import { ensureWallet } from '../wallets/index.js';
import { vendTimingFromConfig } from './consumers.js';
import { resolvePayment } from './review.js';
import { FAST_PROVIDER_ENV } from './testing.js';
import { runVend } from './vend.js';

const PENDING_MS = 2_500;

describe.each(backends())('operator resolve on %s', (backend) => {
  let t: TestApp;
  let user: TestUser;
  let operator: TestUser;
  let walletId: string;
  beforeAll(async () => {
    // No worker: the test moves each payment through the state machine itself.
    t = await createTestApp(
      backend,
      { ...FAST_PROVIDER_ENV, PROVIDER_SIM_PENDING_MS: String(PENDING_MS) },
      { providers: true },
    );
    user = await registerUser(t.app);
    operator = await registerStaff(t.app, t.ctx.db, 'operator');
    await t.ctx.db.transaction((tx) => ensureWallet(tx, user.id, 'NGN'));
    walletId = (await walletOf(t.app, user)).id;
    await fund(t.app, user, walletId, 10_000_000);
  });
  afterAll(async () => {
    await t.close();
  });

  const timing = () => ({ ...vendTimingFromConfig(t.ctx.config), resolveLimitMs: 0 });

  async function accepted(customerRef: string) {
    const res = await post(t.app, user, '/v1/bill-payments', {
      walletId,
      billerId: 'ikeja-electric',
      productCode: 'prepaid',
      customerRef,
      amount: 100_000,
    });
    expect(res.statusCode).toBe(202);
    return res.json().id as string;
  }

  /** Sent, then (on the first requery past a zero resolve limit) needs_review. */
  async function needsReview(customerRef: string) {
    const id = await accepted(customerRef);
    await runVend(t.ctx, timing(), id, 1);
    await new Promise((r) => setTimeout(r, 5));
    await runVend(t.ctx, timing(), id, 2);
    expect((await payment(id)).status).toBe('needs_review');
    return id;
  }

  const payment = async (id: string) => (await get(t.app, user, `/v1/bill-payments/${id}`)).json();
  const resolve = (id: string, body: Record<string, unknown>) =>
    post(t.app, operator, `/v1/admin/bill-payments/${id}/resolve`, body, null);
  const auditCount = async (id: string) =>
    (
      await t.ctx.db.query<{ n: bigint }>(
        "SELECT count(*) AS n FROM identity.audit_log WHERE target_type = 'bill_payment' AND target_id = $1",
        [id],
      )
    ).rows[0]?.n;

  it('refuses a payment still processing: only needs_review can be resolved', async () => {
    const id = await accepted('201000000000');
    await runVend(t.ctx, { ...timing(), resolveLimitMs: 60_000 }, id, 1);
    expect((await payment(id)).status).toBe('processing');
    const held = (await walletOf(t.app, user)).held;
    const res = await resolve(id, { action: 'refund', reason: 'customer called' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'not_resolvable']);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await payment(id)).status).toBe('processing');
    expect((await walletOf(t.app, user)).held).toBe(held);
    expect(await auditCount(id)).toBe(0n);
  });

  it('requeries first: pending at the provider is 409 provider_not_final; delivered refuses a refund and resolves as delivered', async () => {
    const id = await needsReview('201000000000');
    const held = (await walletOf(t.app, user)).held;
    const pending = await resolve(id, { action: 'refund', reason: 'looks stuck' });
    expect(pending.statusCode).toBe(409);
    expect(pending.json()).toMatchObject({ code: 'provider_not_final', providerStatus: 'pending' });
    expect((await payment(id)).status).toBe('needs_review');
    expect((await walletOf(t.app, user)).held).toBe(held);

    await new Promise((r) => setTimeout(r, PENDING_MS + 200)); // the provider delivers
    const delivered = await resolve(id, { action: 'refund', reason: 'looks stuck' });
    expect(delivered.statusCode).toBe(409);
    expect(delivered.json()).toMatchObject({
      code: 'provider_not_final',
      providerStatus: 'delivered',
      providerCode: '000',
      resolveAs: 'delivered',
    });
    expect((await payment(id)).status).toBe('needs_review');
    expect(await auditCount(id)).toBe(0n);

    const ok = await resolve(id, { action: 'delivered', reason: 'provider confirms delivery' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'succeeded', token: expect.stringMatching(/^\d{20}$/) });
    expect(await auditCount(id)).toBe(1n);
  });

  it('refunds what the provider never received, with its audit record', async () => {
    const id = await needsReview('400000000000');
    const before = await walletOf(t.app, user);
    const res = await resolve(id, { action: 'refund', reason: 'provider has no such request' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('failed');
    expect(await walletOf(t.app, user)).toMatchObject({
      balance: before.balance,
      held: before.held - 110_000,
    });
    expect(await auditCount(id)).toBe(1n);
    const again = await resolve(id, { action: 'refund', reason: 'twice' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'not_resolvable']);
  });

  it('commits the change and its audit record together: a failed audit write leaves the payment unresolved', async () => {
    const id = await needsReview('400000000000');
    const before = await walletOf(t.app, user);
    // An actor id the audit table cannot store: the audit write fails inside the transaction.
    await expect(
      resolvePayment(t.ctx, 'not-a-uuid', id, { action: 'refund', reason: 'rolled back' }),
    ).rejects.toThrow();
    expect((await payment(id)).status).toBe('needs_review');
    expect(await walletOf(t.app, user)).toMatchObject({ balance: before.balance, held: before.held });
    expect(await auditCount(id)).toBe(0n);
  });
});
