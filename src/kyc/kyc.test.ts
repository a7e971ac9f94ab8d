/**
 * KYC through the API: the sandbox numbers, tier 1 -> 2 -> 3 (review approve
 * and reject, audited), post-no-debit, the summary's limits and usage, and
 * identity numbers sealed at rest.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { fund, get, post, walletOf } from '../test-support/http.js';
import { verifyContacts } from '../test-support/contacts.js';
import { registerStaff, registerUser, type TestUser } from '../test-support/users.js';
import { createSealer, debitRefusal, lagosDay, tierOf } from './index.js';

const BVN = '22222222222';
const NIN = '11111111111';
const DOB = '1990-05-17';

describe.each(backends())('KYC on %s', (backend) => {
  let t: TestApp;
  let admin: TestUser;
  let operator: TestUser;
  beforeAll(async () => {
    t = await createTestApp(backend, {}, { worker: true });
    admin = await registerStaff(t.app, t.ctx.db, 'admin');
    operator = await registerStaff(t.app, t.ctx.db, 'operator');
  });
  afterAll(async () => {
    await t.close();
  });

  const bvn = (user: TestUser, number = BVN, dateOfBirth = DOB) =>
    post(t.app, user, '/v1/me/kyc/bvn', { bvn: number, dateOfBirth }, null);
  const nin = (user: TestUser, number = NIN) => post(t.app, user, '/v1/me/kyc/nin', { nin: number }, null);
  const summary = async (user: TestUser, currency = 'NGN') =>
    (await get(t.app, user, `/v1/me/kyc?currency=${currency}`)).json();
  const attempts = async (userId: string) =>
    (
      await t.ctx.db.query<{ kind: string; result: string; provider: string; last4: string }>(
        'SELECT kind, result, provider, last4 FROM kyc.verifications WHERE user_id = $1 ORDER BY id',
        [userId],
      )
    ).rows;
  const audit = async (action: string, targetId: string) =>
    (
      await t.ctx.db.query<{ actor_id: string; reason: string; before: unknown; after: unknown }>(
        'SELECT actor_id, reason, before, after FROM identity.audit_log WHERE action = $1 AND target_id = $2',
        [action, targetId],
      )
    ).rows;

  /** A person whose phone is verified (tiers 2 and 3 need it). */
  async function phoned(overrides: { fullName?: string } = {}): Promise<TestUser> {
    const user = await registerUser(t.app, { ...overrides, phone: `0813${randomInt(1_000_000, 9_999_999)}` });
    await verifyContacts(t.ctx.db, user.id);
    return user;
  }

  it('starts every account at tier 1 with the CBN tier-1 limits and the BVN and NIN to go', async () => {
    const user = await registerUser(t.app);
    expect(await tierOf(t.ctx.db, user.id)).toBe(1);
    const s = await summary(user);
    expect(s).toMatchObject({
      tier: 1,
      status: 'active',
      bvn: null,
      nin: null,
      currency: 'NGN',
      limits: { dailyDebitLimit: 5_000_000, maxBalance: 30_000_000, singleTransactionLimit: 5_000_000 },
      usage: { dailyDebitUsed: 0, balanceHeadroom: 30_000_000 },
      nextTier: { tier: 2, requirements: ['verified_phone', 'bvn', 'nin'] },
    });
    expect(s.usage.resetsAt).toBe(lagosDay(new Date()).end.toISOString());
    // Foreign currencies are allowed at tier 3 only.
    expect((await summary(user, 'USD')).limits).toBeNull();
    expect((await summary(user, 'USD')).usage.balanceHeadroom).toBe(0);
  });

  it('answers each sandbox number as documented and records every attempt without the number', async () => {
    const user = await registerUser(t.app, { fullName: 'Ngozi Amaka Eze' });
    const malformed = await bvn(user, '2222222222'); // 10 digits
    expect([malformed.statusCode, malformed.json().code]).toEqual([400, 'validation_failed']);
    expect((await nin(user, '1111111111a')).json().code).toBe('validation_failed');
    expect((await bvn(user, '22222222223')).json()).toMatchObject({ status: 422, code: 'kyc_name_mismatch' });
    expect((await bvn(user, '01234567890')).json()).toMatchObject({ status: 422, code: 'bvn_not_found' });
    expect((await nin(user, '01234567890')).json()).toMatchObject({ status: 422, code: 'nin_not_found' });
    expect((await nin(user, '22222222223')).json().code).toBe('kyc_name_mismatch');
    const ok = await bvn(user);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ kind: 'bvn', status: 'verified', number: '*******2222', tier: 1 });
    expect((await bvn(user)).json()).toMatchObject({ status: 409, code: 'kyc_already_verified' });
    expect(await attempts(user.id)).toEqual([
      { kind: 'bvn', result: 'name_mismatch', provider: 'sandbox', last4: '2223' },
      { kind: 'bvn', result: 'not_found', provider: 'sandbox', last4: '7890' },
      { kind: 'nin', result: 'not_found', provider: 'sandbox', last4: '7890' },
      { kind: 'nin', result: 'name_mismatch', provider: 'sandbox', last4: '2223' },
      { kind: 'bvn', result: 'verified', provider: 'sandbox', last4: '2222' },
    ]);
    // The sandbox's test numbers are shared: another account verifies them too.
    const other = await registerUser(t.app);
    expect((await bvn(other)).statusCode).toBe(200);
  });

  it('moves tier 1 -> 2 with both numbers verified, keeping them sealed at rest', async () => {
    const user = await phoned({ fullName: 'Tunde Bakare' });
    expect((await nin(user)).json()).toMatchObject({ kind: 'nin', number: '*******1111', tier: 1 });
    expect((await summary(user)).nextTier).toEqual({ tier: 2, requirements: ['bvn'] });
    expect((await bvn(user)).json()).toMatchObject({ kind: 'bvn', tier: 2 });
    expect(await tierOf(t.ctx.db, user.id)).toBe(2);
    const s = await summary(user);
    expect(s).toMatchObject({
      tier: 2,
      bvn: '*******2222',
      nin: '*******1111',
      limits: { dailyDebitLimit: 20_000_000, maxBalance: 50_000_000, singleTransactionLimit: 10_000_000 },
      nextTier: { tier: 3, requirements: ['address_and_id', 'review_approval'] },
    });

    const { rows } = await t.ctx.db.query<Record<string, unknown>>(
      'SELECT * FROM kyc.profiles WHERE user_id = $1',
      [user.id],
    );
    const row = rows[0]!;
    expect(JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toMatch(
      /22222222222|11111111111/,
    );
    expect(row).toMatchObject({ verified_first_name: 'Tunde', verified_last_name: 'Bakare' });
    const sealer = createSealer(t.ctx.config.kyc.encryptionKey);
    expect(sealer.open(row.bvn_ciphertext as string)).toBe(BVN);
    expect(sealer.open(row.nin_ciphertext as string)).toBe(NIN);
  });

  async function tier2User(): Promise<TestUser> {
    const user = await phoned();
    expect((await bvn(user)).statusCode).toBe(200);
    expect((await nin(user)).json().tier).toBe(2);
    return user;
  }
  const submit = (user: TestUser) =>
    post(
      t.app,
      user,
      '/v1/me/kyc/tier3',
      {
        address: '12 Adeola Odeku Street, Victoria Island, Lagos',
        idType: 'passport',
        idNumber: 'A01234567',
      },
      null,
    );
  const decide = (who: TestUser, id: string, verb: 'approve' | 'reject', reason = 'documents checked') =>
    post(t.app, who, `/v1/admin/kyc/reviews/${id}/${verb}`, { reason }, null);

  it('refuses tier 3 below tier 2, queues a request, and approves it into tier 3 (audited)', async () => {
    const early = await registerUser(t.app);
    expect((await submit(early)).json()).toMatchObject({ status: 409, code: 'kyc_tier_required' });
    const user = await tier2User();
    const submitted = await submit(user);
    expect(submitted.statusCode).toBe(202);
    const review = submitted.json();
    expect(review).toMatchObject({
      status: 'pending',
      idType: 'passport',
      idNumber: '****4567',
      userId: user.id,
    });
    expect((await submit(user)).json().code).toBe('kyc_review_pending');
    expect((await summary(user)).status).toBe('review_pending');
    expect((await summary(user)).nextTier.requirements).toEqual(['review_approval']);

    const queue = await get(t.app, operator, '/v1/admin/kyc/reviews?limit=100');
    expect(queue.statusCode).toBe(200);
    expect(queue.json().data.map((r: { id: string }) => r.id)).toContain(review.id);
    expect((await get(t.app, user, '/v1/admin/kyc/reviews')).statusCode).toBe(403);
    expect((await decide(user, review.id, 'approve')).statusCode).toBe(403);
    expect((await decide(operator, randomUUID(), 'approve')).json().code).toBe('not_found');

    const approved = await decide(operator, review.id, 'approve', 'passport matches the BVN photo');
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', reviewerId: operator.id });
    expect(await tierOf(t.ctx.db, user.id)).toBe(3);
    expect((await decide(admin, review.id, 'reject')).json()).toMatchObject({
      status: 409,
      code: 'review_not_pending',
    });
    expect(await audit('kyc.review_approve', user.id)).toEqual([
      {
        actor_id: operator.id,
        reason: 'passport matches the BVN photo',
        before: { reviewId: review.id, status: 'pending', tier: 2 },
        after: { reviewId: review.id, status: 'approved', tier: 3 },
      },
    ]);
    const s = await summary(user);
    expect(s).toMatchObject({ tier: 3, status: 'active', nextTier: { tier: null, requirements: [] } });
    expect(s.limits).toMatchObject({ dailyDebitLimit: 500_000_000, maxBalance: null });
    expect(s.usage.balanceHeadroom).toBeNull();
    expect((await summary(user, 'USD')).limits).not.toBeNull();
    expect((await submit(user)).json().code).toBe('kyc_already_verified');
  });

  it('rejects a request with a reason (audited); the person stays at tier 2 and may submit again', async () => {
    const user = await tier2User();
    const review = (await submit(user)).json();
    const rejected = await decide(admin, review.id, 'reject', 'address unreadable');
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      reason: 'address unreadable',
      reviewerId: admin.id,
    });
    expect(await tierOf(t.ctx.db, user.id)).toBe(2);
    expect(await audit('kyc.review_reject', user.id)).toEqual([
      expect.objectContaining({
        actor_id: admin.id,
        after: { reviewId: review.id, status: 'rejected', tier: 2 },
      }),
    ]);
    const rejectedList = await get(t.app, admin, '/v1/admin/kyc/reviews?status=rejected&limit=1');
    expect(rejectedList.json()).toMatchObject({ data: [expect.objectContaining({ status: 'rejected' })] });
    expect((await submit(user)).statusCode).toBe(202);
  });

  it('tiers 2 and 3 need a verified phone (403 phone_unverified, nothing looked up); admins change that, audited', async () => {
    const user = await registerUser(t.app, { phone: `0814${randomInt(1_000_000, 9_999_999)}` });
    expect((await nin(user)).json().tier).toBe(1); // the first number does not move the tier
    const before = (await attempts(user.id)).length;
    const refused = await bvn(user);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({ code: 'phone_unverified', tier: 2 });
    expect(await attempts(user.id)).toHaveLength(before); // refused before the provider was asked
    expect(await tierOf(t.ctx.db, user.id)).toBe(1);
    expect((await summary(user)).nextTier).toEqual({ tier: 2, requirements: ['verified_phone', 'bvn'] });
    await verifyContacts(t.ctx.db, user.id);
    expect((await bvn(user)).json().tier).toBe(2);

    // Tier 3: the request and, when the setting was turned on since, the approval.
    const settings = (await get(t.app, operator, '/v1/admin/kyc/tier-settings')).json().data;
    expect(settings.map((r: { requiresVerifiedPhone: boolean }) => r.requiresVerifiedPhone)).toEqual([
      false,
      true,
      true,
    ]);
    const put = (who: TestUser, requiresVerifiedPhone: boolean) =>
      t.app.inject({
        method: 'PUT',
        url: '/v1/admin/kyc/tier-settings/3',
        headers: who.auth,
        payload: { requiresVerifiedPhone, reason: 'phone check for tier 3' },
      });
    expect((await put(operator, false)).statusCode).toBe(403);
    const off = await put(admin, false);
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ tier: 3, requiresVerifiedPhone: false, updatedBy: admin.id });
    await t.ctx.db.query('UPDATE identity.users SET phone_verified_at = NULL WHERE id = $1', [user.id]);
    const review = await submit(user);
    expect(review.statusCode).toBe(202);
    expect((await put(admin, true)).statusCode).toBe(200);
    const approval = await decide(operator, review.json().id, 'approve');
    expect(approval.json()).toMatchObject({ status: 403, code: 'phone_unverified' });
    expect(await tierOf(t.ctx.db, user.id)).toBe(2); // nothing changed: the review is still pending
    expect((await summary(user)).nextTier.requirements).toEqual(['verified_phone', 'review_approval']);
    await verifyContacts(t.ctx.db, user.id);
    expect((await decide(operator, review.json().id, 'approve')).statusCode).toBe(200);
    expect(await tierOf(t.ctx.db, user.id)).toBe(3);
    expect((await audit('kyc.tier_settings_set', '3')).map((a) => a.after)).toEqual([
      expect.objectContaining({ requiresVerifiedPhone: false }),
      expect.objectContaining({ requiresVerifiedPhone: true }),
    ]);
  });

  it('post-no-debit: staff set and lift it with a reason (audited), and debitRefusal answers 403 kyc_required', async () => {
    const user = await registerUser(t.app);
    expect(await debitRefusal(t.ctx, user.id)).toBeUndefined();
    const set = await post(
      t.app,
      operator,
      `/v1/admin/users/${user.id}/pnd`,
      { on: true, reason: 'fraud report' },
      null,
    );
    expect(set.json()).toEqual({ userId: user.id, pnd: true, pndReason: 'fraud report' });
    const refusal = await debitRefusal(t.ctx, user.id);
    expect(refusal).toMatchObject({ code: 'kyc_required', status: 403 });
    expect((await summary(user)).status).toBe('post_no_debit');
    expect(
      (await post(t.app, user, `/v1/admin/users/${user.id}/pnd`, { on: false, reason: 'me' }, null))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(t.app, operator, `/v1/admin/users/${admin.id}/pnd`, { on: true, reason: 'staff' }, null))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await post(t.app, operator, `/v1/admin/users/${operator.id}/pnd`, { on: true, reason: 'self' }, null)
      ).json().code,
    ).toBe('cannot_target_self');
    const lifted = await post(
      t.app,
      admin,
      `/v1/admin/users/${user.id}/pnd`,
      { on: false, reason: 'cleared' },
      null,
    );
    expect(lifted.json()).toEqual({ userId: user.id, pnd: false, pndReason: null });
    expect(await debitRefusal(t.ctx, user.id)).toBeUndefined();
    expect((await audit('kyc.pnd_on', user.id)).map((a) => a.reason)).toEqual(['fraud report']);
    expect((await audit('kyc.pnd_off', user.id)).map((a) => a.actor_id)).toEqual([admin.id]);
  });

  it('KYC_TIER1_REQUIRES_ID=true: no BVN and no NIN is post-no-debit until one is verified', async () => {
    const strict = {
      ...t.ctx,
      config: { ...t.ctx.config, kyc: { ...t.ctx.config.kyc, tier1RequiresId: true } },
    };
    const user = await registerUser(t.app);
    expect(await debitRefusal(strict, user.id)).toMatchObject({
      code: 'kyc_required',
      extra: { reason: 'identity_required' },
    });
    expect((await nin(user)).statusCode).toBe(200);
    expect(await debitRefusal(strict, user.id)).toBeUndefined();
  });

  it("counts today's debits and the balance headroom from the ledger", async () => {
    const user = await registerUser(t.app);
    const friend = await registerUser(t.app);
    const wallet = await walletOf(t.app, user);
    await walletOf(t.app, friend);
    await fund(t.app, user, wallet.id, 2_000_000);
    const sent = await post(t.app, user, '/v1/transfers', {
      fromWalletId: wallet.id,
      to: { email: friend.email },
      amount: 300_000,
    });
    expect(sent.statusCode).toBe(201);
    const s = await summary(user);
    expect(s.usage.dailyDebitUsed).toBe(300_000);
    expect(s.usage.balanceHeadroom).toBe(30_000_000 - 1_700_000);
    expect((await summary(friend)).usage).toMatchObject({
      dailyDebitUsed: 0,
      balanceHeadroom: 30_000_000 - 300_000,
    });
  });
});

describe('the Lagos day', () => {
  it('runs from 23:00 UTC to 23:00 UTC', () => {
    expect(lagosDay(new Date('2026-03-10T22:59:59.999Z'))).toEqual({
      start: new Date('2026-03-09T23:00:00.000Z'),
      end: new Date('2026-03-10T23:00:00.000Z'),
    });
    expect(lagosDay(new Date('2026-03-10T23:00:00.000Z')).start).toEqual(
      new Date('2026-03-10T23:00:00.000Z'),
    );
  });
});

describe('sealing', () => {
  it('round-trips, never repeats a ciphertext, refuses another key and tampering', () => {
    const sealer = createSealer(Buffer.alloc(32, 1).toString('base64'));
    const a = sealer.seal(BVN);
    expect(a).not.toContain(BVN);
    expect(sealer.seal(BVN)).not.toBe(a);
    expect(sealer.open(a)).toBe(BVN);
    expect(sealer.lookup('bvn', BVN)).toBe(sealer.lookup('bvn', BVN));
    expect(sealer.lookup('bvn', BVN)).not.toBe(sealer.lookup('nin', BVN));
    expect(() => createSealer(Buffer.alloc(32, 2).toString('base64')).open(a)).toThrow();
    const raw = Buffer.from(a, 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => sealer.open(raw.toString('base64'))).toThrow();
    expect(() => createSealer(Buffer.alloc(16).toString('base64'))).toThrow(RangeError);
  });
});

describe('verification rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { RATE_LIMIT_KYC_PER_HOUR: '2' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 rate_limited past RATE_LIMIT_KYC_PER_HOUR verifications per user', async () => {
    const user = await registerUser(t.app);
    const tries = [];
    for (let i = 0; i < 3; i++)
      tries.push((await post(t.app, user, '/v1/me/kyc/nin', { nin: '01234567890' }, null)).statusCode);
    expect(tries).toEqual([422, 422, 429]);
    // Per user: somebody else still may.
    const other = await registerUser(t.app);
    expect((await post(t.app, other, '/v1/me/kyc/nin', { nin: '11111111111' }, null)).statusCode).toBe(200);
  });
});
