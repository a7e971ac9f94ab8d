import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteAccess } from '../identity/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { hasPg } from '../test-support/db.js';
import { fund, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, type TestUser } from '../test-support/users.js';

const fill = (url: string) =>
  url
    .replace(/:id\b/g, url.includes('billers/:id') ? 'ikeja-electric' : randomUUID())
    .replace(/:(\w+)/g, 'x');

const READS = new Set(['GET', 'HEAD']);
/**
 * The writes support staff may make: opening a dispute for a customer, and
 * looking after their own login (event-stream token, own password, own sessions).
 */
const SUPPORT_WRITES = new Set([
  'POST /v1/admin/disputes',
  'POST /v1/auth/stream-token',
  'POST /v1/events/stream-token',
  'POST /v1/me/password',
  'DELETE /v1/me/sessions/:id',
  'POST /v1/me/sessions/revoke-others',
]);

describe.skipIf(!hasPg())('the read-only support role over every registered route (PostgreSQL)', () => {
  let t: TestApp;
  let support: TestUser;
  let routes: RouteAccess[];
  beforeAll(async () => {
    t = await createTestApp('pg', {}, { providers: true, worker: true });
    support = await registerStaff(t.app, t.ctx.db, 'support');
    routes = t.app.routeAccess;
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async (table: string) =>
    (await t.ctx.db.query<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n;

  it('is refused every write but opening a dispute, and nothing changes', async () => {
    const before = await Promise.all(
      ['identity.audit_log', 'ledger.transactions', 'identity.api_keys', 'disputes.disputes'].map(count),
    );
    const refused: string[] = [];
    for (const r of routes.filter((x) => x.rule && !READS.has(x.method))) {
      const name = `${r.method} ${r.url}`;
      if (SUPPORT_WRITES.has(name)) {
        expect([name, r.rule?.supportMay]).toEqual([name, true]);
        continue;
      }
      const res = await t.app.inject({
        method: r.method as 'POST',
        url: fill(r.url),
        headers: { ...support.auth, 'idempotency-key': randomUUID() },
        payload: { reason: 'should not happen', amount: 100, role: 'admin', action: 'refund' },
      });
      expect([name, res.statusCode, res.json().code]).toEqual([name, 403, 'forbidden']);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      refused.push(name);
    }
    expect(refused).toEqual(
      expect.arrayContaining([
        'POST /v1/transfers',
        'POST /v1/bill-payments',
        'POST /v1/admin/users/:id/role',
        'POST /v1/admin/users/:id/freeze',
        'PATCH /v1/admin/billers/:id',
        'POST /v1/admin/disputes/:id/resolve',
        'PUT /v1/admin/risk/rules',
      ]),
    );
    const after = await Promise.all(
      ['identity.audit_log', 'ledger.transactions', 'identity.api_keys', 'disputes.disputes'].map(count),
    );
    expect(after).toEqual(before);
    // Exactly those routes are marked: a new supportMay shows up here.
    const marked = routes.filter((r) => r.rule?.supportMay).map((r) => `${r.method} ${r.url}`);
    expect(new Set(marked)).toEqual(SUPPORT_WRITES);
  });

  it('reads every staff route, and opens a dispute for a customer (audited)', async () => {
    for (const r of routes.filter((x) => x.rule?.roles?.includes('operator') && READS.has(x.method))) {
      const name = `${r.method} ${r.url}`;
      const res = await t.app.inject({ method: 'GET', url: fill(r.url), headers: support.auth });
      expect([name, res.statusCode === 403]).toEqual([name, false]);
    }
    const customer = await registerUser(t.app);
    const wallet = (await walletOf(t.app, customer)).id;
    const deposit = await fund(t.app, customer, wallet, 50_000);
    const res = await post(t.app, support, '/v1/admin/disputes', {
      userId: customer.id,
      subjectType: 'deposit',
      subjectId: deposit.id,
      reason: 'other',
      description: 'Customer called: the deposit shows twice on their bank statement',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().trackingNumber).toMatch(/^DSP-/);
    const audit = await t.ctx.db.query(
      "SELECT actor_id FROM identity.audit_log WHERE action = 'dispute.opened_for_customer' AND target_id = $1",
      [res.json().id],
    );
    expect(audit.rows).toEqual([{ actor_id: support.id }]);
    // An operator may too; a customer may not.
    const stranger = await registerUser(t.app);
    const refused = await post(t.app, stranger, '/v1/admin/disputes', {
      userId: customer.id,
      subjectType: 'deposit',
      subjectId: deposit.id,
      reason: 'other',
      description: 'not mine',
    });
    expect(refused.statusCode).toBe(403);
  });
});
