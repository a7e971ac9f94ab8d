/** Post-no-debit on the money paths: a person under it receives, and sends, pays and withdraws nothing. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_PROVIDER_ENV } from '../bills/testing.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, setTier, type TestUser } from '../test-support/users.js';

describe.each(backends())('post-no-debit on the money paths (%s)', (backend) => {
  let t: TestApp;
  let operator: TestUser;
  beforeAll(async () => {
    t = await createTestApp(backend, FAST_PROVIDER_ENV, { providers: true, worker: true });
    operator = await registerStaff(t.app, t.ctx.db, 'operator');
  });
  afterAll(async () => {
    await t?.close();
  });

  const pnd = (user: TestUser, on: boolean) =>
    post(t.app, operator, `/v1/admin/users/${user.id}/pnd`, { on, reason: 'fraud check' }, null);

  it('refuses transfers, bill payments and withdrawals with 403 kyc_required, moving and storing nothing; money still comes in; lifting it restores them', async () => {
    const a = await registerUser(t.app);
    const b = await registerUser(t.app);
    const wa = await walletOf(t.app, a);
    const wb = await walletOf(t.app, b);
    await fund(t.app, a, wa.id, 1_000_000);
    await fund(t.app, b, wb.id, 1_000_000);
    // Served from the cache once before the change: the change must still apply at once.
    const before = await post(t.app, a, '/v1/transfers', {
      fromWalletId: wa.id,
      to: { walletId: wb.id },
      amount: 100,
    });
    expect(before.statusCode).toBe(201);
    expect((await pnd(a, true)).statusCode).toBe(200);

    const key = randomUUID();
    const refusals = [
      await post(
        t.app,
        a,
        '/v1/transfers',
        { fromWalletId: wa.id, to: { walletId: wb.id }, amount: 100 },
        key,
      ),
      await post(t.app, a, '/v1/bill-payments', {
        walletId: wa.id,
        billerId: 'ikeja-electric',
        productCode: 'prepaid',
        customerRef: '1111111111111',
        amount: 100_000,
      }),
      await post(t.app, a, `/v1/wallets/${wa.id}/withdrawals`, {
        amount: 200_000,
        bankCode: '058',
        accountNumber: '0123456789',
      }),
    ];
    for (const r of refusals) {
      expect([r.statusCode, r.json().code, r.json().reason]).toEqual([403, 'kyc_required', 'post_no_debit']);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const { rows } = await t.ctx.db.query('SELECT 1 FROM idempotency.keys WHERE key = $1', [key]);
    expect(rows).toHaveLength(0);
    expect((await walletOf(t.app, a)).balance).toBe(1_000_000 - 100);

    // Money in is not a debit.
    const incoming = await post(t.app, b, '/v1/transfers', {
      fromWalletId: wb.id,
      to: { walletId: wa.id },
      amount: 500,
    });
    expect(incoming.statusCode).toBe(201);
    expect((await walletOf(t.app, a)).balance).toBe(1_000_000 - 100 + 500);

    expect((await pnd(a, false)).statusCode).toBe(200);
    const after = await post(
      t.app,
      a,
      '/v1/transfers',
      { fromWalletId: wa.id, to: { walletId: wb.id }, amount: 100 },
      key,
    );
    expect(after.statusCode).toBe(201); // the refused key was not stored: it can be used now
  });
});

describe('KYC_TIER1_REQUIRES_ID=true (pglite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { KYC_TIER1_REQUIRES_ID: 'true' }, { worker: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an account with neither BVN nor NIN can receive but not send, until it verifies one', async () => {
    const a = await registerUser(t.app);
    const b = await registerUser(t.app);
    const wa = await walletOf(t.app, a);
    const wb = await walletOf(t.app, b);
    await fund(t.app, a, wa.id, 100_000);
    const refused = await post(t.app, a, '/v1/transfers', {
      fromWalletId: wa.id,
      to: { walletId: wb.id },
      amount: 100,
    });
    expect([refused.statusCode, refused.json().code, refused.json().reason]).toEqual([
      403,
      'kyc_required',
      'identity_required',
    ]);
    const verified = await post(
      t.app,
      a,
      '/v1/me/kyc/bvn',
      { bvn: '22222222222', dateOfBirth: '1990-05-17' },
      null,
    );
    expect(verified.statusCode).toBe(200);
    const sent = await post(t.app, a, '/v1/transfers', {
      fromWalletId: wa.id,
      to: { walletId: wb.id },
      amount: 100,
    });
    expect(sent.statusCode).toBe(201);
    expect((await get(t.app, b, `/v1/wallets/${wb.id}`)).json().balance).toBe(100);
  });
});

describe.each(backends())('post-no-debit on one wallet (%s)', (backend) => {
  let t: TestApp;
  let operator: TestUser;
  beforeAll(async () => {
    t = await createTestApp(backend, {}, { worker: true });
    operator = await registerStaff(t.app, t.ctx.db, 'operator');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the wallet may receive, not send; the person’s other wallets are untouched; audited; lifted it sends again', async () => {
    const a = await registerUser(t.app);
    const b = await registerUser(t.app);
    await setTier(t.testDb.db, a.id, 3); // a USD wallet too
    const wa = await walletOf(t.app, a);
    const wb = await walletOf(t.app, b);
    await fund(t.app, a, wa.id, 1_000_000);
    const usd = (await post(t.app, a, '/v1/wallets', { currency: 'USD' }, null)).json();
    const set = (on: boolean, reason = 'chargeback dispute') =>
      post(t.app, operator, `/v1/admin/wallets/${wa.id}/pnd`, { on, reason }, null);
    expect((await set(true)).json()).toMatchObject({ walletId: wa.id, userId: a.id, pnd: true });
    const send = () =>
      post(t.app, a, '/v1/transfers', { fromWalletId: wa.id, to: { walletId: wb.id }, amount: 100 });
    const refused = await send();
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'kyc_required', reason: 'post_no_debit', walletId: wa.id });
    // Money still comes in.
    await fund(t.app, b, wb.id, 10_000);
    expect(
      (await post(t.app, b, '/v1/transfers', { fromWalletId: wb.id, to: { walletId: wa.id }, amount: 500 }))
        .statusCode,
    ).toBe(201);
    // The other wallet of the person is not under it.
    const deposit = await post(t.app, a, `/v1/wallets/${usd.id}/deposits`, { amount: 1_000 });
    expect(deposit.statusCode).toBe(201);
    const audit = await t.ctx.db.query<{ action: string; reason: string }>(
      "SELECT action, reason FROM identity.audit_log WHERE target_id = $1 AND action LIKE 'kyc.wallet_pnd%'",
      [wa.id],
    );
    expect(audit.rows).toEqual([{ action: 'kyc.wallet_pnd_on', reason: 'chargeback dispute' }]);
    expect((await set(false, 'dispute settled')).json()).toMatchObject({ pnd: false });
    expect((await send()).statusCode).toBe(201);
    // A customer cannot set it.
    expect(
      (await post(t.app, a, `/v1/admin/wallets/${wb.id}/pnd`, { on: true, reason: 'x y z' }, null))
        .statusCode,
    ).toBe(403);
  });
});
