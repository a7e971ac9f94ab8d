import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_PROVIDER_ENV } from '../bills/testing.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, setTier } from '../test-support/users.js';
import { periodOf, startOfLagosDay } from './dashboard-routes.js';

interface Rail {
  rail: string;
  group: string;
  count: number;
  succeeded: number;
  volume: number;
  feeRevenue: number;
  commissionRevenue: number;
  successRate: number | null;
}

describe('the dashboard period', () => {
  it('defaults to today in Lagos and refuses backwards or overlong periods', () => {
    expect(startOfLagosDay(new Date('2026-03-01T23:30:00Z')).toISOString()).toBe('2026-03-01T23:00:00.000Z');
    expect(startOfLagosDay(new Date('2026-03-01T10:00:00Z')).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(() => periodOf({ from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' })).toThrow(/before/);
    expect(() => periodOf({ from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' })).toThrow(/at most/);
  });
});

describe.each(backends())('GET /v1/admin/dashboard/money on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, FAST_PROVIDER_ENV, { providers: true, worker: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows volume, count, fees and commission per rail, composed from each module', async () => {
    const start = new Date(Date.now() - 1000).toISOString();
    const a = await registerUser(t.app);
    const b = await registerUser(t.app);
    await setTier(t.testDb.db, a.id, 3);
    const wa = (await walletOf(t.app, a)).id;
    const wb = (await walletOf(t.app, b)).id;
    await fund(t.app, a, wa, 2_000_000);
    const sent = await post(t.app, a, '/v1/transfers', {
      fromWalletId: wa,
      to: { walletId: wb },
      amount: 50_000,
    });
    expect(sent.statusCode).toBe(201);
    const paid = await post(t.app, a, '/v1/bill-payments', {
      walletId: wa,
      billerId: 'mtn',
      productCode: 'airtime',
      customerRef: '08011111111',
      amount: 100_000,
    });
    expect(paid.statusCode).toBe(202);
    const done = await eventually(async () => {
      const p = (await get(t.app, a, `/v1/bill-payments/${paid.json().id}`)).json();
      return p.status === 'succeeded' && p;
    }, 15_000);

    const admin = await registerStaff(t.app, t.ctx.db, 'operator');
    const res = await get(t.app, admin, `/v1/admin/dashboard/money?from=${encodeURIComponent(start)}`);
    expect(res.statusCode).toBe(200);
    const rails = res.json().rails as Rail[];
    const rail = (name: string) => rails.find((r) => r.rail === name);
    expect(rail('deposit_card')).toMatchObject({
      group: 'deposits',
      count: 1,
      succeeded: 1,
      volume: 2_000_000,
    });
    expect(rail('transfer')).toMatchObject({ group: 'transfers', count: 1, volume: 50_000 });
    expect(rail('bill_airtime')).toMatchObject({
      group: 'bills',
      count: 1,
      succeeded: 1,
      volume: 100_000,
      feeRevenue: done.fee,
      successRate: 1,
    });
    expect(rail('bill_airtime')?.commissionRevenue).toBeGreaterThanOrEqual(0);
    expect(rails.map((r) => r.group)).toEqual(
      [...rails.map((r) => r.group)].sort(
        (x, y) =>
          ['deposits', 'transfers', 'bills', 'withdrawals'].indexOf(x) -
          ['deposits', 'transfers', 'bills', 'withdrawals'].indexOf(y),
      ),
    );
    for (const r of rails) expect(Number.isInteger(r.volume)).toBe(true);
    const ngn = res.json().totals.find((x: { currency: string }) => x.currency === 'NGN');
    expect(ngn.volume).toBe(2_000_000 + 50_000 + 100_000);
    expect(ngn.count).toBe(3);

    // Today (the default) includes them too; a period before they happened shows none.
    const today = (await get(t.app, admin, '/v1/admin/dashboard/money')).json();
    expect(today.rails.find((r: Rail) => r.rail === 'transfer').count).toBeGreaterThanOrEqual(1);
    const before = await get(
      t.app,
      admin,
      `/v1/admin/dashboard/money?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z`,
    );
    expect(before.json().rails).toEqual([]);
    const bad = await get(
      t.app,
      admin,
      '/v1/admin/dashboard/money?from=2020-01-02T00:00:00Z&to=2020-01-01T00:00:00Z',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.json().code).toBe('validation_failed');
    // Customers cannot read it.
    expect((await get(t.app, a, '/v1/admin/dashboard/money')).statusCode).toBe(403);
  });
});
