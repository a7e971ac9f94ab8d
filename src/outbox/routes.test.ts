import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { registerStaff, registerUser } from '../test-support/users.js';
import { type Consumer, createOutboxRelay, defineConsumers, notifyUser, publish } from './index.js';

const failing: Consumer = {
  name: 'always-fails',
  types: ['test.poison'],
  maxAttempts: 1,
  handle: async () => {
    throw new Error('cannot handle this');
  },
};
defineConsumers([failing]);

/** Opens an SSE stream and collects its text until `until` matches or the timeout passes. */
function readStream(url: string, until: RegExp, timeoutMs = 5000) {
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>(
    (resolve, reject) => {
      const req = httpRequest(url, (res) => {
        let text = '';
        const done = () => {
          clearTimeout(timer);
          req.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
        };
        const timer = setTimeout(done, timeoutMs);
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (until.test(text)) done();
        });
        res.on('end', done);
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe.each(backends())('outbox routes on %s', (backend) => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t.close();
  });

  it('streams a user’s live events over SSE, opened with a stream token', async () => {
    const u = await registerUser(t.app);
    const other = await registerUser(t.app);
    const tokenRes = await t.app.inject({ method: 'POST', url: '/v1/auth/stream-token', headers: u.auth });
    const token = tokenRes.json().token;
    const reading = readStream(`${base}/v1/events/stream?token=${token}`, /wallet\.credited/);
    // Wait until the stream is subscribed, then notify: once for someone else, once for this user.
    await new Promise((r) => setTimeout(r, 200));
    await t.ctx.db.transaction((tx) => notifyUser(tx, other.id, 'secret.event', { x: 1 }));
    await t.ctx.db.transaction((tx) => notifyUser(tx, u.id, 'wallet.credited', { amount: 2500n }));
    const { status, headers, text } = await reading;
    expect(status).toBe(200);
    expect(headers['content-type']).toMatch(/text\/event-stream/);
    expect(text).toContain('event: wallet.credited');
    const data = JSON.parse(/data: (.*)\n/.exec(text)![1]!);
    expect(data).toEqual({ amount: '2500' });
    expect(text).not.toContain('secret.event');
  });

  it('ends open streams when the app closes, so shutdown does not hang', async () => {
    const own = await createTestApp(backend);
    try {
      await own.app.listen({ host: '127.0.0.1', port: 0 });
      const port = (own.app.server.address() as AddressInfo).port;
      const u = await registerUser(own.app);
      const token = (
        await own.app.inject({ method: 'POST', url: '/v1/auth/stream-token', headers: u.auth })
      ).json().token;
      const reading = readStream(`http://127.0.0.1:${port}/v1/events/stream?token=${token}`, /never/, 10_000);
      await new Promise((r) => setTimeout(r, 200));
      const started = Date.now();
      await own.app.close();
      expect(Date.now() - started).toBeLessThan(2000);
      expect((await reading).text).toContain(': connected');
    } finally {
      await own.testDb.drop();
    }
  });

  it('refuses an access token as a stream token, a garbage token, and no credentials at all', async () => {
    const u = await registerUser(t.app);
    const bearer = await t.app.inject({ method: 'GET', url: `/v1/events/stream?token=${u.accessToken}` });
    expect(bearer.statusCode).toBe(401);
    expect(bearer.json().code).toBe('invalid_token');
    expect((await t.app.inject({ method: 'GET', url: '/v1/events/stream?token=x' })).json().code).toBe(
      'invalid_token',
    );
    expect((await t.app.inject({ method: 'GET', url: '/v1/events/stream' })).statusCode).toBe(401);
  });

  it('lists dead letters for staff and lets them retry one, audited', async () => {
    const admin = await registerStaff(t.app, t.ctx.db, 'admin');
    const eventId = await t.ctx.db.transaction((tx) =>
      publish(tx, { type: 'test.poison', payload: { n: 1n } }),
    );
    const relay = createOutboxRelay(t.ctx.db, [failing], { log: t.ctx.log });
    expect(await relay.runOnce()).toBe(1);

    const list = await t.app.inject({
      method: 'GET',
      url: '/v1/admin/outbox/dead-letters',
      headers: admin.auth,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().data).toEqual([
      expect.objectContaining({
        eventId: String(eventId),
        consumer: 'always-fails',
        type: 'test.poison',
        payload: { n: '1' },
        attempts: 1,
        lastError: 'Error: cannot handle this',
      }),
    ]);
    const retry = (consumer: string) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/admin/outbox/dead-letters/retry',
        headers: admin.auth,
        payload: { eventId: String(eventId), consumer, reason: 'bug fixed in v2' },
      });
    expect((await retry('nobody')).statusCode).toBe(404);
    expect((await retry('always-fails')).statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/v1/admin/outbox/dead-letters',
      headers: admin.auth,
    });
    expect(after.json().data).toEqual([]);
    const audit = await t.app.inject({
      method: 'GET',
      url: '/v1/admin/audit-log?action=outbox.retry_dead_letter',
      headers: admin.auth,
    });
    expect(audit.json().data[0]).toMatchObject({ actorId: admin.id, targetId: `${eventId}:always-fails` });

    const customer = await registerUser(t.app);
    const denied = await t.app.inject({
      method: 'GET',
      url: '/v1/admin/outbox/dead-letters',
      headers: customer.auth,
    });
    expect(denied.statusCode).toBe(403);
  });
});
