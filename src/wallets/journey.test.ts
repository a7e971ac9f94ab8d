import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import client from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAccountStatus } from '../ledger/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, setTier } from '../test-support/users.js';
import { signWebhook } from './gateway.js';

/** Reads an SSE stream until `until` matches the text so far (or time runs out). */
async function readStream(url: string, until: RegExp, timeoutMs = 5_000): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let text = '';
  try {
    const res = await fetch(url, { signal: controller.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
      if (until.test(text)) break;
    }
  } catch {
    // aborted: return what arrived
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return text;
}

describe.each(backends())('wallet journey on %s', (backend) => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp(backend, { PAYOUT_SIM_PENDING_MS: '300' }, { worker: true });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t.close();
  });

  it('register -> wallet within 1 s -> deposit via signed webhook -> transfer -> history, statement and live events', async () => {
    const started = Date.now();
    const alice = await registerUser(t.app, { fullName: 'Alice Adeyemi', phone: '08031234567' });
    const aliceWallet = await walletOf(t.app, alice, 1_000);
    expect(Date.now() - started).toBeLessThan(1_000 + 500); // registration itself included
    expect(aliceWallet).toMatchObject({
      currency: 'NGN',
      balance: 0,
      available: 0,
      held: 0,
      status: 'active',
    });
    const bob = await registerUser(t.app, { fullName: 'Bob Bello' });
    const bobWallet = await walletOf(t.app, bob);

    await fund(t.app, alice, aliceWallet.id, 500_000);
    expect((await walletOf(t.app, alice)).balance).toBe(500_000);

    // Bob listens for live events through a real server.
    const token = (await post(t.app, bob, '/v1/events/stream-token', {}, null)).json().token;
    const stream = readStream(
      `${base}/v1/events/stream?token=${token}`,
      /transfer\.received[\s\S]*balance_updated|balance_updated[\s\S]*transfer\.received/,
    );
    await new Promise((r) => setTimeout(r, 150));

    const name = await post(t.app, alice, '/v1/recipients/resolve', { email: bob.email }, null);
    expect(name.json().fullName).toBe('Bob Bello');
    const sent = await post(t.app, alice, '/v1/transfers', {
      fromWalletId: aliceWallet.id,
      to: { email: bob.email.toUpperCase() },
      amount: 150_000,
      narration: 'Rent share',
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({
      status: 'completed',
      amount: 150_000,
      currency: 'NGN',
      toWalletId: bobWallet.id,
      recipient: { name: 'Bob Bello' },
    });
    // Back by phone, in the other direction.
    const back = await post(t.app, bob, '/v1/transfers', {
      fromWalletId: bobWallet.id,
      to: { phone: '+2348031234567' },
      amount: 10_000,
    });
    expect(back.statusCode).toBe(201);

    expect((await walletOf(t.app, alice)).balance).toBe(360_000);
    expect((await walletOf(t.app, bob)).balance).toBe(140_000);

    const history = (await get(t.app, alice, `/v1/wallets/${aliceWallet.id}/transactions?limit=10`)).json();
    expect(
      history.data.map((l: { type: string; amount: number; balanceAfter: number }) => [
        l.type,
        l.amount,
        l.balanceAfter,
      ]),
    ).toEqual([
      ['transfer_in', 10_000, 360_000],
      ['transfer_out', 150_000, 350_000],
      ['deposit', 500_000, 500_000],
    ]);
    expect(history.data[1].counterparty.name).toBe('Bob Bello');
    expect(history.data[1].description).toBe('Rent share');
    const filtered = (
      await get(t.app, alice, `/v1/wallets/${aliceWallet.id}/transactions?type=deposit`)
    ).json();
    expect(filtered.data).toHaveLength(1);

    const csv = await get(t.app, alice, `/v1/wallets/${aliceWallet.id}/statement.csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('transfer_out,Rent share');
    expect(csv.body).toContain('-1500.00');
    expect(csv.body).toContain('5000.00');

    const events = await stream;
    expect(events).toContain('event: transfer.received');
    expect(events).toContain('event: wallet.balance_updated');
    expect(events).toContain('"balance":150000');
  });

  it('withdraws to a bank: hold, payout, post; a failed payout returns the money', async () => {
    const u = await registerUser(t.app);
    const w = await walletOf(t.app, u);
    await fund(t.app, u, w.id, 1_000_000);
    const banks = (await get(t.app, u, '/v1/banks')).json().data;
    expect(banks.length).toBeGreaterThan(10);
    const resolved = await post(
      t.app,
      u,
      '/v1/payout-accounts/resolve',
      { bankCode: '058', accountNumber: '0123456789' },
      null,
    );
    expect(resolved.json().accountName).toMatch(/^[A-Z]+ [A-Z]+$/);
    expect(
      (
        await post(
          t.app,
          u,
          '/v1/payout-accounts/resolve',
          { bankCode: '058', accountNumber: '9999999999' },
          null,
        )
      ).json().code,
    ).toBe('account_not_resolved');

    const ok = await post(t.app, u, `/v1/wallets/${w.id}/withdrawals`, {
      amount: 200_000,
      bankCode: '058',
      accountNumber: '0123456789',
    });
    expect(ok.statusCode).toBe(202);
    expect(ok.json()).toMatchObject({ status: 'pending', amount: 200_000, fee: 1_000, total: 201_000 });
    const held = await walletOf(t.app, u);
    expect(held.available).toBeLessThanOrEqual(1_000_000 - 201_000);
    const done = await eventually(async () => {
      const r = (await get(t.app, u, `/v1/withdrawals/${ok.json().id}`)).json();
      return r.status === 'succeeded' && r;
    });
    expect(done.timeline.map((e: { status: string }) => e.status)).toEqual([
      'pending',
      'processing',
      'succeeded',
    ]);

    const delayed = await post(t.app, u, `/v1/wallets/${w.id}/withdrawals`, {
      amount: 100_000,
      bankCode: '044',
      accountNumber: '0000000002',
    });
    const failed = await post(t.app, u, `/v1/wallets/${w.id}/withdrawals`, {
      amount: 100_000,
      bankCode: '044',
      accountNumber: '0000000001',
    });
    await eventually(
      async () => (await get(t.app, u, `/v1/withdrawals/${delayed.json().id}`)).json().status === 'succeeded',
    );
    const f = await eventually(async () => {
      const r = (await get(t.app, u, `/v1/withdrawals/${failed.json().id}`)).json();
      return r.status === 'failed' && r;
    });
    expect(f.failureReason).toMatch(/closed/);
    const after = await walletOf(t.app, u);
    expect(after).toMatchObject({ balance: 1_000_000 - 201_000 - 101_000, held: 0 });
    // Statement lines name the bank and the masked account; the failed one reads as released.
    const lines = (await get(t.app, u, `/v1/wallets/${w.id}/transactions?type=withdrawal`)).json().data;
    const of = (id: string) =>
      lines.find((l: { subject?: { withdrawalId?: string } }) => l.subject?.withdrawalId === id);
    expect(of(ok.json().id)).toMatchObject({
      status: 'completed',
      amount: 201_000,
      subject: { kind: 'withdrawal', bankName: 'Guaranty Trust Bank', accountNumber: '******6789' },
    });
    expect(of(failed.json().id)).toMatchObject({ status: 'released', subject: { bankName: 'Access Bank' } });
  });

  it('gateway webhooks: bad signature 401, duplicate does nothing, mismatch flagged', async () => {
    const u = await registerUser(t.app);
    const w = await walletOf(t.app, u);
    const deposit = (await post(t.app, u, `/v1/wallets/${w.id}/deposits`, { amount: 70_000 })).json();
    const event = {
      event: 'charge.success',
      data: { reference: deposit.reference, amount: 70_000, currency: 'NGN', status: 'success' },
    };
    const raw = JSON.stringify(event);
    const send = (body: string, signature: string) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/webhooks/gateway',
        payload: body,
        headers: { 'content-type': 'application/json', 'x-paystack-signature': signature },
      });
    const bad = await send(raw, signWebhook('not-the-secret', raw));
    expect(bad.statusCode).toBe(401);
    expect(bad.json().code).toBe('invalid_signature');
    expect((await walletOf(t.app, u)).balance).toBe(0);
    const secret = t.ctx.config.gatewaySecret;
    expect((await send(raw, signWebhook(secret, raw))).json().outcome).toBe('credited');
    expect((await send(raw, signWebhook(secret, raw))).json().outcome).toBe('duplicate');
    expect((await walletOf(t.app, u)).balance).toBe(70_000);

    const other = (await post(t.app, u, `/v1/wallets/${w.id}/deposits`, { amount: 10_000 })).json();
    const wrong = JSON.stringify({
      event: 'charge.success',
      data: { reference: other.reference, amount: 99_999, currency: 'NGN' },
    });
    expect((await send(wrong, signWebhook(secret, wrong))).json().outcome).toBe('flagged');
    expect((await walletOf(t.app, u)).balance).toBe(70_000);
    expect((await get(t.app, u, `/v1/deposits/${other.id}`)).json().status).toBe('flagged');
  });

  it('bad-signature gateway webhooks are counted in metrics and logged, never stored', async () => {
    const rejected = async () =>
      (await client.register.getSingleMetric('vendra_gateway_webhooks_rejected_total')?.get())?.values.find(
        (v) => v.labels.reason === 'bad_signature',
      )?.value ?? 0;
    const rows = async () =>
      (
        await t.ctx.db.query<{ n: bigint }>(
          // Only what the forged webhook could have written: other tests' payouts still send their
          // (signed) transfer webhooks while this one runs.
          `SELECT (SELECT count(*) FROM wallets.gateway_webhooks WHERE event LIKE 'charge.%')
                + (SELECT count(*) FROM wallets.deposits)
                + (SELECT count(*) FROM outbox.events WHERE type LIKE 'deposit.%') AS n`,
        )
      ).rows[0]?.n;
    const before = { metric: await rejected(), rows: await rows() };
    const raw = JSON.stringify({ event: 'charge.success', data: { reference: 'dep_forged', amount: 1 } });
    for (let i = 0; i < 25; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/webhooks/gateway',
        payload: raw,
        headers: {
          'content-type': 'application/json',
          'x-paystack-signature': signWebhook(`forged-${i}`, raw),
        },
      });
      expect([res.statusCode, res.json().code]).toEqual([401, 'invalid_signature']);
    }
    expect((await rejected()) - before.metric).toBe(25);
    expect(await rows()).toBe(before.rows);
  });

  it('idempotency keys: required, replayed identically, refused with another body, one money movement under 20 concurrent', async () => {
    const a = await registerUser(t.app);
    const b = await registerUser(t.app);
    const wa = await walletOf(t.app, a);
    const wb = await walletOf(t.app, b);
    await fund(t.app, a, wa.id, 100_000);
    const body = { fromWalletId: wa.id, to: { walletId: wb.id }, amount: 1_000 };
    const missing = await post(t.app, a, '/v1/transfers', body, null);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('idempotency_key_required');

    const key = randomUUID();
    const first = await post(t.app, a, '/v1/transfers', body, key);
    const again = await post(t.app, a, '/v1/transfers', body, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(first.body);
    const reused = await post(t.app, a, '/v1/transfers', { ...body, amount: 2_000 }, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency_key_reused');

    const key20 = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => post(t.app, a, '/v1/transfers', { ...body, amount: 3_000 }, key20)),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    for (const r of results) if (r.statusCode === 409) expect(r.json().code).toBe('request_in_progress');
    const created = results.filter((r) => r.statusCode === 201);
    expect(new Set(created.map((r) => r.json().id)).size).toBe(1);
    expect((await walletOf(t.app, a)).balance).toBe(100_000 - 1_000 - 3_000);

    // A refusal is recorded too: the same key answers the same refusal.
    const broke = randomUUID();
    const no = await post(t.app, a, '/v1/transfers', { ...body, amount: 4_000_000 }, broke);
    expect(no.statusCode).toBe(422);
    expect(no.json().code).toBe('insufficient_funds');
    const noAgain = await post(t.app, a, '/v1/transfers', { ...body, amount: 4_000_000 }, broke);
    expect(noAgain.headers['idempotent-replayed']).toBe('true');
    expect(noAgain.body).toBe(no.body);
  });

  it('refuses transfers to oneself, across currencies, from frozen wallets and beyond the balance', async () => {
    const a = await registerUser(t.app);
    const b = await registerUser(t.app);
    await setTier(t.testDb.db, b.id, 3); // a USD wallet needs tier 3
    const wa = await walletOf(t.app, a);
    const wb = await walletOf(t.app, b);
    await fund(t.app, a, wa.id, 50_000);
    const usd = await post(t.app, b, '/v1/wallets', { currency: 'USD' }, null);
    expect(usd.statusCode).toBe(201);
    expect((await post(t.app, b, '/v1/wallets', { currency: 'USD' }, null)).json().code).toBe(
      'wallet_exists',
    );
    const code = async (payload: unknown) => (await post(t.app, a, '/v1/transfers', payload)).json().code;
    expect(await code({ fromWalletId: wa.id, to: { walletId: wa.id }, amount: 100 })).toBe('self_transfer');
    expect(await code({ fromWalletId: wa.id, to: { email: a.email }, amount: 100 })).toBe('self_transfer');
    expect(await code({ fromWalletId: wa.id, to: { walletId: usd.json().id }, amount: 100 })).toBe(
      'currency_mismatch',
    );
    expect(await code({ fromWalletId: wa.id, to: { walletId: wb.id }, amount: 50_001 })).toBe(
      'insufficient_funds',
    );
    expect(await code({ fromWalletId: wa.id, to: { email: 'nobody@example.com' }, amount: 100 })).toBe(
      'recipient_not_found',
    );
    expect(await code({ fromWalletId: wb.id, to: { walletId: wa.id }, amount: 100 })).toBe('not_found');
    await t.ctx.db.transaction((tx) => setAccountStatus(tx, wb.id, 'frozen'));
    expect(await code({ fromWalletId: wa.id, to: { walletId: wb.id }, amount: 100 })).toBe('wallet_frozen');
    await t.ctx.db.transaction((tx) => setAccountStatus(tx, wb.id, 'active'));
    expect((await walletOf(t.app, a)).balance).toBe(50_000);
  });

  it('refuses transfers to a frozen person by wallet id, email and phone alike, moving nothing', async () => {
    const a = await registerUser(t.app);
    const phone = `0803${String(Date.now()).slice(-7)}`;
    const b = await registerUser(t.app, { phone });
    const wa = await walletOf(t.app, a);
    const wb = await walletOf(t.app, b);
    await fund(t.app, a, wa.id, 10_000);
    const operator = await registerStaff(t.app, t.ctx.db, 'operator');
    const frozen = await post(
      t.app,
      operator,
      `/v1/admin/users/${b.id}/freeze`,
      { reason: 'fraud check' },
      null,
    );
    expect(frozen.statusCode).toBe(200);
    for (const to of [{ walletId: wb.id }, { email: b.email }, { phone }]) {
      const res = await post(t.app, a, '/v1/transfers', { fromWalletId: wa.id, to, amount: 100 });
      expect([res.statusCode, res.json().code], JSON.stringify(to)).toEqual([404, 'recipient_not_found']);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect((await walletOf(t.app, a)).balance).toBe(10_000);
    const { rows } = await t.ctx.db.query<{ n: bigint }>(
      `SELECT count(*) AS n FROM ledger.postings WHERE account_id = $1`,
      [wb.id],
    );
    expect(rows[0]?.n).toBe(0n);
  });
});
