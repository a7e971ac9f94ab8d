/**
 * Disputes on PostgreSQL, over the HTTP API: a customer opens one on their
 * transaction and follows it; operators work the queue and resolve it. The
 * state machine, the refund at most once per subject (a second dispute, a
 * concurrent resolve), the refusals (in flight, money already back) and
 * `delivered` re-sending a bill's token.
 */
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markReversedAfterDelivery } from '../bills/vend.js';
import { FAST_PROVIDER_ENV } from '../bills/testing.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { hasPg } from '../test-support/db.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { verifyContacts } from '../test-support/contacts.js';
import { registerStaff, registerUser, setTier, type TestUser } from '../test-support/users.js';

describe.skipIf(!hasPg())('disputes on pg', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let operator: TestUser;
  let walletId: string;
  beforeAll(async () => {
    t = await createTestApp(
      'pg',
      { ...FAST_PROVIDER_ENV, DISPUTE_SLA_DAYS: '14' },
      { providers: true, worker: true },
    );
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    for (const sim of t.ctx.providers?.sims ?? [])
      sim.setKnobs({ webhookUrl: `http://127.0.0.1:${port}/v1/webhooks/vtpass` });
    alice = await registerUser(t.app);
    bob = await registerUser(t.app);
    operator = await registerStaff(t.app, t.ctx.db, 'operator');
    await setTier(t.ctx.db, alice.id, 3);
    walletId = (await walletOf(t.app, alice)).id;
    await fund(t.app, alice, walletId, 50_000_000);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function payBill(customerRef: string, statuses: string[]) {
    const res = await post(t.app, alice, '/v1/bill-payments', {
      walletId,
      billerId: 'ikeja-electric',
      productCode: 'prepaid',
      customerRef,
      amount: 500_000,
    });
    expect(res.statusCode).toBe(202);
    return eventually(async () => {
      const p = (await get(t.app, alice, `/v1/bill-payments/${res.json().id}`)).json();
      return statuses.includes(p.status) && p;
    }, 15_000);
  }

  const open = (subjectType: string, subjectId: string, reason = 'token_not_received', user = alice) =>
    post(
      t.app,
      user,
      '/v1/disputes',
      { subjectType, subjectId, reason, description: 'My meter shows nothing' },
      null,
    );
  const resolve = (id: string, outcome: string, key: string = randomUUID()) =>
    post(
      t.app,
      operator,
      `/v1/admin/disputes/${id}/resolve`,
      { outcome, reason: 'checked with the provider' },
      key,
    );
  const balance = async () => (await walletOf(t.app, alice)).balance;

  it('acknowledges at once with a tracking number and a due date; one open dispute per transaction; 404 for others', async () => {
    const paid = await payBill('1111111111111', ['succeeded']);
    const res = await open('bill_payment', paid.id, 'wrong_amount');
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d.trackingNumber).toMatch(/^DSP-\d{4}-\d{6}$/);
    expect(d).toMatchObject({ status: 'opened', overdue: false, amount: paid.total, currency: 'NGN' });
    const dueInDays = (Date.parse(d.dueAt) - Date.parse(d.acknowledgedAt)) / 86_400_000;
    expect(dueInDays).toBeCloseTo(14, 3);

    const again = await open('bill_payment', paid.id);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'dispute_already_open', trackingNumber: d.trackingNumber });
    // Bob can neither dispute Alice's payment nor see her dispute.
    expect((await open('bill_payment', paid.id, 'other', bob)).statusCode).toBe(404);
    expect((await get(t.app, bob, `/v1/disputes/${d.id}`)).statusCode).toBe(404);

    const msg = await post(
      t.app,
      alice,
      `/v1/disputes/${d.id}/messages`,
      { body: 'It charged me twice' },
      null,
    );
    expect(msg.statusCode).toBe(201);
    const mine = (await get(t.app, alice, `/v1/disputes/${d.id}`)).json();
    expect(mine.messages.map((m: { author: string }) => m.author)).toEqual([
      'customer',
      'system',
      'customer',
    ]);
    expect(mine.messages[1].body).toContain(d.trackingNumber);
    expect((await get(t.app, alice, '/v1/disputes')).json().data.map((x: { id: string }) => x.id)).toContain(
      d.id,
    );

    const withdrawn = await post(t.app, alice, `/v1/disputes/${d.id}/withdraw`, {}, null);
    expect(withdrawn.json().status).toBe('withdrawn');
    const late = await post(t.app, alice, `/v1/disputes/${d.id}/messages`, { body: 'hello?' }, null);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('dispute_not_open');
    expect((await resolve(d.id, 'reject')).json().code).toBe('dispute_not_open');
  });

  it('refuses a refund on a failed (money back) or reversed payment, and on a deposit still in flight', async () => {
    const failed = await payBill('3333333333333', ['failed']);
    const d1 = (await open('bill_payment', failed.id, 'service_not_rendered')).json();
    const before = await balance();
    const r1 = await resolve(d1.id, 'refund');
    expect(r1.statusCode).toBe(409);
    expect(r1.json()).toMatchObject({ code: 'already_refunded', subjectStatus: 'failed' });

    const reversed = await payBill('4444444444444', ['reversed']);
    const d2 = (await open('bill_payment', reversed.id, 'service_not_rendered')).json();
    const r2 = await resolve(d2.id, 'refund');
    expect(r2.statusCode).toBe(409);
    expect(r2.json().code).toBe('already_refunded');

    const dep = await post(t.app, alice, `/v1/wallets/${walletId}/deposits`, { amount: 10_000 });
    const d3 = (await open('deposit', dep.json().id, 'wrong_amount')).json();
    const r3 = await resolve(d3.id, 'refund');
    expect(r3.statusCode).toBe(409);
    expect(r3.json()).toMatchObject({ code: 'subject_in_flight', subjectStatus: 'pending' });
    expect(await balance()).toBe(before);
    // A refused resolution changes nothing: still open, and it can be rejected with a reason.
    const rejected = await resolve(d1.id, 'reject');
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'resolved_rejected',
      resolutionReason: 'checked with the provider',
    });
  });

  it('refunds a delivered payment once: replayed by its key, refused to a concurrent resolve and to a second dispute', async () => {
    const paid = await payBill('12345678901', ['succeeded']);
    const d = (await open('bill_payment', paid.id, 'service_not_rendered')).json();
    const review = await post(t.app, operator, `/v1/admin/disputes/${d.id}/review`, {}, null);
    expect(review.json().status).toBe('under_review');
    const before = await balance();
    const key = randomUUID();
    const [a, b] = await Promise.all([resolve(d.id, 'refund', key), resolve(d.id, 'refund')]);
    const ok = [a, b].filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    const refused = [a, b].find((r) => r.statusCode !== 200)!;
    expect(refused.statusCode).toBe(409);
    expect(['dispute_not_open', 'already_refunded', 'request_in_progress']).toContain(refused.json().code);
    expect(ok[0]!.json()).toMatchObject({
      status: 'resolved_refunded',
      refund: { amount: paid.total, currency: 'NGN' },
      subject: { type: 'bill_payment', status: 'succeeded', provider: expect.any(String) },
    });
    expect(await balance()).toBe(before + paid.total);
    if (a.statusCode === 200) {
      const replay = await resolve(d.id, 'refund', key);
      expect(replay.statusCode).toBe(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
    }
    // The refund is a statement line of its own, naming the bill.
    const lines = (await get(t.app, alice, `/v1/wallets/${walletId}/transactions?type=refund`)).json().data;
    expect(lines[0]).toMatchObject({
      amount: paid.total,
      direction: 'credit',
      subject: { kind: 'bill_payment', paymentId: paid.id },
    });

    // A second dispute on the same payment may be opened, never refunded again.
    const second = (await open('bill_payment', paid.id, 'wrong_amount')).json();
    const again = await resolve(second.id, 'refund');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_refunded');
    expect(await balance()).toBe(before + paid.total);
    const audit = await t.ctx.db.query<{ action: string }>(
      `SELECT action FROM identity.audit_log WHERE target_id = $1 ORDER BY id`,
      [d.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['dispute.review', 'dispute.resolve_refund']);

    // The provider reverses it later (VTpass 040): the payment is no longer delivered, nothing is refunded twice.
    expect((await get(t.app, alice, `/v1/bill-payments/${paid.id}`)).json().status).toBe('reversed');
    expect(await markReversedAfterDelivery(t.ctx, paid.id, 'provider reversed (040)')).toBe(false);
    expect(await balance()).toBe(before + paid.total);
  });

  it('resolves a delivered payment whose token was lost as delivered: the token is sent again and the customer told', async () => {
    await verifyContacts(t.ctx.db, alice.id, { email: true }); // a token goes to a verified email only
    const paid = await payBill('1111111111111', ['succeeded']);
    expect(paid.token).toEqual(expect.any(String));
    const d = (await open('bill_payment', paid.id, 'token_not_received')).json();
    const res = await resolve(d.id, 'delivered');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'resolved_delivered', subject: { tokenAvailable: true } });
    const sent = await t.ctx.db.query('SELECT 1 FROM bills.token_resends WHERE payment_id = $1', [paid.id]);
    expect(sent.rows).toHaveLength(1);
    const mine = (await get(t.app, alice, `/v1/disputes/${d.id}`)).json();
    expect(mine.status).toBe('resolved_delivered');
    expect(mine.messages.at(-1)).toMatchObject({
      author: 'operator',
      body: expect.stringContaining('token was sent again'),
    });
    // The notifier consumed the updates (acknowledgement and resolution).
    await eventually(async () => {
      const { rows } = await t.ctx.db.query<{ n: bigint }>(
        `SELECT count(*) AS n FROM outbox.deliveries dl JOIN outbox.events e ON e.id = dl.event_id
          WHERE dl.consumer = 'disputes.notify' AND e.key = $1 AND dl.status = 'done'`,
        [d.id],
      );
      return Number(rows[0]?.n) === 2;
    }, 10_000);
    // Nothing to deliver on a failed payment.
    const failed = await payBill('3333333333333', ['failed']);
    const d2 = (await open('bill_payment', failed.id, 'token_not_received')).json();
    expect((await resolve(d2.id, 'delivered')).json().code).toBe('no_token');
  });

  it('lists the queue for operators by status and overdue, with the subject timeline; customers get 403', async () => {
    const paid = await payBill('22222222222', ['succeeded']);
    const d = (await open('bill_payment', paid.id, 'other')).json();
    await t.ctx.db.query(`UPDATE disputes.disputes SET due_at = now() - interval '1 day' WHERE id = $1`, [
      d.id,
    ]);
    const overdue = (await get(t.app, operator, '/v1/admin/disputes?overdue=true')).json().data;
    expect(overdue.map((x: { id: string }) => x.id)).toContain(d.id);
    expect(overdue.every((x: { overdue: boolean }) => x.overdue)).toBe(true);
    const opened = (await get(t.app, operator, '/v1/admin/disputes?status=opened&limit=1')).json();
    expect(opened.data).toHaveLength(1);
    expect(opened.nextCursor).toEqual(expect.any(String));
    const detail = (await get(t.app, operator, `/v1/admin/disputes/${d.id}`)).json();
    expect(detail.subject.timeline.map((e: { status: string }) => e.status)).toContain('succeeded');
    expect(detail.subject.providerCalls.length).toBeGreaterThan(0);
    expect(detail.subject.postings.length).toBeGreaterThan(0);
    const requery = await post(t.app, operator, `/v1/admin/disputes/${d.id}/requery`, {}, null);
    expect(requery.statusCode).toBe(200);
    expect((await get(t.app, alice, '/v1/admin/disputes')).statusCode).toBe(403);
  });
});
