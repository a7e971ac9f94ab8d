import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_PROVIDER_ENV } from '../bills/testing.js';
import { loadConfig } from '../config.js';
import { markRefundedByOperator } from '../bills/index.js';
import { getBalance, runAudit } from '../ledger/index.js';
import type { OutboxEvent } from '../outbox/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, setTier, type TestUser } from '../test-support/users.js';
import { checkAutoTopup } from './auto-topup.js';
import { clawBack, processTrigger } from './rewards.js';
import { SANDBOX_CAMPAIGN_ID } from './sandbox.js';
import { promotionConsumers } from './triggers.js';

// The budget test is about concurrency: PostgreSQL when the machine has it.
const backend = backends()[0]!;

describe(`promotions on ${backend}`, () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp(
      backend,
      { ...FAST_PROVIDER_ENV, SANDBOX_CAMPAIGN: 'on' },
      { providers: true, worker: true },
    );
    admin = await registerStaff(t.app, t.testDb.db, 'admin');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  async function campaign(body: Record<string, unknown>, budget: number) {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/campaigns',
      headers: admin.auth,
      payload: body,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const key = randomUUID();
    const funded = await post(t.app, admin, `/v1/admin/campaigns/${id}/fundings`, { amount: budget }, key);
    expect(funded.statusCode, funded.body).toBe(201);
    // A retry of the funding moves nothing twice.
    const again = await post(t.app, admin, `/v1/admin/campaigns/${id}/fundings`, { amount: budget }, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const started = await post(t.app, admin, `/v1/admin/campaigns/${id}/start`, {}, null);
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'active', funded: budget, remaining: budget, spent: 0 });
    return id;
  }

  const fact = (userId: string, sourceRef: string, amount = 100_000n, category = 'airtime') => ({
    trigger: 'bill_payment.succeeded' as const,
    userId,
    sourceRef,
    amount,
    currency: 'NGN',
    category,
    billerId: 'mtn',
    at: new Date(),
  });

  it('pays exactly the budget (₦1,000) across 200 concurrent qualifying payments, and no more', async () => {
    const id = await campaign(
      {
        name: 'Flat ₦7 on airtime',
        trigger: 'bill_payment.succeeded',
        conditions: { categories: ['airtime'] },
        effect: { type: 'flat', amount: 700 },
      },
      100_000,
    );
    const users = await Promise.all(Array.from({ length: 20 }, () => registerUser(t.app)));
    await Promise.all(users.map((u) => walletOf(t.app, u)));
    const facts = Array.from({ length: 200 }, (_, i) =>
      fact(users[i % 20]!.id, `bill_payment:${randomUUID()}`),
    );
    await Promise.all(facts.map((f) => processTrigger(t.ctx, f)));
    // Redelivered: nothing is paid twice.
    await Promise.all(facts.slice(0, 50).map((f) => processTrigger(t.ctx, f)));
    const { rows } = await t.ctx.db.query<{ status: string; n: number; paid: string }>(
      `SELECT status, count(*)::int AS n, sum(amount)::text AS paid FROM promotions.rewards WHERE campaign_id = $1 GROUP BY status`,
      [id],
    );
    const paid = rows.find((r) => r.status === 'paid');
    expect(BigInt(paid?.paid ?? 0)).toBe(100_000n);
    expect(paid?.n).toBe(143); // 142 × ₦7 and the ₦6 remainder
    expect(rows.find((r) => r.status === 'skipped')?.n).toBe(57);
    const view = (await get(t.app, admin, `/v1/admin/campaigns/${id}`)).json();
    expect(view).toMatchObject({ funded: 100_000, spent: 100_000, remaining: 0, redemptions: 143 });
    const redemptions = (await get(t.app, admin, `/v1/admin/campaigns/${id}/rewards`)).json().data;
    expect(redemptions.filter((r: { reason: string }) => r.reason === 'budget_exhausted')).toHaveLength(57);
    let credited = 0n;
    for (const u of users) credited += (await getBalance(t.ctx.db, (await walletOf(t.app, u)).id))!.posted;
    expect(credited).toBe(100_000n);
    await post(t.app, admin, `/v1/admin/campaigns/${id}/end`, {}, null);
  }, 120_000);

  it('the seeded sandbox campaign pays 2% capped at ₦200 on electricity, and a reversal claws it back', async () => {
    const seeded = (await get(t.app, admin, `/v1/admin/campaigns/${SANDBOX_CAMPAIGN_ID}`)).json();
    expect(seeded).toMatchObject({
      status: 'active',
      sandbox: true,
      effect: { type: 'cashback_percent', bps: 200, cap: 20_000 },
    });
    const user = await registerUser(t.app);
    const walletId = (await walletOf(t.app, user)).id;
    await setTier(t.testDb.db, user.id, 3);
    await fund(t.app, user, walletId, 5_000_000);
    const listed = (await get(t.app, user, '/v1/campaigns')).json().data;
    expect(listed.map((c: { id: string }) => c.id)).toContain(SANDBOX_CAMPAIGN_ID);
    const pay = (amount: number) =>
      post(t.app, user, '/v1/bill-payments', {
        walletId,
        billerId: 'ikeja-electric',
        productCode: 'prepaid',
        customerRef: '1111111111111',
        amount,
      });
    const big = await pay(1_500_000); // ₦15,000: 2% is ₦300, capped at ₦200
    expect(big.statusCode, big.body).toBeLessThan(300);
    const small = await pay(500_000); // ₦5,000: ₦100
    const rewards = await eventually(async () => {
      const r = (await get(t.app, user, '/v1/rewards')).json();
      return r.data.length === 2 && r;
    }, 20_000);
    const bySource = (id: string) =>
      rewards.data.find((r: { source: string }) => r.source === `bill_payment:${id}`);
    expect(bySource(big.json().id)).toMatchObject({
      amount: 20_000,
      status: 'paid',
      campaignId: SANDBOX_CAMPAIGN_ID,
    });
    expect(bySource(small.json().id)).toMatchObject({ amount: 10_000, status: 'paid' });
    expect(rewards.totals.earned).toBe(30_000);
    await eventually(async () => {
      const n = (await get(t.app, user, '/v1/notifications')).json().data ?? [];
      return n.some((m: { subject: string }) => m.subject === 'You earned ₦200.00');
    }, 10_000);

    // The event delivered again (twice at once, then later): nothing more is paid.
    const rewardsConsumer = promotionConsumers(t.ctx).find((c) => c.name === 'promotions.rewards')!;
    const again: OutboxEvent = {
      id: 9_000_000_101n,
      type: 'bill_payment.updated',
      key: big.json().id,
      payload: { id: big.json().id, walletId, status: 'succeeded' },
      userId: user.id,
      createdAt: new Date(),
    };
    await Promise.all([rewardsConsumer.handle(again, 1), rewardsConsumer.handle(again, 1)]);
    await rewardsConsumer.handle(again, 2);
    expect((await get(t.app, user, '/v1/rewards')).json().data).toHaveLength(2);

    const before = (await getBalance(t.ctx.db, walletId))!.posted;
    await t.ctx.db.transaction((tx) => markRefundedByOperator(tx, small.json().id, 'refunded in a dispute'));
    await eventually(async () => {
      const r = (await get(t.app, user, '/v1/rewards')).json();
      return r.data.find(
        (x: { source: string; status: string }) =>
          x.source === `bill_payment:${small.json().id}` && x.status === 'clawed_back',
      );
    }, 20_000);
    expect((await getBalance(t.ctx.db, walletId))!.posted).toBe(before - 10_000n);
  }, 90_000);

  it('a clawback after the reward was spent records a receivable for operators', async () => {
    const id = await campaign(
      {
        name: 'Flat ₦50 on cable',
        trigger: 'bill_payment.succeeded',
        conditions: { categories: ['cable'] },
        effect: { type: 'flat', amount: 5_000 },
      },
      50_000,
    );
    const spender = await registerUser(t.app);
    const other = await registerUser(t.app);
    const walletId = (await walletOf(t.app, spender)).id;
    await walletOf(t.app, other);
    const source = `bill_payment:${randomUUID()}`;
    const [reward] = await processTrigger(t.ctx, fact(spender.id, source, 100_000n, 'cable'));
    expect(reward).toMatchObject({ status: 'paid', amount: 5_000n });
    const sent = await post(t.app, spender, '/v1/transfers', {
      fromWalletId: walletId,
      to: { email: other.email },
      amount: 5_000,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const [clawed] = await clawBack(t.ctx, source);
    expect(clawed).toMatchObject({ status: 'receivable', receivable: 5_000n });
    expect((await clawBack(t.ctx, source)).length).toBe(0); // once
    const receivables = (await get(t.app, admin, '/v1/admin/promotions/receivables')).json().data;
    expect(receivables.find((r: { id: string }) => r.id === reward!.id)).toMatchObject({
      userId: spender.id,
      receivable: 5_000,
    });
    expect((await get(t.app, admin, `/v1/admin/campaigns/${id}`)).json().receivable).toBe(5_000);
  });

  it('a referral pays once per referee, to both', async () => {
    await campaign(
      {
        name: 'Refer a friend',
        trigger: 'referral_first_payment',
        effect: { type: 'referral', referrer: 50_000, referee: 20_000 },
      },
      1_000_000,
    );
    const referrer = await registerUser(t.app);
    const code = (await get(t.app, referrer, '/v1/me')).json().referralCode as string;
    expect(code).toMatch(/^[0-9A-Z]{10}$/);
    const reg = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: {
        email: `ref-${randomUUID()}@example.com`,
        password: 'correct horse battery staple',
        fullName: 'Ref Eree',
        referralCode: code,
      },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const referee = {
      id: reg.json().user.id as string,
      auth: { authorization: `Bearer ${reg.json().accessToken}` },
    };
    const f = (ref: string) => ({ ...fact(referee.id, ref), trigger: 'referral_first_payment' as const });
    await Promise.all([
      processTrigger(t.ctx, f(`bill_payment:${randomUUID()}`)),
      processTrigger(t.ctx, f(`bill_payment:${randomUUID()}`)),
    ]);
    await processTrigger(t.ctx, f(`bill_payment:${randomUUID()}`));
    const mine = (await get(t.app, referrer, '/v1/rewards')).json().data;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ role: 'referrer', amount: 50_000 });
    const theirs = (await t.app.inject({ method: 'GET', url: '/v1/rewards', headers: referee.auth })).json()
      .data;
    expect(theirs).toHaveLength(1);
    expect(theirs[0]).toMatchObject({ role: 'referee', amount: 20_000 });
  });

  it('auto top-up: a saved card, one charge per trigger (redelivered), within its day and month caps', async () => {
    const user = await registerUser(t.app);
    const walletId = (await walletOf(t.app, user)).id;
    await fund(t.app, user, walletId, 200_000); // ₦2,000 by card: the card is saved
    const cards = await eventually(async () => {
      const c = (await get(t.app, user, '/v1/cards')).json().data;
      return c.length === 1 && c;
    });
    expect(cards[0]).toMatchObject({ last4: expect.stringMatching(/^\d{4}$/), brand: 'visa' });
    expect(JSON.stringify(cards)).not.toContain('AUTH_');
    const rule = await post(t.app, user, '/v1/auto-topup/rules', {
      walletId,
      cardId: cards[0].id,
      threshold: 500_000,
      amount: 100_000,
      maxPerDay: 2,
      maxPerMonth: 250_000,
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const twice = await post(t.app, user, '/v1/auto-topup/rules', {
      walletId,
      cardId: cards[0].id,
      threshold: 1,
      amount: 100,
      maxPerDay: 1,
      maxPerMonth: 100,
    });
    expect(twice.json().code).toBe('auto_topup_rule_exists');

    const consumer = promotionConsumers(t.ctx).find((c) => c.name === 'promotions.auto_topup')!;
    const event: OutboxEvent = {
      id: 9_000_000_001n,
      type: 'transfer.completed',
      key: null,
      payload: { fromWalletId: walletId, fromUserId: user.id },
      userId: user.id,
      createdAt: new Date(),
    };
    await Promise.all([consumer.handle(event, 1), consumer.handle(event, 1)]); // delivered twice at once
    await consumer.handle(event, 2); // and again later
    const charges = async () =>
      (
        await t.ctx.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM paystack_sim.charges WHERE reference LIKE 'VATU-%' AND email = $1`,
          [user.email],
        )
      ).rows[0]!.n;
    expect(await charges()).toBe(1);
    expect((await getBalance(t.ctx.db, walletId))!.posted).toBe(300_000n);

    expect(await checkAutoTopup(t.ctx, walletId, 'event:second')).toBe('charged');
    expect(await checkAutoTopup(t.ctx, walletId, 'event:third')).toBe('day_cap');
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/v1/auto-topup/rules/${rule.json().id}`,
      headers: { ...user.auth, 'idempotency-key': randomUUID() },
      payload: { maxPerDay: 5 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await checkAutoTopup(t.ctx, walletId, 'event:fourth')).toBe('month_cap'); // 2 × ₦1,000 + ₦1,000 > ₦2,500
    expect(await charges()).toBe(2);
    expect((await getBalance(t.ctx.db, walletId))!.posted).toBe(400_000n);
    const rules = (await get(t.app, user, '/v1/auto-topup/rules')).json().data;
    expect(rules[0].charges.map((c: { status: string }) => c.status)).toEqual(['succeeded', 'succeeded']);

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/v1/cards/${cards[0].id}`,
      headers: user.auth,
    });
    expect(removed.statusCode).toBe(204);
    expect((await get(t.app, user, '/v1/auto-topup/rules')).json().data[0].enabled).toBe(false);
  }, 60_000);

  it('a first deposit pays once; a paused campaign pays nothing until it resumes', async () => {
    const id = await campaign(
      {
        name: 'Welcome ₦100',
        trigger: 'first_deposit',
        effect: { type: 'flat', amount: 10_000 },
        conditions: { newCustomersOnly: true },
      },
      1_000_000,
    );
    const user = await registerUser(t.app);
    const walletId = (await walletOf(t.app, user)).id;
    await fund(t.app, user, walletId, 100_000);
    await fund(t.app, user, walletId, 100_000);
    const earned = await eventually(async () => {
      const r = (await get(t.app, user, '/v1/rewards')).json();
      return r.data.length > 0 && r;
    });
    await new Promise((r) => setTimeout(r, 300)); // the second deposit's event, handled too
    expect((await get(t.app, user, '/v1/rewards')).json().data).toHaveLength(1);
    expect(earned.data[0]).toMatchObject({ amount: 10_000, campaignName: 'Welcome ₦100' });

    const flat = await campaign(
      {
        name: 'Paused one',
        trigger: 'bill_payment.succeeded',
        conditions: { categories: ['data'] },
        effect: { type: 'flat', amount: 1_000 },
      },
      10_000,
    );
    expect((await post(t.app, admin, `/v1/admin/campaigns/${flat}/pause`, {}, null)).json().status).toBe(
      'paused',
    );
    expect(
      await processTrigger(t.ctx, fact(user.id, `bill_payment:${randomUUID()}`, 100_000n, 'data')),
    ).toEqual([]);
    expect(
      (await get(t.app, user, '/v1/campaigns')).json().data.map((c: { id: string }) => c.id),
    ).not.toContain(flat);
    expect((await post(t.app, admin, `/v1/admin/campaigns/${flat}/resume`, {}, null)).json().status).toBe(
      'active',
    );
    const [paid] = await processTrigger(
      t.ctx,
      fact(user.id, `bill_payment:${randomUUID()}`, 100_000n, 'data'),
    );
    expect(paid).toMatchObject({ status: 'paid', amount: 1_000n });
    expect((await post(t.app, admin, `/v1/admin/campaigns/${flat}/end`, {}, null)).json().status).toBe(
      'ended',
    );
    const refused = await post(t.app, admin, `/v1/admin/campaigns/${flat}/resume`, {}, null);
    expect(refused.json().code).toBe('campaign_state_invalid');
    const audit = await t.ctx.db.query<{ action: string }>(
      `SELECT action FROM identity.audit_log WHERE target_id = $1 ORDER BY created_at`,
      [flat],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'campaign.create',
      'campaign.fund',
      'campaign.start',
      'campaign.pause',
      'campaign.resume',
      'campaign.end',
    ]);
    expect(id).toBeTruthy();
  });

  it('the sandbox campaign is refused in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SANDBOX_CAMPAIGN: 'on' })).toThrow(
      /SANDBOX_CAMPAIGN|production/,
    );
    expect(loadConfig({ NODE_ENV: 'test' }).sandboxCampaign).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', GATEWAY_MODE: 'sandbox' }).sandboxCampaign).toBe(true);
  });

  it('operators only; and the ledger stays balanced', async () => {
    const customer = await registerUser(t.app);
    const res = await get(t.app, customer, '/v1/admin/campaigns');
    expect(res.statusCode).toBe(403);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/campaigns',
      headers: admin.auth,
      payload: { name: 'x', trigger: 'first_deposit', effect: { type: 'referral', referrer: 1 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_campaign');
    await t.ctx.ledger.close?.();
    expect((await runAudit(t.ctx.db)).ok).toBe(true);
  });
});
