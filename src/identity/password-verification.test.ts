import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { lineSink } from '../test-support/logs.js';
import { registerUser, type TestUser } from '../test-support/users.js';

const NEW_PASSWORD = 'a brand new passphrase 7';

describe.each(backends())('password reset and change, verification on %s', (backend) => {
  let t: TestApp;
  const lines: string[] = [];
  let ip = 0;
  const nextIp = () => `10.9.${Math.floor(++ip / 250)}.${ip % 250}`;
  const post = (
    url: string,
    payload: unknown,
    headers: Record<string, string> = {},
    remoteAddress = nextIp(),
  ) => t.app.inject({ method: 'POST', url, payload: payload as object, headers, remoteAddress });
  const me = (token: string) =>
    t.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } });
  /** The notification.requested events of a person, oldest first. */
  const notifications = async (userId: string) =>
    (
      await t.ctx.db.query<{
        payload: { template: string; data: Record<string, string | number>; to?: object };
      }>(
        `SELECT payload FROM outbox.events WHERE type = 'notification.requested' AND user_id = $1 ORDER BY id`,
        [userId],
      )
    ).rows.map((r) => r.payload);
  const verifyEmailDirectly = (userId: string) =>
    t.ctx.db.query('UPDATE identity.users SET email_verified_at = now() WHERE id = $1', [userId]);
  const tokenOf = (link: string | number | undefined) => new URL(String(link)).searchParams.get('token')!;
  const login = async (u: TestUser, password = u.password) =>
    (await post('/v1/auth/login', { email: u.email, password })).json();

  beforeAll(async () => {
    t = await createTestApp(
      backend,
      { PUBLIC_BASE_URL: 'https://app.example.com' },
      {
        log: createLogger('debug', false, lineSink(lines)),
      },
    );
  });
  afterAll(async () => {
    await t.close();
  });
  /** Every link token, code and password the tests see: none may appear in a log line. */
  const secrets: string[] = [];

  it('answers forgot the same for an unknown, an unverified and a verified email; only the verified one gets a link', async () => {
    const verified = await registerUser(t.app);
    const unverified = await registerUser(t.app);
    await verifyEmailDirectly(verified.id);
    const answers = await Promise.all(
      [verified.email, unverified.email, 'nobody-here@example.com'].map((email) =>
        post('/v1/auth/password/forgot', { email }),
      ),
    );
    for (const res of answers) {
      expect(res.statusCode).toBe(202);
      expect(res.body).toBe(answers[0]!.body);
    }
    expect(await notifications(unverified.id)).toEqual([]);
    const sent = await notifications(verified.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      template: 'password_reset',
      to: { email: verified.email },
      data: { expiresInMinutes: 30 },
    });
    expect(String(sent[0]!.data.link)).toMatch(
      /^https:\/\/app\.example\.com\/reset-password\?token=[A-Za-z0-9_-]{43}$/,
    );
    secrets.push(tokenOf(sent[0]!.data.link));
  });

  it('resets once with the token, ends every session (access 401 at once, refresh refused) and says so', async () => {
    const u = await registerUser(t.app);
    await verifyEmailDirectly(u.id);
    const other = await login(u);
    await post('/v1/auth/password/forgot', { email: u.email });
    const token = tokenOf((await notifications(u.id))[0]!.data.link);
    secrets.push(token, NEW_PASSWORD);

    const weak = await post('/v1/auth/password/reset', { token, newPassword: 'short' });
    expect(weak.json().code).toBe('weak_password');
    const ok = await post('/v1/auth/password/reset', { token, newPassword: NEW_PASSWORD });
    expect(ok.statusCode).toBe(204);
    for (const access of [u.accessToken, other.accessToken]) expect((await me(access)).statusCode).toBe(401);
    const refreshed = await post('/v1/auth/refresh', { refreshToken: other.refreshToken });
    expect(refreshed.statusCode).toBe(401);
    const again = await post('/v1/auth/password/reset', { token, newPassword: 'yet another passphrase' });
    expect(again.json().code).toBe('invalid_reset_token');
    expect((await post('/v1/auth/login', { email: u.email, password: u.password })).statusCode).toBe(401);
    expect((await post('/v1/auth/login', { email: u.email, password: NEW_PASSWORD })).statusCode).toBe(200);
    const templates = (await notifications(u.id)).map((n) => n.template);
    expect(templates).toEqual(['password_reset', 'password_changed']);
  });

  it('refuses an expired reset token with reset_token_expired', async () => {
    const u = await registerUser(t.app);
    await verifyEmailDirectly(u.id);
    await post('/v1/auth/password/forgot', { email: u.email });
    const token = tokenOf((await notifications(u.id))[0]!.data.link);
    await t.ctx.db.query(
      `UPDATE identity.email_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [u.id],
    );
    const res = await post('/v1/auth/password/reset', { token, newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('reset_token_expired');
    expect((await me(u.accessToken)).statusCode).toBe(200);
  });

  it('changes the password with the current one, keeps this session and ends the others', async () => {
    const u = await registerUser(t.app);
    const other = await login(u);
    const wrong = await post(
      '/v1/me/password',
      { currentPassword: 'not my password', newPassword: NEW_PASSWORD },
      u.auth,
    );
    expect(wrong.json().code).toBe('wrong_password');
    expect((await me(other.accessToken)).statusCode).toBe(200);
    const res = await post(
      '/v1/me/password',
      { currentPassword: u.password, newPassword: NEW_PASSWORD },
      u.auth,
    );
    expect(res.statusCode).toBe(204);
    expect((await me(u.accessToken)).statusCode).toBe(200);
    expect((await me(other.accessToken)).statusCode).toBe(401);
    expect((await post('/v1/auth/refresh', { refreshToken: other.refreshToken })).json().code).toBe(
      'invalid_refresh_token',
    );
    expect((await post('/v1/auth/refresh', { refreshToken: u.refreshToken })).statusCode).toBe(200);
    const sent = await notifications(u.id);
    expect(sent.map((n) => n.template)).toEqual(['password_changed']);
  });

  it('verifies the email by link once, and /v1/me shows it', async () => {
    const u = await registerUser(t.app);
    expect((await me(u.accessToken)).json()).toMatchObject({ emailVerified: false, phoneVerified: false });
    expect((await post('/v1/me/email/verify/send', {}, u.auth)).statusCode).toBe(202);
    const sent = await notifications(u.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ template: 'email_verification', to: { email: u.email } });
    const token = tokenOf(sent[0]!.data.link);
    secrets.push(token);
    expect((await post('/v1/auth/email/verify', { token })).statusCode).toBe(204);
    expect((await me(u.accessToken)).json().emailVerified).toBe(true);
    expect((await post('/v1/auth/email/verify', { token })).json().code).toBe('invalid_verification_token');
    expect((await post('/v1/me/email/verify/send', {}, u.auth)).json().code).toBe('already_verified');
  });

  it('verifies the phone by code: 5 wrong codes lock it, a new code works, an expired one does not', async () => {
    const u = await registerUser(t.app, { phone: `0803${String(Date.now()).slice(-7)}` });
    const send = async () => {
      expect((await post('/v1/me/phone/verify/send', {}, u.auth)).statusCode).toBe(202);
      const last = (await notifications(u.id)).at(-1)!;
      expect(last).toMatchObject({ template: 'phone_otp', data: { expiresInMinutes: 10 } });
      const code = String(last.data.code);
      secrets.push(code.length === 6 ? `"code":"${code}"` : code);
      return code;
    };
    const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const code = await send();
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push((await post('/v1/me/phone/verify', { code: wrongOf(code) }, u.auth)).json());
    expect(answers.map((a) => a.code)).toEqual([
      'invalid_code',
      'invalid_code',
      'invalid_code',
      'invalid_code',
      'too_many_attempts',
    ]);
    expect(answers[0].attemptsLeft).toBe(4);
    expect((await post('/v1/me/phone/verify', { code }, u.auth)).json().code).toBe('too_many_attempts');

    const expiring = await send();
    await t.ctx.db.query(
      `UPDATE identity.phone_codes SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [u.id],
    );
    expect((await post('/v1/me/phone/verify', { code: expiring }, u.auth)).json().code).toBe('code_expired');

    const good = await send();
    expect((await post('/v1/me/phone/verify', { code: good }, u.auth)).statusCode).toBe(204);
    expect((await me(u.accessToken)).json().phoneVerified).toBe(true);
    expect((await post('/v1/me/phone/verify/send', {}, u.auth)).json().code).toBe('already_verified');
  });

  it('refuses a phone code send without a phone', async () => {
    const u = await registerUser(t.app);
    expect((await post('/v1/me/phone/verify/send', {}, u.auth)).json().code).toBe('no_phone');
  });

  // Runs last: the tests above saw every link token, code and new password.
  it('never logs a link token, a code or a password (the debug logger, with its redaction)', () => {
    const all = lines.join('');
    expect(all).toContain('/v1/auth/password/reset'); // requests were logged
    expect(secrets.length).toBeGreaterThan(5);
    for (const secret of secrets) expect(all).not.toContain(secret);
  });
});

describe.each(backends())('rate limits on resets and verification sends on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, {
      RATE_LIMIT_FORGOT_PER_EMAIL_PER_HOUR: '2',
      RATE_LIMIT_FORGOT_PER_IP_PER_HOUR: '4',
      RATE_LIMIT_VERIFY_SEND_PER_HOUR: '2',
    });
  });
  afterAll(async () => {
    await t.close();
  });
  const forgot = (email: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/v1/auth/password/forgot', payload: { email }, remoteAddress });

  it('limits forgot per email (whoever asks) and per client IP', async () => {
    const perEmail = [];
    for (let i = 0; i < 3; i++)
      perEmail.push((await forgot('same@example.com', `10.8.0.${i + 1}`)).statusCode);
    expect(perEmail).toEqual([202, 202, 429]);
    const perIp = [];
    for (let i = 0; i < 5; i++) perIp.push((await forgot(`other-${i}@example.com`, '10.8.1.1')).statusCode);
    expect(perIp).toEqual([202, 202, 202, 202, 429]);
  });

  it('limits verification sends per user', async () => {
    const u = await registerUser(t.app, { phone: `0813${String(Date.now()).slice(-7)}` });
    const codes = [];
    for (let i = 0; i < 3; i++)
      codes.push(
        (await t.app.inject({ method: 'POST', url: '/v1/me/phone/verify/send', headers: u.auth })).statusCode,
      );
    expect(codes).toEqual([202, 202, 429]);
    const { rows } = await t.ctx.db.query(
      `SELECT count(*)::int AS n FROM outbox.events WHERE type = 'notification.requested' AND user_id = $1`,
      [u.id],
    );
    expect(rows[0]).toEqual({ n: 2 });
  });
});
