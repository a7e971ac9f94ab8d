/**
 * A person's sessions over HTTP: the list (device, address, last seen, current), ending one, ending every
 * other one, and the new-device event of a login.
 */
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, buildApp, closeContext, createContext } from '../compose.js';
import { createPgDb } from '../db/pg.js';
import { EVENTS_CHANNEL } from '../outbox/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { registerUser, type TestUser } from '../test-support/users.js';
import { startIdentityCache } from './cache.js';
import { deviceName, endsStream, NEW_DEVICE_LOGIN_EVENT } from './index.js';

const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0';
const ANDROID_APP = 'VendraApp/2.1 (Android 14; Pixel 8)';

async function until(check: () => Promise<boolean>, ms = 2000): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('deviceName', () => {
  it('names common browsers, the app and systems', () => {
    expect(deviceName(CHROME_MAC)).toBe('Chrome on macOS');
    expect(deviceName(FIREFOX_WINDOWS)).toBe('Firefox on Windows');
    expect(deviceName(ANDROID_APP)).toBe('Vendra app on Android');
    expect(
      deviceName(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iPhone');
    expect(
      deviceName(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
      ),
    ).toBe('Edge on Windows');
    expect(deviceName('lightMyRequest')).toBe('Unknown device');
    expect(deviceName(undefined)).toBe('Unknown device');
  });
});

describe('ending every session but one', () => {
  it("closes the other sessions' streams, not the kept one's nor an API key's", () => {
    const end = { every: 'session', except: 's1' };
    expect(endsStream(end, { userId: 'u', role: 'customer', sessionId: 's1' })).toBe(false);
    expect(endsStream(end, { userId: 'u', role: 'customer', sessionId: 's2' })).toBe(true);
    expect(endsStream(end, { userId: 'u', role: 'customer', apiKeyId: 'k' })).toBe(false);
  });
});

describe.each(backends())('sessions on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t.close();
  });

  /** Logs the person in again from a device (a User-Agent) and an address; the bearer header and tokens. */
  const loginFrom = async (app: FastifyInstance, u: TestUser, userAgent: string, ip = '192.0.2.10') => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: u.email, password: u.password },
      headers: { 'user-agent': userAgent },
      remoteAddress: ip,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    return {
      auth: { authorization: `Bearer ${body.accessToken}` },
      refreshToken: body.refreshToken as string,
    };
  };
  const list = (headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: '/v1/me/sessions', headers });
  const end = (headers: Record<string, string>, id: string) =>
    t.app.inject({ method: 'DELETE', url: `/v1/me/sessions/${id}`, headers });
  const me = (app: FastifyInstance, headers: Record<string, string>) =>
    app.inject({ method: 'GET', url: '/v1/me', headers });
  const refresh = (refreshToken: string) =>
    t.app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken } });
  const newDeviceEvents = async (userId: string) =>
    (
      await t.ctx.db.query<{ payload: Record<string, unknown> }>(
        'SELECT payload FROM outbox.events WHERE type = $1 AND user_id = $2 ORDER BY id',
        [NEW_DEVICE_LOGIN_EVENT, userId],
      )
    ).rows.map((r) => r.payload);

  it('lists the active sessions with device, address, last seen, and the current one first', async () => {
    const u = await registerUser(t.app);
    const chrome = await loginFrom(t.app, u, CHROME_MAC, '192.0.2.10');
    const firefox = await loginFrom(t.app, u, FIREFOX_WINDOWS, '198.51.100.7');
    const res = await list(firefox.auth);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.json().data as {
      id: string;
      device: string;
      ip: string;
      current: boolean;
      lastSeenAt: string;
    }[];
    expect(data).toHaveLength(3); // registration + two logins
    expect(data[0]).toMatchObject({ device: 'Firefox on Windows', ip: '198.51.100.7', current: true });
    expect(data.filter((s) => s.current)).toHaveLength(1);
    expect(data.map((s) => s.device)).toContain('Chrome on macOS');
    expect(data.find((s) => s.device === 'Chrome on macOS')).toMatchObject({
      ip: '192.0.2.10',
      current: false,
    });
    for (const s of data) expect(Date.now() - Date.parse(s.lastSeenAt)).toBeLessThan(60_000);
    // No token, no hash, in the list.
    expect(res.body).not.toContain(chrome.refreshToken);
    // Seen from the Chrome session, that one is current.
    const fromChrome = (await list(chrome.auth)).json().data;
    expect(fromChrome[0]).toMatchObject({ device: 'Chrome on macOS', current: true });
  });

  it('brings last seen up to date at most once a minute, not on every request', async () => {
    // Registration uses no bearer token (and no PIN is set with one): not touched yet.
    const u = await registerUser(t.app, { pin: false });
    const { rows } = await t.ctx.db.query<{ id: string }>(
      'SELECT id FROM identity.sessions WHERE user_id = $1',
      [u.id],
    );
    const id = rows[0]!.id;
    const agoMs = async () =>
      Date.now() -
      (
        await t.ctx.db.query<{ last_seen_at: Date }>(
          'SELECT last_seen_at FROM identity.sessions WHERE id = $1',
          [id],
        )
      ).rows[0]!.last_seen_at.getTime();
    const setFiveMinutesAgo = () =>
      t.ctx.db.query(
        `UPDATE identity.sessions SET last_seen_at = now() - interval '5 minutes' WHERE id = $1`,
        [id],
      );
    // Last used five minutes ago: the next request brings it up to date...
    await setFiveMinutesAgo();
    expect((await me(t.app, u.auth)).statusCode).toBe(200);
    expect(await agoMs()).toBeLessThan(10_000);
    // ...and the requests within the minute write nothing.
    await setFiveMinutesAgo();
    expect((await me(t.app, u.auth)).statusCode).toBe(200);
    expect((await list(u.auth)).statusCode).toBe(200);
    expect(await agoMs()).toBeGreaterThan(4 * 60_000);
  });

  it('ending another session makes its access token 401 at once and its refresh token refused', async () => {
    const u = await registerUser(t.app);
    const other = await loginFrom(t.app, u, CHROME_MAC);
    expect((await me(t.app, other.auth)).statusCode).toBe(200); // cached now
    const target = (await list(u.auth)).json().data.find((s: { current: boolean }) => !s.current);
    const res = await end(u.auth, target.id);
    expect(res.statusCode).toBe(204);
    const refused = await me(t.app, other.auth);
    expect([refused.statusCode, refused.json().code]).toEqual([401, 'invalid_token']);
    const r = await refresh(other.refreshToken);
    expect([r.statusCode, r.json().code]).toEqual([401, 'invalid_refresh_token']);
    // The caller's own session goes on; the ended one is gone from the list.
    expect((await me(t.app, u.auth)).statusCode).toBe(200);
    expect((await list(u.auth)).json().data.map((s: { id: string }) => s.id)).not.toContain(target.id);
    const { rows } = await t.ctx.db.query<{ revoked_reason: string }>(
      'SELECT revoked_reason FROM identity.sessions WHERE id = $1',
      [target.id],
    );
    expect(rows[0]!.revoked_reason).toBe('remote');
    // Again: already ended, nothing changes.
    expect((await end(u.auth, target.id)).statusCode).toBe(204);
  });

  it('ending the current session works like a logout', async () => {
    const u = await registerUser(t.app);
    const current = (await list(u.auth)).json().data[0];
    expect(current.current).toBe(true);
    const res = await end(u.auth, current.id);
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/vendra_refresh=;/);
    expect((await me(t.app, u.auth)).json().code).toBe('invalid_token');
    expect((await refresh(u.refreshToken)).json().code).toBe('invalid_refresh_token');
  });

  it("someone else's session, or no session, is 404 and stays active", async () => {
    const u = await registerUser(t.app);
    const stranger = await registerUser(t.app);
    const theirs = (await list(stranger.auth)).json().data[0].id as string;
    const res = await end(u.auth, theirs);
    expect([res.statusCode, res.json().code]).toEqual([404, 'not_found']);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await me(t.app, stranger.auth)).statusCode).toBe(200);
    expect((await end(u.auth, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await end(u.auth, 'not-a-uuid')).json().code).toBe('validation_failed');
  });

  it('log out everywhere else keeps only the current session', async () => {
    const u = await registerUser(t.app);
    const stranger = await registerUser(t.app);
    const a = await loginFrom(t.app, u, CHROME_MAC);
    const b = await loginFrom(t.app, u, FIREFOX_WINDOWS);
    const res = await t.app.inject({ method: 'POST', url: '/v1/me/sessions/revoke-others', headers: b.auth });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ revoked: 2 });
    const data = (await list(b.auth)).json().data;
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ current: true, device: 'Firefox on Windows' });
    for (const gone of [u.auth, a.auth]) expect((await me(t.app, gone)).json().code).toBe('invalid_token');
    for (const token of [u.refreshToken, a.refreshToken])
      expect((await refresh(token)).json().code).toBe('invalid_refresh_token');
    expect((await refresh(b.refreshToken)).statusCode).toBe(200);
    expect((await me(t.app, stranger.auth)).statusCode).toBe(200); // nobody else's
    const again = await t.app.inject({
      method: 'POST',
      url: '/v1/me/sessions/revoke-others',
      headers: b.auth,
    });
    expect(again.json()).toEqual({ revoked: 0 });
  });

  it('an API key cannot manage sessions', async () => {
    const u = await registerUser(t.app);
    const { createApiKey } = await import('./index.js');
    const key = await t.ctx.db.transaction((tx) => createApiKey(tx, u.id, { name: 'k', scopes: ['*'] }));
    const res = await list({ 'x-api-key': key.key });
    expect([res.statusCode, res.json().code]).toEqual([403, 'forbidden']);
  });

  it('publishes identity.new_device_login once for a new device, never for a known one, without tokens', async () => {
    const u = await registerUser(t.app);
    const live: { userId: string; type: string; data: Record<string, unknown> }[] = [];
    const unlisten = await t.ctx.db.listen(EVENTS_CHANNEL, (payload) => {
      const event = JSON.parse(payload);
      if (event.userId === u.id) live.push(event);
    });
    try {
      // The registering device, again: known.
      await loginFrom(t.app, u, 'lightMyRequest', '192.0.2.1');
      expect(await newDeviceEvents(u.id)).toEqual([]);
      const phone = await loginFrom(t.app, u, ANDROID_APP, '203.0.113.5');
      await loginFrom(t.app, u, ANDROID_APP, '203.0.113.6'); // the same phone: known now
      const events = await newDeviceEvents(u.id);
      expect(events).toHaveLength(1);
      const sessionId = (await list(phone.auth)).json().data[0].id;
      expect(events[0]).toMatchObject({
        userId: u.id,
        sessionId,
        device: 'Vendra app on Android',
        userAgent: ANDROID_APP,
        ip: '203.0.113.5',
      });
      expect(JSON.stringify(events[0])).not.toContain(phone.refreshToken);
      expect(JSON.stringify(events[0])).not.toContain(phone.auth.authorization.slice(7));
      expect(await until(async () => live.some((e) => e.type === NEW_DEVICE_LOGIN_EVENT))).toBe(true);
      const notices = live.filter((e) => e.type === NEW_DEVICE_LOGIN_EVENT);
      expect(notices).toHaveLength(1);
      expect(notices[0]!.data).toMatchObject({
        sessionId,
        device: 'Vendra app on Android',
        ip: '203.0.113.5',
      });
      // A failed login announces nothing.
      const failed = await t.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: u.email, password: 'wrong password!!' },
        headers: { 'user-agent': FIREFOX_WINDOWS },
      });
      expect(failed.statusCode).toBe(401);
      expect(await newDeviceEvents(u.id)).toHaveLength(1);
    } finally {
      await unlisten();
    }
  });
});

describe.each(backends())('a session ended in one API process on %s', (backend) => {
  let a: TestApp;
  let b: { app: FastifyInstance; ctx: AppContext; ownDb: boolean };
  const log = pino({ level: 'silent' });

  beforeAll(async () => {
    a = await createTestApp(backend);
    // Process B: its own pool on PostgreSQL (PGlite has one connection per database, so B shares it).
    const ownDb = backend === 'pg';
    const db = ownDb ? createPgDb({ url: a.testDb.url!, poolSize: 2 }) : a.ctx.db;
    const ctx = await createContext(a.ctx.config, log, { db, providers: false });
    // As another process's cache: only the notices tell it of A's changes.
    await startIdentityCache(db, log, { inProcess: false, listenCheckIntervalMs: 50 });
    b = { app: await buildApp(ctx), ctx, ownDb };
  });
  afterAll(async () => {
    await b.app.close();
    await closeContext(b.ctx, { closeDb: b.ownDb });
    await a.close();
  });

  it('stops working in another process that had it cached', async () => {
    const u = await registerUser(a.app);
    const login = await a.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: u.email, password: u.password },
      headers: { 'user-agent': CHROME_MAC },
    });
    const other = { authorization: `Bearer ${login.json().accessToken}` };
    const meIn = (app: FastifyInstance) => app.inject({ method: 'GET', url: '/v1/me', headers: other });
    expect((await meIn(b.app)).statusCode).toBe(200);
    expect((await meIn(b.app)).statusCode).toBe(200); // from B's cache
    const res = await a.app.inject({ method: 'POST', url: '/v1/me/sessions/revoke-others', headers: u.auth });
    expect(res.json()).toEqual({ revoked: 1 });
    expect(await until(async () => (await meIn(b.app)).statusCode === 401)).toBe(true);
  });
});
