/** Post-no-debit on the money paths: a person under it receives, and sends, pays and withdraws nothing. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_PROVIDER_ENV } from '../bills/testing.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, type TestUser } from '../test-support/users.js';

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
