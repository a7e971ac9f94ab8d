/**
 * The risk rules on transfers through the API: a flag lets the transfer
 * through and opens a case; a hold keeps the money (202 pending_review) until
 * an operator releases it (the recipient is paid) or refuses it (the money
 * and the day's allowance come back); a block is 403 risk_blocked and moves
 * nothing. Every answer is the key's: a retry is told the same.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_PROVIDER_ENV } from '../bills/testing.js';
import { runAudit } from '../ledger/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, setTier, type TestUser } from '../test-support/users.js';

const NAIRA = 100;

describe.each(backends())('risk rules on transfers on %s', (backend) => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp(backend, {}, { worker: true });
    admin = await registerStaff(t.app, t.ctx.db, 'admin');
  });
  afterAll(async () => {
    expect((await runAudit(t.ctx.db)).ok).toBe(true);
    await t.close();
  });

  async function person(amount = 0) {
    const u = await registerUser(t.app);
    const wallet = (await walletOf(t.app, u)).id;
    await setTier(t.testDb.db, u.id, 3);
    if (amount > 0) await fund(t.app, u, wallet, amount);
    return { u, wallet };
  }
  const send = (from: { u: TestUser; wallet: string }, to: string, amount: number, key = randomUUID()) =>
    post(t.app, from.u, '/v1/transfers', { fromWalletId: from.wallet, to: { walletId: to }, amount }, key);
  const setRule = async (key: string, type: string, params: object, action: string) => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/v1/admin/risk/rules',
      headers: admin.auth,
      payload: {
        rules: [{ key, type, params, action, appliesTo: ['transfer'], currency: 'NGN' }],
        reason: `test: ${key} ${action}`,
      },
    });
    expect(res.statusCode).toBe(200);
  };
  const casesOf = async (userId: string) =>
    (await get(t.app, admin, `/v1/admin/risk/cases?status=open&userId=${userId}`)).json().data;

  it('a new recipient above the threshold: held for review, then released to the recipient', async () => {
    const a = await person(1_000_000 * NAIRA);
    const b = await person();
    const key = randomUUID();
    const held = await send(a, b.wallet, 300_000 * NAIRA, key); // seeded: a new recipient above ₦200,000 holds
    expect(held.statusCode).toBe(202);
    expect(held.json()).toMatchObject({ status: 'pending_review' });
    const again = await send(a, b.wallet, 300_000 * NAIRA, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(held.body);
    expect(await walletOf(t.app, a.u)).toMatchObject({ balance: 1_000_000 * NAIRA, held: 300_000 * NAIRA });
    expect((await walletOf(t.app, b.u)).balance).toBe(0);
    const [c] = await casesOf(a.u.id);
    expect(c).toMatchObject({ action: 'hold', held: true, kind: 'transfer' });
    const resolve = await post(
      t.app,
      admin,
      `/v1/admin/risk/cases/${c.id}/resolve`,
      { decision: 'release', reason: 'customer confirmed by phone' },
      null,
    );
    expect(resolve.statusCode).toBe(200);
    expect(await walletOf(t.app, a.u)).toMatchObject({ balance: 700_000 * NAIRA, held: 0 });
    expect((await walletOf(t.app, b.u)).balance).toBe(300_000 * NAIRA);
  });

  it('a held transfer refused by the operator gives the money and the allowance back', async () => {
    const a = await person(1_000_000 * NAIRA);
    const b = await person();
    const held = await send(a, b.wallet, 250_000 * NAIRA);
    expect(held.statusCode).toBe(202);
    expect((await get(t.app, a.u, '/v1/me/kyc')).json().usage.dailyDebitUsed).toBe(250_000 * NAIRA);
    const [c] = await casesOf(a.u.id);
    const refused = await post(
      t.app,
      admin,
      `/v1/admin/risk/cases/${c.id}/resolve`,
      { decision: 'refuse', reason: 'not the customer' },
      null,
    );
    expect(refused.statusCode).toBe(200);
    expect(await walletOf(t.app, a.u)).toMatchObject({ balance: 1_000_000 * NAIRA, held: 0 });
    expect((await walletOf(t.app, b.u)).balance).toBe(0);
    expect((await get(t.app, a.u, '/v1/me/kyc')).json().usage.dailyDebitUsed).toBe(0);
  });

  it('a flag lets the transfer through and keeps one case for repeats; a block refuses and moves nothing', async () => {
    const a = await person(100_000 * NAIRA);
    const b = await person();
    await setRule('test_velocity', 'velocity_count', { count: 2, minutes: 10 }, 'flag');
    for (let i = 0; i < 4; i++) expect((await send(a, b.wallet, 100 * NAIRA)).statusCode).toBe(201);
    const flagged = (await casesOf(a.u.id)).filter((c: { action: string }) => c.action === 'flag');
    expect(flagged).toHaveLength(1);
    expect(flagged[0].references).toHaveLength(2); // the 3rd and the 4th
    await setRule('test_velocity', 'velocity_count', { count: 2, minutes: 10 }, 'block');
    const blocked = await send(a, b.wallet, 100 * NAIRA);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('risk_blocked');
    expect(blocked.json().detail).not.toMatch(/velocity|2|10/);
    expect((await walletOf(t.app, a.u)).balance).toBe(100_000 * NAIRA - 400 * NAIRA);
    await setRule('test_velocity', 'velocity_count', { count: 2, minutes: 10 }, 'flag');
  });
});

describe.each(backends())('risk rules on withdrawals on %s', (backend) => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp(backend, {}, { worker: true });
    admin = await registerStaff(t.app, t.ctx.db, 'admin');
  });
  afterAll(async () => {
    expect((await runAudit(t.ctx.db)).ok).toBe(true);
    await t.close();
  });

  async function heldWithdrawal() {
    const u = await registerUser(t.app);
    const wallet = (await walletOf(t.app, u)).id;
    await setTier(t.testDb.db, u.id, 3);
    await fund(t.app, u, wallet, 1_000_000 * NAIRA);
    // Seeded: a first debit above ₦200,000 to a new bank account holds.
    const res = await post(t.app, u, `/v1/wallets/${wallet}/withdrawals`, {
      amount: 300_000 * NAIRA,
      bankCode: '058',
      accountNumber: '0123456789',
    });
    expect(res.statusCode).toBe(202);
    expect(res.json().status).toBe('pending_review');
    return { u, w: res.json() };
  }
  const decide = (caseId: string, decision: string) =>
    post(
      t.app,
      admin,
      `/v1/admin/risk/cases/${caseId}/resolve`,
      { decision, reason: 'reviewed by ops' },
      null,
    );

  it('held: no payout until released; then paid out', async () => {
    const { u, w } = await heldWithdrawal();
    await new Promise((r) => setTimeout(r, 300));
    expect((await get(t.app, u, `/v1/withdrawals/${w.id}`)).json().status).toBe('pending_review');
    expect((await walletOf(t.app, u)).held).toBe(w.total);
    expect((await decide(w.caseId, 'release')).statusCode).toBe(200);
    const done = await eventually(async () => {
      const x = (await get(t.app, u, `/v1/withdrawals/${w.id}`)).json();
      return x.status === 'succeeded' && x;
    }, 10_000);
    expect(done.status).toBe('succeeded');
    expect((await walletOf(t.app, u)).balance).toBe(1_000_000 * NAIRA - w.total);
  });

  it('held then refused: the hold is voided and the money is back', async () => {
    const { u, w } = await heldWithdrawal();
    expect((await decide(w.caseId, 'refuse')).statusCode).toBe(200);
    expect((await get(t.app, u, `/v1/withdrawals/${w.id}`)).json().status).toBe('failed');
    expect(await walletOf(t.app, u)).toMatchObject({ balance: 1_000_000 * NAIRA, held: 0 });
  });
});

describe.each(backends())('risk rules on bill payments on %s', (backend) => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp(backend, FAST_PROVIDER_ENV, { providers: true, worker: true });
    admin = await registerStaff(t.app, t.ctx.db, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('a bill payment cannot wait for review: a hold rule blocks it, and nothing is held', async () => {
    const u = await registerUser(t.app);
    const wallet = (await walletOf(t.app, u)).id;
    await fund(t.app, u, wallet, 100_000 * NAIRA);
    const rule = await t.app.inject({
      method: 'PUT',
      url: '/v1/admin/risk/rules',
      headers: admin.auth,
      payload: {
        rules: [
          {
            key: 'test_bill_over_30k',
            type: 'single_amount',
            params: { amount: 30_000 * NAIRA },
            action: 'hold',
            appliesTo: ['bill_payment'],
            currency: 'NGN',
          },
        ],
        reason: 'test: large bills wait',
      },
    });
    expect(rule.statusCode).toBe(200);
    const pay = (amount: number) =>
      post(t.app, u, '/v1/bill-payments', {
        walletId: wallet,
        billerId: 'ikeja-electric',
        productCode: 'prepaid',
        customerRef: '1111111111111',
        amount,
      });
    const blocked = await pay(40_000 * NAIRA);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('risk_blocked');
    expect(await walletOf(t.app, u)).toMatchObject({ balance: 100_000 * NAIRA, held: 0 });
    const cases = (await get(t.app, admin, `/v1/admin/risk/cases?status=open&userId=${u.id}`)).json().data;
    expect(cases).toMatchObject([{ action: 'block', kind: 'bill_payment', held: false }]);
    expect((await pay(20_000 * NAIRA)).statusCode).toBe(202);
  });
});
