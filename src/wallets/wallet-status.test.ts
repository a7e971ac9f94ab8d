import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_PROVIDER_ENV } from '../bills/testing.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, type TestUser } from '../test-support/users.js';

describe.each(backends())('wallet status on %s', (backend) => {
  let t: TestApp;
  let operator: TestUser;
  beforeAll(async () => {
    t = await createTestApp(backend, FAST_PROVIDER_ENV, { providers: true, worker: true });
    operator = await registerStaff(t.app, t.ctx.db, 'operator');
  });
  afterAll(async () => {
    await t.close();
  });

  const audit = async (walletId: string) =>
    (
      await t.ctx.db.query<{
        action: string;
        actor_id: string;
        before: unknown;
        after: unknown;
        reason: string;
      }>(
        `SELECT action, actor_id, before, after, reason FROM identity.audit_log
          WHERE target_type = 'wallet' AND target_id = $1 ORDER BY created_at, id`,
        [walletId],
      )
    ).rows;

  const send = async (user: TestUser, from: string, to: string, amount: number) => {
    const res = await post(t.app, user, '/v1/transfers', {
      fromWalletId: from,
      to: { walletId: to },
      amount,
    });
    return [res.statusCode, res.json().code ?? res.json().status];
  };

  const statusOf = async (user: TestUser, walletId: string) =>
    (await get(t.app, user, `/v1/wallets/${walletId}`)).json().status;

  it('freeze refuses transfers from and to the wallet, moving nothing; unfreeze restores them; both audited', async () => {
    const a = await registerUser(t.app);
    const b = await registerUser(t.app);
    const wa = await walletOf(t.app, a);
    const wb = await walletOf(t.app, b);
    await fund(t.app, a, wa.id, 50_000);
    await fund(t.app, b, wb.id, 20_000);

    const frozen = await post(
      t.app,
      operator,
      `/v1/admin/wallets/${wa.id}/freeze`,
      { reason: 'chargeback' },
      null,
    );
    expect([frozen.statusCode, frozen.json().status]).toEqual([200, 'frozen']);
    expect(await statusOf(a, wa.id)).toBe('frozen');
    expect(await send(a, wa.id, wb.id, 100)).toEqual([422, 'wallet_frozen']);
    expect(await send(b, wb.id, wa.id, 100)).toEqual([422, 'wallet_frozen']);
    expect((await post(t.app, a, `/v1/wallets/${wa.id}/deposits`, { amount: 10_000 })).json().code).toBe(
      'wallet_frozen',
    );
    expect((await walletOf(t.app, a)).balance).toBe(50_000);
    expect((await walletOf(t.app, b)).balance).toBe(20_000);
    // Only the wallet is frozen, not the person: b's wallet is untouched.
    expect(await statusOf(b, wb.id)).toBe('active');

    const again = await post(t.app, operator, `/v1/admin/wallets/${wa.id}/freeze`, { reason: 'twice' }, null);
    expect([again.statusCode, again.json().code]).toEqual([409, 'wallet_not_active']);

    const thawed = await post(
      t.app,
      operator,
      `/v1/admin/wallets/${wa.id}/unfreeze`,
      { reason: 'resolved' },
      null,
    );
    expect([thawed.statusCode, thawed.json().status]).toEqual([200, 'active']);
    const notFrozen = await post(
      t.app,
      operator,
      `/v1/admin/wallets/${wa.id}/unfreeze`,
      { reason: 'x2x' },
      null,
    );
    expect([notFrozen.statusCode, notFrozen.json().code]).toEqual([409, 'wallet_not_frozen']);
    expect(await send(a, wa.id, wb.id, 1_000)).toEqual([201, 'completed']);
    expect(await send(b, wb.id, wa.id, 500)).toEqual([201, 'completed']);
    expect((await walletOf(t.app, a)).balance).toBe(49_500);

    expect(await audit(wa.id)).toEqual([
      {
        action: 'wallet.freeze',
        actor_id: operator.id,
        before: { status: 'active' },
        after: { status: 'frozen' },
        reason: 'chargeback',
      },
      {
        action: 'wallet.unfreeze',
        actor_id: operator.id,
        before: { status: 'frozen' },
        after: { status: 'active' },
        reason: 'resolved',
      },
    ]);
  });

  it('closes an empty wallet: money in and out refused, still listed, history and statement readable', async () => {
    const a = await registerUser(t.app);
    const b = await registerUser(t.app);
    const wa = await walletOf(t.app, a);
    const wb = await walletOf(t.app, b);
    await fund(t.app, a, wa.id, 10_000);
    await fund(t.app, b, wb.id, 10_000);
    expect(await send(a, wa.id, wb.id, 10_000)).toEqual([201, 'completed']);

    const closed = await post(t.app, a, `/v1/wallets/${wa.id}/close`, { reason: 'moving abroad' }, null);
    expect([closed.statusCode, closed.json().status, closed.json().balance]).toEqual([200, 'closed', 0]);
    expect(await send(b, wb.id, wa.id, 100)).toEqual([422, 'wallet_closed']);
    expect(await send(a, wa.id, wb.id, 100)).toEqual([422, 'wallet_closed']);
    const deposit = await post(t.app, a, `/v1/wallets/${wa.id}/deposits`, { amount: 10_000 });
    expect([deposit.statusCode, deposit.json().code]).toEqual([422, 'wallet_closed']);
    const withdrawal = await post(t.app, a, `/v1/wallets/${wa.id}/withdrawals`, {
      amount: 100_000,
      bankCode: '058',
      accountNumber: '0123456789',
    });
    expect([withdrawal.statusCode, withdrawal.json().code]).toEqual([422, 'wallet_closed']);
    const bill = await post(t.app, a, '/v1/bill-payments', {
      walletId: wa.id,
      billerId: 'ikeja-electric',
      productCode: 'prepaid',
      customerRef: '1111111111111',
      amount: 100_000,
    });
    expect([bill.statusCode, bill.json().code]).toEqual([422, 'wallet_closed']);
    expect((await walletOf(t.app, b)).balance).toBe(20_000);

    const list = (await get(t.app, a, '/v1/wallets')).json().data;
    expect(list).toEqual([expect.objectContaining({ id: wa.id, status: 'closed', balance: 0, held: 0 })]);
    const history = (await get(t.app, a, `/v1/wallets/${wa.id}/transactions`)).json();
    expect(history.data.map((l: { type: string }) => l.type)).toEqual(['transfer_out', 'deposit']);
    const statement = await get(t.app, a, `/v1/wallets/${wa.id}/statement.csv`);
    expect(statement.statusCode).toBe(200);
    expect(statement.body.split('\n').length).toBeGreaterThan(2);

    const twice = await post(t.app, a, `/v1/wallets/${wa.id}/close`, {}, null);
    expect([twice.statusCode, twice.json().code]).toEqual([422, 'wallet_closed']);
    const reopen = await post(
      t.app,
      operator,
      `/v1/admin/wallets/${wa.id}/unfreeze`,
      { reason: 'reopen' },
      null,
    );
    expect([reopen.statusCode, reopen.json().code]).toEqual([409, 'wallet_not_frozen']);
    expect(await statusOf(a, wa.id)).toBe('closed');
    expect(await audit(wa.id)).toEqual([
      {
        action: 'wallet.close',
        actor_id: a.id,
        before: { status: 'active' },
        after: { status: 'closed' },
        reason: 'moving abroad',
      },
    ]);
  });

  it('refuses to close a wallet that holds money, a frozen one, or someone else’s, changing nothing', async () => {
    const a = await registerUser(t.app);
    const b = await registerUser(t.app);
    const wa = await walletOf(t.app, a);
    const wb = await walletOf(t.app, b);
    await fund(t.app, a, wa.id, 5_000);

    const full = await post(t.app, a, `/v1/wallets/${wa.id}/close`, {}, null);
    expect([full.statusCode, full.json().code]).toEqual([409, 'wallet_not_empty']);
    expect(await walletOf(t.app, a)).toMatchObject({ status: 'active', balance: 5_000 });

    const theirs = await post(t.app, a, `/v1/wallets/${wb.id}/close`, {}, null);
    expect([theirs.statusCode, theirs.json().code]).toEqual([404, 'not_found']);
    const nobody = await post(t.app, a, `/v1/wallets/${randomUUID()}/close`, {}, null);
    expect(nobody.statusCode).toBe(404);
    expect(await statusOf(b, wb.id)).toBe('active');

    await post(t.app, operator, `/v1/admin/wallets/${wb.id}/freeze`, { reason: 'review' }, null);
    const frozen = await post(t.app, b, `/v1/wallets/${wb.id}/close`, {}, null);
    expect([frozen.statusCode, frozen.json().code]).toEqual([422, 'wallet_frozen']);
    expect(await statusOf(b, wb.id)).toBe('frozen');

    expect(await audit(wa.id)).toEqual([]);
    expect((await audit(wb.id)).map((r) => r.action)).toEqual(['wallet.freeze']);
  });

  it('a credit racing a close either lands and the close is refused, or is refused itself: never a closed wallet with money', async () => {
    const sender = await registerUser(t.app);
    const ws = await walletOf(t.app, sender);
    await fund(t.app, sender, ws.id, 100_000);
    for (let round = 0; round < 5; round++) {
      const owner = await registerUser(t.app);
      const wo = await walletOf(t.app, owner);
      const [sent, closed] = await Promise.all([
        send(sender, ws.id, wo.id, 1_000),
        post(t.app, owner, `/v1/wallets/${wo.id}/close`, {}, null),
      ]);
      const after = await walletOf(t.app, owner);
      if (closed.statusCode === 200) {
        expect(sent).toEqual([422, 'wallet_closed']);
        expect(after).toMatchObject({ status: 'closed', balance: 0 });
      } else {
        expect([closed.statusCode, closed.json().code, sent]).toEqual([
          409,
          'wallet_not_empty',
          [201, 'completed'],
        ]);
        expect(after).toMatchObject({ status: 'active', balance: 1_000 });
      }
    }
  });

  it('keeps the operator routes from customers (403) and answers 404 for an unknown wallet', async () => {
    const a = await registerUser(t.app);
    const wa = await walletOf(t.app, a);
    for (const change of ['freeze', 'unfreeze']) {
      const res = await post(t.app, a, `/v1/admin/wallets/${wa.id}/${change}`, { reason: 'my own' }, null);
      expect([change, res.statusCode, res.json().code]).toEqual([change, 403, 'forbidden']);
    }
    expect(await statusOf(a, wa.id)).toBe('active');
    expect(await audit(wa.id)).toEqual([]);
    const unknown = await post(
      t.app,
      operator,
      `/v1/admin/wallets/${randomUUID()}/freeze`,
      { reason: 'who' },
      null,
    );
    expect(unknown.statusCode).toBe(404);
    const noReason = await post(t.app, operator, `/v1/admin/wallets/${wa.id}/freeze`, {}, null);
    expect([noReason.statusCode, noReason.json().code]).toEqual([400, 'validation_failed']);
  });
});
