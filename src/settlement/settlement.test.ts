/**
 * Provider float, commission and settlement on PostgreSQL, over the real
 * VTpass simulators (HTTP on 127.0.0.1) and the API through app.inject:
 * commission booked exactly (percent and flat), a mismatch recorded, float
 * top-ups idempotent by bank reference, drift and low float seen when the
 * simulator's balance diverges, a 018 refunding the customer, and a day's
 * statement equal to the sum of its payments, closed and never changed by a
 * reversal the next day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPayment } from '../bills/index.js';
import { FAST_PROVIDER_ENV } from '../bills/testing.js';
import { getBalances, runAudit } from '../ledger/index.js';
import { lagosDay, lagosDayBounds } from '../limits/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { hasPg } from '../test-support/db.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, setTier, type TestUser } from '../test-support/users.js';
import { systemAccountId } from '../wallets/index.js';
import { checkProviderFloat, closeSettlementDays, gatewayFee } from './index.js';

const DAY_MS = 86_400_000;

describe.skipIf(!hasPg())('provider float, commission and settlement on pg', () => {
  let t: TestApp;
  let user: TestUser;
  let admin: TestUser;
  let walletId: string;
  let clock = new Date();
  /** Payments this file delivered through vtpass today: amount, expected and actual commission. */
  const delivered: { id: string; amount: number; expected: number; actual: number }[] = [];

  beforeAll(async () => {
    t = await createTestApp(
      'pg',
      { ...FAST_PROVIDER_ENV, FLOAT_CHECK_INTERVAL_MS: '3600000', SETTLEMENT_GRACE_MS: '600000' },
      { providers: true, worker: true, now: () => clock },
    );
    user = await registerUser(t.app);
    admin = await registerStaff(t.app, t.testDb.db, 'admin');
    walletId = (await walletOf(t.app, user)).id;
    await setTier(t.testDb.db, user.id, 3);
    await fund(t.app, user, walletId, 100_000_000);
  });
  afterAll(async () => {
    await t?.close();
  });

  const sim = (name = 'vtpass') =>
    t.ctx.providers?.sims.find((s) => s.name === name) ?? expect.fail('no sim');
  const floatId = systemAccountId('provider_float', 'NGN', 'vtpass');
  const commissionId = systemAccountId('commission_revenue', 'NGN');
  /** Our float with vtpass (debits - credits) and commission revenue (credits - debits). */
  async function books() {
    const b = await getBalances(t.ctx.db, [floatId, commissionId]);
    return { float: -(b.get(floatId)?.posted ?? 0n), commission: b.get(commissionId)?.posted ?? 0n };
  }
  async function payAndSettle(billerId: string, productCode: string, customerRef: string, amount: number) {
    const res = await post(t.app, user, '/v1/bill-payments', {
      walletId,
      billerId,
      productCode,
      customerRef,
      amount,
    });
    expect(res.statusCode).toBe(202);
    const id = res.json().id as string;
    return eventually(async () => {
      const p = (await get(t.app, user, `/v1/bill-payments/${id}`)).json();
      return ['succeeded', 'failed', 'reversed'].includes(p.status) && p;
    }, 10_000);
  }
  async function commissionOf(id: string) {
    const { rows } = await t.ctx.db.query<{ commission: bigint; commission_actual: bigint | null }>(
      'SELECT commission, commission_actual FROM bills.payments WHERE id = $1',
      [id],
    );
    return rows[0];
  }

  it('books a percentage commission exactly: float charged amount - commission, the rest to commission revenue', async () => {
    const before = await books();
    const p = await payAndSettle('ikeja-electric', 'prepaid', '1111111111111', 500_000);
    expect(p.status).toBe('succeeded');
    // Ikeja expects 1% (100 bps); the simulator pays 1% of ₦5,000.
    expect(await commissionOf(p.id)).toEqual({ commission: 5_000n, commission_actual: 5_000n });
    const after = await books();
    expect(before.float - after.float).toBe(495_000n);
    expect(after.commission - before.commission).toBe(5_000n);
    delivered.push({ id: p.id, amount: 500_000, expected: 5_000, actual: 5_000 });
    expect((await runAudit(t.ctx.db)).ok).toBe(true);
  });

  it('books a flat commission exactly', async () => {
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/v1/admin/billers/mtn',
      headers: admin.auth,
      payload: { commissionFlat: 2_500, reason: 'MTN pays ₦25 flat per vend' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ commissionType: 'flat', commissionFlat: 2_500 });
    sim().setKnobs({ commissionFlatMinor: 2_500 });
    try {
      const before = await books();
      const p = await payAndSettle('mtn', 'airtime', '08011111111', 100_000);
      expect(p.status).toBe('succeeded');
      expect(await commissionOf(p.id)).toEqual({ commission: 2_500n, commission_actual: 2_500n });
      const after = await books();
      expect(before.float - after.float).toBe(97_500n);
      expect(after.commission - before.commission).toBe(2_500n);
      delivered.push({ id: p.id, amount: 100_000, expected: 2_500, actual: 2_500 });
    } finally {
      sim().setKnobs({ commissionFlatMinor: null });
    }
    expect((await runAudit(t.ctx.db)).ok).toBe(true);
  });

  it('records a commission the provider paid differently from the one expected, and books what it paid', async () => {
    sim().setKnobs({ commissionBps: 50 }); // 0.5% where Ikeja's rule expects 1%
    try {
      const before = await books();
      const p = await payAndSettle('ikeja-electric', 'prepaid', '1111111111111', 300_000);
      expect(await commissionOf(p.id)).toEqual({ commission: 3_000n, commission_actual: 1_500n });
      expect(before.float - (await books()).float).toBe(298_500n);
      delivered.push({ id: p.id, amount: 300_000, expected: 3_000, actual: 1_500 });
    } finally {
      sim().setKnobs({ commissionBps: null });
    }
  });

  it('records a float top-up once per bank reference (audited), and the provider sees it', async () => {
    const url = '/v1/admin/providers/vtpass/float-topups';
    const before = await books();
    const simBefore = sim().balance();
    const first = await post(t.app, admin, url, { amount: 10_000_000, bankReference: 'GTB-TOPUP-001' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      provider: 'vtpass',
      amount: 10_000_000,
      bankReference: 'GTB-TOPUP-001',
    });
    // Another request (new key) with the same bank reference: the first top-up, nothing moves again.
    const again = await post(t.app, admin, url, { amount: 10_000_000, bankReference: 'GTB-TOPUP-001' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const other = await post(t.app, admin, url, { amount: 9_000_000, bankReference: 'GTB-TOPUP-001' });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('bank_reference_reused');
    const noKey = await post(t.app, admin, url, { amount: 1, bankReference: 'X' }, null);
    expect(noKey.json().code).toBe('idempotency_key_required');
    expect((await post(t.app, user, url, { amount: 1, bankReference: 'Y' })).statusCode).toBe(403);
    expect((await books()).float - before.float).toBe(10_000_000n);
    expect(sim().balance() - simBefore).toBe(10_000_000n);
    const { rows } = await t.ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM identity.audit_log WHERE action = 'provider.float_topup' AND target_id = 'vtpass'",
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('finds no drift while both books agree, then detects the drift the simulator is given, with an alert', async () => {
    const clean = await checkProviderFloat(t.ctx, 'vtpass');
    expect(clean.theirs).not.toBeNull();
    expect(clean.drift).toBe(0n);
    expect(clean.ours).toBe((await books()).float);
    sim().setKnobs({ balanceDriftMinor: -12_345 });
    try {
      const drifted = await checkProviderFloat(t.ctx, 'vtpass');
      expect(drifted.drift).toBe(-12_345n);
      expect(drifted.opened).toEqual(['drift']);
      const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.body).toMatch(/vendra_provider_float_drift_minor\{provider="vtpass"\} -12345/);
      const page = (await get(t.app, admin, '/v1/admin/providers/float')).json().data;
      const vtpass = page.find((f: { provider: string }) => f.provider === 'vtpass');
      expect(vtpass).toMatchObject({ lastCheck: { drift: -12_345 }, alerts: [{ kind: 'drift' }] });
      // Tolerated once the threshold allows it: the alert resolves.
      const set = await t.app.inject({
        method: 'PUT',
        url: '/v1/admin/providers/vtpass/float-settings',
        headers: admin.auth,
        payload: { driftThreshold: 20_000 },
      });
      expect(set.statusCode).toBe(200);
      expect((await checkProviderFloat(t.ctx, 'vtpass')).opened).toEqual([]);
      const after = (await get(t.app, admin, '/v1/admin/providers/float')).json().data;
      expect(after.find((f: { provider: string }) => f.provider === 'vtpass').alerts).toEqual([]);
    } finally {
      sim().setKnobs({ balanceDriftMinor: 0 });
    }
  });

  it("warns of a low float before vends fail; a 018 refusal is the provider's failure and refunds the customer", async () => {
    const set = await t.app.inject({
      method: 'PUT',
      url: '/v1/admin/providers/vtpass/float-settings',
      headers: admin.auth,
      payload: { lowFloatThreshold: 50_000_000 },
    });
    expect(set.statusCode).toBe(200);
    expect((await checkProviderFloat(t.ctx, 'vtpass')).opened).toEqual(['low_float']);
    sim().setKnobs({ floatEnforced: true });
    try {
      const wallet = await walletOf(t.app, user);
      const floatBefore = (await books()).float;
      const p = await payAndSettle('ikeja-electric', 'prepaid', '1111111111111', 20_000_000); // more than the float
      expect(p.status).toBe('failed');
      // The provider's code is for staff; the payer reads plain words.
      expect(p.failureReason).not.toMatch(/018/);
      expect((await get(t.app, admin, `/v1/admin/bill-payments/${p.id}`)).json().failureReason).toMatch(
        /018/,
      );
      expect((await walletOf(t.app, user)).balance).toBe(wallet.balance); // amount and fee back
      expect((await books()).float).toBe(floatBefore);
      const health = (await get(t.app, admin, '/v1/admin/providers')).json().data;
      expect(health.find((h: { name: string }) => h.name === 'vtpass')).toBeTruthy();
    } finally {
      sim().setKnobs({ floatEnforced: false });
    }
  });

  it("lists today as an open statement whose figures are the sum of the day's payments", async () => {
    const today = lagosDay(clock);
    const list = await get(t.app, admin, '/v1/admin/settlements?provider=vtpass');
    expect(list.statusCode).toBe(200);
    const open = list.json().data[0];
    const sum = (f: (d: (typeof delivered)[number]) => number) => delivered.reduce((n, d) => n + f(d), 0);
    expect(open).toMatchObject({
      id: `vtpass:${today}`,
      day: today,
      status: 'open',
      deliveredCount: delivered.length,
      deliveredGross: sum((d) => d.amount),
      expectedCommission: sum((d) => d.expected),
      actualCommission: sum((d) => d.actual),
      commissionMismatchCount: 1,
      reversedCount: 0,
      netOwed: sum((d) => d.amount - d.actual),
      floatTopups: 10_000_000,
      closedAt: null,
    });
    expect(open.floatClosing - open.floatOpening).toBe(10_000_000 - open.netOwed);
    const detail = (await get(t.app, admin, `/v1/admin/settlements/vtpass:${today}`)).json();
    expect(detail.mismatches).toHaveLength(1);
    expect(detail.mismatches[0]).toMatchObject({ expected: 3_000, actual: 1_500 });
    const csv = await get(t.app, admin, `/v1/admin/settlements/vtpass:${today}/csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\n')[1]).toContain(
      `vtpass:${today},vtpass,${today},open,NGN,${delivered.length},`,
    );
  });

  it("charges the gateway's fees by its rule table: cards 1.5% capped at ₦2,000, bank transfers ₦50", () => {
    expect(gatewayFee('card', 100_000n)).toBe(1_500n);
    expect(gatewayFee('card', 150_000n)).toBe(2_250n);
    expect(gatewayFee('card', 13_333_400n)).toBe(200_000n); // 1.5% would be ₦2,000.01
    expect(gatewayFee('card', 100_000_000n)).toBe(200_000n);
    expect(gatewayFee('bank_transfer', 75_000n)).toBe(5_000n);
    expect(gatewayFee('bank_transfer', 3_000n)).toBe(3_000n); // never more than the transfer
  });

  it("lists the gateway's day: card and bank-transfer deposits captured, its fees and the payout expected", async () => {
    const today = lagosDay(clock);
    await fund(t.app, user, walletId, 150_000); // a second card deposit (₦1,500)
    // A bank transfer to an account number nobody has: captured by the gateway, held in suspense.
    const sent = await t.app.inject({
      method: 'POST',
      url: '/sandbox/bank-transfers',
      payload: { accountNumber: '1234567890', amount: 75_000 },
    });
    expect(sent.statusCode).toBe(202);
    const day = await eventually(async () => {
      const res = await get(t.app, admin, `/v1/admin/settlements/gateway/${today}`);
      return res.json().transferCount === 1 && res.json();
    });
    expect(day).toMatchObject({
      id: `gateway:${today}`,
      status: 'open',
      cardCount: 2,
      cardGross: 100_150_000,
      cardFees: 200_000 + 2_250,
      transferCount: 1,
      transferGross: 75_000,
      transferFees: 5_000,
      feesTotal: 207_250,
      payoutExpected: 100_150_000 + 75_000 - 207_250,
      truncated: false,
    });
    const list = (await get(t.app, admin, '/v1/admin/settlements/gateway')).json().data;
    expect(list).toHaveLength(7);
    expect(list[0]).toEqual(day);
    const csv = await get(t.app, admin, `/v1/admin/settlements/gateway/${today}/csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, row] = csv.body.trim().split('\n');
    expect(header).toBe(
      'day,status,currency,cardCount,cardGross,cardFees,transferCount,transferGross,transferFees,feesTotal,payoutExpected,closedAt',
    );
    expect(row).toBe(
      `${today},open,NGN,2,100150000,202250,1,75000,5000,207250,${100_150_000 + 75_000 - 207_250},`,
    );
  });

  it('closes the day after midnight plus the grace period; a reversal the next day leaves it unchanged', async () => {
    const today = lagosDay(clock);
    const { end } = lagosDayBounds(clock);
    // A delivery today that the provider reverses a few seconds later (after the day is closed).
    sim().setKnobs({ reversalMs: 4_000 });
    const reversing = await payAndSettle('ikeja-electric', 'prepaid', '4444444444444', 200_000);
    sim().setKnobs({ reversalMs: 700 });
    expect(reversing.status).toBe('succeeded');
    delivered.push({ id: reversing.id, amount: 200_000, expected: 2_000, actual: 2_000 });
    const openFigures = (await get(t.app, admin, `/v1/admin/settlements/vtpass:${today}`)).json();

    clock = new Date(end.getTime() + 60_000); // inside the grace period: still open
    expect(await closeSettlementDays(t.ctx)).not.toContain(`vtpass:${today}`);
    clock = new Date(end.getTime() + 600_000 + 1_000);
    const gatewayOpen = (await get(t.app, admin, `/v1/admin/settlements/gateway/${today}`)).json();
    expect(await closeSettlementDays(t.ctx)).toEqual(
      expect.arrayContaining([`vtpass:${today}`, `gateway:${today}`]),
    );
    expect((await get(t.app, admin, `/v1/admin/settlements/gateway/${today}`)).json()).toEqual({
      ...gatewayOpen,
      status: 'closed',
      closedAt: expect.any(String),
    });
    const closed = (await get(t.app, admin, `/v1/admin/settlements/vtpass:${today}`)).json();
    expect(closed).toMatchObject({ ...openFigures, status: 'closed', closedAt: expect.any(String) });
    expect(closed.deliveredCount).toBe(delivered.length);

    // The reversal arrives. The database stamps events with its own clock (still today in real
    // time), so its event is moved to the injected "tomorrow" where it happened for this test.
    await eventually(
      async () => {
        await checkPayment(t.ctx, reversing.id);
        return (await get(t.app, user, `/v1/bill-payments/${reversing.id}`)).json().status === 'reversed';
      },
      15_000,
      250,
    );
    const tomorrowNoon = new Date(end.getTime() + DAY_MS / 2);
    await t.ctx.db.query(
      "UPDATE bills.payment_events SET at = $2 WHERE payment_id = $1 AND status = 'reversed'",
      [reversing.id, tomorrowNoon],
    );
    const tomorrow = lagosDay(clock);
    const after = (await get(t.app, admin, `/v1/admin/settlements/vtpass:${today}`)).json();
    expect(after).toEqual(closed);
    const next = (await get(t.app, admin, `/v1/admin/settlements/vtpass:${tomorrow}`)).json();
    expect(next).toMatchObject({
      status: 'open',
      deliveredCount: 0,
      reversedCount: 1,
      reversedGross: 200_000,
    });
    expect(next.netOwed).toBe(-(200_000 - 2_000));
    await expect(
      t.ctx.db.query('UPDATE settlement.statements SET delivered_count = 0 WHERE id = $1', [
        `vtpass:${today}`,
      ]),
    ).rejects.toThrow(/closed/);
    const list = (await get(t.app, admin, '/v1/admin/settlements?provider=vtpass')).json().data;
    expect(list.slice(0, 2).map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
      [`vtpass:${tomorrow}`, 'open'],
      [`vtpass:${today}`, 'closed'],
    ]);
    expect((await runAudit(t.ctx.db)).ok).toBe(true);
  });
});
