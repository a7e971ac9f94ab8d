import { randomInt, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highRateLimitEnv, loadConfig } from '../config.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { hasPg } from '../test-support/db.js';
import { post } from '../test-support/http.js';
import { registerUser, type TestUser } from '../test-support/users.js';
import { buildApp } from '../compose.js';

const REDIS_URL = process.env.VENDRA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** A random documentation-range address, so counters left in Redis by an earlier run never match. */
const randomIp = () => `198.18.${randomInt(256)}.${randomInt(1, 255)}`;

function expectRateLimited(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) {
  expect(res.statusCode).toBe(429);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({
    status: 429,
    code: 'rate_limited',
    type: 'urn:vendra:problem:rate_limited',
  });
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  return retryAfter;
}

describe('rate limits', () => {
  let t: TestApp;
  const apps: FastifyInstance[] = [];

  /** Another API on the same database and context with its own configuration (and its own limiter). */
  async function appWith(env: Record<string, string>): Promise<FastifyInstance> {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...highRateLimitEnv(), ...env });
    const app = await buildApp({ ...t.ctx, config });
    apps.push(app);
    return app;
  }
  const register = (app: FastifyInstance, remoteAddress: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/v1/auth/register',
      remoteAddress,
      headers,
      payload: {
        email: `${randomUUID()}@example.com`,
        password: 'correct horse battery staple',
        fullName: 'R L',
      },
    });

  beforeAll(async () => {
    t = await createTestApp(hasPg() ? 'pg' : 'pglite');
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await t.close();
  });

  it('lets at most RATE_LIMIT_REGISTER_PER_MIN of 25 registrations in a second from one address through', async () => {
    const app = await appWith({ RATE_LIMIT_REGISTER_PER_MIN: '5' });
    const ip = randomIp();
    const results = await Promise.all(Array.from({ length: 25 }, () => register(app, ip)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(5);
    const refused = results.filter((r) => r.statusCode !== 201);
    expect(refused).toHaveLength(20);
    for (const res of refused) expect(expectRateLimited(res)).toBeLessThanOrEqual(60);
    expect((await register(app, randomIp())).statusCode).toBe(201); // another address is not affected
  });

  it('limits login and refresh per address, whatever the credentials', async () => {
    const app = await appWith({ RATE_LIMIT_LOGIN_PER_MIN: '3', RATE_LIMIT_REFRESH_PER_MIN: '2' });
    const u = await registerUser(app);
    const ip = randomIp();
    const login = (remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        remoteAddress,
        payload: { email: u.email, password: u.password },
      });
    for (let i = 0; i < 3; i++) expect((await login(ip)).statusCode).toBe(200);
    expectRateLimited(await login(ip));
    expect((await login(randomIp())).statusCode).toBe(200);

    const refresh = () =>
      app.inject({
        method: 'POST',
        url: '/v1/auth/refresh',
        remoteAddress: ip,
        payload: { refreshToken: 'x' },
      });
    for (let i = 0; i < 2; i++) expect((await refresh()).statusCode).toBe(401);
    expectRateLimited(await refresh());
  });

  it('limits every money-moving POST per user and route; other users are not affected', async () => {
    const app = await appWith({ RATE_LIMIT_MONEY_PER_MIN: '3' });
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const wallet = randomUUID(); // not theirs: 404 until the limit, which counts every attempt
    const routes: [string, Record<string, unknown>][] = [
      ['/v1/transfers', { fromWalletId: wallet, to: { email: b.email }, amount: 100 }],
      [`/v1/wallets/${wallet}/deposits`, { amount: 100 }],
      [`/v1/wallets/${wallet}/withdrawals`, { amount: 100, bankCode: '058', accountNumber: '0123456789' }],
      [
        '/v1/bill-payments',
        {
          walletId: wallet,
          billerId: 'ikeja-electric',
          productCode: 'prepaid',
          customerRef: '1111111111111',
          amount: 1000,
        },
      ],
    ];
    for (const [url, body] of routes) {
      for (let i = 0; i < 3; i++) expect((await post(app, a, url, body)).statusCode).not.toBe(429);
      expectRateLimited(await post(app, a, url, body));
      expect((await post(app, b, url, body)).statusCode).not.toBe(429);
    }
    // Unauthenticated: 401 from authentication, before any limit.
    expect((await post(app, undefined, '/v1/transfers', routes[0]![1])).statusCode).toBe(401);
  });

  it('limits recipient lookups per user per day, provider lookups, token re-sends and stream tokens per user', async () => {
    const app = await appWith({
      RATE_LIMIT_LOOKUP_PER_DAY: '2',
      RATE_LIMIT_VALIDATE_PER_MIN: '2',
      RATE_LIMIT_RESEND_PER_HOUR: '2',
      RATE_LIMIT_STREAM_TOKEN_PER_MIN: '2',
    });
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const cases: [string, Record<string, unknown> | undefined, number][] = [
      ['/v1/recipients/resolve', { email: b.email }, 24 * 3600],
      ['/v1/billers/ikeja-electric/validate', { productCode: 'prepaid', customerRef: '1111111111111' }, 60],
      ['/v1/payout-accounts/resolve', { bankCode: '058', accountNumber: '0123456789' }, 60],
      [`/v1/bill-payments/${randomUUID()}/resend-token`, undefined, 3600],
      ['/v1/events/stream-token', undefined, 60],
      ['/v1/auth/stream-token', undefined, 60],
    ];
    const call = (user: TestUser, url: string, body: Record<string, unknown> | undefined) =>
      app.inject({ method: 'POST', url, headers: user.auth, ...(body ? { payload: body } : {}) });
    for (const [url, body, windowSeconds] of cases) {
      for (let i = 0; i < 2; i++) expect((await call(a, url, body)).statusCode).not.toBe(429);
      const retryAfter = expectRateLimited(await call(a, url, body));
      expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
      expect(retryAfter).toBeGreaterThan(windowSeconds / 2);
      expect((await call(b, url, body)).statusCode).not.toBe(429);
    }
  });

  it('limits recipient lookups per minute as well', async () => {
    const app = await appWith({ RATE_LIMIT_LOOKUP_PER_MIN: '2' });
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const lookup = () => post(app, a, '/v1/recipients/resolve', { email: b.email });
    for (let i = 0; i < 2; i++) expect((await lookup()).statusCode).toBe(200);
    expect(expectRateLimited(await lookup())).toBeLessThanOrEqual(60);
  });

  it('shares counters between API processes through Redis', async () => {
    const env = { REDIS_URL, RATE_LIMIT_REGISTER_PER_MIN: '3', RATE_LIMIT_LOOKUP_PER_MIN: '2' };
    const [one, two] = [await appWith(env), await appWith(env)];
    const ip = randomIp();
    expect((await register(one, ip)).statusCode).toBe(201);
    expect((await register(two, ip)).statusCode).toBe(201);
    expect((await register(one, ip)).statusCode).toBe(201);
    expectRateLimited(await register(two, ip));

    const [a, b] = [await registerUser(t.app), await registerUser(t.app)]; // t.app: not the low register limit
    expect((await post(one, a, '/v1/recipients/resolve', { email: b.email })).statusCode).toBe(200);
    expect((await post(two, a, '/v1/recipients/resolve', { email: b.email })).statusCode).toBe(200);
    expectRateLimited(await post(one, a, '/v1/recipients/resolve', { email: b.email }));
  });

  it('lets requests through, quickly, when Redis is down', async () => {
    const app = await appWith({ REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_REGISTER_PER_MIN: '1' });
    const ip = randomIp();
    const started = Date.now();
    for (let i = 0; i < 3; i++) expect((await register(app, ip)).statusCode).toBe(201);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  });

  it('counts the X-Forwarded-For client only from a trusted proxy', async () => {
    const app = await appWith({ TRUST_PROXY: '10.0.0.1', RATE_LIMIT_REGISTER_PER_MIN: '2' });
    // From an untrusted peer the header is ignored: rotating it does not escape the peer's limit.
    const peer = randomIp();
    for (let i = 0; i < 2; i++)
      expect((await register(app, peer, { 'x-forwarded-for': randomIp() })).statusCode).toBe(201);
    expectRateLimited(await register(app, peer, { 'x-forwarded-for': randomIp() }));
    // Through the trusted proxy, each client has its own counter.
    const client = randomIp();
    for (let i = 0; i < 3; i++)
      expect((await register(app, '10.0.0.1', { 'x-forwarded-for': randomIp() })).statusCode).toBe(201);
    for (let i = 0; i < 2; i++)
      expect((await register(app, '10.0.0.1', { 'x-forwarded-for': client })).statusCode).toBe(201);
    expectRateLimited(await register(app, '10.0.0.1', { 'x-forwarded-for': client }));
  });

  it('with TRUST_PROXY as a hop count, takes the client from the proxy, not the leftmost (spoofable) entry', async () => {
    const app = await appWith({ TRUST_PROXY: '1', RATE_LIMIT_REGISTER_PER_MIN: '1' });
    const client = randomIp();
    const proxy = randomIp();
    expect((await register(app, proxy, { 'x-forwarded-for': `${randomIp()}, ${client}` })).statusCode).toBe(
      201,
    );
    expectRateLimited(await register(app, proxy, { 'x-forwarded-for': `${randomIp()}, ${client}` }));
    expect((await register(app, proxy, { 'x-forwarded-for': randomIp() })).statusCode).toBe(201);
  });

  it('has no limiter at all with RATE_LIMITS=off', async () => {
    const app = await appWith({ RATE_LIMITS: 'off', RATE_LIMIT_REGISTER_PER_MIN: '1' });
    const ip = randomIp();
    for (let i = 0; i < 3; i++) expect((await register(app, ip)).statusCode).toBe(201);
  });
});
