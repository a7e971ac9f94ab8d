/**
 * Delivery adapters: Termii's documented send body reaches a local fake Termii over real HTTP and
 * the api key never reaches the log; a failing adapter is retried by the outbox, then dead-lettered.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { createOutboxRelay, defineConsumers, listDeadLetters } from '../outbox/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { lineSink } from '../test-support/logs.js';
import { verifyContacts } from '../test-support/contacts.js';
import { registerUser } from '../test-support/users.js';
import {
  type Adapters,
  DELIVER_MAX_ATTEMPTS,
  notificationConsumers,
  requestNotification,
  termiiAdapter,
} from './index.js';

const API_KEY = 'TLsecret-termii-key-0123456789';

describe('the Termii adapter', () => {
  const bodies: Record<string, unknown>[] = [];
  let status = 200;
  const server = createServer(async (req: IncomingMessage, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    bodies.push({ path: req.url, method: req.method, ...JSON.parse(raw) });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message_id: '9122821270554876574', message: 'Successfully Sent', echo: raw }));
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends the documented body, and an error names the status, never the key', async () => {
    const sms = termiiAdapter({ baseUrl: base, apiKey: API_KEY, senderId: 'Vendra', timeoutMs: 2_000 });
    const message = {
      messageId: 'a0c5c2b4-7e0e-4d43-9a7d-2b5e0e1f0a11',
      channel: 'sms' as const,
      to: '+2348031234567',
      template: 'phone_otp',
      subject: 'Your Vendra code',
      text: 'Vendra code: 123456.',
    };
    await sms.send(message);
    expect(bodies[0]).toEqual({
      path: '/api/sms/send',
      method: 'POST',
      to: '2348031234567',
      from: 'Vendra',
      sms: 'Vendra code: 123456.',
      type: 'plain',
      channel: 'generic',
      api_key: API_KEY,
    });
    status = 401;
    const failure = await sms.send(message).catch((e: Error) => e);
    expect(String(failure)).toContain('HTTP 401');
    expect(String(failure)).not.toContain(API_KEY);
  });

  it('a worker sending SMS through Termii logs neither the key nor the body', async () => {
    status = 200;
    bodies.length = 0;
    const lines: string[] = [];
    const t = await createTestApp(
      'pg',
      { SMS_MODE: 'termii', TERMII_API_KEY: API_KEY, TERMII_BASE_URL: base, LOG_LEVEL: 'trace' },
      { worker: true, log: createLogger('trace', false, lineSink(lines)) },
    );
    try {
      const user = await registerUser(t.app, { phone: `0805${String(Date.now()).slice(-7)}` });
      await verifyContacts(t.ctx.db, user.id);
      await t.ctx.db.transaction((tx) =>
        requestNotification(tx, {
          userId: user.id,
          template: 'phone_otp',
          data: { code: '771199', expiresInMinutes: 5 },
        }),
      );
      const deadline = Date.now() + 10_000;
      while (bodies.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(bodies[0]).toMatchObject({ sms: expect.stringContaining('771199'), api_key: API_KEY });
      await new Promise((r) => setTimeout(r, 200));
      const all = lines.join('');
      expect(all.length).toBeGreaterThan(0);
      expect(all).not.toContain(API_KEY);
      expect(all).not.toContain('771199');
    } finally {
      await t.close();
    }
  }, 30_000);
});

describe('a failing adapter', () => {
  let t: TestApp;
  let attempts = 0;
  beforeAll(async () => {
    t = await createTestApp('pg');
  });
  afterAll(async () => {
    await t.close();
  });

  it('is retried with backoff, then the message is dead-lettered', async () => {
    const failing = {
      async send() {
        attempts += 1;
        throw new Error('smtp: connection refused');
      },
    };
    const adapters: Adapters = { email: failing, sms: failing };
    const consumers = defineConsumers(notificationConsumers(t.ctx, adapters));
    const relay = createOutboxRelay(t.ctx.db, consumers, { log: t.ctx.log, leaseMs: 5_000 });
    const user = await registerUser(t.app);
    await verifyContacts(t.ctx.db, user.id);
    await t.ctx.db.transaction((tx) =>
      requestNotification(tx, {
        userId: user.id,
        template: 'password_reset',
        data: { link: 'https://vendra.example/reset-password?token=556677', expiresInMinutes: 15 },
      }),
    );
    await relay.runOnce(); // compose: writes the email and its deliver event
    for (let i = 0; i < DELIVER_MAX_ATTEMPTS + 2; i++) {
      // Each retry waits out its backoff; the test makes it due at once.
      await t.ctx.db.query(`UPDATE outbox.deliveries SET available_at = now() WHERE status = 'pending'`);
      await relay.runOnce();
    }
    expect(attempts).toBe(DELIVER_MAX_ATTEMPTS);
    const dead = await t.ctx.db.transaction((tx) =>
      listDeadLetters(tx, { consumer: 'notifications.deliver' }),
    );
    expect(dead.data).toHaveLength(1);
    const sent = await t.ctx.db.query(
      `SELECT sent_at FROM notifications.messages WHERE user_id = $1 AND channel = 'email'`,
      [user.id],
    );
    expect(sent.rows).toEqual([{ sent_at: null }]);
  });
});
