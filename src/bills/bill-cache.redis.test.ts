/**
 * The bills cache against a real Redis: a redis-server of this test's own (a free port, no
 * persistence), never the machine's shared one. The entries are really in Redis; when Redis
 * stops, GET /v1/bills/due keeps answering (from the database, without asking the provider),
 * and the fallback is logged and counted.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import client from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { get, post } from '../test-support/http.js';
import { lineSink } from '../test-support/logs.js';
import { registerUser } from '../test-support/users.js';
import { BILL_CACHE_PREFIX } from './bill-cache.js';
import { FAST_PROVIDER_ENV } from './testing.js';

const binary = process.env.VENDRA_TEST_REDIS_SERVER ?? '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { stdio: 'ignore' },
  );
  const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0 });
  probe.on('error', () => {});
  for (let i = 0; i < 100; i++) {
    try {
      await probe.connect().catch(() => {});
      if ((await probe.ping()) === 'PONG') break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  probe.disconnect();
  return child;
}

const fallbacks = async () =>
  ((await client.register.getSingleMetric('vendra_bill_cache_fallbacks_total')?.get())?.values ?? []).reduce(
    (n, v) => n + v.value,
    0,
  );

describe.skipIf(!binary)('bills cache in a real Redis', () => {
  let redis: ChildProcess;
  let port: number;
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    t = await createTestApp(
      'pglite',
      { ...FAST_PROVIDER_ENV, REDIS_URL: `redis://127.0.0.1:${port}`, BILL_CACHE_TTL_MS: '60000' },
      { providers: true, log: createLogger('warn', false, lineSink(lines)) },
    );
  });
  afterAll(async () => {
    await t?.close();
    if (redis && redis.exitCode === null) redis.kill('SIGKILL');
  });

  const verifyCalls = () =>
    (t.ctx.providers?.sims ?? []).reduce(
      (n, sim) => n + sim.calls().filter((c) => c.endpoint === '/api/merchant-verify').length,
      0,
    );

  it('keeps the bills in Redis, and answers from the database when Redis stops', async () => {
    const u = await registerUser(t.app);
    const linked = await post(
      t.app,
      u,
      '/v1/linked-accounts',
      { billerId: 'lagos-water', productCode: 'postpaid', customerRef: '6060606060' },
      null,
    );
    expect(linked.statusCode, linked.body).toBe(201);
    const first = (await get(t.app, u, '/v1/bills/due')).json();
    expect(first.totals).toEqual([{ currency: 'NGN', amountDue: 230_000 }]);

    const reader = new Redis(port, '127.0.0.1');
    try {
      const key = `${BILL_CACHE_PREFIX}${linked.json().id}`;
      const stored = JSON.parse((await reader.get(key)) as string);
      expect(stored.bills).toEqual([
        expect.objectContaining({ amountDue: '230000', dueDate: first.data[0].dueDate }),
      ]);
      const ttl = await reader.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    } finally {
      reader.disconnect();
    }
    const calls = verifyCalls();
    expect((await get(t.app, u, '/v1/bills/due')).json()).toEqual(first);
    expect(verifyCalls()).toBe(calls);

    const before = await fallbacks();
    const exited = new Promise((r) => redis.once('exit', r));
    redis.kill('SIGKILL');
    await exited;
    const during = await get(t.app, u, '/v1/bills/due');
    expect(during.statusCode).toBe(200);
    expect(during.json()).toEqual(first); // from the database: still fresh, the provider not asked
    expect(verifyCalls()).toBe(calls);
    expect(await fallbacks()).toBeGreaterThan(before);
    expect(lines.join('')).toContain('bills cache (Redis) unavailable');
  });
});
