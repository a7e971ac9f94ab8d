import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ROUTES, type RouteAccess } from '../identity/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends, hasPg } from '../test-support/db.js';
import { registerStaff, type TestUser } from '../test-support/users.js';
import { buildApp } from '../compose.js';

const fill = (url: string) =>
  url.replace(/:id\b/g, url.includes('billers/:id') ? 'ikeja-electric' : randomUUID());

const hasBody = (method: string) => method !== 'GET' && method !== 'DELETE';

describe.skipIf(!hasPg())('API-key scopes on every registered route (PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestUser;
  let routes: RouteAccess[];
  const keyWith = async (scopes: string[]) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/api-keys',
      headers: admin.auth,
      payload: { name: 'scoped key', scopes },
    });
    expect(res.statusCode).toBe(201);
    return { 'x-api-key': res.json().key as string };
  };
  const call = (r: { method: string; url: string }, headers: Record<string, string>, payload?: object) =>
    t.app.inject({
      method: r.method as 'GET',
      url: fill(r.url),
      headers: { ...headers, 'idempotency-key': randomUUID() },
      ...(hasBody(r.method) ? { payload: payload ?? {} } : {}),
    });
  const fee = async () =>
    (await t.app.inject({ method: 'GET', url: '/v1/admin/billers', headers: admin.auth }))
      .json()
      .data.find((b: { id: string }) => b.id === 'ikeja-electric').fee;

  beforeAll(async () => {
    // With the in-process simulators, so that their knobs route is in the matrix too.
    t = await createTestApp('pg', {}, { providers: true });
    admin = await registerStaff(t.app, t.ctx.db, 'admin');
    // The table the app collected as routes were registered, not the OpenAPI document.
    routes = t.app.routeAccess;
  });
  afterAll(async () => {
    await t.close();
  });

  it('every /v1 route is public or declares a scope, and the OpenAPI operation shows it', async () => {
    expect(routes.length).toBeGreaterThan(50);
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const r of routes) {
      const name = `${r.method} ${r.url}`;
      if (PUBLIC_ROUTES.has(name)) {
        expect([name, r.rule]).toEqual([name, undefined]);
        continue;
      }
      expect([name, r.rule?.scope]).toEqual([name, expect.stringMatching(/^[a-z_]+:[a-z_]+$/)]);
      const op = spec.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      expect([name, op?.['x-scope']]).toEqual([name, r.rule!.scope]);
      for (const requirement of op.security ?? []) {
        if ('apiKey' in requirement) expect([name, requirement.apiKey]).toEqual([name, [r.rule!.scope]]);
      }
    }
    // The public list names real routes only.
    const registered = new Set(routes.map((r) => `${r.method} ${r.url}`));
    // (the VTpass webhook's secret path exists only when VTPASS_WEBHOOK_SECRET is set)
    for (const name of PUBLIC_ROUTES) {
      if (name.endsWith('/:secret')) continue;
      expect([name, registered.has(name)]).toEqual([name, true]);
    }
  });

  it('a key with an unrelated scope gets 403 insufficient_scope on every non-public route, and nothing changes', async () => {
    const unrelated = await keyWith(['unrelated:read']);
    const feeBefore = await fee();
    const count = async (table: string) =>
      (await t.ctx.db.query<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n;
    const audit0 = await count('identity.audit_log');
    const tx0 = await count('ledger.transactions');
    const keys0 = await count('identity.api_keys');
    const payload = { reason: 'should not happen', fee: { type: 'flat', flat: 1 }, action: 'refund' };
    const checked: string[] = [];
    for (const r of routes.filter((x) => x.rule)) {
      const res = await call(r, unrelated, payload);
      const name = `${r.method} ${r.url}`;
      expect([name, res.statusCode, res.json().code]).toEqual([name, 403, 'insufficient_scope']);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect([name, res.json().requiredScope]).toEqual([name, r.rule!.scope]);
      checked.push(name);
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'PATCH /v1/admin/billers/:id',
        'POST /v1/admin/bill-payments/:id/resolve',
        'POST /v1/admin/providers/knobs',
        'POST /v1/admin/ledger/audit',
        'POST /v1/transfers',
      ]),
    );
    expect(await fee()).toEqual(feeBefore);
    expect(await count('identity.audit_log')).toBe(audit0);
    expect(await count('ledger.transactions')).toBe(tx0);
    expect(await count('identity.api_keys')).toBe(keys0);
  });

  it('the scope itself, <resource>:* and * pass the scope check; sessions are limited by role only', async () => {
    const patch = { method: 'PATCH', url: '/v1/admin/billers/:id' };
    const body = (flat: number) => ({ fee: { type: 'flat', flat }, reason: 'scope check' });
    const usersRead = await keyWith(['users:read']);
    expect((await call(patch, usersRead, body(1))).json().code).toBe('insufficient_scope');
    for (const [scopes, flat] of [
      [['billers:write'], 1_000],
      [['billers:*'], 2_000],
      [['*'], 3_000],
    ] as const) {
      const res = await call(patch, await keyWith([...scopes]), body(flat));
      expect([scopes, res.statusCode]).toEqual([scopes, 200]);
      expect((await fee()).flat).toBe(flat);
    }
    expect((await call(patch, admin.auth, body(10_000))).statusCode).toBe(200);
    // A scope never lifts a role: an operator's key with every scope still cannot set roles.
    const operator = await registerStaff(t.app, t.ctx.db, 'operator');
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/api-keys',
      headers: operator.auth,
      payload: { name: 'all', scopes: ['*'] },
    });
    const res = await call(
      { method: 'POST', url: `/v1/admin/users/${admin.id}/role` },
      { 'x-api-key': created.json().key },
      { role: 'customer' },
    );
    expect([res.statusCode, res.json().code]).toEqual([403, 'forbidden']);
  });
});

describe.each(backends())('refusing to start with an undeclared route on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t.close();
  });

  it('buildApp names a /v1 route that neither declares access nor is public', async () => {
    const forgotten = async (app: import('fastify').FastifyInstance) => {
      app.post('/v1/forgotten/:id', async () => ({ ok: true }));
      app.get('/not-api/fine', async () => ({ ok: true })); // outside /v1: not checked
    };
    await expect(buildApp(t.ctx, [forgotten])).rejects.toThrow(/POST \/v1\/forgotten\/:id/);
    await expect(buildApp(t.ctx, [forgotten])).rejects.not.toThrow(/not-api/);
  });

  it('app.ready() refuses a route added after buildApp', async () => {
    const app = await buildApp(t.ctx);
    try {
      app.get('/v1/late', async () => ({ ok: true }));
      await expect(app.ready()).rejects.toThrow(/GET \/v1\/late/);
    } finally {
      await app.close().catch(() => {});
    }
  });
});
