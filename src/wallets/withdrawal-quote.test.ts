import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { fund, get, post, walletOf } from '../test-support/http.js';
import { registerUser, setTier } from '../test-support/users.js';
import { MIN_WITHDRAWAL, maxWithdrawable, withdrawalFee, WITHDRAWAL_FEE_TIERS } from './withdrawal-fees.js';

describe('withdrawal fee table', () => {
  it('maxWithdrawable is the largest amount whose amount + fee fits, at every tier boundary', () => {
    const budgets = [0n, MIN_WITHDRAWAL, MIN_WITHDRAWAL + 10_00n - 1n, MIN_WITHDRAWAL + 10_00n];
    for (const tier of WITHDRAWAL_FEE_TIERS)
      for (const d of [-2n, -1n, 0n, 1n, 2n, 10_00n, 25_00n, 50_00n]) budgets.push(tier.upTo + tier.fee + d);
    for (const budget of budgets) {
      const best = maxWithdrawable(budget);
      if (best === 0n) {
        expect(MIN_WITHDRAWAL + withdrawalFee(MIN_WITHDRAWAL)).toBeGreaterThan(budget);
        continue;
      }
      expect(best + withdrawalFee(best)).toBeLessThanOrEqual(budget);
      // Nothing larger fits: the next amount, and the next tier's smallest, both overflow.
      for (const bigger of [best + 1n, best + 100n, best + 10_000n])
        if (bigger <= (WITHDRAWAL_FEE_TIERS.at(-1)?.upTo ?? 0n))
          expect(bigger + withdrawalFee(bigger)).toBeGreaterThan(budget);
    }
    expect(maxWithdrawable(10_000_00n)).toBe(9_975_00n);
    expect(maxWithdrawable(5_020_00n)).toBe(5_000_00n); // the next tier's fee would not fit
  });
});

describe.each(backends())('POST /v1/withdrawals/quote on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { PAYOUT_SIM_PENDING_MS: '300' }, { worker: true });
  });
  afterAll(async () => t.close());

  it('quotes the fee before confirming, and the withdrawal debits exactly the quoted total', async () => {
    const u = await registerUser(t.app);
    await setTier(t.testDb.db, u.id, 3);
    const w = await walletOf(t.app, u);
    await fund(t.app, u, w.id, 1_000_000);
    const quote = await post(t.app, u, '/v1/withdrawals/quote', {
      walletId: w.id,
      amount: 100_000,
      bankCode: '058',
      accountNumber: '0123456789',
    });
    expect(quote.statusCode).toBe(200);
    expect(quote.json()).toMatchObject({ amount: 100_000, fee: 1_000, total: 101_000, fits: true });
    const done = await post(t.app, u, `/v1/wallets/${w.id}/withdrawals`, {
      amount: 100_000,
      bankCode: '058',
      accountNumber: '0123456789',
    });
    expect(done.json()).toMatchObject({ fee: quote.json().fee, total: quote.json().total });
    expect((await walletOf(t.app, u)).available).toBe(1_000_000 - quote.json().total);
  });

  it('"withdraw everything" withdraws available minus fee and leaves the wallet at zero', async () => {
    const u = await registerUser(t.app);
    await setTier(t.testDb.db, u.id, 3);
    const w = await walletOf(t.app, u);
    await fund(t.app, u, w.id, 1_000_000);
    const quote = (
      await post(t.app, u, '/v1/withdrawals/quote', { walletId: w.id, everything: true })
    ).json();
    expect(quote).toMatchObject({ amount: 997_500, fee: 2_500, total: 1_000_000, maxAmount: 997_500 });
    expect(quote.cappedBy).toBe('available_balance');
    const done = await post(t.app, u, `/v1/wallets/${w.id}/withdrawals`, {
      amount: quote.amount,
      bankCode: '058',
      accountNumber: '0123456789',
    });
    expect(done.statusCode).toBe(202);
    expect((await walletOf(t.app, u)).available).toBe(0);
  });

  it('caps "everything" by the daily limit of the tier, and says so', async () => {
    const u = await registerUser(t.app);
    await setTier(t.testDb.db, u.id, 1);
    const w = await walletOf(t.app, u);
    await fund(t.app, u, w.id, 10_000_000);
    const quote = (
      await post(t.app, u, '/v1/withdrawals/quote', { walletId: w.id, everything: true })
    ).json();
    expect(quote).toMatchObject({ cappedBy: 'daily_limit', maxAmount: 4_997_500, total: 5_000_000 });
    const over = (
      await post(t.app, u, '/v1/withdrawals/quote', { walletId: w.id, amount: 6_000_000 })
    ).json();
    expect(over).toMatchObject({ fits: false, total: 6_005_000 });
  });

  it('refuses bad input with a problem and a stable code, moving nothing', async () => {
    const u = await registerUser(t.app);
    const w = await walletOf(t.app, u);
    const cases: [unknown, number, string][] = [
      [{ walletId: w.id }, 400, 'validation_failed'],
      [{ walletId: w.id, amount: 12.5 }, 400, 'invalid_amount'],
      [{ walletId: w.id, amount: 50 }, 422, 'amount_out_of_range'],
      [{ walletId: w.id, everything: true }, 422, 'insufficient_funds'],
      [{ walletId: w.id, amount: 100_000, accountNumber: '123' }, 400, 'validation_failed'],
      [{ walletId: '00000000-0000-4000-8000-000000000000', amount: 100_000 }, 404, 'not_found'],
    ];
    for (const [body, status, code] of cases) {
      const res = await post(t.app, u, '/v1/withdrawals/quote', body);
      expect([res.statusCode, res.json().code], JSON.stringify(body)).toEqual([status, code]);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect((await get(t.app, undefined, '/v1/withdrawals/quote')).statusCode).toBeGreaterThanOrEqual(400);
  });
});
