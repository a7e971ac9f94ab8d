import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../errors/index.js';
import { CROSS_CUTTING_CODES } from './errors.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { fund, get, post, walletOf } from '../test-support/http.js';
import { type AnsweredProblem, documentedCodes, recordProblems } from '../test-support/problem-codes.js';
import { verifyContacts } from '../test-support/contacts.js';
import { registerStaff, registerUser, type TestUser } from '../test-support/users.js';
import { FAST_PROVIDER_ENV } from '../bills/testing.js';

/** Codes any route may answer (listed once, in the API description). */
const CROSS_CUTTING = new Set<string>(CROSS_CUTTING_CODES);

type OpenApi = Parameters<typeof documentedCodes>[0];

const backend = backends()[0] ?? 'pglite';

describe(`error codes answered vs documented (${backend})`, () => {
  let t: TestApp;
  let seen: AnsweredProblem[];
  let user: TestUser;
  let operator: TestUser;
  let walletId: string;
  let openapi: OpenApi;

  beforeAll(async () => {
    t = await createTestApp(backend, FAST_PROVIDER_ENV, { providers: true, worker: true });
    seen = recordProblems(t.app);
    user = await registerUser(t.app);
    operator = await registerStaff(t.app, t.ctx.db, 'admin');
    walletId = (await walletOf(t.app, user)).id;
    await fund(t.app, user, walletId, 1_000_000);
    openapi = (await get(t.app, undefined, '/openapi.json')).json();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Every documented route, called as a stranger, as a customer with an empty body and a bad key, and as an operator. */
  async function sweep() {
    for (const [path, methods] of Object.entries(openapi.paths)) {
      // Logging out would end the sessions the sweep uses; the scenarios cover auth.
      if (!path.startsWith('/v1/') || path.includes('stream') || path.startsWith('/v1/auth/')) continue;
      const url = path.replace(/\{[A-Za-z]+\}/g, randomUUID());
      for (const method of Object.keys(methods).map((m) => m.toUpperCase()) as ('GET' | 'POST' | 'PATCH')[]) {
        const payload = method === 'GET' ? undefined : {};
        await t.app.inject({ method, url, payload });
        for (const who of [user, operator]) {
          for (const key of [randomUUID(), 'not a key']) {
            await t.app.inject({ method, url, payload, headers: { ...who.auth, 'idempotency-key': key } });
          }
        }
      }
    }
  }

  /** Refusals a use case decides, which a schema-level sweep cannot reach. */
  async function scenarios() {
    const bill = {
      walletId,
      billerId: 'ikeja-electric',
      productCode: 'prepaid',
      customerRef: '1111111111111',
    };
    await post(t.app, user, '/v1/bill-payments', { ...bill, amount: 1 }); // amount_out_of_range
    await post(t.app, user, '/v1/bill-payments', { ...bill, amount: 100_000 }, 'not a key');
    await post(t.app, user, '/v1/bill-payments', { ...bill, amount: 100_000 }, null);
    await post(t.app, user, '/v1/bill-payments', { ...bill, billerId: 'nobody', amount: 100_000 });
    await post(t.app, user, '/v1/bill-payments', { ...bill, productCode: 'nothing', amount: 100_000 });
    await post(t.app, user, '/v1/bill-payments', { ...bill, customerRef: 'x', amount: 100_000 });
    await t.ctx.db.query(
      `UPDATE bills.products SET enabled = false WHERE biller_id = 'ikeja-electric' AND code = 'postpaid'`,
    );
    await post(t.app, user, '/v1/bill-payments', { ...bill, productCode: 'postpaid', amount: 100_000 });
    await post(t.app, user, '/v1/bill-payments/quote', {
      billerId: 'ikeja-electric',
      productCode: 'postpaid',
      amount: 100_000,
    });
    const key = randomUUID();
    await post(t.app, user, '/v1/bill-payments', { ...bill, amount: 100_000 }, key);
    await post(t.app, user, '/v1/bill-payments', { ...bill, amount: 200_000 }, key); // idempotency_key_reused
    await post(t.app, user, '/v1/wallets', { currency: 'XYZ' });
    await post(t.app, user, '/v1/wallets', { currency: 'NGN' });
    await post(t.app, user, '/v1/transfers', { fromWalletId: walletId, to: { walletId }, amount: 100 });
    await post(t.app, user, '/v1/transfers', {
      fromWalletId: walletId,
      to: { email: user.email },
      amount: 100,
    });
    await post(t.app, user, '/v1/transfers', {
      fromWalletId: walletId,
      to: { email: 'no@one.test' },
      amount: 100,
    });
    await post(t.app, user, '/v1/transfers', {
      fromWalletId: walletId,
      to: { walletId: randomUUID() },
      amount: 100,
    });
    const other = await registerUser(t.app);
    await walletOf(t.app, other);
    await post(t.app, user, '/v1/transfers', {
      fromWalletId: walletId,
      to: { email: other.email },
      amount: 5_000_000,
    });
    await post(t.app, user, '/v1/recipients/resolve', { email: 'no@one.test' });
    await post(t.app, user, `/v1/wallets/${walletId}/withdrawals`, {
      bankCode: '999',
      accountNumber: '0123456789',
      amount: 10_000,
    });
    await post(t.app, user, '/v1/payout-accounts/resolve', { bankCode: '058', accountNumber: '9999999999' });
    await post(t.app, undefined, '/v1/auth/register', {
      email: user.email,
      password: 'correct horse battery',
      fullName: 'A',
    });
    await post(t.app, undefined, '/v1/auth/register', {
      email: 'x@y.test',
      password: 'short',
      fullName: 'A',
    });
    await post(t.app, undefined, '/v1/auth/login', { email: user.email, password: 'wrong password here' });
    await post(t.app, undefined, '/v1/auth/refresh', { refreshToken: 'nope' });
    await post(t.app, operator, `/v1/admin/users/${operator.id}/freeze`, { reason: 'self' });
    // KYC: each sandbox refusal, tier 3 too early, a second pending request, a decided review.
    const kyc = await registerUser(t.app, { phone: `0812${String(Date.now()).slice(-7)}` });
    await post(t.app, kyc, '/v1/me/kyc/bvn', { bvn: '22222222223', dateOfBirth: '1990-01-01' }, null);
    await post(t.app, kyc, '/v1/me/kyc/bvn', { bvn: '01111111111', dateOfBirth: '1990-01-01' }, null);
    await post(t.app, kyc, '/v1/me/kyc/nin', { nin: '01111111111' }, null);
    const tier3 = { address: '1 Broad Street, Lagos', idType: 'passport', idNumber: 'A1234567' };
    await post(t.app, kyc, '/v1/me/kyc/tier3', tier3, null); // kyc_tier_required
    await post(t.app, kyc, '/v1/me/kyc/bvn', { bvn: '22222222222', dateOfBirth: '1990-01-01' }, null);
    await post(t.app, kyc, '/v1/me/kyc/bvn', { bvn: '22222222222', dateOfBirth: '1990-01-01' }, null);
    await post(t.app, kyc, '/v1/me/kyc/nin', { nin: '11111111111' }, null); // phone_unverified
    await verifyContacts(t.ctx.db, kyc.id);
    await post(t.app, kyc, '/v1/me/kyc/nin', { nin: '11111111111' }, null);
    const review = (await post(t.app, kyc, '/v1/me/kyc/tier3', tier3, null)).json();
    await post(t.app, kyc, '/v1/me/kyc/tier3', tier3, null); // kyc_review_pending
    await post(t.app, operator, `/v1/admin/kyc/reviews/${review.id}/reject`, { reason: 'blurred' }, null);
    await post(t.app, operator, `/v1/admin/kyc/reviews/${review.id}/approve`, { reason: 'again' }, null);
    await post(t.app, operator, `/v1/admin/users/${operator.id}/pnd`, { on: true, reason: 'self' }, null);
    // Wallet status: closing a wallet with money, unfreezing an active one (both refused, nothing changes).
    await post(t.app, user, `/v1/wallets/${walletId}/close`, {}, null);
    await post(t.app, operator, `/v1/admin/wallets/${walletId}/unfreeze`, { reason: 'not frozen' }, null);
  }

  it('documents on each route every code it answered', async () => {
    await sweep();
    await scenarios();
    const documented = documentedCodes(openapi);
    const missing = new Set<string>();
    for (const { method, route, code } of seen) {
      expect(Object.hasOwn(ERROR_STATUS, code), `${code} is registered`).toBe(true);
      const route_codes = documented.get(`${method} ${route}`);
      if (!route_codes) continue; // undocumented routes (hidden: the sandbox checkout) and the 404 handler
      if (!CROSS_CUTTING.has(code) && !route_codes.has(code)) missing.add(`${method} ${route}: ${code}`);
    }
    expect([...missing].sort()).toEqual([]);
    // The sweep really reached use cases, not only the schemas.
    const answered = new Set(seen.map((s) => s.code));
    for (const code of [
      'product_disabled',
      'invalid_idempotency_key',
      'unsupported_currency',
      'insufficient_funds',
      'kyc_name_mismatch',
      'kyc_tier_required',
      'phone_unverified',
      'review_not_pending',
      'wallet_not_empty',
      'wallet_not_frozen',
    ])
      expect(answered).toContain(code);
  });
});
