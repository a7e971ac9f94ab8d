/**
 * The KYC limits on the money paths, through the API: each limit at its
 * boundary (exactly at it passes, one kobo over is refused), concurrent
 * transfers against one daily allowance, the Africa/Lagos day on an injected
 * clock, the maximum balance on deposits (before checkout and at the webhook)
 * and on incoming transfers, holds counting while open, and a tier upgrade.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBalance, runAudit } from '../ledger/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { FAST_PROVIDER_ENV } from '../bills/testing.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { verifyContacts } from '../test-support/contacts.js';
import { registerUser, setTier, type TestUser } from '../test-support/users.js';
import { systemAccountId } from '../wallets/index.js';

const NAIRA = 100;
const TIER1 = { daily: 50_000 * NAIRA, max: 300_000 * NAIRA, single: 50_000 * NAIRA };

describe.each(backends())('KYC limits on the money paths on %s', (backend) => {
  let t: TestApp;
  let clock = new Date('2026-12-03T12:00:00Z');
  beforeAll(async () => {
    t = await createTestApp(backend, {}, { worker: true, now: () => clock });
  });
  afterAll(async () => {
    expect((await runAudit(t.ctx.db)).ok).toBe(true);
    await t.close();
  });

  /** A person with their NGN wallet funded with `amount` (tier 3 while funding more than tier 1 allows). */
  async function person(amount = 0, tier: 1 | 2 | 3 = 1): Promise<{ u: TestUser; wallet: string }> {
    const u = await registerUser(t.app);
    const wallet = (await walletOf(t.app, u)).id;
    if (tier !== 1) await setTier(t.testDb.db, u.id, tier);
    if (amount > 0) await fund(t.app, u, wallet, amount);
    return { u, wallet };
  }
  const send = (from: { u: TestUser; wallet: string }, to: string, amount: number, key = randomUUID()) =>
    post(t.app, from.u, '/v1/transfers', { fromWalletId: from.wallet, to: { walletId: to }, amount }, key);

  it('single transaction: exactly the limit passes, one kobo more is refused and moves nothing', async () => {
    const a = await person(200_000 * NAIRA);
    const b = await person();
    const over = await send(a, b.wallet, TIER1.single + 1);
    expect(over.statusCode).toBe(422);
    expect(over.headers['content-type']).toMatch(/problem\+json/);
    expect(over.json()).toMatchObject({
      code: 'limit_exceeded',
      limit: 'single_transaction',
      limitAmount: TIER1.single,
    });
    expect((await send(a, b.wallet, TIER1.single)).statusCode).toBe(201);
    expect((await walletOf(t.app, a.u)).balance).toBe(200_000 * NAIRA - TIER1.single);
  });

  it('daily debits: at the limit passes, one kobo more is refused until the next Lagos midnight', async () => {
    clock = new Date('2026-12-03T22:59:00Z'); // 23:59 in Lagos
    const a = await person(200_000 * NAIRA);
    const b = await person();
    expect((await send(a, b.wallet, 30_000 * NAIRA)).statusCode).toBe(201);
    expect((await send(a, b.wallet, 20_000 * NAIRA)).statusCode).toBe(201);
    const key = randomUUID();
    const over = await send(a, b.wallet, 1, key);
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({
      code: 'limit_exceeded',
      limit: 'daily_debit',
      limitAmount: TIER1.daily,
      used: TIER1.daily,
      remaining: 0,
      resetsAt: '2026-12-03T23:00:00.000Z',
    });
    // The refusal is the key's answer: a retry is told the same, byte for byte.
    const again = await send(a, b.wallet, 1, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(over.body);
    clock = new Date('2026-12-03T23:00:00Z'); // midnight in Lagos: a new allowance
    expect((await send(a, b.wallet, 1)).statusCode).toBe(201);
    clock = new Date('2026-12-03T12:00:00Z');
  });

  it('two concurrent ₦30,000 transfers: one 201, one limit_exceeded (daily_debit)', async () => {
    const a = await person(100_000 * NAIRA);
    const b = await person();
    const results = await Promise.all([send(a, b.wallet, 30_000 * NAIRA), send(a, b.wallet, 30_000 * NAIRA)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    expect(results.find((r) => r.statusCode === 422)?.json()).toMatchObject({ limit: 'daily_debit' });
    expect((await walletOf(t.app, a.u)).balance).toBe(70_000 * NAIRA);
  });

  it('50 concurrent transfers against one allowance: exactly as many as it holds go through', async () => {
    const a = await person(100_000 * NAIRA);
    const b = await person();
    const amount = 1_001 * NAIRA; // 49 fit in ₦50,000, the 50th does not
    const results = await Promise.all(Array.from({ length: 50 }, () => send(a, b.wallet, amount)));
    const codes = results.map((r) => (r.statusCode === 201 ? 'ok' : r.json().limit));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(49);
    expect(codes.filter((c) => c === 'daily_debit')).toHaveLength(1);
    expect((await walletOf(t.app, a.u)).balance).toBe(100_000 * NAIRA - 49 * amount);
    const kyc = (await get(t.app, a.u, '/v1/me/kyc')).json();
    expect(kyc.usage.dailyDebitUsed).toBe(49 * amount);
  });

  it('maximum balance: ₦300,000 in deposits passes, ₦300,000.01 in total is refused before checkout', async () => {
    const a = await person(TIER1.max - 100);
    expect((await walletOf(t.app, a.u)).balance).toBe(TIER1.max - 100);
    const over = await post(t.app, a.u, `/v1/wallets/${a.wallet}/deposits`, { amount: 101 });
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: 'limit_exceeded', limit: 'max_balance', remaining: 100 });
    await fund(t.app, a.u, a.wallet, 100); // exactly at the maximum
    expect((await walletOf(t.app, a.u)).balance).toBe(TIER1.max);
  });

  it('a gateway credit past the maximum balance goes to suspense, flagged, never lost', async () => {
    const a = await person();
    const first = (
      await post(t.app, a.u, `/v1/wallets/${a.wallet}/deposits`, { amount: 200_000 * NAIRA })
    ).json();
    const second = (
      await post(t.app, a.u, `/v1/wallets/${a.wallet}/deposits`, { amount: 200_000 * NAIRA })
    ).json();
    const suspense = systemAccountId('suspense', 'NGN');
    const before = await t.ctx.db.transaction((tx) => getBalance(tx, suspense));
    const pay = (d: { checkoutUrl: string }) =>
      t.app.inject({ method: 'POST', url: new URL(d.checkoutUrl).pathname, payload: { outcome: 'success' } });
    expect((await pay(first)).json().webhook).toBe('credited');
    expect((await pay(second)).json().webhook).toBe('flagged');
    expect((await walletOf(t.app, a.u)).balance).toBe(200_000 * NAIRA);
    const after = await t.ctx.db.transaction((tx) => getBalance(tx, suspense));
    expect((after?.creditsPosted ?? 0n) - (before?.creditsPosted ?? 0n)).toBe(BigInt(200_000 * NAIRA));
    const deposit = (await get(t.app, a.u, `/v1/deposits/${second.id}`)).json();
    expect(deposit.status).toBe('flagged');
  });

  it('an incoming transfer past the recipient’s maximum is refused without telling their balance', async () => {
    const sender = await person(100_000 * NAIRA, 3);
    const full = await person(TIER1.max - 10_000 * NAIRA);
    const over = await send(sender, full.wallet, 10_000 * NAIRA + 1);
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: 'limit_exceeded', limit: 'max_balance', party: 'recipient' });
    expect(over.json()).not.toHaveProperty('remaining');
    expect((await send(sender, full.wallet, 10_000 * NAIRA)).statusCode).toBe(201);
    expect((await walletOf(t.app, full.u)).balance).toBe(TIER1.max);
    // Money out gives the room back.
    expect((await send(full, sender.wallet, 5_000 * NAIRA)).statusCode).toBe(201);
    expect((await send(sender, full.wallet, 5_000 * NAIRA)).statusCode).toBe(201);
  });

  it('a withdrawal counts against the daily limit while its hold is open', async () => {
    const a = await person(100_000 * NAIRA);
    const b = await person();
    const w = await post(t.app, a.u, `/v1/wallets/${a.wallet}/withdrawals`, {
      amount: 45_000 * NAIRA,
      bankCode: '058',
      accountNumber: '0123456789',
    });
    expect(w.statusCode).toBe(202);
    const fee = w.json().fee as number;
    const left = TIER1.daily - 45_000 * NAIRA - fee;
    const over = await send(a, b.wallet, left + 1);
    expect(over.json()).toMatchObject({ limit: 'daily_debit', remaining: left });
    expect((await send(a, b.wallet, left)).statusCode).toBe(201);
  });

  it('BVN and NIN with the sandbox numbers: tier 2, with the tier-2 limits', async () => {
    const a = await person(200_000 * NAIRA);
    const b = await person();
    expect((await send(a, b.wallet, 50_000 * NAIRA + 1)).json().limit).toBe('single_transaction');
    await verifyContacts(t.testDb.db, a.u.id, { phone: `+234815${String(Date.now()).slice(-7)}` });
    const bvn = await post(
      t.app,
      a.u,
      '/v1/me/kyc/bvn',
      { bvn: '22222222222', dateOfBirth: '1990-05-17' },
      null,
    );
    expect(bvn.statusCode).toBe(200);
    expect((await post(t.app, a.u, '/v1/me/kyc/nin', { nin: '11111111111' }, null)).statusCode).toBe(200);
    const kyc = (await get(t.app, a.u, '/v1/me/kyc')).json();
    expect(kyc).toMatchObject({
      tier: 2,
      limits: {
        dailyDebitLimit: 200_000 * NAIRA,
        maxBalance: 500_000 * NAIRA,
        singleTransactionLimit: 100_000 * NAIRA,
      },
    });
    expect((await send(a, b.wallet, 100_000 * NAIRA)).statusCode).toBe(201);
    expect((await send(a, b.wallet, 100_000 * NAIRA + 1)).json().limit).toBe('single_transaction');
    // The day's allowance grew with the tier: ₦100,000 used of ₦200,000.
    expect((await get(t.app, a.u, '/v1/me/kyc')).json().usage.dailyDebitUsed).toBe(100_000 * NAIRA);
  });

  it('a foreign-currency wallet needs tier 3', async () => {
    const a = await person();
    const usd = await post(t.app, a.u, '/v1/wallets', { currency: 'USD' }, null);
    expect(usd.statusCode).toBe(403);
    expect(usd.json()).toMatchObject({ code: 'kyc_required', reason: 'currency_not_allowed' });
  });
});

describe.each(backends())('KYC limits and bill payments on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, FAST_PROVIDER_ENV, { providers: true, worker: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a bill payment holds its amount and fee against the limit; a failed one gives them back', async () => {
    const u = await registerUser(t.app);
    const wallet = (await walletOf(t.app, u)).id;
    await fund(t.app, u, wallet, 100_000 * NAIRA);
    const pay = (customerRef: string, amount: number) =>
      post(t.app, u, '/v1/bill-payments', {
        walletId: wallet,
        billerId: 'ikeja-electric',
        productCode: 'prepaid',
        customerRef,
        amount,
      });
    const failing = await pay('3333333333333', 40_000 * NAIRA); // the provider answers 016: failed
    expect(failing.statusCode).toBe(202);
    const total = failing.json().total as number;
    const final = await eventually(async () => {
      const p = (await get(t.app, u, `/v1/bill-payments/${failing.json().id}`)).json();
      return ['failed', 'succeeded', 'reversed', 'needs_review'].includes(p.status) && p;
    }, 10_000);
    expect(final.status).toBe('failed');
    expect((await get(t.app, u, '/v1/me/kyc')).json().usage.dailyDebitUsed).toBe(0);
    // The whole allowance is there again: a delivered payment of the same size keeps it.
    const ok = await pay('1111111111111', 40_000 * NAIRA);
    expect(ok.statusCode).toBe(202);
    const over = await pay('1111111111111', TIER1.daily - total + 1);
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: 'limit_exceeded', limit: 'daily_debit' });
  });
});
