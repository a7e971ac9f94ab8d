/**
 * The inbound rail end to end: the Paystack simulator (a real HTTP server)
 * assigns dedicated accounts and sends signed webhooks; the API is driven
 * through app.inject; the worker runs the outbox consumers.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBalance, runAudit } from '../ledger/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { eventually, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, setTier, type TestUser } from '../test-support/users.js';
import { signWebhook } from './gateway.js';
import { systemAccountId } from './system-accounts.js';

type Funding = {
  status: string;
  bankName: string;
  accountNumber: string;
  accountName: string;
  eligible: boolean;
};

describe.each(backends())('inbound rail on %s', (backend) => {
  let t: TestApp;
  let operator: TestUser;
  beforeAll(async () => {
    t = await createTestApp(backend, {}, { worker: true });
    operator = await registerStaff(t.app, t.ctx.db, 'operator');
  });
  afterAll(async () => {
    await t.close();
  });

  const fundingOf = (user: TestUser, walletId: string) =>
    get(t.app, user, `/v1/wallets/${walletId}/funding-account`);
  async function assignedAccount(user: TestUser): Promise<Funding & { walletId: string }> {
    const wallet = await walletOf(t.app, user);
    return eventually(async () => {
      const body = (await fundingOf(user, wallet.id)).json();
      return body.status === 'assigned' && { ...body, walletId: wallet.id };
    });
  }
  const sendTransfer = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/sandbox/bank-transfers', payload });
  const settle = () => t.ctx.paystack?.sim?.settle();
  const balanceOf = async (user: TestUser) => (await walletOf(t.app, user)).balance;
  const suspense = async () => (await getBalance(t.ctx.db, systemAccountId('suspense', 'NGN')))?.posted ?? 0n;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.ctx.db.query<{ n: string }>(sql, params)).rows[0]?.n);
  async function heldTransfer(reference: string) {
    return eventually(async () => {
      const res = await get(t.app, operator, '/v1/admin/inbound-transfers?status=held');
      return res.json().data.find((r: { reference: string }) => r.reference === reference);
    });
  }

  it('a new person gets a bank account number, assigned by the simulator; asking again answers the same one', async () => {
    const ada = await registerUser(t.app, { fullName: 'Adaeze Okafor', phone: '08031112222' });
    const account = await assignedAccount(ada);
    expect(account).toMatchObject({
      bankName: 'Wema Bank',
      accountName: 'VENDRA/ADAEZE OKAFOR',
      eligible: true,
    });
    expect(account.accountNumber).toMatch(/^[0-9]{10}$/);
    const again = await post(t.app, ada, `/v1/wallets/${account.walletId}/funding-account`, {}, null);
    expect(again.statusCode).toBe(200);
    expect(again.json().accountNumber).toBe(account.accountNumber);
    // The simulator holds one customer and one account for her; its assignment webhook was logged.
    expect(
      await count(
        `SELECT count(*) AS n FROM paystack_sim.dedicated_accounts a JOIN paystack_sim.customers c ON c.id = a.customer_id
          WHERE c.email = $1`,
        [ada.email],
      ),
    ).toBe(1);
    await settle();
    expect(
      await count(
        `SELECT count(*) AS n FROM wallets.gateway_webhooks WHERE event = 'dedicatedaccount.assign.success'`,
      ),
    ).toBeGreaterThanOrEqual(1);
    // Someone else's wallet is not found.
    const other = await registerUser(t.app);
    expect((await fundingOf(other, account.walletId)).statusCode).toBe(404);
    // The operator sees it on the customer's page.
    const listed = (await get(t.app, operator, `/v1/admin/users/${ada.id}/funding-accounts`)).json();
    expect(listed.data[0]).toMatchObject({ status: 'assigned', accountNumber: account.accountNumber });
  });

  it('a bank transfer to it credits the wallet once, however often and however concurrently its webhook arrives', async () => {
    const ada = await registerUser(t.app, { fullName: 'Ada Eze' });
    const account = await assignedAccount(ada);
    const sent = await sendTransfer({
      accountNumber: account.accountNumber,
      amount: 250_000,
      senderName: 'ADAEZE OKAFOR',
      senderBank: 'GTBank',
    });
    expect(sent.statusCode).toBe(202);
    const { reference } = sent.json();
    await settle();
    await eventually(async () => (await balanceOf(ada)) === 250_000);

    const { rows } = await t.ctx.db.query<{ body: unknown }>(
      `SELECT body FROM wallets.gateway_webhooks WHERE reference = $1 AND outcome = 'credited'`,
      [reference],
    );
    expect(rows).toHaveLength(1);
    const raw = JSON.stringify(rows[0]?.body);
    const deliver = () =>
      t.app.inject({
        method: 'POST',
        url: '/v1/webhooks/gateway',
        headers: {
          'content-type': 'application/json',
          'x-paystack-signature': signWebhook(t.ctx.config.gatewaySecret, raw),
        },
        payload: raw,
      });
    const concurrent = await Promise.all(Array.from({ length: 20 }, deliver));
    const sequential = [];
    for (let i = 0; i < 20; i++) sequential.push(await deliver());
    for (const res of [...concurrent, ...sequential]) {
      expect(res.statusCode).toBe(200);
      expect(res.json().outcome).toBe('duplicate');
    }
    expect(await balanceOf(ada)).toBe(250_000);
    expect(
      await count(
        `SELECT count(*) AS n FROM wallets.deposits WHERE reference = $1 AND channel = 'bank_transfer'`,
        [reference],
      ),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM wallets.inbound_transfers WHERE reference = $1 AND status = 'credited'`,
        [reference],
      ),
    ).toBe(1);

    // The statement says who sent it and from which bank.
    const history = (await get(t.app, ada, `/v1/wallets/${account.walletId}/transactions`)).json();
    expect(history.data[0]).toMatchObject({
      type: 'deposit',
      amount: 250_000,
      subject: {
        kind: 'deposit',
        channel: 'bank_transfer',
        senderName: 'ADAEZE OKAFOR',
        senderBank: 'GTBank',
      },
    });
  });

  it('a transfer to an unknown number is held in suspense and listed; an operator credits it to a wallet once', async () => {
    const bob = await registerUser(t.app, { fullName: 'Bob Bello' });
    const bobWallet = await walletOf(t.app, bob);
    const before = await suspense();
    const sent = await sendTransfer({
      accountNumber: '1234567890',
      amount: 70_000,
      senderName: 'CHIDI OBI',
      senderBank: 'Access Bank',
    });
    expect(sent.statusCode).toBe(202);
    const { reference } = sent.json();
    await settle();
    const held = await heldTransfer(reference);
    expect(held).toMatchObject({
      amount: 70_000,
      holdReason: 'unknown_account',
      accountNumber: '1234567890',
      walletId: null,
    });
    expect(held.sender).toMatchObject({ name: 'CHIDI OBI', bank: 'Access Bank' });
    expect((await suspense()) - before).toBe(70_000n);

    const key = randomUUID();
    const credit = { walletId: bobWallet.id, reason: 'Sender called: meant for Bob' };
    const first = await post(t.app, operator, `/v1/admin/inbound-transfers/${held.id}/credit`, credit, key);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      status: 'credited',
      resolution: 'credited_to_wallet',
      resolvedWalletId: bobWallet.id,
    });
    const replay = await post(t.app, operator, `/v1/admin/inbound-transfers/${held.id}/credit`, credit, key);
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toBe(first.body);
    // Other keys, at once: the transfer is no longer held.
    const others = await Promise.all(
      Array.from({ length: 5 }, () =>
        post(t.app, operator, `/v1/admin/inbound-transfers/${held.id}/credit`, credit),
      ),
    );
    for (const res of others) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('not_resolvable');
    }
    expect(await balanceOf(bob)).toBe(70_000);
    expect((await suspense()) - before).toBe(0n);
    expect(
      await count(
        `SELECT count(*) AS n FROM identity.audit_log WHERE action = 'inbound_transfer.credit' AND target_id = $1`,
        [held.id],
      ),
    ).toBe(1);
    // A customer may not do it.
    const denied = await post(t.app, bob, `/v1/admin/inbound-transfers/${held.id}/credit`, credit);
    expect(denied.statusCode).toBe(403);
  });

  it('an operator marks an unmatched transfer returned to its sender, with the bank reference', async () => {
    const sent = await sendTransfer({ accountNumber: '2345678901', amount: 12_345 });
    const { reference } = sent.json();
    await settle();
    const held = await heldTransfer(reference);
    const clearingBefore =
      (await getBalance(t.ctx.db, systemAccountId('payout_clearing', 'NGN')))?.posted ?? 0n;
    const body = { bankReference: 'NIP-000123456', reason: 'Sender asked for it back' };
    const res = await post(t.app, operator, `/v1/admin/inbound-transfers/${held.id}/return`, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'returned', returnReference: 'NIP-000123456' });
    const clearingAfter =
      (await getBalance(t.ctx.db, systemAccountId('payout_clearing', 'NGN')))?.posted ?? 0n;
    expect(clearingAfter - clearingBefore).toBe(12_345n);
    const again = await post(t.app, operator, `/v1/admin/inbound-transfers/${held.id}/return`, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('not_resolvable');
    const someone = await registerUser(t.app);
    const wallet = await walletOf(t.app, someone);
    const late = await post(t.app, operator, `/v1/admin/inbound-transfers/${held.id}/credit`, {
      walletId: wallet.id,
      reason: 'too late',
    });
    expect(late.json().code).toBe('not_resolvable');
    expect(await balanceOf(someone)).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM identity.audit_log WHERE action = 'inbound_transfer.return' AND target_id = $1`,
        [held.id],
      ),
    ).toBe(1);
  });

  it('an inbound transfer over the tier maximum balance is held in suspense and flagged; the wallet is unchanged', async () => {
    const cy = await registerUser(t.app, { fullName: 'Cy Uche' });
    const account = await assignedAccount(cy);
    const before = await suspense();
    const over = 30_000_001; // tier 1 NGN maximum balance is 30,000,000 kobo
    const { reference } = (await sendTransfer({ accountNumber: account.accountNumber, amount: over })).json();
    await settle();
    const held = await heldTransfer(reference);
    expect(held).toMatchObject({ holdReason: 'over_limit', walletId: account.walletId, amount: over });
    expect(await balanceOf(cy)).toBe(0);
    expect((await suspense()) - before).toBe(BigInt(over));
    const flagged = (await get(t.app, operator, '/v1/admin/deposits/flagged')).json();
    expect(flagged.data.find((d: { reference: string }) => d.reference === reference)).toMatchObject({
      status: 'flagged',
    });
    // Credited by an operator, the limit still applies: refused, nothing moves.
    const refused = await post(t.app, operator, `/v1/admin/inbound-transfers/${held.id}/credit`, {
      walletId: account.walletId,
      reason: 'try',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('limit_exceeded');
    expect(await balanceOf(cy)).toBe(0);
    // At tier 3 (no maximum) it goes through.
    await setTier(t.ctx.db, cy.id, 3);
    await eventually(async () => {
      const res = await post(t.app, operator, `/v1/admin/inbound-transfers/${held.id}/credit`, {
        walletId: account.walletId,
        reason: 'tier 3 now',
      });
      return res.statusCode === 200;
    });
    expect(await balanceOf(cy)).toBe(over);
  });

  it('bad input is a problem document and changes nothing', async () => {
    const before = {
      sim: await count('SELECT count(*) AS n FROM paystack_sim.bank_transfers'),
      inbound: await count('SELECT count(*) AS n FROM wallets.inbound_transfers'),
      webhooks: await count('SELECT count(*) AS n FROM wallets.gateway_webhooks'),
      suspense: await suspense(),
    };
    const cases: Record<string, unknown>[] = [
      { accountNumber: '12345', amount: 1000 },
      { accountNumber: '12345678901', amount: 1000 },
      { accountNumber: 'abcdefghij', amount: 1000 },
      { accountNumber: 1234567890, amount: 1000 },
      { accountNumber: '1234567890', amount: 0 },
      { accountNumber: '1234567890', amount: -500 },
      { accountNumber: '1234567890', amount: 10.5 },
      { accountNumber: '1234567890', amount: '1000' },
      { accountNumber: '1234567890' },
      { accountNumber: '1234567890', amount: 1000, extra: true },
    ];
    for (const payload of cases) {
      const res = await sendTransfer(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, JSON.stringify(payload)).toBeLessThan(500);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(typeof res.json().code).toBe('string');
    }
    await settle();
    expect(await count('SELECT count(*) AS n FROM paystack_sim.bank_transfers')).toBe(before.sim);
    expect(await count('SELECT count(*) AS n FROM wallets.inbound_transfers')).toBe(before.inbound);
    expect(await count('SELECT count(*) AS n FROM wallets.gateway_webhooks')).toBe(before.webhooks);
    expect(await suspense()).toBe(before.suspense);
    // A signed bank-transfer webhook we cannot read (a float amount, an unknown currency) is logged, moves nothing.
    for (const data of [
      { amount: 10.5, currency: 'NGN' },
      { amount: 1000, currency: 'XYZ' },
    ]) {
      const raw = JSON.stringify({
        event: 'charge.success',
        data: {
          ...data,
          reference: randomUUID(),
          channel: 'dedicated_nuban',
          metadata: { receiver_account_number: '1234567890' },
        },
      });
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/webhooks/gateway',
        headers: {
          'content-type': 'application/json',
          'x-paystack-signature': signWebhook(t.ctx.config.gatewaySecret, raw),
        },
        payload: raw,
      });
      expect(res.json().outcome).toBe('invalid');
    }
    expect(await count('SELECT count(*) AS n FROM wallets.inbound_transfers')).toBe(before.inbound);
    expect(await suspense()).toBe(before.suspense);
    // Operator actions with bad bodies or ids.
    const badCredit = await post(t.app, operator, `/v1/admin/inbound-transfers/${randomUUID()}/credit`, {
      walletId: 'nope',
      reason: 'x',
    });
    expect(badCredit.statusCode).toBe(400);
    const missing = await post(t.app, operator, `/v1/admin/inbound-transfers/${randomUUID()}/return`, {
      bankReference: 'NIP-1',
      reason: 'gone',
    });
    expect(missing.statusCode).toBe(404);
    const noKey = await post(
      t.app,
      operator,
      `/v1/admin/inbound-transfers/${randomUUID()}/return`,
      { bankReference: 'NIP-1', reason: 'gone' },
      null,
    );
    expect(noKey.json().code).toBe('idempotency_key_required');
  });

  it('the ledger balances after all of it', async () => {
    await settle();
    const report = await runAudit(t.ctx.db);
    expect(report.ok).toBe(true);
  });
});

describe('inbound rail when tier 1 requires an ID (pglite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { KYC_TIER1_REQUIRES_ID: 'true' }, { worker: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('no account at registration; refused until BVN or NIN is verified, then assigned on request', async () => {
    const dee = await registerUser(t.app, { fullName: 'Dee Ola' });
    const wallet = await walletOf(t.app, dee);
    const url = `/v1/wallets/${wallet.id}/funding-account`;
    expect((await get(t.app, dee, url)).json()).toMatchObject({ status: 'none', eligible: false });
    const refused = await post(t.app, dee, url, {}, null);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'kyc_required', reason: 'identity_required' });
    await setTier(t.ctx.db, dee.id, 2);
    const asked = await post(t.app, dee, url, {}, null);
    expect(asked.statusCode).toBe(202);
    expect(asked.json().status).toBe('pending');
    const done = await eventually(async () => {
      const body = (await get(t.app, dee, url)).json();
      return body.status === 'assigned' && body;
    });
    expect(done.accountNumber).toMatch(/^[0-9]{10}$/);
  });

  it('a verified NIN makes the person eligible and the account is asked for with no request of theirs', async () => {
    const eze = await registerUser(t.app, { fullName: 'Eze Obi' });
    const wallet = await walletOf(t.app, eze);
    const url = `/v1/wallets/${wallet.id}/funding-account`;
    expect((await get(t.app, eze, url)).json()).toMatchObject({ status: 'none', eligible: false });
    const verified = await post(t.app, eze, '/v1/me/kyc/nin', { nin: '11111111111' }, null);
    expect(verified.statusCode).toBe(200);
    const done = await eventually(async () => {
      const body = (await get(t.app, eze, url)).json();
      return body.status === 'assigned' && body;
    });
    expect(done).toMatchObject({
      bankName: expect.any(String),
      accountNumber: expect.stringMatching(/^\d{10}$/),
    });
  });
});
