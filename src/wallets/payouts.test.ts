/**
 * Payouts through Paystack Transfers, end to end over real HTTP: the API
 * (app.inject), the payout job (run by hand, so each step is controlled),
 * the Paystack adapter and the Paystack-compatible simulator on 127.0.0.1,
 * whose signed transfer.* webhooks come back through handleGatewayWebhook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../ledger/index.js';
import type { OutboxEvent } from '../outbox/index.js';
import { createPaystackClient } from '../paystack/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, setTier, type TestUser } from '../test-support/users.js';
import { workerTasks } from '../worker/tasks.js';
import { signWebhook } from './gateway.js';
import { handleGatewayWebhook } from './gateway-webhooks.js';
import { NOT_FOUND_GRACE_MS } from './payout-decision.js';
import { createPaystackPayouts, payoutProviderOf, transferOutcome } from './payouts-paystack.js';
import { ensureWallet } from './wallets.js';
import { runPayout } from './withdrawals.js';

const FUNDS = 1_000_000;
const AMOUNT = 100_000;
const TOTAL = AMOUNT + 1_000; // fee: NGN 10 up to NGN 5,000

describe.each(backends())('payouts through the Paystack simulator on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { PAYOUT_SIM_PENDING_MS: '200' });
  });
  afterAll(async () => {
    await t.close();
  });

  const sim = () => t.ctx.paystack?.sim as NonNullable<NonNullable<TestApp['ctx']['paystack']>['sim']>;
  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    (await t.ctx.db.query(sql, params)).rows as T[];

  async function customer(): Promise<{ u: TestUser; walletId: string }> {
    const u = await registerUser(t.app);
    await setTier(t.ctx.db, u.id, 3);
    // No worker runs here (the payout job is run by hand): the wallet is opened directly.
    await t.ctx.db.transaction((tx) => ensureWallet(tx, u.id, 'NGN'));
    const w = await walletOf(t.app, u);
    await fund(t.app, u, w.id, FUNDS);
    return { u, walletId: w.id };
  }

  async function withdraw(c: { u: TestUser; walletId: string }, accountNumber: string, bankCode = '058') {
    const r = await post(t.app, c.u, `/v1/wallets/${c.walletId}/withdrawals`, {
      amount: AMOUNT,
      bankCode,
      accountNumber,
    });
    expect(r.statusCode, r.body).toBe(202);
    return r.json() as { id: string; reference: string; status: string };
  }

  /** One run of the payout job, as the worker would run it. */
  const job = (withdrawalId: string, attempt = 1) =>
    runPayout(
      t.ctx,
      payoutProviderOf(t.ctx),
      { payload: { withdrawalId } } as unknown as OutboxEvent,
      attempt,
    );

  const row = async (id: string) =>
    (
      await q<{
        status: string;
        hold_id: string;
        failure_reason: string | null;
        timeline: { status: string }[];
      }>('SELECT * FROM wallets.withdrawals WHERE id = $1', [id])
    )[0] as {
      status: string;
      hold_id: string;
      failure_reason: string | null;
      timeline: { status: string }[];
    };

  /** Committed ledger transactions resolving the withdrawal's hold, and its refunds, by kind. */
  async function ledgerOf(id: string) {
    const w = await row(id);
    const rows = await q<{ kind: string; code: string; n: number }>(
      `SELECT kind, code, count(*)::int AS n FROM ledger.transactions
        WHERE status = 'committed' AND (pending_id = $1 OR (code = 'withdrawal_reversal' AND metadata->>'withdrawalId' = $2))
        GROUP BY kind, code ORDER BY kind`,
      [w.hold_id, id],
    );
    return Object.fromEntries(rows.map((r) => [`${r.kind}:${r.code}`, r.n]));
  }

  /** What the simulator holds for a reference: transfers (one at most, ever) and POST /transfer attempts. */
  const simTransfers = async (reference: string) =>
    (
      await q<{ n: number; attempts: number }>(
        'SELECT count(*)::int AS n, COALESCE(max(attempts), 0)::int AS attempts FROM paystack_sim.transfers WHERE reference = $1',
        [reference.toLowerCase()],
      )
    )[0];

  const simCalls = async (endpoint: string) =>
    Number(
      (
        await q<{ calls: string }>('SELECT calls FROM paystack_sim.request_counts WHERE endpoint = $1', [
          endpoint,
        ])
      )[0]?.calls ?? 0,
    );

  /** Sends a signed transfer.* webhook with the simulator's transfer object, as Paystack would. */
  async function deliver(event: string, reference: string) {
    const verified = await t.ctx.paystack?.payouts?.call<Record<string, unknown>>(
      'GET',
      `/transfer/verify/${reference.toLowerCase()}`,
    );
    const raw = JSON.stringify({ event, data: verified?.data });
    return handleGatewayWebhook(t.ctx, raw, signWebhook(t.ctx.config.gatewaySecret, raw));
  }

  const webhookOutcomes = async (reference: string) =>
    (
      await q<{ outcome: string }>(
        'SELECT outcome FROM wallets.gateway_webhooks WHERE upper(reference) = $1 ORDER BY id',
        [reference],
      )
    ).map((r) => r.outcome);

  async function balanceOf(c: { u: TestUser }) {
    const w = await walletOf(t.app, c.u);
    return { balance: w.balance, held: w.held };
  }

  it('pays out through POST /transfer and the transfer.success webhook; the hold is posted once', async () => {
    const c = await customer();
    const w = await withdraw(c, '0123456789');
    expect(await job(w.id)).toMatchObject({ status: 'retry' }); // Paystack queued it
    expect((await row(w.id)).status).toBe('processing');
    await sim().settle(); // the webhook has arrived
    const done = await row(w.id);
    expect(done.status).toBe('succeeded');
    expect(done.timeline.map((e) => e.status)).toEqual(['pending', 'processing', 'succeeded']);
    expect(await job(w.id, 2)).toEqual({ status: 'done' }); // nothing more to do
    expect(await ledgerOf(w.id)).toEqual({ 'post:withdrawal': 1 });
    expect(await simTransfers(w.reference)).toEqual({ n: 1, attempts: 1 });
    expect(await webhookOutcomes(w.reference)).toEqual(['succeeded']);
    expect(await balanceOf(c)).toEqual({ balance: FUNDS - TOTAL, held: 0 });
    // The recipient was created once for the account and reused by the next payout to it.
    const recipients = await q<{ recipient_code: string }>(
      `SELECT recipient_code FROM wallets.payout_accounts WHERE bank_code = '058' AND account_number = '0123456789'`,
    );
    expect(recipients[0]?.recipient_code).toMatch(/^RCP_/);
    const before = await simCalls('POST /transferrecipient');
    const again = await withdraw(c, '0123456789');
    await job(again.id);
    await sim().settle();
    expect((await row(again.id)).status).toBe('succeeded');
    expect(await simCalls('POST /transferrecipient')).toBe(before);
  });

  it('ten deliveries of transfer.success post the hold once', async () => {
    const c = await customer();
    const w = await withdraw(c, '0000000005'); // the simulator sends no webhook of its own
    await job(w.id);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => deliver('transfer.success', w.reference)),
    );
    expect(outcomes.filter((o) => o === 'succeeded')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(9);
    expect((await row(w.id)).status).toBe('succeeded');
    expect(await ledgerOf(w.id)).toEqual({ 'post:withdrawal': 1 });
    expect(await balanceOf(c)).toEqual({ balance: FUNDS - TOTAL, held: 0 });
  });

  it('0000000001 fails definitely: transfer.failed voids the hold and the money is back', async () => {
    const c = await customer();
    const w = await withdraw(c, '0000000001');
    expect(await balanceOf(c)).toEqual({ balance: FUNDS, held: TOTAL });
    await job(w.id);
    await sim().settle();
    const failed = await row(w.id);
    expect(failed.status).toBe('failed');
    expect(failed.failure_reason).toMatch(/closed/);
    expect(await ledgerOf(w.id)).toEqual({ 'void:withdrawal_reversal': 1 });
    expect(await balanceOf(c)).toEqual({ balance: FUNDS, held: 0 });
    // A late requery agrees and changes nothing.
    expect(await job(w.id, 2)).toEqual({ status: 'done' });
    expect(await webhookOutcomes(w.reference)).toEqual(['failed']);
  });

  it('0000000005 (no webhook) is finalised by the job verifying it', async () => {
    const c = await customer();
    const w = await withdraw(c, '0000000005');
    expect(await job(w.id)).toMatchObject({ status: 'retry' });
    await sim().settle();
    expect((await row(w.id)).status).toBe('processing'); // no webhook came
    expect(await job(w.id, 2)).toEqual({ status: 'done' }); // GET /transfer/verify says success
    expect((await row(w.id)).status).toBe('succeeded');
    expect(await ledgerOf(w.id)).toEqual({ 'post:withdrawal': 1 });
    expect(await webhookOutcomes(w.reference)).toEqual([]);
  });

  it('the console verify-now action finalises a payout whose webhook never came (audited)', async () => {
    const c = await customer();
    const operator = await registerStaff(t.app, t.ctx.db, 'operator');
    const w = await withdraw(c, '0000000005');
    await job(w.id);
    const listed = (await get(t.app, operator, '/v1/admin/withdrawals?status=processing')).json();
    expect(listed.data.map((x: { id: string }) => x.id)).toContain(w.id);

    const verified = await post(t.app, operator, `/v1/admin/withdrawals/${w.id}/verify`, {}, null);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({
      withdrawal: { id: w.id, status: 'succeeded', userId: c.u.id },
      provider: { outcome: 'success' },
    });
    expect(await ledgerOf(w.id)).toEqual({ 'post:withdrawal': 1 });
    const audit = await q<{ action: string; actor_id: string; before: unknown; after: unknown }>(
      `SELECT action, actor_id, before, after FROM identity.audit_log WHERE action = 'withdrawal.verify' AND target_id = $1`,
      [w.id],
    );
    expect(audit).toEqual([
      {
        action: 'withdrawal.verify',
        actor_id: operator.id,
        before: { status: 'processing' },
        after: { status: 'succeeded', provider: 'success', applied: 'applied' },
      },
    ]);
    // Verifying again reads the same answer and moves nothing.
    const again = await post(t.app, operator, `/v1/admin/withdrawals/${w.id}/verify`, {}, null);
    expect(again.json().withdrawal.status).toBe('succeeded');
    expect(await ledgerOf(w.id)).toEqual({ 'post:withdrawal': 1 });
    // A customer may not verify.
    expect((await post(t.app, c.u, `/v1/admin/withdrawals/${w.id}/verify`, {}, null)).statusCode).toBe(403);
  });

  it('0000000003 (answer lost, transfer made) is never sent twice and is finalised as success by verify', async () => {
    const c = await customer();
    const w = await withdraw(c, '0000000003');
    expect(await job(w.id)).toMatchObject({ status: 'retry', reason: 'payout unknown' });
    expect((await row(w.id)).status).toBe('processing');
    expect(await simTransfers(w.reference)).toEqual({ n: 1, attempts: 1 });
    expect(await job(w.id, 2)).toEqual({ status: 'done' }); // the job verifies, never sends again
    expect((await row(w.id)).status).toBe('succeeded');
    expect(await simTransfers(w.reference)).toEqual({ n: 1, attempts: 1 });
    expect(await ledgerOf(w.id)).toEqual({ 'post:withdrawal': 1 });
    // Were it re-sent (same reference), Paystack refuses the duplicate and the adapter reads the transfer.
    const resent = await payoutProviderOf(t.ctx).send({
      reference: w.reference,
      bankCode: '058',
      accountNumber: '0000000003',
      accountName: 'ANY',
      amount: BigInt(AMOUNT),
      reason: 'again',
    });
    expect(resent).toEqual({ outcome: 'success' });
    expect(await simTransfers(w.reference)).toEqual({ n: 1, attempts: 2 });
  });

  it('0000000004 (answer lost, never arrived) fails after the grace window and the hold is voided', async () => {
    const c = await customer();
    const w = await withdraw(c, '0000000004');
    expect(await job(w.id)).toMatchObject({ status: 'retry' });
    expect(await simTransfers(w.reference)).toEqual({ n: 0, attempts: 0 });
    // Within the grace window "not found" may still be a transfer on its way: wait.
    expect(await job(w.id, 2)).toMatchObject({ status: 'retry', reason: 'payout not_found' });
    expect((await row(w.id)).status).toBe('processing');
    await t.ctx.db.query(
      `UPDATE wallets.withdrawals SET sent_at = now() - make_interval(secs => $2::double precision / 1000) WHERE id = $1`,
      [w.id, NOT_FOUND_GRACE_MS + 1_000],
    );
    expect(await job(w.id, 3)).toEqual({ status: 'done' });
    const failed = await row(w.id);
    expect(failed.status).toBe('failed');
    expect(failed.failure_reason).toMatch(/never reached/);
    expect(await ledgerOf(w.id)).toEqual({ 'void:withdrawal_reversal': 1 });
    expect(await balanceOf(c)).toEqual({ balance: FUNDS, held: 0 });
    expect(await simTransfers(w.reference)).toEqual({ n: 0, attempts: 0 });
  });

  it('transfer.reversed after success refunds amount and fee once, even delivered ten more times', async () => {
    const c = await customer();
    const w = await withdraw(c, '0000000006');
    expect(await job(w.id)).toEqual({ status: 'done' }); // POST /transfer answered success
    expect((await row(w.id)).status).toBe('succeeded');
    expect(await balanceOf(c)).toEqual({ balance: FUNDS - TOTAL, held: 0 });
    await sim().settle(); // transfer.success (a repeat), then transfer.reversed
    expect((await row(w.id)).status).toBe('reversed');
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => deliver('transfer.reversed', w.reference)),
    );
    expect(new Set(outcomes)).toEqual(new Set(['duplicate']));
    expect(await webhookOutcomes(w.reference)).toEqual([
      'duplicate',
      'reversed',
      ...outcomes.map(() => 'duplicate'),
    ]);
    expect(await ledgerOf(w.id)).toEqual({ 'post:withdrawal': 1, 'transfer:withdrawal_reversal': 1 });
    expect(await balanceOf(c)).toEqual({ balance: FUNDS, held: 0 }); // the fee came back too
    const mine = (await get(t.app, c.u, `/v1/withdrawals/${w.id}`)).json();
    expect(mine.status).toBe('reversed');
    expect(mine.timeline.map((e: { status: string }) => e.status)).toEqual([
      'pending',
      'processing',
      'succeeded',
      'reversed',
    ]);
    const history = (await get(t.app, c.u, `/v1/wallets/${c.walletId}/transactions?type=refund`)).json();
    expect(history.data[0]).toMatchObject({ type: 'refund', direction: 'credit', amount: TOTAL });
    const audit = await runAudit(t.ctx.db);
    expect(audit.ok).toBe(true);
  });

  it('lists payouts by state, paginated and bounded', async () => {
    const operator = await registerStaff(t.app, t.ctx.db, 'operator');
    const first = (await get(t.app, operator, '/v1/admin/withdrawals?status=succeeded&limit=2')).json();
    expect(first.data).toHaveLength(2);
    expect(first.data.every((x: { status: string }) => x.status === 'succeeded')).toBe(true);
    const second = (
      await get(t.app, operator, `/v1/admin/withdrawals?status=succeeded&limit=2&cursor=${first.nextCursor}`)
    ).json();
    const ids = [...first.data, ...second.data].map((x: { id: string }) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await get(t.app, operator, '/v1/admin/withdrawals?limit=1000')).statusCode).toBe(400);
    const bad = await get(t.app, operator, '/v1/admin/withdrawals?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_cursor');
  });

  it('resolves account names through the simulator; an unknown account is 422 account_not_resolved', async () => {
    const c = await customer();
    const ok = await post(
      t.app,
      c.u,
      '/v1/payout-accounts/resolve',
      { bankCode: '044', accountNumber: '0123456780' },
      null,
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json().accountName).toMatch(/^[A-Z]+ [A-Z]+$/);
    const unknown = await post(
      t.app,
      c.u,
      '/v1/payout-accounts/resolve',
      { bankCode: '044', accountNumber: '9999999999' },
      null,
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().code).toBe('account_not_resolved');
    const bank = await post(
      t.app,
      c.u,
      '/v1/payout-accounts/resolve',
      { bankCode: '999', accountNumber: '0123456780' },
      null,
    );
    expect(bank.json().code).toBe('unknown_bank');
    expect(await q(`SELECT 1 FROM wallets.payout_accounts WHERE account_number = '9999999999'`)).toHaveLength(
      0,
    );
  });

  it('fetches the bank list from the simulator once, serves it from the cache, refreshes it when a day old', async () => {
    const u = await registerUser(t.app);
    await t.ctx.db.query('DELETE FROM wallets.bank_list');
    const start = await simCalls('GET /bank');
    for (let i = 0; i < 3; i++) {
      const banks = await get(t.app, u, '/v1/banks');
      expect(banks.statusCode).toBe(200);
      expect(banks.json().data).toContainEqual({ code: '058', name: 'Guaranty Trust Bank' });
      expect(banks.json().data.length).toBeGreaterThan(10);
    }
    expect(await simCalls('GET /bank')).toBe(start + 1);
    const refresh = workerTasks(t.ctx, []).find((task) => task.name === 'wallets.refresh-banks');
    await refresh?.run();
    expect(await simCalls('GET /bank')).toBe(start + 1); // fresh: left alone
    await t.ctx.db.query(`UPDATE wallets.bank_list SET refreshed_at = now() - interval '25 hours'`);
    await get(t.app, u, '/v1/banks'); // a stale list is still served; the worker refreshes it
    expect(await simCalls('GET /bank')).toBe(start + 1);
    await refresh?.run();
    expect(await simCalls('GET /bank')).toBe(start + 2);
    await refresh?.run();
    expect(await simCalls('GET /bank')).toBe(start + 2);
  });
});

describe('Paystack transfer statuses', () => {
  const warned: unknown[] = [];
  const log = { warn: (fields: unknown) => void warned.push(fields) };
  it.each([
    ['success', { outcome: 'success' }],
    ['failed', { outcome: 'failed', message: 'The bank refused the transfer' }],
    ['reversed', { outcome: 'reversed', message: 'The bank reversed the transfer' }],
    ['pending', { outcome: 'pending' }],
    ['queued', { outcome: 'pending' }],
    ['processing', { outcome: 'pending' }],
    ['abandoned', { outcome: 'failed', message: 'Paystack abandoned the transfer' }],
  ])('%s -> %j', (status, expected) => {
    expect(transferOutcome({ status }, log)).toEqual(expected);
  });
  it('treats otp as pending and says OTP must be disabled on the Paystack account', () => {
    warned.length = 0;
    expect(transferOutcome({ status: 'otp', reference: 'vwd-1' }, log).outcome).toBe('pending');
    expect(JSON.stringify(warned)).toContain('vwd-1');
  });
  it("keeps a failed transfer's reason from Paystack", () => {
    expect(transferOutcome({ status: 'failed', gateway_response: 'Account closed' })).toEqual({
      outcome: 'failed',
      message: 'Account closed',
    });
  });
});

describe('the Paystack adapter when Paystack refuses our own key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => {
    await t.close();
  });

  it("never takes a 401 for the bank's refusal: a payout stays unknown, a lookup is 503", async () => {
    const url = t.ctx.paystack?.sim?.url as string;
    const wrongKey = createPaystackPayouts(
      t.ctx,
      createPaystackClient({ baseUrl: url, secretKey: 'sk_wrong' }),
    );
    const account = { bankCode: '058', accountNumber: '0123456789', accountName: 'ADA OBI' };
    expect(await wrongKey.prepare?.(account)).toMatchObject({ outcome: 'unknown' });
    expect(
      await wrongKey.send({ ...account, reference: 'VWD-0000AAAA', amount: 10_000n, reason: 'x' }),
    ).toMatchObject({ outcome: 'unknown' });
    expect(await wrongKey.requery('VWD-0000AAAA')).toMatchObject({ outcome: 'unknown' });
    await expect(wrongKey.resolveAccount?.('058', '0123456789')).rejects.toMatchObject({
      code: 'bank_unavailable',
    });
    await expect(wrongKey.listBanks?.()).rejects.toMatchObject({ code: 'bank_unavailable' });
    expect((await t.ctx.db.query('SELECT 1 FROM paystack_sim.transfers')).rowCount).toBe(0);
  });
});

describe('payouts when the Paystack simulator is down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 503 bank_unavailable for banks, resolution and withdrawals, and stores nothing', async () => {
    const u = await registerUser(t.app);
    await t.ctx.db.transaction((tx) => ensureWallet(tx, u.id, 'NGN'));
    const w = await walletOf(t.app, u);
    await t.ctx.paystack?.sim?.close();
    const resolve = await post(
      t.app,
      u,
      '/v1/payout-accounts/resolve',
      { bankCode: '058', accountNumber: '0123456789' },
      null,
    );
    expect(resolve.statusCode).toBe(503);
    expect(resolve.headers['content-type']).toContain('application/problem+json');
    expect(resolve.json().code).toBe('bank_unavailable');
    const banks = await get(t.app, u, '/v1/banks');
    expect(banks.statusCode).toBe(503);
    expect(banks.json().code).toBe('bank_unavailable');
    const withdrawal = await post(t.app, u, `/v1/wallets/${w.id}/withdrawals`, {
      amount: AMOUNT,
      bankCode: '058',
      accountNumber: '0123456789',
    });
    expect(withdrawal.statusCode).toBe(503);
    expect(withdrawal.json().code).toBe('bank_unavailable');
    for (const table of [
      'wallets.payout_accounts',
      'wallets.banks',
      'wallets.bank_list',
      'wallets.withdrawals',
    ])
      expect((await t.ctx.db.query(`SELECT 1 FROM ${table}`)).rowCount).toBe(0);
  });
});
