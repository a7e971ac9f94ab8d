import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../ledger/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { hasPg } from '../test-support/db.js';
import { fund, get, post, walletOf } from '../test-support/http.js';
import { registerUser, type TestUser } from '../test-support/users.js';

type Route = { method: string; path: string; secured: boolean; admin: boolean };

/** Every documented /v1 route, from the OpenAPI document itself, so a new route cannot escape the matrix. */
async function routes(t: TestApp): Promise<Route[]> {
  const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const out: Route[] = [];
  for (const [path, methods] of Object.entries(
    spec.paths as Record<string, Record<string, { security?: unknown[] }>>,
  )) {
    if (!path.startsWith('/v1/')) continue;
    for (const [method, op] of Object.entries(methods)) {
      out.push({
        method: method.toUpperCase(),
        path,
        secured: Array.isArray(op.security) && op.security.length > 0,
        admin: path.startsWith('/v1/admin/'),
      });
    }
  }
  return out;
}

const fill = (path: string, id = randomUUID()) =>
  path.replace(/\{id\}/g, path.includes('billers/{id}') ? 'ikeja-electric' : id);

describe.skipIf(!hasPg())('authorization matrix and bad input (PostgreSQL)', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let aliceWallet: string;
  let bobWallet: string;
  beforeAll(async () => {
    t = await createTestApp('pg', {}, { worker: true });
    alice = await registerUser(t.app);
    bob = await registerUser(t.app);
    aliceWallet = (await walletOf(t.app, alice)).id;
    bobWallet = (await walletOf(t.app, bob)).id;
    await fund(t.app, alice, aliceWallet, 1_000_000);
  });
  afterAll(async () => {
    await t.close();
  });

  it('every secured route: no token, expired token and tampered token get 401 problem+json', async () => {
    const list = (await routes(t)).filter((r) => r.secured && r.path !== '/v1/events/stream');
    expect(list.length).toBeGreaterThan(30);
    const expired = await new SignJWT({ role: 'customer', sid: randomUUID() })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(alice.id)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 1800)
      .sign(new TextEncoder().encode(t.ctx.config.jwtSecret));
    const [header, payload, signature] = alice.accessToken.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'admin' })).toString('base64url')}.${signature}`;
    for (const r of list) {
      for (const [authorization, codes] of [
        [undefined, ['unauthorized']],
        [`Bearer ${expired}`, ['token_expired', 'invalid_token']],
        [`Bearer ${tampered}`, ['invalid_token']],
      ] as const) {
        const res = await t.app.inject({
          method: r.method as 'GET',
          url: fill(r.path),
          headers: authorization ? { authorization } : {},
          ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }),
        });
        expect([res.statusCode, `${r.method} ${r.path}`]).toEqual([401, `${r.method} ${r.path}`]);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(codes as readonly string[]).toContain(res.json().code);
      }
    }
  });

  it('customers get 403 on every operator route', async () => {
    for (const r of (await routes(t)).filter((x) => x.admin)) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: fill(r.path),
        headers: alice.auth,
        ...(r.method === 'GET' ? {} : { payload: {} }),
      });
      expect([res.statusCode, `${r.method} ${r.path}`]).toEqual([403, `${r.method} ${r.path}`]);
    }
  });

  it("another customer's resources are 404, never 403", async () => {
    const bobDeposit = (
      await post(t.app, bob, `/v1/wallets/${bobWallet}/deposits`, { amount: 10_000 })
    ).json();
    for (const url of [
      `/v1/wallets/${bobWallet}`,
      `/v1/wallets/${bobWallet}/transactions`,
      `/v1/wallets/${bobWallet}/statement.csv`,
      `/v1/deposits/${bobDeposit.id}`,
    ]) {
      const res = await get(t.app, alice, url);
      expect([res.statusCode, url]).toEqual([404, url]);
    }
    for (const [url, body] of [
      [`/v1/wallets/${bobWallet}/deposits`, { amount: 100 }],
      [
        `/v1/wallets/${bobWallet}/withdrawals`,
        { amount: 20_000, bankCode: '058', accountNumber: '0123456789' },
      ],
      ['/v1/transfers', { fromWalletId: bobWallet, to: { walletId: aliceWallet }, amount: 100 }],
      [
        '/v1/bill-payments',
        {
          walletId: bobWallet,
          billerId: 'ikeja-electric',
          productCode: 'prepaid',
          customerRef: '1111111111111',
          amount: 100_000,
        },
      ],
    ] as const) {
      const res = await post(t.app, alice, url, body);
      expect([res.statusCode, url]).toEqual([404, url]);
    }
  });

  it('bad input on every money route: a specific 4xx problem, and nothing changes', async () => {
    const before = await walletOf(t.app, alice);
    const { rows: tx0 } = await t.ctx.db.query<{ n: bigint }>(
      // Limit accounts funded on first use are not movements of the person's money.
      "SELECT count(*) AS n FROM ledger.transactions WHERE code <> 'limit_funding'",
    );
    const money: [string, Record<string, unknown>][] = [
      ['/v1/transfers', { fromWalletId: aliceWallet, to: { walletId: bobWallet }, amount: 100 }],
      [`/v1/wallets/${aliceWallet}/deposits`, { amount: 100 }],
      [
        `/v1/wallets/${aliceWallet}/withdrawals`,
        { amount: 20_000, bankCode: '058', accountNumber: '0123456789' },
      ],
      [
        '/v1/bill-payments',
        {
          walletId: aliceWallet,
          billerId: 'ikeja-electric',
          productCode: 'prepaid',
          customerRef: '1111111111111',
          amount: 100_000,
        },
      ],
    ];
    const amounts: [unknown, string][] = [
      [-100, 'invalid_amount'],
      [0, 'invalid_amount'],
      [10.5, 'invalid_amount'],
      ['1000', 'invalid_amount'],
      [2 ** 63, 'invalid_amount'],
      [1e30, 'invalid_amount'],
      [null, 'invalid_amount'],
    ];
    for (const [url, valid] of money) {
      for (const [amount, code] of amounts) {
        const res = await post(t.app, alice, url, { ...valid, amount });
        expect([res.statusCode, res.json().code, url, String(amount)]).toEqual([
          400,
          code,
          url,
          String(amount),
        ]);
      }
      const cases: { payload?: string; body?: unknown; type?: string; status: number; code: string }[] = [
        { body: { ...valid, extra: 'field' }, status: 400, code: 'unknown_field' },
        { payload: '{"amount": 1', status: 400, code: 'malformed_json' },
        {
          payload: 'amount=100',
          type: 'application/x-www-form-urlencoded',
          status: 415,
          code: 'unsupported_media_type',
        },
        {
          payload: JSON.stringify({ ...valid, narration: 'x'.repeat(1024 * 1024) }),
          status: 413,
          code: 'body_too_large',
        },
      ];
      for (const c of cases) {
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: {
            ...alice.auth,
            'idempotency-key': randomUUID(),
            'content-type': c.type ?? 'application/json',
          },
          payload: c.payload ?? JSON.stringify(c.body),
        });
        expect([res.statusCode, res.json().code, url, c.code]).toEqual([c.status, c.code, url, c.code]);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    }
    // Text fields carrying SQL or script are just text: refused when malformed, stored inert when not.
    const sql = await post(t.app, alice, '/v1/transfers', {
      fromWalletId: aliceWallet,
      to: { email: "x' OR 1=1; DROP TABLE ledger.postings; --@x.com" },
      amount: 100,
    });
    expect(sql.statusCode).toBe(400);
    const script = await post(t.app, alice, '/v1/transfers', {
      fromWalletId: aliceWallet,
      to: { walletId: bobWallet },
      amount: 100,
      narration: '<script>alert(1)</script>',
    });
    expect(script.statusCode).toBe(201);
    expect(script.json().narration).toBe('<script>alert(1)</script>'); // JSON, never rendered as HTML by the API
    const invalidCurrency = await post(t.app, alice, '/v1/wallets', { currency: 'ngn' }, null);
    expect([invalidCurrency.statusCode, invalidCurrency.json().code]).toEqual([400, 'validation_failed']);
    const unknownCurrency = await post(t.app, alice, '/v1/wallets', { currency: 'ABC' }, null);
    expect([unknownCurrency.statusCode, unknownCurrency.json().code]).toEqual([400, 'unsupported_currency']);

    const after = await walletOf(t.app, alice);
    expect(after.balance).toBe(before.balance - 100);
    const { rows: tx1 } = await t.ctx.db.query<{ n: bigint }>(
      // Limit accounts funded on first use are not movements of the person's money.
      "SELECT count(*) AS n FROM ledger.transactions WHERE code <> 'limit_funding'",
    );
    expect(tx1[0]!.n - tx0[0]!.n).toBe(1n);
    expect((await runAudit(t.ctx.db)).ok).toBe(true);
  });
});
