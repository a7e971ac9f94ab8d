import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { hasPg } from '../test-support/db.js';
import { registerUser, type TestUser } from '../test-support/users.js';
import { LOGIN_THROTTLE, throttleDelayMs } from './throttle.js';

const { maxFailuresPerAccount, maxFailuresPerIp, firstDelayMs, windowMs } = LOGIN_THROTTLE;

describe('throttleDelayMs', () => {
  it('is 0 below the limit, then doubles from firstDelayMs up to the window', () => {
    expect(throttleDelayMs(maxFailuresPerAccount - 1, maxFailuresPerAccount)).toBe(0);
    expect(throttleDelayMs(5, 5)).toBe(firstDelayMs);
    expect(throttleDelayMs(6, 5)).toBe(2 * firstDelayMs);
    expect(throttleDelayMs(7, 5)).toBe(4 * firstDelayMs);
    expect(throttleDelayMs(500, 5)).toBe(windowMs);
  });
});

describe('login throttling cannot lock the owner out', () => {
  let t: TestApp;
  let n = 0;
  /** A fresh address per call, unique to this run. */
  const nextIp = () => `198.51.${100 + (++n % 100)}.${randomInt(1, 255)}`;
  const login = (email: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password }, remoteAddress });
  const fail = (u: TestUser, ip: string) => login(u.email, 'wrong password!', ip);
  /** Moves one address's recorded failures on every account back in time, as if it had waited. */
  const age = (ip: string, ms: number) =>
    t.ctx.db.query(
      `UPDATE identity.login_failures SET failed_at = failed_at - $2::bigint * interval '1 millisecond'
       WHERE client = $1 OR (scope = 'ip' AND subject = $1)`,
      [ip, ms],
    );

  beforeAll(async () => {
    t = await createTestApp(hasPg() ? 'pg' : 'pglite');
  });
  afterAll(async () => {
    await t.close();
  });

  it('throttles an attacking address while the owner logs in from another at once', async () => {
    const u = await registerUser(t.app);
    const attacker = nextIp();
    for (let i = 0; i < maxFailuresPerAccount; i++) expect((await fail(u, attacker)).statusCode).toBe(401);
    for (let i = 0; i < 5; i++) {
      const blocked = await login(u.email, u.password, attacker); // even with the right password
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().code).toBe('too_many_attempts');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect((await login(u.email, u.password, nextIp())).statusCode).toBe(200); // a new device
    expect((await fail(u, attacker)).statusCode).toBe(429); // the owner's success does not free the attacker
  });

  it('makes each address wait longer after every further failure on the account', async () => {
    const u = await registerUser(t.app);
    const ip = nextIp();
    for (let i = 0; i < maxFailuresPerAccount; i++) expect((await fail(u, ip)).statusCode).toBe(401);
    let expected = firstDelayMs;
    for (let round = 0; round < 3; round++) {
      const blocked = await fail(u, ip);
      expect(blocked.statusCode).toBe(429);
      const retryAfter = Number(blocked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(expected / 1000 - 5);
      expect(retryAfter).toBeLessThanOrEqual(expected / 1000);
      await age(ip, expected + 1000); // the wait is over: one more guess is allowed, then a longer wait
      expect((await fail(u, ip)).statusCode).toBe(401);
      expected *= 2;
    }
    expect(Number((await fail(u, ip)).headers['retry-after'])).toBeGreaterThan(expected / 1000 - 5);
  });

  it('holds back unknown addresses, never a known one, when failures come from many addresses', async () => {
    const u = await registerUser(t.app);
    const home = nextIp();
    expect((await login(u.email, u.password, home)).statusCode).toBe(200); // the owner's device is known
    for (let i = 0; i < maxFailuresPerAccount; i++) expect((await fail(u, nextIp())).statusCode).toBe(401);
    const blocked = await login(u.email, u.password, nextIp());
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(firstDelayMs / 1000);
    expect((await login(u.email, u.password, home)).statusCode).toBe(200);
  });

  it('throttles one address across accounts, with growing delays', async () => {
    const ip = nextIp();
    for (let i = 0; i < maxFailuresPerIp; i++) {
      expect((await login(`spray-${i}-${ip}@example.com`, 'guess guess', ip)).statusCode).toBe(401);
    }
    const first = await login('spray-last@example.com', 'guess guess', ip);
    expect(first.statusCode).toBe(429);
    expect(Number(first.headers['retry-after'])).toBeLessThanOrEqual(firstDelayMs / 1000);
    await age(ip, firstDelayMs + 1000);
    expect((await login('spray-last@example.com', 'guess guess', ip)).statusCode).toBe(401);
    const second = await login('spray-last@example.com', 'guess guess', ip);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(firstDelayMs / 1000);
  });

  it('counts an IPv6 client per /64', async () => {
    const u = await registerUser(t.app);
    const prefix = `2001:db8:${randomInt(0xffff).toString(16)}:1`;
    for (let i = 1; i <= maxFailuresPerAccount; i++)
      expect((await fail(u, `${prefix}::${i}`)).statusCode).toBe(401);
    expect((await fail(u, `${prefix}::99`)).statusCode).toBe(429);
    expect((await login(u.email, u.password, `2001:db8:ffff:2::1`)).statusCode).toBe(200);
  });
});
