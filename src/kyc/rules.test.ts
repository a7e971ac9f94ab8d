/** Tier rule versions: a new version applies from its effective time; older rows never change. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { get, post } from '../test-support/http.js';
import { registerStaff, type TestUser } from '../test-support/users.js';
import { rulesFor } from './index.js';

describe.each(backends())('tier rules on %s', (backend) => {
  let t: TestApp;
  let admin: TestUser;
  let operator: TestUser;
  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = await registerStaff(t.app, t.ctx.db, 'admin');
    operator = await registerStaff(t.app, t.ctx.db, 'operator');
  });
  afterAll(async () => {
    await t.close();
  });

  const version = (who: TestUser, extra: Record<string, unknown> = {}) =>
    post(
      t.app,
      who,
      '/v1/admin/kyc/tiers',
      {
        tier: 1,
        currency: 'NGN',
        dailyDebitLimit: 6_000_000,
        maxBalance: 30_000_000,
        singleTransactionLimit: 6_000_000,
        singleDepositLimit: 30_000_000,
        reason: 'CBN circular, new tier-1 daily limit',
        ...extra,
      },
      null,
    );
  const rows = async () =>
    (await t.ctx.db.query('SELECT * FROM kyc.tier_rules ORDER BY id')).rows.map((r) =>
      JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
    );

  it('is seeded with the CBN figures for NGN and foreign currencies at tier 3 only', async () => {
    const at = new Date();
    expect(await rulesFor(t.ctx.db, 1, 'NGN', at)).toMatchObject({
      dailyDebitLimit: 5_000_000n,
      maxBalance: 30_000_000n,
      singleTransactionLimit: 5_000_000n,
      singleDepositLimit: 30_000_000n,
    });
    expect(await rulesFor(t.ctx.db, 2, 'NGN', at)).toMatchObject({
      dailyDebitLimit: 20_000_000n,
      maxBalance: 50_000_000n,
    });
    expect(await rulesFor(t.ctx.db, 3, 'NGN', at)).toMatchObject({
      dailyDebitLimit: 500_000_000n,
      maxBalance: null,
    });
    for (const currency of ['USD', 'GBP', 'EUR']) {
      expect(await rulesFor(t.ctx.db, 2, currency, at)).toBeUndefined();
      expect(await rulesFor(t.ctx.db, 3, currency, at)).toBeDefined();
    }
  });

  it('applies a new version from its effective time, leaves the old rows unchanged, and audits it', async () => {
    const before = await rows();
    const from = new Date(Date.now() + 60 * 60_000);
    const res = await version(admin, { effectiveFrom: from.toISOString() });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      tier: 1,
      dailyDebitLimit: 6_000_000,
      createdBy: admin.id,
      inForce: false,
    });
    expect((await rows()).slice(0, before.length)).toEqual(before);

    expect((await rulesFor(t.ctx.db, 1, 'NGN', new Date()))?.dailyDebitLimit).toBe(5_000_000n);
    expect((await rulesFor(t.ctx.db, 1, 'NGN', new Date(from.getTime() - 1)))?.dailyDebitLimit).toBe(
      5_000_000n,
    );
    expect((await rulesFor(t.ctx.db, 1, 'NGN', from))?.dailyDebitLimit).toBe(6_000_000n);

    const list = (await get(t.app, operator, '/v1/admin/kyc/tiers')).json().data;
    const tier1 = list.filter(
      (r: { tier: number; currency: string }) => r.tier === 1 && r.currency === 'NGN',
    );
    expect(
      tier1.map((r: { dailyDebitLimit: number; inForce: boolean }) => [r.dailyDebitLimit, r.inForce]),
    ).toEqual([
      [6_000_000, false],
      [5_000_000, true],
    ]);
    const { rows: audit } = await t.ctx.db.query<{ actor_id: string; before: { dailyDebitLimit: string } }>(
      `SELECT actor_id, before FROM identity.audit_log WHERE action = 'kyc.tier_rules_set'`,
    );
    expect(audit).toEqual([
      { actor_id: admin.id, before: expect.objectContaining({ dailyDebitLimit: '5000000' }) },
    ]);
  });

  it('a version effective now applies at once; a version can allow a currency at a lower tier', async () => {
    const res = await version(admin, {
      tier: 2,
      currency: 'USD',
      dailyDebitLimit: 100_000,
      maxBalance: null,
      singleTransactionLimit: 50_000,
      singleDepositLimit: 50_000,
    });
    expect(res.json()).toMatchObject({ inForce: true, maxBalance: null });
    expect((await rulesFor(t.ctx.db, 2, 'USD'))?.dailyDebitLimit).toBe(100_000n);
  });

  it('refuses the past, inconsistent limits, operators and customers, and any rewrite of a row', async () => {
    const past = await version(admin, { effectiveFrom: new Date(Date.now() - 3_600_000).toISOString() });
    expect([past.statusCode, past.json().code]).toEqual([400, 'validation_failed']);
    expect((await version(admin, { singleTransactionLimit: 7_000_000 })).statusCode).toBe(400);
    expect((await version(admin, { singleDepositLimit: 40_000_000 })).statusCode).toBe(400);
    expect((await version(admin, { tier: 4 })).statusCode).toBe(400);
    expect((await version(operator)).json()).toMatchObject({ status: 403, code: 'forbidden' });
    await expect(t.ctx.db.query('UPDATE kyc.tier_rules SET daily_debit_limit = 1')).rejects.toThrow(
      /append-only/,
    );
    await expect(t.ctx.db.query('DELETE FROM kyc.tier_rules')).rejects.toThrow(/append-only/);
  });
});
