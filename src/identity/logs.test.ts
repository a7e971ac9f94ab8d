import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createContext } from '../compose.js';
import { buildApp } from '../compose.js';
import { createLogger } from '../log.js';
import { consumersDefined, defineConsumers } from '../outbox/index.js';
import { createTestDb, type TestDb } from '../test-support/db.js';
import { registerStaff, registerUser } from '../test-support/users.js';

describe('logs', () => {
  let testDb: TestDb;
  const lines: string[] = [];
  beforeAll(async () => {
    testDb = await createTestDb('pglite');
  });
  afterAll(async () => {
    await testDb.drop();
  });

  it('never contain passwords, tokens, refresh cookies or API keys', async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger('debug', false, sink); // the production logger and its redaction, at debug level
    if (!consumersDefined()) defineConsumers([]);
    const ctx = await createContext(loadConfig({ NODE_ENV: 'test' }), log, {
      db: testDb.db,
      providers: false,
    });
    const app = await buildApp(ctx);
    try {
      const secrets: string[] = [];
      const u = await registerUser(app, { password: 'a very secret password 42' });
      secrets.push(u.password, u.accessToken, u.refreshToken);
      const logged = await app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: u.email, password: u.password },
      });
      secrets.push(logged.json().refreshToken, logged.json().accessToken);
      await app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: u.email, password: 'wrong guess 1' },
      });
      await app.inject({
        method: 'POST',
        url: '/v1/auth/refresh',
        cookies: { vendra_refresh: logged.json().refreshToken },
      });
      const staff = await registerStaff(app, testDb.db, 'operator');
      const key = (
        await app.inject({
          method: 'POST',
          url: '/v1/admin/api-keys',
          headers: staff.auth,
          payload: { name: 'k', scopes: ['*'] },
        })
      ).json().key;
      secrets.push(key);
      await app.inject({ method: 'GET', url: '/v1/me', headers: { 'x-api-key': key } });
      const stream = (
        await app.inject({ method: 'POST', url: '/v1/auth/stream-token', headers: u.auth })
      ).json().token;
      secrets.push(stream);
      await app.inject({ method: 'GET', url: '/v1/events/stream?token=not-valid-but-secret-looking' });
      secrets.push('not-valid-but-secret-looking');

      const all = lines.join('');
      expect(all).toContain('incoming request'); // the logger did log requests
      for (const secret of secrets) expect(all).not.toContain(secret);
    } finally {
      await app.close();
    }
  });
});
