/**
 * The biller registry: operators add, edit, enable and disable billers (each change with its
 * audit row); fixed prices synced from the provider are recorded, and a payment quoted at the
 * old price is re-quoted (price_changed), never charged at the new one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, setTier, type TestUser } from '../test-support/users.js';
import { FAST_PROVIDER_ENV } from './testing.js';

describe.each(backends())('biller registry on %s', (backend) => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp(backend, FAST_PROVIDER_ENV, { providers: true, worker: true });
    admin = await registerStaff(t.app, t.ctx.db, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const audits = async (action: string, id: string) =>
    Number(
      (
        await t.ctx.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM identity.audit_log WHERE action = $1 AND target_id = $2',
          [action, id],
        )
      ).rows[0]?.n,
    );

  it('adds a biller with its products, edits and disables it, each with an audit row', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/billers',
      headers: admin.auth,
      payload: {
        id: 'waec',
        name: 'WAEC Result Checker PIN',
        category: 'education',
        serviceId: 'waec',
        customerRefLabel: 'Phone number',
        minAmount: 350_000,
        maxAmount: 350_000,
        fee: { type: 'flat', flat: 10_000 },
        commissionBps: 150,
        products: [
          { code: 'waecdirect', name: 'WAEC Result Checker PIN', kind: 'pin', fixedAmount: 350_000 },
        ],
        reason: 'new biller',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      id: 'waec',
      category: 'education',
      serviceId: 'waec',
      enabled: true,
    });
    expect(await audits('biller.create', 'waec')).toBe(1);
    const twice = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/billers',
      headers: admin.auth,
      payload: { ...(created.json() as object), products: [], reason: 'again' },
    });
    expect(twice.statusCode).toBe(400); // unknown fields / no products: nothing changes
    expect((await get(t.app, undefined, '/v1/billers?category=education')).json().data).toHaveLength(1);

    const patch = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'PATCH', url: '/v1/admin/billers/waec', headers: admin.auth, payload });
    const bad = await patch({ minAmount: 400_000, reason: 'bounds' });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'invalid_bounds']);
    expect(
      (await patch({ enabled: false, name: 'WAEC PIN', reason: 'provider outage' })).json(),
    ).toMatchObject({
      enabled: false,
      name: 'WAEC PIN',
    });
    expect((await get(t.app, undefined, '/v1/billers?category=education')).json().data).toHaveLength(0);
    expect(await audits('biller.update', 'waec')).toBe(1);
    const customer = await registerUser(t.app);
    expect((await get(t.app, customer, '/v1/admin/billers')).statusCode).toBe(403);
  });

  it('syncs fixed prices from the provider, records the change, and re-quotes a payment at the old price', async () => {
    const user = await registerUser(t.app);
    await setTier(t.testDb.db, user.id, 3);
    const walletId = (await walletOf(t.app, user)).id;
    await fund(t.app, user, walletId, 1_000_000);
    // The worker's first scheduled sync has run (it finds the seeded prices unchanged).
    await eventually(async () => {
      const { rows } = await t.ctx.db.query(
        "SELECT 1 FROM bills.billers WHERE id = 'mtn-data' AND synced_at IS NOT NULL",
      );
      return rows.length > 0;
    }, 10_000);
    expect((await get(t.app, admin, '/v1/admin/billers/mtn-data/price-history')).json().data).toEqual([]);
    for (const sim of t.ctx.providers?.sims ?? []) sim.setPrice('mtn-data', 'mtn-1gb-500', 60_000n);

    const sync = await post(t.app, admin, '/v1/admin/billers/mtn-data/sync', {}, null);
    expect(sync.statusCode, sync.body).toBe(200);
    expect(sync.json().changes).toEqual([
      {
        code: 'mtn-1gb-500',
        name: 'MTN N500 1GB - 7 days',
        oldAmount: 50_000,
        newAmount: 60_000,
        added: false,
      },
    ]);
    expect((await post(t.app, admin, '/v1/admin/billers/mtn-data/sync', {}, null)).json().changes).toEqual(
      [],
    );
    expect(await audits('biller.sync', 'mtn-data')).toBe(2);
    const history = (await get(t.app, admin, '/v1/admin/billers/mtn-data/price-history')).json().data;
    expect(history[0]).toMatchObject({
      productCode: 'mtn-1gb-500',
      oldAmount: 50_000,
      newAmount: 60_000,
      source: 'sync',
    });

    const pay = (amount: number) =>
      post(t.app, user, '/v1/bill-payments', {
        walletId,
        billerId: 'mtn-data',
        productCode: 'mtn-1gb-500',
        customerRef: '08011111111',
        amount,
      });
    const before = await walletOf(t.app, user);
    const stale = await pay(50_000);
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'price_changed']);
    expect(stale.json()).toMatchObject({ amount: 60_000, previousAmount: 50_000 });
    expect((await walletOf(t.app, user)).available).toBe(before.available); // nothing charged
    const quote = await post(
      t.app,
      user,
      '/v1/bill-payments/quote',
      { billerId: 'mtn-data', productCode: 'mtn-1gb-500', amount: 50_000 },
      null,
    );
    expect(quote.json().code).toBe('price_changed');
    expect((await pay(60_000)).statusCode).toBe(202);
    expect((await pay(12_345)).json().code).toBe('amount_mismatch'); // never a price it had
  });

  it('an operator sets a product price: recorded in the history', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/v1/admin/billers/gotv/products/gotv-max',
      headers: admin.auth,
      payload: { name: 'GOtv Max', kind: 'bouquet', fixedAmount: 900_000, reason: 'price rise' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().products).toContainEqual(
      expect.objectContaining({ code: 'gotv-max', fixedAmount: 900_000 }),
    );
    const history = (
      await get(t.app, admin, '/v1/admin/billers/gotv/price-history?productCode=gotv-max')
    ).json();
    expect(history.data[0]).toMatchObject({ oldAmount: 850_000, newAmount: 900_000, source: 'operator' });
    expect(await audits('biller.product', 'gotv')).toBe(1);
  });
});
