/**
 * A person's KYC and sessions on the console's customer page, through the
 * API: tier, verified numbers (last four only), tier-3 requests with their
 * decisions, limits use per wallet currency; sessions listed and ended by
 * operators and admins (audited, at once), read but never ended by support.
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { verifyContacts } from '../test-support/contacts.js';
import { backends } from '../test-support/db.js';
import { fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, type TestUser } from '../test-support/users.js';

describe.each(backends())('the customer page’s KYC and sessions on %s', (backend) => {
  let t: TestApp;
  let admin: TestUser;
  let operator: TestUser;
  let support: TestUser;
  beforeAll(async () => {
    t = await createTestApp(backend, {}, { worker: true });
    admin = await registerStaff(t.app, t.ctx.db, 'admin');
    operator = await registerStaff(t.app, t.ctx.db, 'operator');
    support = await registerStaff(t.app, t.ctx.db, 'support');
  });
  afterAll(async () => {
    await t.close();
  });

  const del = (who: TestUser, url: string) => t.app.inject({ method: 'DELETE', url, headers: who.auth });
  const audits = async (targetId: string) =>
    (
      await t.ctx.db.query<{ actor_id: string; action: string; reason: string | null; after: unknown }>(
        `SELECT actor_id, action, reason, after FROM identity.audit_log
          WHERE target_id = $1 AND action = 'user.session_end' ORDER BY id`,
        [targetId],
      )
    ).rows;

  async function tier2User(): Promise<TestUser> {
    const user = await registerUser(t.app, { phone: `0813${randomInt(1_000_000, 9_999_999)}` });
    await verifyContacts(t.ctx.db, user.id);
    const bvn = await post(
      t.app,
      user,
      '/v1/me/kyc/bvn',
      { bvn: '22222222222', dateOfBirth: '1990-05-17' },
      null,
    );
    expect(bvn.statusCode).toBe(200);
    expect((await post(t.app, user, '/v1/me/kyc/nin', { nin: '11111111111' }, null)).json().tier).toBe(2);
    return user;
  }
  const submit = (user: TestUser, idNumber: string) =>
    post(
      t.app,
      user,
      '/v1/me/kyc/tier3',
      { address: '12 Adeola Odeku Street, Victoria Island, Lagos', idType: 'passport', idNumber },
      null,
    );

  it('shows staff the tier, the numbers’ last four only, every tier-3 request and its decision', async () => {
    const user = await tier2User();
    const first = (await submit(user, 'A01234567')).json();
    const rejected = await post(
      t.app,
      operator,
      `/v1/admin/kyc/reviews/${first.id}/reject`,
      { reason: 'photo unreadable' },
      null,
    );
    expect(rejected.statusCode).toBe(200);
    const second = (await submit(user, 'A07654321')).json();
    const res = await get(t.app, support, `/v1/admin/users/${user.id}/kyc`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      userId: user.id,
      tier: 2,
      status: 'review_pending',
      bvn: { last4: '2222' },
      nin: { last4: '1111' },
      pnd: false,
    });
    expect(body.bvn.verifiedAt).toEqual(expect.any(String));
    expect(res.body).not.toContain('22222222222');
    expect(res.body).not.toContain('11111111111');
    expect(res.body).not.toContain('A01234567');
    expect(body.reviews).toHaveLength(2);
    expect(body.reviews[0]).toMatchObject({
      id: second.id,
      status: 'pending',
      reviewer: null,
      decidedAt: null,
    });
    expect(body.reviews[1]).toMatchObject({
      id: first.id,
      status: 'rejected',
      idType: 'passport',
      idNumber: '****4567',
      reason: 'photo unreadable',
      reviewerId: operator.id,
      reviewer: { id: operator.id, email: operator.email },
    });
    expect(body.reviews[1].decidedAt).toEqual(expect.any(String));
  });

  it('shows each wallet currency’s tier limits, today’s debits and what is held', async () => {
    const user = await registerUser(t.app);
    const wallet = await walletOf(t.app, user);
    await fund(t.app, user, wallet.id, 30_000);
    const body = (await get(t.app, operator, `/v1/admin/users/${user.id}/kyc`)).json();
    expect(body.tier).toBe(1);
    expect(body.wallets).toHaveLength(1);
    const ngn = body.wallets[0];
    expect(ngn).toMatchObject({ currency: 'NGN', held: 30_000, usage: { dailyDebitUsed: 0 } });
    expect(ngn.limits.dailyDebitLimit).toEqual(expect.any(Number));
    expect(ngn.limits.maxBalance).toEqual(expect.any(Number));
    expect(ngn.usage.balanceHeadroom).toBe(ngn.limits.maxBalance - 30_000);
    // The same figures the person is shown.
    const own = (await get(t.app, user, '/v1/me/kyc')).json();
    expect(own.limits).toEqual(ngn.limits);
    expect(own.usage).toEqual(ngn.usage);
  });

  it('is staff only and answers 404 for nobody', async () => {
    const user = await registerUser(t.app);
    expect((await get(t.app, user, `/v1/admin/users/${user.id}/kyc`)).statusCode).toBe(403);
    expect((await get(t.app, user, `/v1/admin/users/${user.id}/sessions`)).statusCode).toBe(403);
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect((await get(t.app, admin, `/v1/admin/users/${nobody}/kyc`)).json().code).toBe('not_found');
    expect((await get(t.app, admin, `/v1/admin/users/${nobody}/sessions`)).json().code).toBe('not_found');
  });

  it('lists sessions; an operator ends one at once, audited; support may not', async () => {
    const user = await registerUser(t.app);
    const login = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: user.email, password: user.password },
      headers: { 'user-agent': 'VendraApp/2.1 (Android 14; Pixel 8)' },
      remoteAddress: '192.0.2.44',
    });
    const other = { authorization: `Bearer ${login.json().accessToken}` };
    const listed = await get(t.app, support, `/v1/admin/users/${user.id}/sessions`);
    expect(listed.statusCode).toBe(200);
    const sessions = listed.json().data;
    expect(sessions).toHaveLength(2);
    const otherId = sessions[0].id as string;
    expect(sessions[0]).toMatchObject({
      device: 'Vendra app on Android',
      ip: '192.0.2.44',
      active: true,
      revokedAt: null,
      revokedReason: null,
    });
    const url = `/v1/admin/users/${user.id}/sessions/${otherId}`;
    const refused = await del(support, url);
    expect(refused.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: other })).statusCode).toBe(200);
    expect(await audits(user.id)).toEqual([]);

    expect((await del(operator, `${url}?reason=lost%20phone`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: other })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: user.auth })).statusCode).toBe(200);
    const after = (await get(t.app, operator, `/v1/admin/users/${user.id}/sessions`)).json().data;
    expect(after[0]).toMatchObject({ id: otherId, active: false, revokedReason: 'admin' });
    expect(after[0].revokedAt).toEqual(expect.any(String));
    expect(await audits(user.id)).toEqual([
      expect.objectContaining({
        actor_id: operator.id,
        reason: 'lost phone',
        after: expect.objectContaining({ sessionId: otherId }),
      }),
    ]);
    // Again: nothing changes, nothing more is recorded.
    expect((await del(operator, url)).statusCode).toBe(204);
    expect(await audits(user.id)).toHaveLength(1);
  });

  it('refuses a session of someone else, a staff member’s for an operator, and one’s own', async () => {
    const user = await registerUser(t.app);
    const stranger = await registerUser(t.app);
    const strangers = (await get(t.app, admin, `/v1/admin/users/${stranger.id}/sessions`)).json().data;
    const res = await del(operator, `/v1/admin/users/${user.id}/sessions/${strangers[0].id}`);
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
    const staff = await registerStaff(t.app, t.ctx.db, 'operator');
    const staffSessions = (await get(t.app, admin, `/v1/admin/users/${staff.id}/sessions`)).json().data;
    const url = `/v1/admin/users/${staff.id}/sessions/${staffSessions[0].id}`;
    expect((await del(operator, url)).json()).toMatchObject({ status: 403, code: 'forbidden' });
    const own = (await get(t.app, admin, `/v1/admin/users/${admin.id}/sessions`)).json().data;
    const self = await del(admin, `/v1/admin/users/${admin.id}/sessions/${own[0].id}`);
    expect(self.json()).toMatchObject({ status: 409, code: 'cannot_target_self' });
    expect((await del(admin, url)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: staff.auth })).statusCode).toBe(401);
  });
});
