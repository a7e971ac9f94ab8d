import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../ledger/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, type TestUser, setTier } from '../test-support/users.js';
import { createDeposit, ensureWallet, requestWithdrawal } from '../wallets/index.js';
import { vendTimingFromConfig } from './consumers.js';
import { runVend } from './vend.js';
import { createPayment } from './payments.js';
import { FAST_PROVIDER_ENV, vendCalls } from './testing.js';

const FINAL = ['succeeded', 'failed', 'reversed', 'needs_review'];

describe.each(backends())('bill payments on %s', (backend) => {
  let t: TestApp;
  let user: TestUser;
  let walletId: string;
  beforeAll(async () => {
    t = await createTestApp(backend, FAST_PROVIDER_ENV, { providers: true, worker: true });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    for (const sim of t.ctx.providers?.sims ?? [])
      sim.setKnobs({ webhookUrl: `http://127.0.0.1:${port}/v1/webhooks/vtpass` });
    user = await registerUser(t.app);
    walletId = (await walletOf(t.app, user)).id;
    await setTier(t.testDb.db, user.id, 3); // past the tier-1 limits, which this file is not about
    await fund(t.app, user, walletId, 100_000_000); // ₦1,000,000
  });
  afterAll(async () => {
    await t.close();
  });

  const pay = (
    customerRef: string,
    amount = 500_000,
    billerId = 'ikeja-electric',
    productCode = 'prepaid',
    u = user,
    w = walletId,
  ) => post(t.app, u, '/v1/bill-payments', { walletId: w, billerId, productCode, customerRef, amount });

  async function settle(id: string, statuses = FINAL, timeoutMs = 10_000) {
    return eventually(async () => {
      const p = (await get(t.app, user, `/v1/bill-payments/${id}`)).json();
      return statuses.includes(p.status) && p;
    }, timeoutMs);
  }

  it('lists the catalogue and validates a meter', async () => {
    const billers = (await get(t.app, undefined, '/v1/billers?category=electricity')).json().data;
    expect(billers).toHaveLength(12);
    expect(billers.map((b: { id: string }) => b.id)).toContain('kano-electric');
    const ikeja = (await get(t.app, undefined, '/v1/billers/ikeja-electric')).json();
    expect(ikeja.products.map((p: { code: string }) => p.code)).toEqual(['postpaid', 'prepaid']);
    expect(ikeja.fee).toEqual({ type: 'flat', flat: 10_000 });
    for (const category of ['airtime', 'data', 'cable']) {
      expect(
        (await get(t.app, undefined, `/v1/billers?category=${category}`)).json().data.length,
      ).toBeGreaterThanOrEqual(3);
    }
    const v = await post(
      t.app,
      user,
      '/v1/billers/ikeja-electric/validate',
      { productCode: 'prepaid', customerRef: '1111111111111' },
      null,
    );
    expect(v.statusCode).toBe(200);
    expect(v.json()).toMatchObject({ customerName: expect.any(String), canVend: true });
    const unknown = await post(
      t.app,
      user,
      '/v1/billers/ikeja-electric/validate',
      { productCode: 'prepaid', customerRef: '0123456789012' },
      null,
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('customer_not_found');
  });

  it('prepaid 1111111111111: delivered with a 20-digit token; hold posted', async () => {
    const before = await walletOf(t.app, user);
    const res = await pay('1111111111111');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'pending', amount: 500_000, fee: 10_000, total: 510_000 });
    const p = await settle(res.json().id);
    expect(p.status).toBe('succeeded');
    expect(p.token).toMatch(/^\d{20}$/);
    expect(p.units).toMatch(/kWh/);
    expect(p.timeline.map((e: { status: string }) => e.status)).toEqual([
      'pending',
      'processing',
      'succeeded',
    ]);
    expect(vendCalls(t.ctx, p.providerReference)).toBe(1);
    expect(p.providerReference.slice(0, 12)).toMatch(/^20\d{10}$/);
    const after = await walletOf(t.app, user);
    expect(after.balance).toBe(before.balance - 510_000);
    expect(after.held).toBe(0);
  });

  it('postpaid 1010101010101: delivered, no token', async () => {
    const p = await settle((await pay('1010101010101', 500_000, 'eko-electric', 'postpaid')).json().id);
    expect(p).toMatchObject({ status: 'succeeded', token: null });
  });

  it('201000000000: pending, delivered on requery', async () => {
    const p = await settle((await pay('201000000000')).json().id);
    expect(p.status).toBe('succeeded');
    expect(p.timeline.map((e: { status: string }) => e.status)).toEqual([
      'pending',
      'processing',
      'succeeded',
    ]);
    expect(vendCalls(t.ctx, p.providerReference)).toBe(1);
  });

  it('300000000000: the answer comes after our timeout; requery shows delivered; vended once', async () => {
    const p = await settle((await pay('300000000000')).json().id);
    expect(p.status).toBe('succeeded');
    expect(vendCalls(t.ctx, p.providerReference)).toBe(1);
  });

  it('500000000000: garbage answer is pending, never failed; requery shows delivered', async () => {
    const p = await settle((await pay('500000000000')).json().id);
    expect(p.status).toBe('succeeded');
    expect(vendCalls(t.ctx, p.providerReference)).toBe(1);
  });

  it('400000000000: connection dropped and never received (015 after the grace window): failed, money back', async () => {
    const before = await walletOf(t.app, user);
    const p = await settle((await pay('400000000000')).json().id);
    expect(p.status).toBe('failed');
    // The customer reads plain words; the provider's account of it is for staff.
    expect(p.failureReason).toBe('The electricity company could not complete this purchase.');
    expect(p.timeline.every((e: { reason: string | null }) => e.reason === null)).toBe(true);
    const staff = await registerStaff(t.app, t.ctx.db, 'operator');
    const seen = (await get(t.app, staff, `/v1/admin/bill-payments/${p.id}`)).json();
    expect(seen.failureReason).toMatch(/never received/);
    expect(seen.timeline[0].reason).toMatch(/held from the wallet/);
    expect(vendCalls(t.ctx, p.providerReference)).toBe(1);
    expect(await walletOf(t.app, user)).toMatchObject({ balance: before.balance, held: 0 });
  });

  it('3333333333333: validates, vend fails with 016: failed, money back', async () => {
    const before = await walletOf(t.app, user);
    const p = await settle((await pay('3333333333333')).json().id);
    expect(p.status).toBe('failed');
    expect(p.failureReason).not.toMatch(/016|vtpass/i);
    const staff = await registerStaff(t.app, t.ctx.db, 'operator');
    expect((await get(t.app, staff, `/v1/admin/bill-payments/${p.id}`)).json().failureReason).toMatch(/016/);
    expect(await walletOf(t.app, user)).toMatchObject({ balance: before.balance, held: 0 });
    // The statement reads it as failed with the money returned, and says what it was for.
    const lines = (await get(t.app, user, `/v1/wallets/${walletId}/transactions?type=bill_payment`)).json()
      .data;
    expect(
      lines.find((l: { subject?: { paymentId?: string } }) => l.subject?.paymentId === p.id),
    ).toMatchObject({
      status: 'released',
      direction: 'debit',
      subject: { kind: 'bill_payment', customerReference: '3333333333333', billerName: expect.any(String) },
    });
  });

  it("a delivered payment's statement line names the biller and meter and links the payment (its token)", async () => {
    const p = await settle((await pay('12345678901')).json().id);
    expect(p.status).toBe('succeeded');
    const lines = (await get(t.app, user, `/v1/wallets/${walletId}/transactions?type=bill_payment`)).json()
      .data;
    const line = lines.find((l: { subject?: { paymentId?: string } }) => l.subject?.paymentId === p.id);
    expect(line).toMatchObject({
      status: 'completed',
      subject: { kind: 'bill_payment', paymentId: p.id, customerReference: '12345678901' },
    });
    expect(line.subject.billerName).toBeTruthy();
  });

  it('4444444444444: delivered, then reversed by webhook + requery: refunded with a compensating transaction', async () => {
    const before = await walletOf(t.app, user);
    const id = (await pay('4444444444444')).json().id;
    const delivered = await settle(id, ['succeeded', 'reversed']);
    expect(delivered.token).toMatch(/^\d{20}$/);
    const p = await settle(id, ['reversed']);
    expect(p.timeline.map((e: { status: string }) => e.status)).toEqual([
      'pending',
      'processing',
      'succeeded',
      'reversed',
    ]);
    expect(await walletOf(t.app, user)).toMatchObject({ balance: before.balance, held: 0 });
    const lines = (await get(t.app, user, `/v1/wallets/${walletId}/transactions?type=refund`)).json().data;
    expect(lines[0]).toMatchObject({ type: 'refund', direction: 'credit', amount: 510_000 });
  });

  it('a customer reference starting with 0 fails validation, and a payment to it fails with the money back', async () => {
    const before = await walletOf(t.app, user);
    const p = await settle((await pay('0555555555555')).json().id);
    expect(p.status).toBe('failed');
    expect(await walletOf(t.app, user)).toMatchObject({ balance: before.balance, held: 0 });
  });

  it('any other number is delivered; airtime, data and cable work too', async () => {
    expect((await settle((await pay('12345678901')).json().id)).status).toBe('succeeded');
    expect((await settle((await pay('08011111111', 100_000, 'mtn', 'airtime')).json().id)).status).toBe(
      'succeeded',
    );
    const dstv = (await get(t.app, undefined, '/v1/billers/dstv')).json();
    const bouquet = dstv.products[0];
    expect(
      (await settle((await pay('1212121212', bouquet.fixedAmount, 'dstv', bouquet.code)).json().id)).status,
    ).toBe('succeeded');
  });

  it('replays a payment POST with the same key; never two payments', async () => {
    const key = 'bill-key-1';
    const body = {
      walletId,
      billerId: 'ikeja-electric',
      productCode: 'prepaid',
      customerRef: '1111111111111',
      amount: 100_000,
    };
    const a = await post(t.app, user, '/v1/bill-payments', body, key);
    const b = await post(t.app, user, '/v1/bill-payments', body, key);
    expect(a.statusCode).toBe(202);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.body).toBe(a.body);
    expect(
      (await post(t.app, user, '/v1/bill-payments', { ...body, amount: 100_001 }, key)).json().code,
    ).toBe('idempotency_key_reused');
    await settle(a.json().id);
  });

  it('refuses bad input with specific codes and holds nothing', async () => {
    const other = await registerUser(t.app);
    const otherWallet = (await walletOf(t.app, other)).id;
    const before = await walletOf(t.app, user);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ billerId: 'nepa' }, 404, 'biller_not_found'],
      [{ productCode: 'gold' }, 422, 'product_not_found'],
      [{ amount: 100 }, 422, 'amount_out_of_range'],
      [{ amount: 60_000_000 }, 422, 'amount_out_of_range'],
      [{ customerRef: '12ab' }, 400, 'validation_failed'],
      [{ customerRef: '123' }, 400, 'validation_failed'],
      [{ customerRef: '123456789' }, 400, 'invalid_customer_ref'],
      [{ walletId: otherWallet }, 404, 'not_found'],
      [{ amount: 1.5 }, 400, 'invalid_amount'],
      [{ amount: -5 }, 400, 'invalid_amount'],
      [{ amount: '5000' }, 400, 'invalid_amount'],
      [{ surprise: true }, 400, 'unknown_field'],
    ];
    for (const [patch, status, code] of cases) {
      const res = await post(t.app, user, '/v1/bill-payments', {
        walletId,
        billerId: 'ikeja-electric',
        productCode: 'prepaid',
        customerRef: '1111111111111',
        amount: 500_000,
        ...patch,
      });
      expect([res.statusCode, res.json().code], JSON.stringify(patch)).toEqual([status, code]);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect(await walletOf(t.app, user)).toMatchObject({ balance: before.balance, held: before.held });
  });

  it('keeps the ledger clean', async () => {
    const report = await runAudit(t.ctx.db);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });
});

describe.skipIf(backends().length < 2)('failover between providers (PostgreSQL)', () => {
  it('opens the breaker of a failing provider and sends new payments to the next; old ones stay', async () => {
    const t = await createTestApp(
      'pg',
      {
        ...FAST_PROVIDER_ENV,
        PROVIDER_BREAKER_FAILURES: '3',
        PROVIDER_BREAKER_COOLDOWN_MS: '60000',
        // The first requery (which succeeds: only vend answers are lost) waits
        // until the three vends have timed out, so that under load a requery's
        // success cannot land between them and reset the run of faults.
        PROVIDER_REQUERY_BASE_MS: '2500',
        PROVIDER_REQUERY_MAX_MS: '2500',
      },
      { providers: true, worker: true },
    );
    try {
      const [primary, secondary] = t.ctx.providers!.sims;
      primary!.setKnobs({ lostResponseRate: 1 }); // vends happen, answers never arrive: provider faults
      const u = await registerUser(t.app);
      const w = (await walletOf(t.app, u)).id;
      await fund(t.app, u, w, 10_000_000);
      const pay = async () =>
        (
          await post(t.app, u, '/v1/bill-payments', {
            walletId: w,
            billerId: 'jos-electric',
            productCode: 'prepaid',
            customerRef: '72345678901',
            amount: 100_000,
          })
        ).json().id as string;
      const first = [];
      for (let i = 0; i < 3; i++) first.push(await pay());
      await eventually(
        async () => t.ctx.providers!.router.health().find((h) => h.name === 'vtpass')?.state === 'open',
        10_000,
      );
      const later = await pay();
      const providerOf = async (id: string) =>
        (
          await t.ctx.db.query<{ provider: string }>('SELECT provider FROM bills.payments WHERE id = $1', [
            id,
          ])
        ).rows[0]?.provider;
      expect(await providerOf(later)).toBe('vtpass-b');
      for (const id of first) expect(await providerOf(id)).toBe('vtpass'); // sent ones stay with their provider
      const done = await eventually(async () => {
        const p = (await get(t.app, u, `/v1/bill-payments/${later}`)).json();
        return p.status === 'succeeded' && p;
      });
      expect(
        secondary!.calls({ requestId: done.providerReference }).filter((c) => c.endpoint === '/api/pay'),
      ).toHaveLength(1);
      for (const id of first) {
        const p = await eventually(async () => {
          const r = (await get(t.app, u, `/v1/bill-payments/${id}`)).json();
          return r.status === 'succeeded' && r; // lost answers: requery shows delivered
        }, 15_000);
        expect(vendCalls(t.ctx, p.providerReference)).toBe(1);
      }
      const providers = (
        await get(t.app, await registerStaff(t.app, t.ctx.db, 'operator'), '/v1/admin/providers')
      ).json();
      expect(providers.data.find((p: { name: string }) => p.name === 'vtpass').state).toBe('open');
    } finally {
      await t.close();
    }
  });
});

describe.each(
  backends(),
)('a stale idempotency claim taken over while the first attempt runs (%s)', (backend) => {
  it('moves money once for bill payments, withdrawals and deposits', async () => {
    const t = await createTestApp(backend, FAST_PROVIDER_ENV, { providers: true, worker: true });
    try {
      const u = await registerUser(t.app);
      const w = (await walletOf(t.app, u)).id;
      await fund(t.app, u, w, 10_000_000);
      const claim = (key: string) => ({ scope: `user:${u.id}`, key, requestHash: 'h' });
      for (const key of ['b', 'w', 'd']) {
        await t.ctx.db.query(
          `INSERT INTO idempotency.keys (scope, key, request_hash, status) VALUES ($1, $2, 'h', 'in_progress')`,
          [`user:${u.id}`, key],
        );
      }
      const input = {
        walletId: w,
        billerId: 'ikeja-electric',
        productCode: 'prepaid',
        customerRef: '1111111111111',
        amount: 100_000n,
      };
      const pays = await Promise.all([
        createPayment(t.ctx, u.id, input, claim('b')),
        createPayment(t.ctx, u.id, input, claim('b')),
      ]);
      expect(pays.map((p) => p.status)).toEqual([202, 202]);
      expect((pays[0]!.body as { id: string }).id).toBe((pays[1]!.body as { id: string }).id);
      const wd = { walletId: w, amount: 50_000n, bankCode: '058', accountNumber: '0123456789' };
      const outs = await Promise.all([
        requestWithdrawal(t.ctx, u.id, wd, claim('w')),
        requestWithdrawal(t.ctx, u.id, wd, claim('w')),
      ]);
      expect((outs[0]!.body as { id: string }).id).toBe((outs[1]!.body as { id: string }).id);
      const deps = await Promise.all([
        createDeposit(t.ctx, u.id, w, 5_000n, 'http://x', claim('d')),
        createDeposit(t.ctx, u.id, w, 5_000n, 'http://x', claim('d')),
      ]);
      expect((deps[0]!.body as { id: string }).id).toBe((deps[1]!.body as { id: string }).id);
      const { rows } = await t.ctx.db.query<{ p: bigint; wd: bigint; d: bigint }>(
        `SELECT (SELECT count(*) FROM bills.payments WHERE user_id = $1) AS p,
                (SELECT count(*) FROM wallets.withdrawals WHERE user_id = $1) AS wd,
                (SELECT count(*) FROM wallets.deposits WHERE user_id = $1 AND amount = 5000) AS d`,
        [u.id],
      );
      expect(rows[0]).toEqual({ p: 1n, wd: 1n, d: 1n });
      await eventually(async () => (await walletOf(t.app, u)).held === 0, 10_000);
      expect((await walletOf(t.app, u)).balance).toBe(10_000_000 - 110_000 - 51_000);
    } finally {
      await t.close();
    }
  });
});

describe.each(
  backends(),
)('a worker that died between marking a payment sent and sending it (%s)', (backend) => {
  it('finds no vend recorded and the reference unknown, sends once with the same reference, delivers', async () => {
    const t = await createTestApp(backend, FAST_PROVIDER_ENV, { providers: true });
    try {
      const u = await registerUser(t.app);
      await t.ctx.db.transaction((tx) => ensureWallet(tx, u.id, 'NGN'));
      const w = (await walletOf(t.app, u)).id;
      await fund(t.app, u, w, 1_000_000);
      const claim = { scope: `user:${u.id}`, key: 'crash-window', requestHash: 'h' };
      const accepted = await createPayment(
        t.ctx,
        u.id,
        {
          walletId: w,
          billerId: 'ikeja-electric',
          productCode: 'prepaid',
          customerRef: '1111111111111',
          amount: 100_000n,
        },
        claim,
      );
      const id = (accepted.body as { id: string }).id;
      // What a SIGKILL right after the claim commit leaves behind: sent_at set, nothing sent.
      await t.ctx.db.query("UPDATE bills.payments SET sent_at = now(), status = 'processing' WHERE id = $1", [
        id,
      ]);
      const timing = vendTimingFromConfig(t.ctx.config);
      expect(await runVend(t.ctx, timing, id, 2)).toEqual({ status: 'done' });
      const p = (await get(t.app, u, `/v1/bill-payments/${id}`)).json();
      expect(p.status).toBe('succeeded');
      expect(vendCalls(t.ctx, p.providerReference)).toBe(1);
      // A second run (a redelivery) only requeries: still one vend.
      expect(await runVend(t.ctx, timing, id, 3)).toEqual({ status: 'done' });
      expect(vendCalls(t.ctx, p.providerReference)).toBe(1);
    } finally {
      await t.close();
    }
  });
});
