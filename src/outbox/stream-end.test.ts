import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends, createTestDb, hasPg } from '../test-support/db.js';
import { registerStaff, registerUser, type TestUser } from '../test-support/users.js';
import { createEventHub, notifyUser } from './index.js';

/** An open SSE stream: resolves `connected` on the first bytes, `ended` (with the time) when the server ends it. */
interface Stream {
  status: Promise<number>;
  connected: Promise<void>;
  ended: Promise<number>;
  text(): string;
  open(): boolean;
  close(): void;
}

function openStream(url: string, headers: Record<string, string> = {}): Stream {
  let text = '';
  let isOpen = true;
  let onConnected!: () => void;
  let onEnded!: (at: number) => void;
  let onStatus!: (s: number) => void;
  const connected = new Promise<void>((r) => {
    onConnected = r;
  });
  const ended = new Promise<number>((r) => {
    onEnded = r;
  });
  const status = new Promise<number>((r) => {
    onStatus = r;
  });
  const finish = () => {
    if (!isOpen) return;
    isOpen = false;
    onEnded(Date.now());
  };
  const req = httpRequest(url, { headers }, (res) => {
    onStatus(res.statusCode ?? 0);
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes(': connected')) onConnected();
    });
    res.on('end', finish);
    res.on('close', finish);
  });
  req.on('error', finish);
  req.end();
  return {
    status,
    connected,
    ended,
    text: () => text,
    open: () => isOpen,
    close: () => req.destroy(),
  };
}

/** Fails when the promise does not settle within ms. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms),
    ),
  ]);
}

describe.each(backends())('live streams end with their session on %s', (backend) => {
  let t: TestApp;
  let base: string;
  let admin: TestUser;
  const streams: Stream[] = [];
  beforeAll(async () => {
    t = await createTestApp(backend);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    admin = await registerStaff(t.app, t.ctx.db, 'admin');
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await t.close();
  });

  const streamToken = async (headers: Record<string, string>) => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/events/stream-token', headers });
    expect(res.statusCode).toBe(200);
    return res.json().token as string;
  };
  const open = async (headers: Record<string, string>) => {
    const s = openStream(`${base}/v1/events/stream?token=${await streamToken(headers)}`);
    streams.push(s);
    await within(s.connected, 5000, 'stream connected');
    return s;
  };
  /** Runs the action and expects the stream to end within a second of it. */
  const expectEndsAfter = async (s: Stream, action: () => Promise<unknown>) => {
    const started = Date.now();
    await action();
    const endedAt = await within(s.ended, 1000, 'stream ended');
    expect(endedAt - started).toBeLessThan(1000);
  };
  const login = async (u: TestUser) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: u.email, password: u.password },
    });
    expect(res.statusCode).toBe(200);
    return res.json() as { accessToken: string; refreshToken: string };
  };

  it('ends on logout, and only the stream of the session that logged out', async () => {
    const u = await registerUser(t.app);
    const other = await login(u);
    const mine = await open(u.auth);
    const theirs = await open({ authorization: `Bearer ${other.accessToken}` });
    await expectEndsAfter(mine, () =>
      t.app.inject({ method: 'POST', url: '/v1/auth/logout', headers: u.auth, payload: {} }),
    );
    // The other session's stream still delivers.
    await t.ctx.db.transaction((tx) => notifyUser(tx, u.id, 'wallet.balance_updated', { n: 1 }));
    await new Promise((r) => setTimeout(r, 300));
    expect(theirs.open()).toBe(true);
    expect(theirs.text()).toContain('event: wallet.balance_updated');
    expect(theirs.text()).not.toContain('identity.stream_end'); // the control notice is never forwarded
  });

  it('ends when an operator freezes the user (every stream of theirs, API keys too)', async () => {
    const u = await registerUser(t.app);
    const second = await login(u);
    const a = await open(u.auth);
    const b = await open({ authorization: `Bearer ${second.accessToken}` });
    await expectEndsAfter(a, () =>
      t.app.inject({
        method: 'POST',
        url: `/v1/admin/users/${u.id}/freeze`,
        headers: admin.auth,
        payload: { reason: 'suspected fraud' },
      }),
    );
    await within(b.ended, 1000, 'second stream ended');
  });

  it('ends when the session is revoked (a refresh token presented twice)', async () => {
    const u = await registerUser(t.app);
    const s = await open(u.auth);
    const refresh = () =>
      t.app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: u.refreshToken } });
    expect((await refresh()).statusCode).toBe(200);
    await expectEndsAfter(s, async () => {
      expect((await refresh()).json().code).toBe('refresh_token_reused');
    });
  });

  it('ends when the API key that opened it is revoked', async () => {
    const staff = await registerStaff(t.app, t.ctx.db, 'operator');
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/api-keys',
      headers: staff.auth,
      payload: { name: 'events', scopes: ['events:read'] },
    });
    const key = created.json();
    const byToken = await open({ 'x-api-key': key.key });
    const byHeader = openStream(`${base}/v1/events/stream`, { 'x-api-key': key.key });
    streams.push(byHeader);
    await within(byHeader.connected, 5000, 'header stream connected');
    const session = await open(staff.auth);
    await expectEndsAfter(byToken, () =>
      t.app.inject({ method: 'DELETE', url: `/v1/admin/api-keys/${key.id}`, headers: staff.auth }),
    );
    await within(byHeader.ended, 1000, 'header stream ended');
    await new Promise((r) => setTimeout(r, 200));
    expect(session.open()).toBe(true); // the owner's own session is not the key
  });

  it('refuses a stream token whose session has ended', async () => {
    const u = await registerUser(t.app);
    const token = await streamToken(u.auth);
    await t.app.inject({ method: 'POST', url: '/v1/auth/logout', headers: u.auth, payload: {} });
    const res = await t.app.inject({ method: 'GET', url: `/v1/events/stream?token=${token}` });
    expect([res.statusCode, res.json().code]).toEqual([401, 'invalid_token']);
  });
});

describe.skipIf(!hasPg())('a lost LISTEN connection (PostgreSQL)', () => {
  it('tells the event hub it reconnected, so streams can recheck what they may have missed', async () => {
    const testDb = await createTestDb('pg');
    let reconnects = 0;
    const hub = await createEventHub(testDb.db, pino({ level: 'silent' }), {
      listenCheckIntervalMs: 50,
      onReconnect: () => reconnects++,
    });
    try {
      const killed = await testDb.db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
      );
      expect(killed.rowCount).toBeGreaterThan(0);
      const deadline = Date.now() + 3000;
      while (reconnects === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(reconnects).toBeGreaterThan(0);
    } finally {
      await hub.close();
      await testDb.drop();
    }
  });
});
