import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, buildApp, closeContext, createContext } from '../compose.js';
import type { Db } from '../db/index.js';
import { createPgDb } from '../db/pg.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends, createTestDb, hasPg } from '../test-support/db.js';
import { fund, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, type TestUser } from '../test-support/users.js';
import { createCacheStore, identityCacheOf, startIdentityCache } from './cache.js';
import { getUserFacts } from './facts.js';
import { createApiKey } from './index.js';

const log = pino({ level: 'silent' });

/** Polls until check() is true, for up to ms; returns whether it became true. */
async function until(check: () => Promise<boolean> | boolean, ms = 1000): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A Db that counts its reads of sessions and API keys (authentication) and of
 * the facts a transfer checks (accounts, users), and whose LISTEN connections
 * can be cut and kept from coming back.
 */
function instrumented(db: Db) {
  const state = { identityReads: 0, factReads: 0, down: false };
  const lostHandlers = new Set<() => void>();
  const unlistens = new Set<() => Promise<void>>();
  const wrapped: Db = {
    kind: db.kind,
    query: (sql, params, options) => {
      if (/FROM identity\.(sessions|api_keys)\b/.test(sql)) state.identityReads++;
      if (/FROM (identity\.(sessions|api_keys|users)|ledger\.accounts)\b/.test(sql)) state.factReads++;
      return db.query(sql, params, options);
    },
    exec: (sql) => db.exec(sql),
    transaction: (fn, options) => db.transaction(fn, options),
    async listen(channel, onMessage, onLost) {
      if (state.down) throw new Error('the database is unreachable (test)');
      let live = true;
      const lost = () => {
        if (!live) return;
        live = false;
        onLost?.();
      };
      const unlisten = await db.listen(channel, (payload) => live && onMessage(payload), lost);
      lostHandlers.add(lost);
      unlistens.add(unlisten);
      return async () => {
        live = false;
        lostHandlers.delete(lost);
        unlistens.delete(unlisten);
        await unlisten();
      };
    },
    close: () => db.close(),
  };
  return {
    db: wrapped,
    state,
    /** Every LISTEN connection reports itself lost, and none can be opened until restore(). */
    cut() {
      state.down = true;
      for (const lost of [...lostHandlers]) lost();
    },
    restore() {
      state.down = false;
    },
  };
}

describe.each(backends())('the identity cache across two API processes on %s', (backend) => {
  let a: TestApp;
  let b: { app: FastifyInstance; ctx: AppContext; ownDb: boolean };
  let bDb: ReturnType<typeof instrumented>;
  let admin: TestUser;

  beforeAll(async () => {
    a = await createTestApp(backend, {}, { worker: true }); // the worker provisions wallets
    // Process B: its own pool on PostgreSQL (PGlite has one connection per database, so B shares it).
    const ownDb = backend === 'pg';
    const raw = ownDb ? createPgDb({ url: a.testDb.url!, poolSize: 4 }) : a.ctx.db;
    bDb = instrumented(raw);
    const ctx = await createContext(a.ctx.config, log, { db: bDb.db, providers: false });
    // As another process's cache: only the notices tell it of A's changes.
    await startIdentityCache(bDb.db, log, { inProcess: false, listenCheckIntervalMs: 50 });
    b = { app: await buildApp(ctx), ctx, ownDb };
    admin = await registerStaff(a.app, a.ctx.db, 'admin');
  });
  afterAll(async () => {
    await b.app.close();
    await closeContext(b.ctx, { closeDb: b.ownDb });
    await a.close();
  });

  const me = (app: FastifyInstance, headers: Record<string, string>) =>
    app.inject({ method: 'GET', url: '/v1/me', headers });
  /** B answers with the cache: a second request reads nothing of identity from the database. */
  const cachedInB = async (
    headers: Record<string, string>,
    call: () => Promise<{ statusCode: number }> = () => me(b.app, headers),
  ) => {
    // A's last change to the person (registerUser sets their PIN) may still be on its way to B as a
    // notice, which drops what B has cached: the cache holds once it has arrived.
    const settled = await until(async () => {
      expect((await call()).statusCode).toBe(200);
      const before = bDb.state.identityReads;
      expect((await call()).statusCode).toBe(200);
      return bDb.state.identityReads === before;
    });
    expect(settled).toBe(true);
  };
  const refusedInB = (headers: Record<string, string>, status: number, code: string) =>
    until(async () => {
      const res = await me(b.app, headers);
      return res.statusCode === status && res.json().code === code;
    });

  it('a logout in A ends the token B had cached', async () => {
    const u = await registerUser(a.app);
    await cachedInB(u.auth);
    expect((await me(a.app, u.auth)).statusCode).toBe(200); // cached in A too
    const out = await a.app.inject({ method: 'POST', url: '/v1/auth/logout', headers: u.auth, payload: {} });
    expect(out.statusCode).toBe(204);
    // In A, where it happened, at once (no waiting for the notice); in B within one notice.
    expect((await me(a.app, u.auth)).json().code).toBe('invalid_token');
    expect(await refusedInB(u.auth, 401, 'invalid_token')).toBe(true);
  });

  it('a freeze in A refuses B’s cached token and cached API key (403 account_frozen)', async () => {
    const u = await registerUser(a.app);
    const key = await a.ctx.db.transaction((tx) => createApiKey(tx, u.id, { name: 'k', scopes: ['*'] }));
    await cachedInB(u.auth);
    await cachedInB({ 'x-api-key': key.key });
    expect((await me(a.app, { 'x-api-key': key.key })).statusCode).toBe(200);
    const frozen = await a.app.inject({
      method: 'POST',
      url: `/v1/admin/users/${u.id}/freeze`,
      headers: admin.auth,
      payload: { reason: 'suspected fraud' },
    });
    expect(frozen.statusCode).toBe(200);
    expect((await me(a.app, { 'x-api-key': key.key })).json().code).toBe('account_frozen');
    // The freeze ends the sessions (401) or is seen first (403): either way, refused.
    expect(await until(async () => [401, 403].includes((await me(b.app, u.auth)).statusCode))).toBe(true);
    expect(await refusedInB({ 'x-api-key': key.key }, 403, 'account_frozen')).toBe(true);
  });

  it('a demotion in A takes staff rights away from B’s cached session', async () => {
    const staff = await registerStaff(a.app, a.ctx.db, 'operator');
    const list = () => b.app.inject({ method: 'GET', url: '/v1/admin/users', headers: staff.auth });
    await cachedInB(staff.auth, list);
    const demoted = await a.app.inject({
      method: 'POST',
      url: `/v1/admin/users/${staff.id}/role`,
      headers: admin.auth,
      payload: { role: 'customer', reason: 'left the team' },
    });
    expect(demoted.statusCode).toBe(200);
    expect(await until(async () => (await list()).statusCode === 403)).toBe(true);
  });

  it('an API key revoked in A stops working in B', async () => {
    const staff = await registerStaff(a.app, a.ctx.db, 'operator');
    const created = await a.app.inject({
      method: 'POST',
      url: '/v1/admin/api-keys',
      headers: staff.auth,
      payload: { name: 'reports', scopes: ['*'] },
    });
    expect(created.statusCode).toBe(201);
    const key = created.json() as { id: string; key: string };
    await cachedInB({ 'x-api-key': key.key });
    const revoked = await a.app.inject({
      method: 'DELETE',
      url: `/v1/admin/api-keys/${key.id}`,
      headers: staff.auth,
    });
    expect(revoked.statusCode).toBe(204);
    expect(await refusedInB({ 'x-api-key': key.key }, 401, 'invalid_token')).toBe(true);
  });

  it('a transfer in B reads no account or user facts once cached, and a person frozen in A receives nothing', async () => {
    const sender = await registerUser(a.app);
    const recipient = await registerUser(a.app);
    const from = await walletOf(a.app, sender);
    const to = await walletOf(a.app, recipient);
    await fund(a.app, sender, from.id, 10_000);
    const send = () =>
      post(b.app, sender, '/v1/transfers', { fromWalletId: from.id, to: { walletId: to.id }, amount: 100 });
    expect((await send()).statusCode).toBe(201);
    const before = bDb.state.factReads;
    expect((await send()).statusCode).toBe(201);
    expect(bDb.state.factReads).toBe(before);
    const frozen = await a.app.inject({
      method: 'POST',
      url: `/v1/admin/users/${recipient.id}/freeze`,
      headers: admin.auth,
      payload: { reason: 'fraud check' },
    });
    expect(frozen.statusCode).toBe(200);
    expect(
      await until(async () => {
        const res = await send();
        return res.statusCode === 404 && res.json().code === 'recipient_not_found';
      }),
    ).toBe(true);
    // The refused transfers moved nothing. A transfer B accepted in the milliseconds before the freeze's
    // notice reached it may have completed (the documented window of the NOTIFY caches): at most one here.
    expect([9_800, 9_700]).toContain((await walletOf(a.app, sender)).balance);
    const settled = (await walletOf(a.app, sender)).balance;
    expect((await send()).statusCode).toBe(404);
    expect((await walletOf(a.app, sender)).balance).toBe(settled);
  });

  it('a change made outside the application (by hand in SQL) reaches B through its notice', async () => {
    const u = await registerUser(a.app, { fullName: 'Ada Obi' });
    await cachedInB(u.auth);
    expect((await getUserFacts(b.ctx.db, [u.id])).get(u.id)?.fullName).toBe('Ada Obi');
    await a.ctx.db.query(`UPDATE identity.users SET full_name = 'Ada Okafor' WHERE id = $1`, [u.id]);
    expect(
      await until(async () => (await getUserFacts(b.ctx.db, [u.id])).get(u.id)?.fullName === 'Ada Okafor'),
    ).toBe(true);
    await a.ctx.db.query('UPDATE identity.sessions SET revoked_at = now() WHERE user_id = $1', [u.id]);
    expect(await refusedInB(u.auth, 401, 'invalid_token')).toBe(true);
  });

  it('with its LISTEN connection down, B reads the database on every request, then caches again once back', async () => {
    const u = await registerUser(a.app);
    await cachedInB(u.auth);
    const cache = identityCacheOf(bDb.db)!;
    bDb.cut();
    expect(cache.listening).toBe(false);
    expect(cache.size).toBe(0);
    // Still correct while down: each request reads, and a change nobody is notified of is seen at once.
    const before = bDb.state.identityReads;
    expect((await me(b.app, u.auth)).statusCode).toBe(200);
    expect((await me(b.app, u.auth)).statusCode).toBe(200);
    expect(bDb.state.identityReads).toBe(before + 2);
    expect(cache.size).toBe(0);
    const other = await registerUser(a.app);
    expect((await me(b.app, other.auth)).statusCode).toBe(200);
    await a.ctx.db.query('UPDATE identity.sessions SET revoked_at = now() WHERE user_id = $1', [other.id]);
    expect((await me(b.app, other.auth)).json().code).toBe('invalid_token');
    bDb.restore();
    expect(await until(() => cache.listening, 3000)).toBe(true);
    await cachedInB(u.auth);
  });
});

describe.skipIf(!hasPg())('the identity cache when PostgreSQL drops its LISTEN connection', () => {
  it('turns itself off at once and on again once it listens again', async () => {
    const testDb = await createTestDb('pg');
    const warnings: string[] = [];
    const logged = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line).msg) });
    const cache = await startIdentityCache(testDb.db, logged, { listenCheckIntervalMs: 50 });
    try {
      expect(cache.listening).toBe(true);
      cache.set(cache.ticket(), 'session:1', 'user-1', { v: 1 });
      const killed = await testDb.db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND query ILIKE 'LISTEN vendra_identity%' AND pid <> pg_backend_pid()`,
      );
      expect(killed.rowCount).toBe(1);
      expect(await until(() => warnings.some((m) => m.startsWith('identity cache off')), 3000)).toBe(true);
      expect(cache.get('session:1')).toBeUndefined(); // cleared: a notice may have been missed
      expect(await until(() => cache.listening, 3000)).toBe(true);
      cache.set(cache.ticket(), 'session:1', 'user-1', { v: 2 });
      expect(cache.get('session:1')).toEqual({ v: 2 });
    } finally {
      await cache.close();
      await testDb.drop({ skipAudit: true });
    }
  });
});

describe('the identity cache store', () => {
  it('is bounded: past maxEntries the oldest entry goes', () => {
    const store = createCacheStore({ maxEntries: 3 });
    store.setListening(true);
    for (let i = 0; i < 5; i++) store.set(store.ticket(), `session:${i}`, `user-${i}`, { i });
    expect(store.size).toBe(3);
    expect(store.get('session:0')).toBeUndefined();
    expect(store.get('session:1')).toBeUndefined();
    expect(store.get('session:4')).toEqual({ i: 4 });
  });

  it('keeps out what a read found when the user changed while it ran', () => {
    const store = createCacheStore();
    store.setListening(true);
    const ticket = store.ticket();
    store.invalidateUser('user-1');
    store.set(ticket, 'session:1', 'user-1', { stale: true });
    expect(store.get('session:1')).toBeUndefined();
    store.set(ticket, 'session:2', 'user-2', { fine: true }); // another user's change does not matter
    expect(store.get('session:2')).toEqual({ fine: true });
  });

  it('bypasses a user whose change is under way in this process until its notice arrives', () => {
    const store = createCacheStore();
    store.setListening(true);
    store.set(store.ticket(), 'session:1', 'user-1', { v: 1 });
    store.unsettle('user-1');
    expect(store.get('session:1')).toBeUndefined();
    store.set(store.ticket(), 'session:1', 'user-1', { v: 2 });
    expect(store.get('session:1')).toBeUndefined();
    store.invalidateUser('user-1'); // the notice
    store.set(store.ticket(), 'session:1', 'user-1', { v: 3 });
    expect(store.get('session:1')).toEqual({ v: 3 });
  });

  it('serves and stores nothing while not listening, and drops entries past the safety TTL', async () => {
    const store = createCacheStore({ ttlMs: 20 });
    store.setListening(true);
    store.set(store.ticket(), 'session:1', 'user-1', { v: 1 });
    store.setListening(false);
    expect(store.get('session:1')).toBeUndefined();
    expect(store.ticket()).toBeUndefined();
    store.setListening(true);
    expect(store.get('session:1')).toEqual({ v: 1 });
    await new Promise((r) => setTimeout(r, 30));
    expect(store.get('session:1')).toBeUndefined();
  });
});
