/**
 * Account security and notifications from the customer's side, through the API only, on an app
 * with the default configuration (sandbox email and SMS, sandbox providers): sign up, verify the
 * email by the link and the phone by the code, both read from the sandbox inbox; pay the sandbox
 * meter 1111111111111 and receive its token there by SMS and by email; forget the password, reset
 * it from the inbox link, and find the old session gone.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_PROVIDER_ENV } from '../bills/testing.js';
import { groupToken } from '../receipts/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { registerUser } from '../test-support/users.js';

interface InboxMessage {
  to: string;
  channel: string;
  subject: string;
  text: string;
  createdAt: string;
}

describe('account security and notifications, end to end (sandbox defaults)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pg', FAST_PROVIDER_ENV, { providers: true, worker: true });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    for (const sim of t.ctx.providers?.sims ?? [])
      sim.setKnobs({ webhookUrl: `http://127.0.0.1:${port}/v1/webhooks/vtpass` });
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  /** The sandbox inbox as a developer reads it: JSON with Accept: application/json. */
  const inbox = async (to: string): Promise<InboxMessage[]> => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/sandbox/inbox?to=${encodeURIComponent(to)}`,
      headers: { accept: 'application/json' },
    });
    expect(res.statusCode).toBe(200);
    return res.json().data;
  };
  const waitFor = (to: string, matches: (m: InboxMessage) => boolean, timeoutMs = 10_000) =>
    eventually(async () => (await inbox(to)).find(matches), timeoutMs);
  const tokenIn = (m: InboxMessage, path: string) => {
    const link = new RegExp(`https?://\\S+${path}\\?token=([A-Za-z0-9_-]+)`).exec(m.text);
    if (!link) throw new Error(`no ${path} link in the message`);
    return link[1]!;
  };

  it('verifies email and phone from the inbox, texts and emails the token, and resets a forgotten password', async () => {
    const phone = `0802${String(Date.now()).slice(-7)}`;
    const e164 = `+234${phone.slice(1)}`;
    const user = await registerUser(t.app, { phone, fullName: 'Ngozi Okafor' });
    const me = async (auth = user.auth) => t.app.inject({ method: 'GET', url: '/v1/me', headers: auth });
    expect((await me()).json()).toMatchObject({ emailVerified: false, phoneVerified: false });

    // Email: the link from the inbox.
    expect((await post(t.app, user, '/v1/me/email/verify/send', {}, null)).statusCode).toBe(202);
    const verifyMail = await waitFor(user.email, (m) => m.text.includes('/verify-email?token='));
    expect(verifyMail.channel).toBe('email');
    const verified = await post(
      t.app,
      undefined,
      '/v1/auth/email/verify',
      { token: tokenIn(verifyMail, '/verify-email') },
      null,
    );
    expect(verified.statusCode, verified.body).toBe(204);

    // Phone: the 6-digit code by SMS.
    expect((await post(t.app, user, '/v1/me/phone/verify/send', {}, null)).statusCode).toBe(202);
    const otp = await waitFor(e164, (m) => m.channel === 'sms' && /\b\d{6}\b/.test(m.text));
    const code = /\b(\d{6})\b/.exec(otp.text)![1]!;
    expect((await post(t.app, user, '/v1/me/phone/verify', { code }, null)).statusCode).toBe(204);
    expect((await me()).json()).toMatchObject({ emailVerified: true, phoneVerified: true });

    // Pay the sandbox meter with the person's own headers (`post` sends user.auth and a key).
    const walletId = (await walletOf(t.app, user)).id;
    await fund(t.app, user, walletId, 1_000_000);
    const paid = await post(t.app, user, '/v1/bill-payments', {
      walletId,
      billerId: 'ikeja-electric',
      productCode: 'prepaid',
      customerRef: '1111111111111',
      amount: 300_000,
    });
    expect(paid.statusCode, paid.body).toBe(202);
    const payment = await eventually(async () => {
      const p = (await get(t.app, user, `/v1/bill-payments/${paid.json().id}`)).json();
      return p.status === 'succeeded' && p;
    }, 20_000);
    const token = groupToken(payment.token);
    const sms = await waitFor(e164, (m) => m.text.includes(token));
    expect(sms.channel).toBe('sms');
    const email = await waitFor(user.email, (m) => m.text.includes(token));
    expect(email.channel).toBe('email');
    expect(email.text).toContain('1111111111111');

    // Forgot the password: the same answer, the link in the inbox, a new password.
    const forgot = await post(t.app, undefined, '/v1/auth/password/forgot', { email: user.email }, null);
    expect(forgot.statusCode).toBe(202);
    const unknown = await post(
      t.app,
      undefined,
      '/v1/auth/password/forgot',
      { email: 'nobody-here@example.com' },
      null,
    );
    expect(unknown.json()).toEqual(forgot.json());
    const resetMail = await waitFor(user.email, (m) => m.text.includes('/reset-password?token='));
    const newPassword = 'a new passphrase for Ngozi 7';
    const reset = await post(
      t.app,
      undefined,
      '/v1/auth/password/reset',
      { token: tokenIn(resetMail, '/reset-password'), newPassword },
      null,
    );
    expect(reset.statusCode, reset.body).toBe(204);

    // The old session is gone; the new password logs in, the old one does not.
    expect((await me()).statusCode).toBe(401);
    const refreshed = await post(
      t.app,
      undefined,
      '/v1/auth/refresh',
      { refreshToken: user.refreshToken },
      null,
    );
    expect(refreshed.statusCode).toBe(401);
    const login = (password: string) =>
      post(t.app, undefined, '/v1/auth/login', { email: user.email, password }, null);
    expect((await login(user.password)).statusCode).toBe(401);
    const fresh = await login(newPassword);
    expect(fresh.statusCode).toBe(200);
    expect((await me({ authorization: `Bearer ${fresh.json().accessToken}` })).statusCode).toBe(200);
    // And they were told, by email and SMS (security messages always go out).
    await waitFor(user.email, (m) => m.subject === 'Your Vendra password was changed');
    await waitFor(e164, (m) => m.text.includes('password was changed'));
  }, 60_000);
});
