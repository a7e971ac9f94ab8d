/**
 * A delivered electricity token is a bearer value: it never reaches a log,
 * is re-sent only to the account's own email (at most 3 times per payment
 * per hour), and a reversed payment no longer shows it.
 */
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { verifyContacts } from '../test-support/contacts.js';
import { registerUser, type TestUser } from '../test-support/users.js';
import { FAST_PROVIDER_ENV } from './testing.js';

describe.each(backends())('electricity tokens on %s', (backend) => {
  const lines: string[] = [];
  let t: TestApp;
  let user: TestUser;
  let walletId: string;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    // The production logger, at debug level, writing where the test can read it.
    const log = createLogger('debug', false, sink);
    t = await createTestApp(backend, FAST_PROVIDER_ENV, { providers: true, worker: true, log });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    for (const sim of t.ctx.providers?.sims ?? [])
      sim.setKnobs({ webhookUrl: `http://127.0.0.1:${port}/v1/webhooks/vtpass` });
    user = await registerUser(t.app);
    await verifyContacts(t.ctx.db, user.id, { email: true });
    walletId = (await walletOf(t.app, user)).id;
    await fund(t.app, user, walletId, 10_000_000);
  });
  afterAll(async () => {
    await t.close();
  });

  const pay = async (customerRef: string, extra: Record<string, unknown> = {}) => {
    const res = await post(t.app, user, '/v1/bill-payments', {
      walletId,
      billerId: 'ikeja-electric',
      productCode: 'prepaid',
      customerRef,
      amount: 500_000,
      ...extra,
    });
    expect(res.statusCode).toBe(202);
    return res.json().id as string;
  };
  const settle = (id: string, statuses: string[]) =>
    eventually(async () => {
      const p = (await get(t.app, user, `/v1/bill-payments/${id}`)).json();
      return statuses.includes(p.status) && p;
    }, 10_000);
  const resend = (id: string) => post(t.app, user, `/v1/bill-payments/${id}/resend-token`, {}, null);
  const dashed = (token: string) => token.replace(/(\d{4})(?=\d)/g, '$1-');

  it('never logs the token, during delivery or a resend; resends go to the account email only', async () => {
    const id = await pay('1111111111111', { email: 'someone-else@example.net', phone: '08099999999' });
    const p = await settle(id, ['succeeded']);
    expect(p.token).toMatch(/^\d{20}$/);
    const res = await resend(id);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ sent: true, to: user.email });

    const all = lines.join('');
    expect(all).toContain('token_resend'); // the notification was logged...
    expect(all).toContain(user.email);
    expect(all).not.toContain(p.token); // ...without its body
    expect(all).not.toContain(dashed(p.token));
    expect(all).not.toContain('someone-else@example.net');
    const notices = lines.map((l) => JSON.parse(l)).filter((l) => l.notification);
    expect(notices).toEqual([
      expect.objectContaining({ notification: { to: user.email, template: 'token_resend' } }),
    ]);
  });

  it('sends a token at most 3 times per payment per hour, then 429 rate_limited with Retry-After', async () => {
    const id = await pay('1111111111111');
    await settle(id, ['succeeded']);
    const first = await Promise.all([resend(id), resend(id), resend(id), resend(id), resend(id)]);
    expect(first.map((r) => r.statusCode).sort()).toEqual([202, 202, 202, 429, 429]);
    const refused = await resend(id);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json().code).toBe('rate_limited');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3_000);
    expect(retryAfter).toBeLessThanOrEqual(3_600);
  });

  it('a reversed payment no longer shows its token, anywhere, and cannot be re-sent', async () => {
    const id = await pay('4444444444444');
    const delivered = await settle(id, ['succeeded', 'reversed']);
    const p = await settle(id, ['reversed']);
    expect(p.token).toBeNull();
    const token =
      delivered.token ??
      (await t.ctx.db.query<{ token: string }>('SELECT token FROM bills.payments WHERE id = $1', [id]))
        .rows[0]?.token;
    expect(token).toMatch(/^\d{20}$/);
    const one = await get(t.app, user, `/v1/bill-payments/${id}`);
    const list = await get(t.app, user, '/v1/bill-payments?status=reversed');
    for (const body of [one.body, list.body]) {
      expect(body).toContain(id);
      expect(body).not.toContain(token);
      expect(body).not.toContain(dashed(token as string));
    }
    const res = await resend(id);
    expect([res.statusCode, res.json().code]).toEqual([409, 'no_token']);
  });

  it('sends nothing to an unverified email: 403 email_unverified, no resend counted', async () => {
    const id = await pay('1111111111111');
    await settle(id, ['succeeded']);
    await t.ctx.db.query('UPDATE identity.users SET email_verified_at = NULL WHERE id = $1', [user.id]);
    try {
      const res = await resend(id);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe('email_unverified');
      const { rows } = await t.ctx.db.query('SELECT 1 FROM bills.token_resends WHERE payment_id = $1', [id]);
      expect(rows).toEqual([]);
    } finally {
      await verifyContacts(t.ctx.db, user.id, { email: true });
    }
  });
});
