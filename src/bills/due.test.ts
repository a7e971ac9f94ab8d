/**
 * Linked accounts and bills due: link (verified), rename, unlink, the limit of 20; bills read
 * from the cache (the provider asked once while fresh), fetched again after the TTL and on
 * refresh (each with a bills.refreshed event); pay all (every hold or none); reminders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { registerUser, setTier, type TestUser } from '../test-support/users.js';
import { sendBillReminders } from './reminders.js';
import { FAST_PROVIDER_ENV } from './testing.js';

const TTL_MS = 1500;
const WATER = { billerId: 'lagos-water', productCode: 'postpaid', customerRef: '6060606060' };
const POWER = { billerId: 'ikeja-electric', productCode: 'postpaid', customerRef: '1010101010101' };
const GAS = { billerId: 'gaslink-gas', productCode: 'postpaid', customerRef: '7070707070' };

describe.each(backends())('linked accounts and bills due on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      backend,
      { ...FAST_PROVIDER_ENV, BILL_CACHE_TTL_MS: String(TTL_MS) },
      { providers: true, worker: true },
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const link = (u: TestUser, body: Record<string, unknown>) =>
    post(t.app, u, '/v1/linked-accounts', body, null);
  const due = async (u: TestUser) => (await get(t.app, u, '/v1/bills/due')).json();
  const refreshedEvents = async (c: TestApp, userId: string) =>
    Number(
      (
        await c.ctx.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM outbox.events WHERE type = 'bills.refreshed' AND user_id = $1",
          [userId],
        )
      ).rows[0]?.n,
    );

  async function personWithMoney(amount: number) {
    const u = await registerUser(t.app);
    await setTier(t.testDb.db, u.id, 3);
    const wallet = await walletOf(t.app, u);
    await fund(t.app, u, wallet.id, amount);
    return { u, walletId: wallet.id };
  }

  it('links with the verified name and address; renames, lists, unlinks; refuses a duplicate', async () => {
    const u = await registerUser(t.app);
    const res = await link(u, { ...WATER, nickname: 'Home water' });
    expect(res.statusCode).toBe(201);
    const water = res.json();
    expect(water).toMatchObject({ ...WATER, nickname: 'Home water', customerName: expect.any(String) });
    expect(water.address).toEqual(expect.any(String));
    expect((await link(u, WATER)).json().code).toBe('linked_account_exists');
    const wrong = await link(u, { ...POWER, customerRef: '0123456789012' });
    expect([wrong.statusCode, wrong.json().code]).toEqual([422, 'customer_not_found']);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/v1/linked-accounts/${water.id}`,
      headers: u.auth,
      payload: { nickname: 'Flat 2 water' },
    });
    expect(renamed.json().nickname).toBe('Flat 2 water');
    expect((await get(t.app, u, '/v1/linked-accounts')).json().data).toHaveLength(1);
    const gone = await t.app.inject({
      method: 'DELETE',
      url: `/v1/linked-accounts/${water.id}`,
      headers: u.auth,
    });
    expect(gone.statusCode).toBe(204);
    expect((await get(t.app, u, '/v1/linked-accounts')).json().data).toHaveLength(0);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/v1/linked-accounts/${water.id}`,
      headers: u.auth,
    });
    expect(again.statusCode).toBe(404);
  });

  it('links at most 20 accounts per person (linked_accounts_limit)', async () => {
    const u = await registerUser(t.app);
    for (let i = 0; i < 20; i++) {
      const r = await link(u, {
        billerId: 'abuja-electric',
        productCode: 'prepaid',
        customerRef: `45678900${100 + i}`,
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const over = await link(u, {
      billerId: 'abuja-electric',
      productCode: 'prepaid',
      customerRef: '45678900999',
    });
    expect([over.statusCode, over.json().code, over.json().max]).toEqual([409, 'linked_accounts_limit', 20]);
    expect((await get(t.app, u, '/v1/linked-accounts')).json().data).toHaveLength(20);
  });

  it('reads bills from the cache: the provider is asked once while fresh, again after the TTL and on refresh', async () => {
    // Without the worker, whose schedule would fetch stale accounts too.
    const own = await createTestApp(
      backend,
      { ...FAST_PROVIDER_ENV, BILL_CACHE_TTL_MS: String(TTL_MS) },
      { providers: true },
    );
    try {
      await cacheReads(own);
    } finally {
      await own.close();
    }
  });

  async function cacheReads(c: TestApp) {
    /** merchant-verify calls the simulators answered for a customer reference. */
    const verifyCalls = (ref: string) =>
      (c.ctx.providers?.sims ?? []).reduce(
        (n, sim) =>
          n +
          sim.calls().filter((x) => x.endpoint === '/api/merchant-verify' && x.billersCode === ref).length,
        0,
      );
    const due = async (u: TestUser) => (await get(c.app, u, '/v1/bills/due')).json();
    const link = (u: TestUser, body: Record<string, unknown>) =>
      post(c.app, u, '/v1/linked-accounts', body, null);
    const u = await registerUser(c.app);
    const ref = '7070707070';
    expect((await link(u, GAS)).statusCode).toBe(201);
    const afterLink = verifyCalls(ref);
    const first = await due(u);
    expect(first.data).toEqual([
      expect.objectContaining({
        billerId: 'gaslink-gas',
        amountDue: 185_000,
        currency: 'NGN',
        customerRef: ref,
      }),
    ]);
    expect(verifyCalls(ref)).toBe(afterLink + 1);
    for (let i = 0; i < 10; i++) expect((await due(u)).data).toEqual(first.data);
    expect(verifyCalls(ref)).toBe(afterLink + 1); // fresh: never the provider
    expect(await refreshedEvents(c, u.id)).toBe(1);

    const refreshed = await post(c.app, u, '/v1/bills/due/refresh', {}, null);
    expect(refreshed.json()).toMatchObject({ fetched: 1, failed: [] });
    expect(verifyCalls(ref)).toBe(afterLink + 2);
    expect(await refreshedEvents(c, u.id)).toBe(2);

    await new Promise((r) => setTimeout(r, TTL_MS + 300));
    await due(u); // stale: fetched again by this read
    expect(verifyCalls(ref)).toBe(afterLink + 3);
    await due(u);
    expect(verifyCalls(ref)).toBe(afterLink + 3);
    expect(await refreshedEvents(c, u.id)).toBe(3);
  }

  it('suggests meters paid before that are not linked', async () => {
    const { u, walletId } = await personWithMoney(1_000_000);
    const paid = await post(t.app, u, '/v1/bill-payments', {
      walletId,
      billerId: 'eko-electric',
      productCode: 'prepaid',
      customerRef: '1111111111111',
      amount: 100_000,
    });
    expect(paid.statusCode).toBe(202);
    const suggestions = await eventually(async () => {
      const s = (await get(t.app, u, '/v1/linked-accounts/suggestions')).json().data;
      return s.length > 0 && s;
    }, 10_000);
    expect(suggestions[0]).toMatchObject({ billerId: 'eko-electric', customerRef: '1111111111111' });
    await link(u, { billerId: 'eko-electric', productCode: 'prepaid', customerRef: '1111111111111' });
    expect((await get(t.app, u, '/v1/linked-accounts/suggestions')).json().data).toEqual([]);
  });

  it('acceptance: link water and postpaid electricity, see both due, pay both in one request, both succeed', async () => {
    const { u, walletId } = await personWithMoney(2_000_000);
    expect((await link(u, WATER)).statusCode).toBe(201);
    expect((await link(u, POWER)).statusCode).toBe(201);
    const bills = await due(u);
    expect(bills.data.map((b: { billerId: string; amountDue: number }) => [b.billerId, b.amountDue])).toEqual(
      [
        ['lagos-water', 230_000], // due on the 20th
        ['ikeja-electric', 450_000], // due on the 25th
      ],
    );
    expect(bills.totals).toEqual([{ currency: 'NGN', amountDue: 680_000 }]);
    const refs = bills.data.map((b: { billReference: string }) => b.billReference);
    const before = await walletOf(t.app, u);

    const paid = await post(t.app, u, '/v1/bills/due/pay', { walletId, billReferences: refs });
    expect(paid.statusCode, paid.body).toBe(202);
    expect(paid.json().data).toHaveLength(2);
    expect(paid.json().totals).toEqual([{ currency: 'NGN', amount: 680_000, fee: 15_000, total: 695_000 }]);
    const held = await walletOf(t.app, u);
    expect(before.available - held.available).toBe(695_000);
    for (const { payment } of paid.json().data) {
      const final = await eventually(async () => {
        const p = (await get(t.app, u, `/v1/bill-payments/${payment.id}`)).json();
        return ['succeeded', 'failed', 'reversed', 'needs_review'].includes(p.status) && p;
      }, 15_000);
      expect(final.status).toBe('succeeded');
    }
    const again = await post(t.app, u, '/v1/bills/due/pay', { walletId, billReferences: refs });
    expect(again.json().code).toBe('bill_already_paid');
    // The provider no longer reports them: nothing due after a refresh.
    await post(t.app, u, '/v1/bills/due/refresh', {}, null);
    expect((await due(u)).totals).toEqual([]);
  });

  it('pay all with one hold that cannot be placed refuses all: no holds, no payments, balance unchanged', async () => {
    // Two other postpaid accounts (₦1,500 due each, with fees ₦1,600 and ₦1,550): one fits in ₦2,000, both do not.
    const { u, walletId } = await personWithMoney(200_000);
    await link(u, { ...POWER, customerRef: '1234567890123' });
    await link(u, { ...WATER, customerRef: '6060606061' });
    const refs = (await due(u)).data.map((b: { billReference: string }) => b.billReference);
    expect(refs).toHaveLength(2);
    const before = await walletOf(t.app, u);
    const res = await post(t.app, u, '/v1/bills/due/pay', { walletId, billReferences: refs });
    expect([res.statusCode, res.json().code], res.body).toEqual([422, 'insufficient_funds']);
    expect(res.json().billReference).toEqual(expect.any(String));
    const after = await walletOf(t.app, u);
    expect([after.balance, after.available, after.held]).toEqual([before.balance, before.available, 0]);
    const { rows } = await t.ctx.db.query('SELECT id FROM bills.payments WHERE user_id = $1', [u.id]);
    expect(rows).toEqual([]);
    expect((await due(u)).data.every((b: { paymentId: string | null }) => b.paymentId === null)).toBe(true);
    const unknown = await post(t.app, u, '/v1/bills/due/pay', { walletId, billReferences: ['nope'] });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'bill_not_found']);
  });

  it('two requests racing for the same bills: one pays them, the other is told they are being paid', async () => {
    const { u, walletId } = await personWithMoney(2_000_000);
    await link(u, { ...POWER, customerRef: '1234567890124' });
    await link(u, { ...GAS, customerRef: '7070707071' });
    const refs = (await due(u)).data.map((b: { billReference: string }) => b.billReference);
    const answers = await Promise.all([
      post(t.app, u, '/v1/bills/due/pay', { walletId, billReferences: refs }),
      post(t.app, u, '/v1/bills/due/pay', { walletId, billReferences: [...refs].reverse() }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([202, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json().code).toBe('bill_already_paid');
    const { rows } = await t.ctx.db.query('SELECT id FROM bills.payments WHERE user_id = $1', [u.id]);
    expect(rows).toHaveLength(2);
  });

  it('reminds once per bill, N days before its due date (per person)', async () => {
    const u = await registerUser(t.app);
    await link(u, GAS);
    await due(u);
    const set = await t.app.inject({
      method: 'PUT',
      url: '/v1/bills/due/reminders',
      headers: u.auth,
      payload: { daysBefore: 30 },
    });
    expect(set.json()).toEqual({ daysBefore: 30, enabled: true });
    const reminders = async () =>
      Number(
        (
          await t.ctx.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM outbox.events
              WHERE type = 'bills.bill_due' AND user_id = $1`,
            [u.id],
          )
        ).rows[0]?.n,
      );
    await sendBillReminders(t.ctx);
    await sendBillReminders(t.ctx);
    expect(await reminders()).toBe(1);
    // The notifications module turns it into the person's message.
    const message = await eventually(async () => {
      const { rows } = await t.ctx.db.query<{ subject: string }>(
        "SELECT subject FROM notifications.messages WHERE user_id = $1 AND template = 'bill_due'",
        [u.id],
      );
      return rows[0];
    }, 10_000);
    expect(message.subject).toMatch(/Gaslink Nigeria - Piped Gas bill is due on \d{4}-\d{2}-15/);
  });
});
