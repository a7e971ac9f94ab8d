import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, closeContext, createContext } from '../compose.js';
import { highRateLimitEnv, loadConfig } from '../config.js';
import { createPgDb } from '../db/pg.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends, hasPg } from '../test-support/db.js';
import { fund, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser } from '../test-support/users.js';
import { claimMany, type IdempotencyClaim } from './index.js';

const claim = (key = randomUUID(), requestHash = 'hash-a'): IdempotencyClaim => ({
  scope: 'user:batch-test',
  key,
  requestHash,
});

describe.each(backends())('idempotency claims inside the ledger batch on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, {}, { worker: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('claims fresh keys, replays done ones, refuses another body, and tells an in-flight claim apart from a stale one', async () => {
    const done = claim();
    const busy = claim();
    const stale = claim();
    await t.ctx.db.query(
      `INSERT INTO idempotency.keys (scope, key, request_hash, status, response_status, response_body, completed_at)
       VALUES ($1, $2, $3, 'done', 201, '{"id":"x"}', now())`,
      [done.scope, done.key, done.requestHash],
    );
    await t.ctx.db.query(
      `INSERT INTO idempotency.keys (scope, key, request_hash, status) VALUES ($1, $2, $3, 'in_progress')`,
      [busy.scope, busy.key, busy.requestHash],
    );
    await t.ctx.db.query(
      `INSERT INTO idempotency.keys (scope, key, request_hash, status, locked_at)
       VALUES ($1, $2, $3, 'in_progress', now() - interval '10 minutes')`,
      [stale.scope, stale.key, stale.requestHash],
    );
    const fresh = claim();
    const verdicts = await t.ctx.db.transaction((tx) =>
      claimMany(tx, [
        fresh,
        done,
        { ...done, requestHash: 'hash-b' },
        busy,
        stale,
        { ...fresh }, // the same key twice in one batch
      ]),
    );
    expect(verdicts).toEqual([
      undefined,
      { kind: 'replay', status: 201, body: '{"id":"x"}' },
      { kind: 'reused' },
      { kind: 'in_progress' },
      undefined,
      { kind: 'in_progress' },
    ]);
    const { rows } = await t.ctx.db.query<{ key: string; fresh_lock: boolean }>(
      `SELECT key, locked_at > now() - interval '1 minute' AS fresh_lock FROM idempotency.keys WHERE key = ANY($1)`,
      [[fresh.key, stale.key]],
    );
    expect(rows.map((r) => r.fresh_lock)).toEqual([true, true]); // inserted, and taken over
  });

  it('a retry of a transfer that went through replays it, even once its recipient is frozen', async () => {
    const a = await registerUser(t.app);
    const b = await registerUser(t.app);
    const wa = await walletOf(t.app, a);
    const wb = await walletOf(t.app, b);
    await fund(t.app, a, wa.id, 10_000);
    const key = randomUUID();
    const body = { fromWalletId: wa.id, to: { walletId: wb.id }, amount: 700 };
    const first = await post(t.app, a, '/v1/transfers', body, key);
    expect(first.statusCode).toBe(201);
    const operator = await registerStaff(t.app, t.ctx.db, 'operator');
    const frozen = await post(t.app, operator, `/v1/admin/users/${b.id}/freeze`, { reason: 'check' }, null);
    expect(frozen.statusCode).toBe(200);
    const again = await post(t.app, a, '/v1/transfers', body, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(first.body);
    // A new request to the frozen person is refused, and saves nothing for its key.
    const fresh = randomUUID();
    const refused = await post(t.app, a, '/v1/transfers', body, fresh);
    expect([refused.statusCode, refused.json().code]).toEqual([404, 'recipient_not_found']);
    const { rows } = await t.ctx.db.query('SELECT 1 FROM idempotency.keys WHERE key = $1', [fresh]);
    expect(rows).toHaveLength(0);
    expect((await walletOf(t.app, a)).balance).toBe(10_000 - 700);
  });
});

describe.skipIf(!hasPg())('idempotency across API processes on pg', () => {
  let t: TestApp;
  let other: Awaited<ReturnType<typeof otherApi>>;

  /** A second API on the same database: its own pool, batcher and in-flight keys. */
  async function otherApi(url: string) {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...highRateLimitEnv() });
    const db = createPgDb({ url, poolSize: 8 });
    const ctx = await createContext(config, pino({ level: 'silent' }), { db, providers: false });
    const app = await buildApp(ctx);
    return {
      app,
      async close() {
        await app.close();
        await closeContext(ctx);
      },
    };
  }

  beforeAll(async () => {
    t = await createTestApp('pg', {}, { worker: true });
    other = await otherApi(t.testDb.url as string);
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('the same key sent to two processes at once moves money once; every answer is that transfer or 409', async () => {
    const a = await registerUser(t.app);
    const b = await registerUser(t.app);
    const wa = await walletOf(t.app, a);
    const wb = await walletOf(t.app, b);
    await fund(t.app, a, wa.id, 100_000);
    for (let round = 0; round < 5; round++) {
      const key = randomUUID();
      const body = { fromWalletId: wa.id, to: { walletId: wb.id }, amount: 1_000 };
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          post(i % 2 === 0 ? t.app : other.app, a, '/v1/transfers', body, key),
        ),
      );
      const created = answers.filter((r) => r.statusCode === 201);
      expect(answers.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
      expect(created.length).toBeGreaterThanOrEqual(1);
      expect(new Set(created.map((r) => r.json().id)).size).toBe(1);
    }
    expect((await walletOf(t.app, a)).balance).toBe(100_000 - 5 * 1_000);
    expect((await walletOf(t.app, b)).balance).toBe(5 * 1_000);
  });
});
