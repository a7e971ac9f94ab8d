import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { registerUser } from '../test-support/users.js';
import { LOGIN_THROTTLE, pruneIdentity } from './index.js';

const PASSWORD = 'correct horse battery staple';

/** The refresh cookie from a response's set-cookie header, or undefined. */
function refreshCookie(res: { headers: Record<string, unknown> }): string | undefined {
  const header = res.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [String(header)] : [];
  const cookie = all.find((c: string) => c.startsWith('vendra_refresh='));
  return cookie?.split(';')[0]?.slice('vendra_refresh='.length);
}

describe.each(backends())('identity auth on %s', (backend) => {
  let t: TestApp;
  let ip = 0;
  /** A fresh client address per test, so per-IP throttling of one test never affects another. */
  const nextIp = () => `10.0.${Math.floor(++ip / 250)}.${ip % 250}`;
  const login = (email: string, password: string, remoteAddress = nextIp()) =>
    t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password }, remoteAddress });
  const me = (token: string) =>
    t.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } });
  const refresh = (opts: { body?: string; cookie?: string }) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      ...(opts.body ? { payload: { refreshToken: opts.body } } : {}),
      ...(opts.cookie ? { cookies: { vendra_refresh: opts.cookie } } : {}),
    });

  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers, returns a token pair and the refresh cookie, publishes user.registered, and serves /v1/me', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: { email: '  Ada.Lovelace@Example.COM ', password: PASSWORD, fullName: ' Ada   Lovelace ' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({
      email: 'ada.lovelace@example.com',
      fullName: 'Ada Lovelace',
      role: 'customer',
      status: 'active',
      phone: null,
    });
    expect(body.user.password_hash).toBeUndefined();
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain(`vendra_refresh=${body.refreshToken}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Path=\/v1\/auth/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/); // localhost
    expect(res.headers['cache-control']).toBe('no-store');

    const [, claims] = body.accessToken.split('.');
    const payload = JSON.parse(Buffer.from(claims, 'base64url').toString());
    expect(payload).toMatchObject({ sub: body.user.id, role: 'customer' });
    expect(payload.exp - payload.iat).toBe(900);
    expect(typeof payload.sid).toBe('string');

    const events = await t.ctx.db.query<{ type: string; payload: Record<string, unknown>; user_id: string }>(
      `SELECT type, payload, user_id FROM outbox.events WHERE user_id = $1`,
      [body.user.id],
    );
    expect(events.rows).toEqual([
      {
        type: 'user.registered',
        user_id: body.user.id,
        payload: {
          userId: body.user.id,
          email: 'ada.lovelace@example.com',
          fullName: 'Ada Lovelace',
          referredBy: null,
        },
      },
    ]);

    const who = await me(body.accessToken);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ id: body.user.id, email: 'ada.lovelace@example.com' });
  });

  it('sets the Secure flag on the cookie when not on localhost', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/register',
      headers: { host: 'api.vendra.example' },
      payload: { email: 'secure@example.com', password: PASSWORD, fullName: 'S' },
    });
    expect(res.statusCode).toBe(201);
    expect(String(res.headers['set-cookie'])).toMatch(/Secure/);
  });

  it('treats emails case-insensitively: 409 email_taken, and login with another case works', async () => {
    await registerUser(t.app, { email: 'grace@example.com' });
    const dup = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: { email: 'GRACE@Example.com', password: PASSWORD, fullName: 'Grace' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(dup.json().code).toBe('email_taken');
    const res = await login(' Grace@EXAMPLE.com', PASSWORD);
    expect(res.statusCode).toBe(200);
  });

  it('normalises phones to E.164 (Nigerian local numbers too) and rejects bad ones', async () => {
    const a = await registerUser(t.app, { phone: '0803 123-4567' });
    expect((await me(a.accessToken)).json().phone).toBe('+2348031234567');
    const dup = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: { email: 'other@example.com', password: PASSWORD, fullName: 'O', phone: '+234 803 123 4567' },
    });
    expect(dup.json().code).toBe('phone_taken');
    const b = await registerUser(t.app, { phone: '+1 (415) 555-2671' });
    expect((await me(b.accessToken)).json().phone).toBe('+14155552671');
    for (const phone of ['12345', 'phone', '+234123', '0803123456', '+0123456789']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/auth/register',
        payload: { email: 'p@example.com', password: PASSWORD, fullName: 'P', phone },
      });
      expect(res.statusCode, phone).toBe(400);
      expect(res.json().code, phone).toBe('invalid_phone');
    }
  });

  it('rejects weak passwords, bad emails and unknown fields with stable codes', async () => {
    const post = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/v1/auth/register', payload });
    const weak = [
      { email: 'w1@example.com', password: 'short', fullName: 'W' },
      { email: 'w2@example.com', password: '123456789', fullName: 'W' },
      { email: 'long.enough.local@example.com', password: 'Long.Enough.Local@example.com', fullName: 'W' },
      { email: 'long.enough.local@example.com', password: 'long.enough.local', fullName: 'W' },
      // Long enough, but among the first passwords anyone tries.
      { email: 'w3@example.com', password: '1234567890', fullName: 'W' },
      { email: 'w4@example.com', password: 'Password123!', fullName: 'W' },
    ];
    for (const payload of weak) {
      const res = await post(payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('weak_password');
    }
    expect((await post({ email: 'not-an-email', password: PASSWORD, fullName: 'W' })).json().code).toBe(
      'invalid_email',
    );
    const extra = await post({ email: 'x@example.com', password: PASSWORD, fullName: 'W', admin: true });
    expect(extra.json().code).toBe('unknown_field');
    expect((await post({ email: 'x@example.com', password: PASSWORD })).json().code).toBe(
      'validation_failed',
    );
    expect(
      (
        await post({ email: 'x@example.com', password: PASSWORD, fullName: 'W', referralCode: 'NOPE000000' })
      ).json().code,
    ).toBe('invalid_referral_code');
  });

  it('records who referred a user', async () => {
    const referrer = await registerUser(t.app);
    const code = (await me(referrer.accessToken)).json().referralCode;
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: {
        email: 'referred@example.com',
        password: PASSWORD,
        fullName: 'R',
        referralCode: code.toLowerCase(),
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user.referredBy).toBe(referrer.id);
  });

  it('answers an unknown email and a wrong password identically, in similar time', async () => {
    const u = await registerUser(t.app);
    /** The fastest of three attempts: the least disturbed by whatever else the machine is doing. */
    const timed = async (email: string) => {
      let best = Number.POSITIVE_INFINITY;
      let last: Awaited<ReturnType<typeof login>> | undefined;
      for (let i = 0; i < 3; i++) {
        const started = process.hrtime.bigint();
        last = await login(email, 'wrong password 123');
        best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
      }
      return { res: last!, ms: best };
    };
    await login('warmup@example.com', 'wrong password 123');
    const wrong = await timed(u.email);
    const unknown = await timed('nobody-here@example.com');
    for (const { res } of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('invalid_credentials');
      expect(res.json().detail).toBe('The email or password is wrong');
    }
    // Both paths run one argon2 verification of the same cost: neither is several times faster.
    expect(unknown.ms).toBeGreaterThan(wrong.ms / 3);
    expect(wrong.ms).toBeGreaterThan(unknown.ms / 3);
  });

  it('rotates refresh tokens (body) and revokes the whole family when a used one comes back', async () => {
    const u = await registerUser(t.app);
    const r1 = await refresh({ body: u.refreshToken });
    expect(r1.statusCode).toBe(200);
    const t2 = r1.json().refreshToken;
    expect(t2).not.toBe(u.refreshToken);
    const r2 = await refresh({ body: t2 });
    expect(r2.statusCode).toBe(200);
    const t3 = r2.json().refreshToken;
    const access3 = r2.json().accessToken;
    expect((await me(access3)).statusCode).toBe(200);

    const reused = await refresh({ body: u.refreshToken });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().code).toBe('refresh_token_reused');
    // The thief's and the victim's latest tokens are both dead now.
    const after = await refresh({ body: t3 });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('invalid_refresh_token');
    const denied = await me(access3);
    expect(denied.statusCode).toBe(401);
    expect(denied.json().code).toBe('invalid_token');
    // Another login of the same user is a different family and unaffected.
    expect((await login(u.email, u.password)).statusCode).toBe(200);
  });

  it('rotates refresh tokens through the cookie and detects reuse there too', async () => {
    const u = await registerUser(t.app);
    const logged = await login(u.email, u.password);
    const c1 = refreshCookie(logged)!;
    const r1 = await refresh({ cookie: c1 });
    expect(r1.statusCode).toBe(200);
    const c2 = refreshCookie(r1)!;
    expect(c2).toBe(r1.json().refreshToken);
    expect(c2).not.toBe(c1);
    const reused = await refresh({ cookie: c1 });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().code).toBe('refresh_token_reused');
    expect(String(reused.headers['set-cookie'])).toMatch(/vendra_refresh=;.*Max-Age=0/);
    expect((await refresh({ cookie: c2 })).statusCode).toBe(401);
    expect((await refresh({})).json().code).toBe('invalid_refresh_token');
    expect((await refresh({ body: 'garbage' })).json().code).toBe('invalid_refresh_token');
  });

  it('refuses an expired refresh token', async () => {
    const u = await registerUser(t.app);
    await t.ctx.db.query(
      `UPDATE identity.refresh_tokens SET expires_at = now() - interval '1 second'
       WHERE session_id IN (SELECT id FROM identity.sessions WHERE user_id = $1)`,
      [u.id],
    );
    const res = await refresh({ body: u.refreshToken });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('refresh_token_expired');
  });

  it('logs out: the session ends for refresh and access tokens, and the cookie is cleared', async () => {
    const u = await registerUser(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      cookies: { vendra_refresh: u.refreshToken },
    });
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/vendra_refresh=;.*Max-Age=0/);
    expect((await refresh({ body: u.refreshToken })).json().code).toBe('invalid_refresh_token');
    expect((await me(u.accessToken)).json().code).toBe('invalid_token');

    // Logout by bearer token alone, and logout with nothing: both 204.
    const v = await registerUser(t.app);
    const byBearer = await t.app.inject({ method: 'POST', url: '/v1/auth/logout', headers: v.auth });
    expect(byBearer.statusCode).toBe(204);
    expect((await me(v.accessToken)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/logout' })).statusCode).toBe(204);
  });

  it('throttles logins per account with Retry-After, and a success clears the account counter', async () => {
    const u = await registerUser(t.app);
    for (let i = 0; i < LOGIN_THROTTLE.maxFailuresPerAccount - 1; i++) {
      expect((await login(u.email, 'wrong password!')).statusCode).toBe(401);
    }
    expect((await login(u.email, u.password)).statusCode).toBe(200); // clears
    for (let i = 0; i < LOGIN_THROTTLE.maxFailuresPerAccount; i++) {
      expect((await login(u.email, 'wrong password!')).statusCode).toBe(401);
    }
    const blocked = await login(u.email, u.password); // even the right password, from a new IP
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('too_many_attempts');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_THROTTLE.windowMs / 1000);
    // Unknown emails are throttled the same way: no way to tell them apart.
    for (let i = 0; i < LOGIN_THROTTLE.maxFailuresPerAccount; i++) await login('ghost@example.com', 'x');
    expect((await login('ghost@example.com', 'x')).statusCode).toBe(429);
  });

  it('throttles logins per IP across accounts', async () => {
    const ipAddress = '192.0.2.77';
    for (let i = 0; i < LOGIN_THROTTLE.maxFailuresPerIp; i++) {
      expect((await login(`spray-${i}@example.com`, 'guess guess', ipAddress)).statusCode).toBe(401);
    }
    const blocked = await login('spray-final@example.com', 'guess guess', ipAddress);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('spray-final@example.com', 'guess guess', '192.0.2.78')).statusCode).toBe(401);
  });

  it('counts concurrent guesses against the limit while they are being checked', async () => {
    const u = await registerUser(t.app);
    const results = await Promise.all(
      Array.from({ length: 12 }, () => login(u.email, 'parallel guess')).map((p) =>
        p.then((r) => r.statusCode),
      ),
    );
    expect(results.filter((s) => s === 401).length).toBe(LOGIN_THROTTLE.maxFailuresPerAccount);
    expect(results.filter((s) => s === 429).length).toBe(12 - LOGIN_THROTTLE.maxFailuresPerAccount);
  });

  it('distinguishes missing, tampered and expired access tokens', async () => {
    const u = await registerUser(t.app);
    const missing = await t.app.inject({ method: 'GET', url: '/v1/me' });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().code).toBe('unauthorized');
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);

    const [h, p, s] = u.accessToken.split('.') as [string, string, string];
    const flipped = `${h}.${p}.${s.slice(0, -2)}${s.endsWith('AA') ? 'BB' : 'AA'}`;
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), role: 'admin' }),
    ).toString('base64url');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
    for (const token of [flipped, `${h}.${forgedPayload}.${s}`, none, 'not-a-jwt']) {
      const res = await me(token);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('invalid_token');
      expect(res.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    }

    const key = new TextEncoder().encode(t.ctx.config.jwtSecret);
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ role: claims.role, sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(u.id)
      .setIssuer('vendra')
      .setAudience('vendra-api')
      .setIssuedAt(now - 1000)
      .setExpirationTime(now - 100)
      .sign(key);
    const res = await me(expired);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('token_expired');
    expect(res.headers['www-authenticate']).toMatch(/error="invalid_token"/);

    const wrongKey = await new SignJWT({ role: 'admin', sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(u.id)
      .setIssuer('vendra')
      .setAudience('vendra-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(48)));
    expect((await me(wrongKey)).json().code).toBe('invalid_token');
  });

  it('issues 60-second stream tokens that are not bearer tokens', async () => {
    const u = await registerUser(t.app);
    const res = await t.app.inject({ method: 'POST', url: '/v1/auth/stream-token', headers: u.auth });
    expect(res.statusCode).toBe(200);
    expect(res.json().expiresIn).toBe(60);
    expect((await me(res.json().token)).json().code).toBe('invalid_token');
  });

  it('prunes old throttle records, long-expired refresh tokens and long-ended sessions', async () => {
    const u = await registerUser(t.app);
    await login(u.email, 'wrong password!', '203.0.113.9');
    const db = t.ctx.db;
    await db.exec(`
      UPDATE identity.login_failures SET failed_at = now() - interval '1 hour' WHERE subject = '203.0.113.9';
      UPDATE identity.refresh_tokens SET expires_at = now() - interval '2 days'
        WHERE session_id IN (SELECT id FROM identity.sessions WHERE user_id = '${u.id}');
      UPDATE identity.sessions SET expires_at = now() - interval '31 days' WHERE user_id = '${u.id}';`);
    expect(await db.transaction((tx) => pruneIdentity(tx))).toBeGreaterThanOrEqual(3);
    const left = await db.query(`SELECT 1 FROM identity.sessions WHERE user_id = $1`, [u.id]);
    expect(left.rowCount).toBe(0);
    const failures = await db.query(`SELECT 1 FROM identity.login_failures WHERE subject = '203.0.113.9'`);
    expect(failures.rowCount).toBe(0);
  });
});
