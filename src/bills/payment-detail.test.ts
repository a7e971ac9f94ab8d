/**
 * An operator's payment detail names every posting's account and lists the provider calls, however
 * many accounts the ledger holds (names are looked up by id, not from a capped listing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, getAccount } from '../ledger/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, type TestUser } from '../test-support/users.js';
import { ensureWallet } from '../wallets/index.js';
import { vendTimingFromConfig } from './consumers.js';
import { FAST_PROVIDER_ENV } from './testing.js';
import { runVend } from './vend.js';

const EARLIER_ACCOUNTS = 1_001;

describe.each(backends())('operator payment detail on %s', (backend) => {
  let t: TestApp;
  let user: TestUser;
  let operator: TestUser;
  beforeAll(async () => {
    t = await createTestApp(backend, FAST_PROVIDER_ENV, { providers: true });
    // More accounts than any listing returns, all older than the customer's wallet.
    await t.ctx.db.transaction(async (tx) => {
      for (let i = 0; i < EARLIER_ACCOUNTS; i++)
        await createAccount(tx, {
          key: `filler:${i}`,
          currency: 'NGN',
          type: 'user_wallet',
          name: `filler ${i}`,
        });
    });
    user = await registerUser(t.app);
    operator = await registerStaff(t.app, t.ctx.db, 'operator');
    await t.ctx.db.transaction((tx) => ensureWallet(tx, user.id, 'NGN'));
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('names the accounts of every posting and lists the provider calls', async () => {
    const walletId = (await walletOf(t.app, user)).id;
    await fund(t.app, user, walletId, 500_000);
    const res = await post(t.app, user, '/v1/bill-payments', {
      walletId,
      billerId: 'ikeja-electric',
      productCode: 'prepaid',
      customerRef: '1111111111111',
      amount: 100_000,
    });
    expect(res.statusCode).toBe(202);
    const id = res.json().id as string;
    await runVend(t.ctx, vendTimingFromConfig(t.ctx.config), id, 1);

    const detail = await get(t.app, operator, `/v1/admin/bill-payments/${id}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body.status).toBe('succeeded');
    expect(body.user).toMatchObject({ id: user.id });
    expect(body.providerCalls.length).toBeGreaterThan(0);
    for (const call of body.providerCalls) {
      expect(call).toMatchObject({ op: expect.any(String), outcome: expect.any(String) });
      expect(Number.isInteger(call.latencyMs)).toBe(true);
    }
    expect(body.postings.some((p: { accountId: string }) => p.accountId === walletId)).toBe(true);
    for (const posting of body.postings) {
      const account = await t.ctx.db.transaction((tx) => getAccount(tx, posting.accountId));
      expect(posting.accountName).toBe(account?.name);
      expect(posting.accountName).not.toBe(posting.accountId);
    }
  });
});
