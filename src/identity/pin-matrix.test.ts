import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { registerStaff, registerUser, type TestUser } from '../test-support/users.js';
import type { RouteAccess } from './index.js';

/**
 * Routes that take an Idempotency-Key and a customer may call, yet need no
 * PIN, each for a reason.
 */
const NO_PIN: ReadonlySet<string> = new Set([
  'POST /v1/wallets/:id/deposits', // money coming in: a card checkout, nothing leaves the wallet
]);

const fill = (url: string) => url.replace(/:id\b/g, randomUUID());
const name = (r: RouteAccess) => `${r.method} ${r.url}`;
const customerCallable = (r: RouteAccess) => !r.rule?.roles || r.rule.roles.includes('customer');

describe.each(backends())('the transaction PIN on every money route on %s', (backend) => {
  let t: TestApp;
  let routes: RouteAccess[];
  let pinRoutes: RouteAccess[];
  let customer: TestUser;
  const call = (r: RouteAccess, headers: Record<string, string>) =>
    t.app.inject({
      method: r.method as 'POST',
      url: fill(r.url),
      headers: { ...headers, 'idempotency-key': randomUUID() },
      payload: {},
    });
  const count = async (table: string) =>
    (await t.ctx.db.query<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n;

  beforeAll(async () => {
    t = await createTestApp(backend, {}, { providers: true });
    routes = t.app.routeAccess;
    pinRoutes = routes.filter((r) => r.rule?.pin);
    customer = await registerUser(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('every customer-callable route taking an Idempotency-Key asks for the PIN, but the documented exceptions', () => {
    const moneyRoutes = routes.filter((r) => r.idempotent && customerCallable(r));
    expect(moneyRoutes.length).toBeGreaterThan(3);
    for (const r of moneyRoutes)
      expect([name(r), r.rule?.pin === true]).toEqual([name(r), !NO_PIN.has(name(r))]);
    for (const exception of NO_PIN) expect(routes.map(name)).toContain(exception);
    expect(pinRoutes.map(name).sort()).toEqual(
      expect.arrayContaining([
        'POST /v1/bill-payments',
        'POST /v1/transfers',
        'POST /v1/wallets/:id/withdrawals',
      ]),
    );
  });

  it('a session without the PIN gets 403 pin_required on each, and nothing is stored', async () => {
    const { authorization } = customer.auth;
    const keys0 = await count('idempotency.keys');
    const tx0 = await count('ledger.transactions');
    const admin = await registerStaff(t.app, t.ctx.db, 'admin');
    for (const r of pinRoutes) {
      for (const who of [{ authorization }, { authorization: admin.auth.authorization }]) {
        const res = await call(r, who);
        expect([name(r), res.statusCode, res.json().code]).toEqual([name(r), 403, 'pin_required']);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    }
    expect(await count('idempotency.keys')).toBe(keys0);
    expect(await count('ledger.transactions')).toBe(tx0);
  });

  it('a session without a PIN set is told to set one; an API key is never asked', async () => {
    const fresh = await registerUser(t.app, { pin: false });
    const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers: fresh.auth });
    expect(me.json().hasPin).toBe(false);
    const admin = await registerStaff(t.app, t.ctx.db, 'admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/api-keys',
      headers: admin.auth,
      payload: { name: 'server to server', scopes: ['*'] },
    });
    const apiKey = { 'x-api-key': created.json().key as string };
    for (const r of pinRoutes) {
      const unset = await call(r, { ...fresh.auth, 'x-transaction-pin': '1357' });
      expect([name(r), unset.statusCode, unset.json().code]).toEqual([name(r), 403, 'pin_not_set']);
      expect(unset.json().detail ?? unset.json().title).toBeTruthy();
      const byKey = await call(r, apiKey);
      expect([name(r), byKey.json().code]).not.toEqual([name(r), expect.stringMatching(/^pin_/)]);
    }
  });

  it('documents the header and the PIN refusals in the OpenAPI operation', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const r of pinRoutes) {
      const op = spec.paths[r.url.replace(/:(\w+)/g, '{$1}')][r.method.toLowerCase()];
      const header = op.parameters.find(
        (p: { in: string; name: string }) => p.in === 'header' && p.name === 'x-transaction-pin',
      );
      expect([name(r), header?.schema?.pattern]).toEqual([name(r), '^[0-9]{4}$']);
      expect(op.responses['403'].description).toMatch(/pin_required.*pin_invalid/);
      expect(op.responses['423'].description).toMatch(/pin_locked/);
    }
  });
});
