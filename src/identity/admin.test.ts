import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { createUser } from './auth.js';
import { loadConfig } from '../config.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends, createTestDb } from '../test-support/db.js';
import { registerStaff, registerUser, type TestUser } from '../test-support/users.js';
import {
  createApiKey,
  ensureAdmin,
  findUserByEmail,
  findUserByPhone,
  getUser,
  searchUsers,
  setUserStatus,
} from './index.js';

const PASSWORD = 'correct horse battery staple';

describe.each(backends())('identity admin on %s', (backend) => {
  let t: TestApp;
  let admin: TestUser;
  let operator: TestUser;
  beforeAll(async () => {
    t = await createTestApp(backend, {
      ADMIN_EMAIL: 'Root@Vendra.example',
      ADMIN_PASSWORD: 'bootstrap password 1',
    });
    const first = await ensureAdmin(t.ctx.db, t.ctx.config);
    expect(first?.outcome).toBe('created');
    const logged = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'root@vendra.example', password: 'bootstrap password 1' },
    });
    expect(logged.statusCode).toBe(200);
    const body = logged.json();
    expect(body.user.role).toBe('admin');
    admin = {
      id: body.user.id,
      email: body.user.email,
      password: 'bootstrap password 1',
      accessToken: body.accessToken,
      refreshToken: body.refreshToken,
      auth: { authorization: `Bearer ${body.accessToken}` },
    };
    operator = await registerStaff(t.app, t.ctx.db, 'operator');
  });
  afterAll(async () => {
    await t.close();
  });

  const getUserRole = async (id: string) =>
    (await t.ctx.db.query<{ role: string }>('SELECT role FROM identity.users WHERE id = $1', [id])).rows[0]!;
  const inject = (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  it('ensureAdmin is idempotent and promotes an existing user', async () => {
    expect((await ensureAdmin(t.ctx.db, t.ctx.config))?.outcome).toBe('unchanged');
    expect(await ensureAdmin(t.ctx.db, loadConfig({ NODE_ENV: 'test' }))).toBeUndefined();
    const admins = await t.ctx.db.query(`SELECT 1 FROM identity.users WHERE role = 'admin'`);
    expect(admins.rowCount).toBe(1);
    const u = await registerUser(t.app);
    const promoted = await ensureAdmin(t.ctx.db, {
      adminEmail: u.email.toUpperCase(),
      adminPassword: 'ignored!!!!',
      adminPromote: true,
    });
    expect(promoted).toEqual({ userId: u.id, outcome: 'promoted' });
    await t.ctx.db.query(`UPDATE identity.users SET role = 'customer' WHERE id = $1`, [u.id]);
  });

  it('ADMIN_EMAIL never hands over a customer account; ADMIN_PROMOTE=true takes it over with the new password', async () => {
    const u = await registerUser(t.app);
    const key = await t.ctx.db.transaction((tx) => createApiKey(tx, u.id, { name: 'mine', scopes: ['*'] }));
    const login = (password: string) =>
      t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: u.email, password } });
    const refused = ensureAdmin(t.ctx.db, { adminEmail: u.email, adminPassword: 'the admin password 1' });
    await expect(refused).rejects.toMatchObject({ status: 409, code: 'admin_email_taken' });
    expect((await getUserRole(u.id)).role).toBe('customer');
    expect((await login(u.password)).statusCode).toBe(200);
    expect((await inject('GET', '/v1/me', u.auth)).statusCode).toBe(200);

    const promoted = await ensureAdmin(t.ctx.db, {
      adminEmail: u.email,
      adminPassword: 'the admin password 1',
      adminPromote: true,
    });
    expect(promoted).toEqual({ userId: u.id, outcome: 'promoted' });
    expect((await getUserRole(u.id)).role).toBe('admin');
    expect((await login(u.password)).statusCode).toBe(401); // the registrant's password is gone
    const fresh = await login('the admin password 1');
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().user.role).toBe('admin');
    expect((await inject('GET', '/v1/me', u.auth)).statusCode).toBe(401); // every old session ended
    const oldRefresh = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: u.refreshToken },
    });
    expect(oldRefresh.statusCode).toBe(401);
    expect((await inject('GET', '/v1/me', { 'x-api-key': key.key })).statusCode).toBe(401);
    const audit = await t.ctx.db.query<{ action: string; after: Record<string, unknown> }>(
      `SELECT action, after FROM identity.audit_log WHERE target_id = $1 ORDER BY created_at`,
      [u.id],
    );
    expect(audit.rows).toEqual([
      {
        action: 'user.promote_admin',
        after: { role: 'admin', passwordReplaced: true, revokedSessions: 2, revokedApiKeys: 1 },
      },
    ]);
    await t.ctx.db.query(`UPDATE identity.users SET role = 'customer' WHERE id = $1`, [u.id]);
  });

  it('keeps customers off admin routes (403 forbidden) and anonymous callers out (401)', async () => {
    const c = await registerUser(t.app);
    for (const [method, url] of [
      ['GET', '/v1/admin/users'],
      ['GET', `/v1/admin/users/${c.id}`],
      ['GET', '/v1/admin/audit-log'],
      ['GET', '/v1/admin/api-keys'],
      ['GET', '/v1/admin/outbox/dead-letters'],
    ] as const) {
      const res = await inject(method, url, c.auth);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('forbidden');
      expect((await inject(method, url, {})).statusCode).toBe(401);
    }
    const freeze = await inject('POST', `/v1/admin/users/${admin.id}/freeze`, c.auth, { reason: 'coup' });
    expect(freeze.statusCode).toBe(403);
    const role = await inject('POST', `/v1/admin/users/${c.id}/role`, c.auth, { role: 'admin' });
    expect(role.statusCode).toBe(403);
    const byOperator = await inject('POST', `/v1/admin/users/${c.id}/role`, operator.auth, {
      role: 'operator',
    });
    expect(byOperator.statusCode).toBe(403);
  });

  it('lets staff search and read users, paginated', async () => {
    const tag = `needle${Date.now()}`;
    const made: TestUser[] = [];
    for (let i = 0; i < 3; i++) made.push(await registerUser(t.app, { email: `${tag}-${i}@example.com` }));
    const page1 = await inject('GET', `/v1/admin/users?q=${tag.toUpperCase()}&limit=2`, operator.auth);
    expect(page1.statusCode).toBe(200);
    const b1 = page1.json();
    expect(b1.data.map((u: { email: string }) => u.email)).toEqual([
      `${tag}-2@example.com`,
      `${tag}-1@example.com`,
    ]);
    expect(b1.nextCursor).toEqual(expect.any(String));
    const page2 = await inject(
      'GET',
      `/v1/admin/users?q=${tag}&limit=2&cursor=${b1.nextCursor}`,
      operator.auth,
    );
    expect(page2.json()).toEqual({
      data: [expect.objectContaining({ email: `${tag}-0@example.com` })],
      nextCursor: null,
    });
    expect((await inject('GET', '/v1/admin/users?limit=101', operator.auth)).statusCode).toBe(400);
    expect((await inject('GET', '/v1/admin/users?cursor=bogus', operator.auth)).json().code).toBe(
      'invalid_cursor',
    );
    expect((await inject('GET', '/v1/admin/users?q=%25', operator.auth)).json().data).toEqual([]); // % is literal

    const one = await inject('GET', `/v1/admin/users/${made[0]!.id}`, operator.auth);
    expect(one.json()).toMatchObject({ id: made[0]!.id, email: `${tag}-0@example.com` });
    expect(one.json().passwordHash).toBeUndefined();
    expect(
      (await inject('GET', '/v1/admin/users/00000000-0000-4000-8000-000000000000', admin.auth)).statusCode,
    ).toBe(404);
    expect((await inject('GET', '/v1/admin/users/not-a-uuid', admin.auth)).statusCode).toBe(400);
  });

  it('freezes a user: login is refused (403 account_frozen), sessions end, and it is audit-logged', async () => {
    const c = await registerUser(t.app);
    const frozen = await inject('POST', `/v1/admin/users/${c.id}/freeze`, operator.auth, {
      reason: 'chargeback fraud',
    });
    expect(frozen.statusCode).toBe(200);
    expect(frozen.json().status).toBe('frozen');

    const loginRes = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: c.email, password: c.password },
      remoteAddress: '198.51.100.1',
    });
    expect(loginRes.statusCode).toBe(403);
    expect(loginRes.json().code).toBe('account_frozen');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: c.email, password: 'not the password' },
      remoteAddress: '198.51.100.1',
    });
    expect(wrong.json().code).toBe('invalid_credentials'); // frozen status is not revealed without the password
    expect((await inject('GET', '/v1/me', c.auth)).statusCode).toBe(401);
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: c.refreshToken },
    });
    expect(refreshed.statusCode).toBe(401);

    const log = await inject(
      'GET',
      `/v1/admin/audit-log?actor=${operator.id}&action=user.freeze`,
      admin.auth,
    );
    expect(log.statusCode).toBe(200);
    expect(log.json().data[0]).toMatchObject({
      actorId: operator.id,
      actorEmail: operator.email,
      action: 'user.freeze',
      targetType: 'user',
      targetId: c.id,
      targetEmail: c.email,
      before: { status: 'active' },
      after: { status: 'frozen' },
      reason: 'chargeback fraud',
      requestId: expect.any(String),
    });

    // Idempotent: freezing again changes and records nothing.
    await inject('POST', `/v1/admin/users/${c.id}/freeze`, operator.auth, { reason: 'again' });
    const count = await t.ctx.db.query(`SELECT 1 FROM identity.audit_log WHERE target_id = $1`, [c.id]);
    expect(count.rowCount).toBe(1);

    const unfrozen = await inject('POST', `/v1/admin/users/${c.id}/unfreeze`, admin.auth, {
      reason: 'cleared',
    });
    expect(unfrozen.json().status).toBe('active');
    const again = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: c.email, password: c.password },
      remoteAddress: '198.51.100.2',
    });
    expect(again.statusCode).toBe(200);
    const events = await t.ctx.db.query<{ payload: { status: string } }>(
      `SELECT payload FROM outbox.events WHERE type = 'user.status_changed' AND user_id = $1 ORDER BY id`,
      [c.id],
    );
    expect(events.rows.map((r) => r.payload.status)).toEqual(['frozen', 'active']);
  });

  it('limits who may freeze whom', async () => {
    const other = await registerStaff(t.app, t.ctx.db, 'operator');
    const res = await inject('POST', `/v1/admin/users/${other.id}/freeze`, operator.auth, {
      reason: 'rivalry',
    });
    expect(res.statusCode).toBe(403);
    const self = await inject('POST', `/v1/admin/users/${admin.id}/freeze`, admin.auth, { reason: 'oops' });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('cannot_target_self');
    const noReason = await inject('POST', `/v1/admin/users/${other.id}/freeze`, admin.auth, {});
    expect(noReason.json().code).toBe('validation_failed');
  });

  it('lets an admin set roles, audited; an operator demoted to customer loses access and API keys', async () => {
    const u = await registerUser(t.app);
    const promoted = await inject('POST', `/v1/admin/users/${u.id}/role`, admin.auth, {
      role: 'operator',
      reason: 'new support hire',
    });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().role).toBe('operator');
    // The role is read fresh on each request: the old token now has staff rights.
    expect((await inject('GET', '/v1/admin/users', u.auth)).statusCode).toBe(200);
    const key = await inject('POST', '/v1/admin/api-keys', u.auth, {
      name: 'support bot',
      scopes: ['users:read'],
    });
    expect(key.statusCode).toBe(201);

    await inject('POST', `/v1/admin/users/${u.id}/role`, admin.auth, { role: 'customer' });
    expect((await inject('GET', '/v1/admin/users', u.auth)).statusCode).toBe(403);
    expect((await inject('GET', '/v1/me', { 'x-api-key': key.json().key })).statusCode).toBe(401);

    const log = await inject('GET', '/v1/admin/audit-log?action=user.role_set&limit=2', admin.auth);
    expect(log.json().data.map((r: { before: unknown; after: unknown }) => [r.before, r.after])).toEqual([
      [{ role: 'operator' }, { role: 'customer', revokedApiKeys: 1 }],
      [{ role: 'customer' }, { role: 'operator', revokedApiKeys: 0 }],
    ]);
    const self = await inject('POST', `/v1/admin/users/${admin.id}/role`, admin.auth, { role: 'customer' });
    expect(self.json().code).toBe('cannot_target_self');
    const bad = await inject('POST', `/v1/admin/users/${u.id}/role`, admin.auth, { role: 'root' });
    expect(bad.statusCode).toBe(400);
  });

  it('creates, lists, uses and revokes API keys', async () => {
    const created = await inject('POST', '/v1/admin/api-keys', operator.auth, {
      name: 'reporting',
      scopes: ['users:read', 'audit:read'],
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.key).toMatch(/^vk_live_[A-Za-z0-9_-]{43}$/);
    expect(body.prefix).toBe(body.key.slice(0, 14));
    expect(body).toMatchObject({ name: 'reporting', scopes: ['users:read', 'audit:read'], revokedAt: null });
    const stored = await t.ctx.db.query<{ key_hash: string }>(
      'SELECT key_hash FROM identity.api_keys WHERE id = $1',
      [body.id],
    );
    expect(stored.rows[0]!.key_hash).not.toContain(body.key.slice(8));

    const list = await inject('GET', '/v1/admin/api-keys', operator.auth);
    expect(list.json().data).toEqual([expect.objectContaining({ id: body.id, prefix: body.prefix })]);
    expect(JSON.stringify(list.json())).not.toContain(body.key);

    const asKey = { 'x-api-key': body.key };
    const who = await inject('GET', '/v1/me', asKey);
    expect(who.statusCode).toBe(200);
    expect(who.json().id).toBe(operator.id);
    expect((await inject('GET', '/v1/admin/users', asKey)).statusCode).toBe(200);
    const outOfScope = await inject('POST', `/v1/admin/users/${admin.id}/freeze`, asKey, { reason: 'nope' });
    expect(outOfScope.statusCode).toBe(403);
    expect((await inject('POST', '/v1/admin/api-keys', asKey, { name: 'x', scopes: ['*'] })).statusCode).toBe(
      403,
    );
    expect((await inject('GET', '/v1/me', { 'x-api-key': 'vk_live_nope' })).json().code).toBe(
      'invalid_token',
    );
    expect((await inject('GET', '/v1/me', { ...asKey, ...operator.auth })).statusCode).toBe(401);
    const badScope = await inject('POST', '/v1/admin/api-keys', operator.auth, {
      name: 'x',
      scopes: ['DROP TABLE'],
    });
    expect(badScope.json().code).toBe('invalid_scope');

    // An operator cannot revoke an admin's key; the owner can revoke their own.
    const adminKey = (
      await inject('POST', '/v1/admin/api-keys', admin.auth, { name: 'a', scopes: ['*'] })
    ).json();
    expect((await inject('DELETE', `/v1/admin/api-keys/${adminKey.id}`, operator.auth)).statusCode).toBe(403);
    expect((await inject('DELETE', `/v1/admin/api-keys/${body.id}`, operator.auth)).statusCode).toBe(204);
    expect((await inject('DELETE', `/v1/admin/api-keys/${body.id}`, operator.auth)).statusCode).toBe(204);
    const revoked = await inject('GET', '/v1/me', asKey);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('invalid_token');
    expect(
      (await inject('DELETE', '/v1/admin/api-keys/00000000-0000-4000-8000-000000000000', admin.auth))
        .statusCode,
    ).toBe(404);

    const audit = await inject('GET', `/v1/admin/audit-log?actor=${operator.id}`, admin.auth);
    const actions = audit.json().data.map((r: { action: string }) => r.action);
    expect(actions.filter((a: string) => a === 'api_key.revoke')).toHaveLength(1);
    expect(actions).toContain('api_key.create');
  });

  it('exports the user lookups other modules need', async () => {
    const u = await registerUser(t.app, { phone: '08091112222' });
    await t.ctx.db.transaction(async (tx) => {
      expect((await getUser(tx, u.id))?.email).toBe(u.email);
      expect(await getUser(tx, 'not-a-uuid')).toBeUndefined();
      expect((await findUserByEmail(tx, u.email.toUpperCase()))?.id).toBe(u.id);
      expect((await findUserByPhone(tx, '+2348091112222'))?.id).toBe(u.id);
      expect((await searchUsers(tx, '+2348091112222')).data.map((x) => x.id)).toEqual([u.id]);
      const change = await setUserStatus(tx, u.id, 'frozen');
      expect(change).toMatchObject({
        changed: true,
        before: { status: 'active' },
        after: { status: 'frozen' },
      });
      expect(await setUserStatus(tx, '00000000-0000-4000-8000-000000000000', 'frozen')).toBeUndefined();
    });
  });

  it('documents every route with tags, a summary and response schemas', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const ours = Object.entries(spec.paths as Record<string, Record<string, Record<string, unknown>>>).filter(
      ([path]) => path.startsWith('/v1/'),
    );
    expect(ours.length).toBeGreaterThanOrEqual(14);
    for (const [path, methods] of ours) {
      for (const [method, op] of Object.entries(methods)) {
        expect(op.summary, `${method} ${path}`).toEqual(expect.any(String));
        expect(op.tags, `${method} ${path}`).toEqual(expect.any(Array));
        expect(Object.keys(op.responses as object).length, `${method} ${path}`).toBeGreaterThan(1);
        if (path.startsWith('/v1/admin') || path === '/v1/me') {
          expect(op.security, `${method} ${path}`).toEqual(expect.any(Array));
        }
      }
    }
  });
});

describe('create-admin CLI', () => {
  it('creates an admin once and is idempotent after (PGlite on disk)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vendra-cli-'));
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
    const env = { NODE_ENV: 'test', DATA_DIR: dir };
    try {
      const args = [
        'create-admin',
        '--email',
        'Boss@Example.com',
        '--password',
        PASSWORD,
        '--name',
        'The Boss',
      ];
      expect(await runCli(args, env, io)).toBe(0);
      expect(await runCli(args, env, io)).toBe(0);
      expect(lines[0]).toMatch(/^created admin: boss@example.com/);
      expect(lines[1]).toMatch(/^already an admin/);
      expect(await runCli(['create-admin', '--email', 'x@example.com', '--password', 'short'], env, io)).toBe(
        1,
      );
      expect(lines[2]).toMatch(/ERR .*at least 10 characters/);
      expect(await runCli(['create-admin'], env, io)).toBe(2);
      expect(await runCli(['frobnicate'], env, io)).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(backends().includes('pg'))('works against PostgreSQL via DATABASE_URL', async () => {
    const t = await createTestDb('pg');
    try {
      const lines: string[] = [];
      const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
      const env = { NODE_ENV: 'test', DATABASE_URL: t.url! };
      const args = ['create-admin', '--email', 'ops@example.com', '--password', PASSWORD];
      expect(await runCli(args, env, io)).toBe(0);
      expect(await runCli(args, env, io)).toBe(0);
      expect(lines.map((l) => l.split(':')[0])).toEqual([
        'created admin',
        'already an admin; nothing changed',
      ]);
      const admins = await t.db.query(`SELECT email FROM identity.users WHERE role = 'admin'`);
      expect(admins.rows).toEqual([{ email: 'ops@example.com' }]);

      // A customer who registered an email first does not become admin with their own password.
      const customer = await t.db.transaction((tx) =>
        createUser(tx, {
          email: 'taken@example.com',
          password: 'customer password 1',
          fullName: 'Early Bird',
        }),
      );
      const take = ['create-admin', '--email', 'taken@example.com', '--password', PASSWORD];
      expect(await runCli(take, env, io)).toBe(1);
      expect(lines[2]).toMatch(/^ERR .*--promote/);
      const role = () => t.db.query('SELECT role FROM identity.users WHERE id = $1', [customer.id]);
      expect((await role()).rows).toEqual([{ role: 'customer' }]);
      expect(await runCli([...take, '--promote'], env, io)).toBe(0);
      expect(lines[3]).toMatch(/^promoted existing user to admin: taken@example.com/);
      expect((await role()).rows).toEqual([{ role: 'admin' }]);
      const audit = await t.db.query(`SELECT action FROM identity.audit_log WHERE target_id = $1`, [
        customer.id,
      ]);
      expect(audit.rows).toEqual([{ action: 'user.promote_admin' }]);
    } finally {
      await t.drop();
    }
  });
});
