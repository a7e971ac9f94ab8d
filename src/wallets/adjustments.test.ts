import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { fund, get, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, type TestUser } from '../test-support/users.js';

describe.each(backends())('manual adjustments on %s', (backend) => {
  let t: TestApp;
  let operator: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp(backend, { ADJUSTMENT_ADMIN_ABOVE: '100000' }, { worker: true });
    operator = await registerStaff(t.app, t.ctx.db, 'operator');
    admin = await registerStaff(t.app, t.ctx.db, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const adjust = (who: TestUser, walletId: string, body: object, key = randomUUID()) =>
    t.app.inject({
      method: 'POST',
      url: `/v1/admin/wallets/${walletId}/adjustments`,
      headers: { ...who.auth, 'idempotency-key': key },
      payload: body,
    });
  const available = async (u: TestUser) => (await walletOf(t.app, u)).available;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.ctx.db.query<{ n: bigint }>(sql, params)).rows[0]!.n);

  it('refunds once per key, with a ledger transaction and its audit row, and corrects back', async () => {
    const c = await registerUser(t.app);
    const w = (await walletOf(t.app, c)).id;
    await fund(t.app, c, w, 50_000);
    const key = randomUUID();
    const body = { direction: 'credit', amount: 25_000, reason: 'Goodwill: token arrived two days late' };
    const first = await adjust(operator, w, body, key);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ walletId: w, userId: c.id, direction: 'credit', amount: 25_000 });
    const again = await adjust(operator, w, body, key);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(await available(c)).toBe(75_000);
    const id = first.json().id;
    expect(
      await count(
        "SELECT count(*) AS n FROM ledger.transactions WHERE id = $1 AND code = 'manual_adjustment'",
        [id],
      ),
    ).toBe(1);
    expect(
      await count(
        "SELECT count(*) AS n FROM identity.audit_log WHERE action = 'wallet.adjustment_credit' AND target_id = $1 AND reason LIKE 'Goodwill%'",
        [w],
      ),
    ).toBe(1);
    const back = await adjust(operator, w, {
      direction: 'debit',
      amount: 25_000,
      reason: 'Refund made in error',
    });
    expect(back.statusCode).toBe(201);
    expect(await available(c)).toBe(50_000);
  });

  it('above ADJUSTMENT_ADMIN_ABOVE needs an admin; refuses overdrawing and bad input without moving money', async () => {
    const c = await registerUser(t.app);
    const w = (await walletOf(t.app, c)).id;
    await fund(t.app, c, w, 10_000);
    const big = { direction: 'credit', amount: 100_001, reason: 'Large refund for a failed vend' };
    const refused = await adjust(operator, w, big);
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'adjustment_needs_admin']);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(await available(c)).toBe(10_000);
    expect((await adjust(admin, w, big)).statusCode).toBe(201);
    expect(await available(c)).toBe(110_001);

    const audit0 = await count('SELECT count(*) AS n FROM identity.audit_log');
    const over = await adjust(admin, w, {
      direction: 'debit',
      amount: 200_000,
      reason: 'More than it holds',
    });
    expect([over.statusCode, over.json().code]).toEqual([422, 'insufficient_funds']);
    expect(
      (await adjust(operator, w, { direction: 'credit', amount: -5, reason: 'negative' })).statusCode,
    ).toBe(400);
    expect((await adjust(operator, w, { direction: 'credit', amount: 5, reason: '' })).statusCode).toBe(400);
    expect(
      (await adjust(operator, randomUUID(), { direction: 'credit', amount: 5, reason: 'no wallet' }))
        .statusCode,
    ).toBe(404);
    const noKey = await t.app.inject({
      method: 'POST',
      url: `/v1/admin/wallets/${w}/adjustments`,
      headers: operator.auth,
      payload: { direction: 'credit', amount: 5, reason: 'no key here' },
    });
    expect(noKey.statusCode).toBe(400);
    expect(await available(c)).toBe(110_001);
    expect(await count('SELECT count(*) AS n FROM identity.audit_log')).toBe(audit0);
    // Customers and support cannot.
    expect((await adjust(c, w, { direction: 'credit', amount: 5, reason: 'for myself' })).statusCode).toBe(
      403,
    );
    const support = await registerStaff(t.app, t.ctx.db, 'support');
    expect(
      (await adjust(support, w, { direction: 'credit', amount: 5, reason: 'support try' })).statusCode,
    ).toBe(403);
    expect((await get(t.app, c, `/v1/wallets/${w}`)).json().available).toBe(110_001);
  });
});
