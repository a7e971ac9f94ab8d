import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, setTier } from '../test-support/users.js';
import { FAST_PROVIDER_ENV } from './testing.js';

describe.each(backends())('the providers page figures on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, FAST_PROVIDER_ENV, { providers: true, worker: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('come from the recorded calls, not only the breaker of the process that made them', async () => {
    const user = await registerUser(t.app);
    const walletId = (await walletOf(t.app, user)).id;
    await setTier(t.testDb.db, user.id, 3);
    await fund(t.app, user, walletId, 10_000_000);
    const created = await post(t.app, user, '/v1/bill-payments', {
      walletId,
      billerId: 'ikeja-electric',
      productCode: 'prepaid',
      customerRef: '1111111111111',
      amount: 500_000,
    });
    expect(created.statusCode).toBe(202);
    const paymentId = created.json().id;
    const call = (outcome: string, latency: number, at = 'now()') =>
      t.ctx.db.query(
        `INSERT INTO bills.provider_calls (payment_id, provider, op, outcome, latency_ms, at)
         VALUES ($1, 'elsewhere', 'requery', $2, $3, ${at})`,
        [paymentId, outcome, latency],
      );
    for (let i = 1; i <= 8; i++) await call('success', i * 100); // 100..800 ms
    await call('failed', 900);
    await call('unknown', 1000);
    await call('resending', 0); // a marker, not a call
    await call('failed', 5, "now() - interval '2 days'"); // outside the day
    await call('failed', 5, "now() - interval '1 hour'"); // in the day, not in the recent minutes

    const admin = await registerStaff(t.app, t.ctx.db, 'operator');
    const res = await get(t.app, admin, '/v1/admin/providers');
    expect(res.statusCode).toBe(200);
    // Calls recorded by another process: this one's breaker never saw them, the figures still show.
    const vtpass = res.json().data.find((p: { name: string }) => p.name === 'elsewhere');
    expect(vtpass.windowCalls).toBe(0);
    expect(vtpass.recordedCalls).toBe(11);
    expect(vtpass.successRate).toBeCloseTo(8 / 11);
    expect(vtpass.p50Ms).toBe(500);
    expect(vtpass.p95Ms).toBe(1000);
    expect(vtpass.recentCalls).toBe(10);
    expect(vtpass.recentSuccessRate).toBeCloseTo(0.8);
    expect(vtpass.recentP50Ms).toBe(500);
    expect(Date.parse(res.json().since)).toBeLessThan(Date.parse(res.json().recentSince));
  });
});
