import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDb } from '../db/pg.js';
import type { Db } from '../db/index.js';
import { backends, createTestDb, type TestDb } from '../test-support/db.js';
import { startScheduler } from '../worker/scheduler.js';
import {
  backoffMs,
  type Consumer,
  type ConsumerResult,
  createEventHub,
  createOutboxRelay,
  defineConsumers,
  keepListening,
  type LiveEvent,
  listDeadLetters,
  markApplied,
  notifyUser,
  notifyUsers,
  type OutboxEvent,
  publish,
  pruneOutbox,
  retryDeadLetter,
  toJsonSafe,
} from './index.js';
import { MAX_LIVE_EVENTS_PER_CALL } from './live-events.js';
import { claimDeliveries } from './relay.js';

const log = pino({ level: 'silent' });

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}

/** A consumer whose handler is replaceable per test; records what it saw. */
function recorder(name: string, types: string[], maxAttempts?: number) {
  const seen: { event: OutboxEvent; attempt: number }[] = [];
  let impl: (event: OutboxEvent, attempt: number) => Promise<ConsumerResult> = async () => ({
    status: 'done',
  });
  const consumer: Consumer = {
    name,
    types,
    maxAttempts,
    async handle(event, attempt) {
      seen.push({ event, attempt });
      return impl(event, attempt);
    },
  };
  return {
    consumer,
    seen,
    set(fn: typeof impl) {
      impl = fn;
    },
  };
}

async function deliveries(db: Db) {
  const { rows } = await db.query<{
    event_id: bigint;
    consumer: string;
    status: string;
    attempts: number;
    last_error: string | null;
  }>(
    'SELECT event_id, consumer, status, attempts, last_error FROM outbox.deliveries ORDER BY event_id, consumer',
  );
  return rows;
}

it('refuses to publish before the process defined its consumers', async () => {
  const t = await createTestDb('pglite');
  try {
    await expect(t.db.transaction((tx) => publish(tx, { type: 'a.b', payload: {} }))).rejects.toThrow(
      /defineConsumers/,
    );
  } finally {
    await t.drop();
  }
});

describe('defineConsumers', () => {
  it('rejects duplicate names, bad types and bad limits', () => {
    const c = (over: Partial<Consumer>): Consumer => ({
      name: 'x',
      types: ['a.b'],
      handle: async () => ({ status: 'done' }),
      ...over,
    });
    expect(() => defineConsumers([c({}), c({})])).toThrow(/twice/);
    expect(() => defineConsumers([c({ types: ['NoDot'] })])).toThrow(/bad event type/);
    expect(() => defineConsumers([c({ types: [] })])).toThrow(/no event type/);
    expect(() => defineConsumers([c({ maxAttempts: -1 })])).toThrow(/maxAttempts/);
    expect(() => defineConsumers([c({ name: 'Bad Name' })])).toThrow(/bad consumer name/);
  });
});

describe('backoffMs', () => {
  it('grows exponentially from 500 ms, is capped at 5 min and jittered within [exp/2, exp]', () => {
    expect(backoffMs(1, () => 0)).toBe(250);
    expect(backoffMs(1, () => 1)).toBe(500);
    expect(backoffMs(2, () => 1)).toBe(1000);
    expect(backoffMs(5, () => 0.5)).toBe(6000);
    expect(backoffMs(40, () => 1)).toBe(300_000);
    expect(backoffMs(40, () => 0)).toBe(150_000);
  });
});

describe.each(backends())('outbox on %s', (backend) => {
  let t: TestDb;
  let db: Db;
  beforeAll(async () => {
    t = await createTestDb(backend);
    db = t.db;
    await db.exec('CREATE TABLE public.effects (consumer text, event_id bigint)');
  });
  afterAll(async () => {
    await t.drop();
  });
  const reset = async () => {
    await db.exec(
      'DELETE FROM outbox.deliveries; DELETE FROM outbox.applied; DELETE FROM outbox.events; DELETE FROM public.effects;',
    );
  };
  /** Makes every pending delivery due now (skips backoff waits). */
  const makeDue = () => db.exec(`UPDATE outbox.deliveries SET available_at = now() WHERE status = 'pending'`);

  it('delivers each event once per subscribed consumer, in the publisher transaction only', async () => {
    await reset();
    const a = recorder('a', ['user.registered', 'wallet.created']);
    const b = recorder('b', ['user.registered']);
    defineConsumers([a.consumer, b.consumer]);
    const relay = createOutboxRelay(db, [a.consumer, b.consumer], { log });

    const id = await db.transaction((tx) =>
      publish(tx, {
        type: 'user.registered',
        key: 'u1',
        payload: { amount: 12345678901234567890n, nested: [1n] },
        userId: 'u1',
      }),
    );
    await db.transaction((tx) => publish(tx, { type: 'wallet.created', payload: { x: 1 } }));
    await db.transaction((tx) => publish(tx, { type: 'nobody.listens', payload: {} }));
    await expect(
      db.transaction(async (tx) => {
        await publish(tx, { type: 'user.registered', payload: {} });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    expect(await relay.runOnce()).toBe(3);
    expect(await relay.runOnce()).toBe(0);
    expect(a.seen.map((s) => s.event.type).sort()).toEqual(['user.registered', 'wallet.created']);
    expect(b.seen).toHaveLength(1);
    const got = b.seen[0]!;
    expect(got.attempt).toBe(1);
    expect(got.event).toMatchObject({ id, type: 'user.registered', key: 'u1', userId: 'u1' });
    expect(got.event.payload).toEqual({ amount: '12345678901234567890', nested: ['1'] });
    expect(toJsonSafe({ v: 5n, d: new Date(0) })).toEqual({ v: '5', d: '1970-01-01T00:00:00.000Z' });
    const rows = await deliveries(db);
    expect(rows.map((r) => r.status)).toEqual(['done', 'done', 'done']);
    const events = await db.query<{ n: bigint }>('SELECT count(*) AS n FROM outbox.events');
    expect(events.rows[0]!.n).toBe(3n); // the unsubscribed event is stored too
  });

  it('honours availableAt', async () => {
    await reset();
    const a = recorder('a', ['job.later']);
    defineConsumers([a.consumer]);
    const relay = createOutboxRelay(db, [a.consumer], { log });
    await db.transaction((tx) =>
      publish(tx, { type: 'job.later', payload: {}, availableAt: new Date(Date.now() + 60_000) }),
    );
    expect(await relay.runOnce()).toBe(0);
    await makeDue();
    expect(await relay.runOnce()).toBe(1);
  });

  it('redelivers after a crashed worker lease expires, and markApplied makes the effect happen once', async () => {
    await reset();
    const name = 'effects';
    const applyEffect = async (event: OutboxEvent) =>
      db.transaction(async (tx) => {
        if (!(await markApplied(tx, name, event.id))) return false;
        await tx.query('INSERT INTO public.effects (consumer, event_id) VALUES ($1, $2)', [name, event.id]);
        return true;
      });
    const rec = recorder(name, ['order.placed']);
    const results: boolean[] = [];
    rec.set(async (event) => {
      results.push(await applyEffect(event));
      return { status: 'done' };
    });
    defineConsumers([rec.consumer]);
    await db.transaction((tx) => publish(tx, { type: 'order.placed', payload: { n: 1 } }));

    // Worker 1 claims with a short lease, applies the effect, then "crashes" before recording the outcome.
    const claimed = await claimDeliveries(db, [name], 10, 100, '00000000-0000-4000-8000-000000000001');
    expect(claimed).toHaveLength(1);
    const row = claimed[0]!;
    expect(await applyEffect({ ...row, id: row.event_id } as unknown as OutboxEvent)).toBe(true);

    const relay = createOutboxRelay(db, [rec.consumer], { log, leaseMs: 100 });
    expect(await relay.runOnce()).toBe(0); // still leased
    await sleep(150);
    expect(await relay.runOnce()).toBe(1);
    expect(rec.seen[0]!.attempt).toBe(2);
    expect(results).toEqual([false]);
    const effects = await db.query<{ n: bigint }>('SELECT count(*) AS n FROM public.effects');
    expect(effects.rows[0]!.n).toBe(1n);
    expect((await deliveries(db))[0]).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('retries with the delay the consumer asks for, and with backoff when it throws', async () => {
    await reset();
    const rec = recorder('requery', ['payment.pending']);
    rec.set(async (_e, attempt) =>
      attempt === 1 ? { status: 'retry', delayMs: 300, reason: 'provider says pending' } : { status: 'done' },
    );
    defineConsumers([rec.consumer]);
    const relay = createOutboxRelay(db, [rec.consumer], { log, random: () => 0 });
    await db.transaction((tx) => publish(tx, { type: 'payment.pending', payload: {} }));
    expect(await relay.runOnce()).toBe(1);
    expect(await relay.runOnce()).toBe(0);
    expect((await deliveries(db))[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'provider says pending',
    });
    await sleep(350);
    expect(await relay.runOnce()).toBe(1);
    expect(rec.seen.map((s) => s.attempt)).toEqual([1, 2]);
    expect((await deliveries(db))[0]).toMatchObject({ status: 'done', last_error: null });

    // A thrown error: backoff of attempt 1 with zero jitter is 250 ms.
    await reset();
    rec.set(async () => {
      throw new Error('boom');
    });
    await db.transaction((tx) => publish(tx, { type: 'payment.pending', payload: {} }));
    expect(await relay.runOnce()).toBe(1);
    const { rows } = await db.query<{ ms: number; last_error: string }>(
      `SELECT (extract(epoch FROM available_at - now()) * 1000)::float8 AS ms, last_error FROM outbox.deliveries`,
    );
    expect(rows[0]!.last_error).toBe('Error: boom');
    expect(rows[0]!.ms).toBeGreaterThan(150);
    expect(rows[0]!.ms).toBeLessThanOrEqual(260);
  });

  it('sends a delivery to dead after maxAttempts; an operator can list and retry it', async () => {
    await reset();
    const rec = recorder('fragile', ['thing.happened'], 3);
    rec.set(async (_e, attempt) => {
      throw new Error(`failure ${attempt}`);
    });
    defineConsumers([rec.consumer]);
    const relay = createOutboxRelay(db, [rec.consumer], { log });
    await db.transaction((tx) => publish(tx, { type: 'thing.happened', payload: { p: 1 } }));
    for (let i = 0; i < 3; i++) {
      await makeDue();
      expect(await relay.runOnce()).toBe(1);
    }
    await makeDue();
    expect(await relay.runOnce()).toBe(0);
    expect((await deliveries(db))[0]).toMatchObject({
      status: 'dead',
      attempts: 3,
      last_error: 'Error: failure 3',
    });

    const page = await db.transaction((tx) => listDeadLetters(tx, { consumer: 'fragile' }));
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({ consumer: 'fragile', type: 'thing.happened', attempts: 3 });
    expect(page.nextCursor).toBeNull();

    rec.set(async () => ({ status: 'done' }));
    const eventId = BigInt(page.data[0]!.eventId);
    expect(await db.transaction((tx) => retryDeadLetter(tx, eventId, 'fragile'))).toBe(true);
    expect(await db.transaction((tx) => retryDeadLetter(tx, eventId, 'fragile'))).toBe(false);
    expect(await relay.runOnce()).toBe(1);
    expect((await deliveries(db))[0]).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('a delivery whose lease keeps expiring goes dead once attempts are spent', async () => {
    await reset();
    const rec = recorder('crashy', ['thing.happened'], 1);
    defineConsumers([rec.consumer]);
    await db.transaction((tx) => publish(tx, { type: 'thing.happened', payload: {} }));
    await claimDeliveries(db, ['crashy'], 10, 50, '00000000-0000-4000-8000-000000000002');
    await sleep(80);
    const relay = createOutboxRelay(db, [rec.consumer], { log });
    expect(await relay.runOnce()).toBe(1);
    expect(rec.seen).toHaveLength(0);
    const row = (await deliveries(db))[0]!;
    expect(row.status).toBe('dead');
    expect(row.last_error).toMatch(/lease expired/);
  });

  it('maxAttempts 0 never gives up', async () => {
    await reset();
    const rec = recorder('forever', ['thing.happened'], 0);
    rec.set(async () => ({ status: 'retry', delayMs: 0 }));
    defineConsumers([rec.consumer]);
    const relay = createOutboxRelay(db, [rec.consumer], { log });
    await db.transaction((tx) => publish(tx, { type: 'thing.happened', payload: {} }));
    for (let i = 0; i < 25; i++) expect(await relay.runOnce()).toBe(1);
    expect((await deliveries(db))[0]).toMatchObject({ status: 'pending', attempts: 25 });
  });

  it('a handler that hangs past handlerTimeoutMs is retried', async () => {
    await reset();
    const rec = recorder('slow', ['thing.happened']);
    rec.set(() => new Promise(() => {}));
    defineConsumers([rec.consumer]);
    const relay = createOutboxRelay(db, [rec.consumer], { log, leaseMs: 1000, handlerTimeoutMs: 50 });
    await db.transaction((tx) => publish(tx, { type: 'thing.happened', payload: {} }));
    expect(await relay.runOnce()).toBe(1);
    expect((await deliveries(db))[0]!.last_error).toMatch(/timed out after 50 ms/);
  });

  it('is woken by NOTIFY: publish-to-handle latency is milliseconds, not the poll interval', async () => {
    await reset();
    const rec = recorder('fast', ['thing.happened']);
    defineConsumers([rec.consumer]);
    const relay = createOutboxRelay(db, [rec.consumer], { log, pollIntervalMs: 600_000 });
    let runs = 0;
    const task = {
      ...relay.task,
      run: async () => {
        runs++;
        return relay.task.run();
      },
    };
    const scheduler = startScheduler([task], log);
    try {
      await waitFor(() => runs >= 1); // first run done, now asleep for 10 minutes
      await sleep(50);
      const started = Date.now();
      await db.transaction((tx) => publish(tx, { type: 'thing.happened', payload: {} }));
      await waitFor(() => rec.seen.length === 1, 3000);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await scheduler.stop();
    }
  });

  it('prunes done deliveries, their events and applied markers after the retention, bounded per run', async () => {
    await reset();
    const ok = recorder('ok', ['thing.happened']);
    const bad = recorder('bad', ['thing.failed'], 1);
    bad.set(async () => {
      throw new Error('no');
    });
    defineConsumers([ok.consumer, bad.consumer]);
    const relay = createOutboxRelay(db, [ok.consumer, bad.consumer], { log });
    for (let i = 0; i < 5; i++) {
      await db.transaction(async (tx) => {
        const id = await publish(tx, { type: 'thing.happened', payload: { i } });
        await markApplied(tx, 'ok', id);
      });
    }
    await db.transaction((tx) => publish(tx, { type: 'thing.failed', payload: {} }));
    expect(await relay.runOnce()).toBe(6);
    const day = 24 * 3_600_000;
    expect(await db.transaction((tx) => pruneOutbox(tx, { retentionMs: 7 * day }))).toBe(0);
    await db.exec(`
      UPDATE outbox.deliveries SET completed_at = now() - interval '8 days';
      UPDATE outbox.events SET created_at = now() - interval '8 days';
      UPDATE outbox.applied SET applied_at = now() - interval '8 days';`);
    await db.transaction((tx) => publish(tx, { type: 'thing.happened', payload: { fresh: true } }));
    // batchSize 2: at most 2 deliveries, 2 markers, 2 events per run.
    expect(await db.transaction((tx) => pruneOutbox(tx, { retentionMs: 7 * day, batchSize: 2 }))).toBe(6);
    let total = 6;
    for (;;) {
      const n = await db.transaction((tx) => pruneOutbox(tx, { retentionMs: 7 * day, batchSize: 2 }));
      if (n === 0) break;
      total += n;
    }
    expect(total).toBe(15); // 5 deliveries + 5 markers + 5 events
    const left = await db.query<{ type: string }>('SELECT type FROM outbox.events ORDER BY id');
    expect(left.rows.map((r) => r.type)).toEqual(['thing.failed', 'thing.happened']); // dead + fresh survive
    expect((await db.query('SELECT 1 FROM outbox.applied')).rowCount).toBe(0);
  });

  it('notifyUser fans live events out to that user only, at commit', async () => {
    const hub = await createEventHub(db, log, { maxPerUser: 2 });
    try {
      const got: LiveEvent[] = [];
      const other: LiveEvent[] = [];
      const off = hub.subscribe('user-1', (e) => got.push(e));
      hub.subscribe('user-2', (e) => other.push(e));
      await db.transaction((tx) => notifyUser(tx, 'user-1', 'wallet.credited', { amount: 500n }));
      await expect(
        db.transaction(async (tx) => {
          await notifyUser(tx, 'user-1', 'never.sent', {});
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      await db.transaction((tx) => notifyUser(tx, 'user-1', 'big.event', { blob: 'x'.repeat(10_000) }));
      await waitFor(() => got.length === 2);
      expect(got[0]).toMatchObject({ userId: 'user-1', type: 'wallet.credited', data: { amount: '500' } });
      expect(got[1]).toMatchObject({ type: 'big.event', data: null, truncated: true });
      expect(other).toHaveLength(0);

      hub.subscribe('user-1', () => {});
      expect(() => hub.subscribe('user-1', () => {})).toThrow(/Too many/);
      off();
      off();
      expect(hub.size).toBe(2);
    } finally {
      await hub.close();
    }
  });
  it('notifyUsers sends several live events with one statement, in order, each to its user', async () => {
    const hub = await createEventHub(db, log);
    try {
      const got: LiveEvent[] = [];
      const other: LiveEvent[] = [];
      hub.subscribe('user-a', (e) => got.push(e));
      hub.subscribe('user-b', (e) => other.push(e));
      await notifyUsers(db, [
        { userId: 'user-a', type: 'first.one', data: { n: 1 } },
        { userId: 'user-b', type: 'for.b', data: {} },
        { userId: 'user-a', type: 'second.one', data: { n: 2 } },
        { userId: 'user-a', type: 'too.big', data: { blob: 'x'.repeat(10_000) } },
      ]);
      await waitFor(() => got.length === 3 && other.length === 1);
      expect(got.map((e) => e.type)).toEqual(['first.one', 'second.one', 'too.big']);
      expect(got[2]).toMatchObject({ data: null, truncated: true });
      expect(other[0]).toMatchObject({ userId: 'user-b', type: 'for.b' });
      await expect(
        notifyUsers(
          db,
          Array.from({ length: MAX_LIVE_EVENTS_PER_CALL + 1 }, () => ({ userId: 'u', type: 't', data: {} })),
        ),
      ).rejects.toThrow(/too many/);
    } finally {
      await hub.close();
    }
  });
});

describe.runIf(backends().includes('pg'))('outbox on PostgreSQL with several workers', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('pg');
  });
  afterAll(async () => {
    await t.drop();
  });

  it('two relays racing never run the same delivery at once, and together run each exactly once', async () => {
    const running = new Set<string>();
    const runs = new Map<string, number>();
    let overlaps = 0;
    const consumer: Consumer = {
      name: 'racer',
      types: ['race.event'],
      async handle(event) {
        const id = String(event.id);
        if (running.has(id)) overlaps++;
        running.add(id);
        await sleep(Math.random() * 3);
        running.delete(id);
        runs.set(id, (runs.get(id) ?? 0) + 1);
        return { status: 'done' };
      },
    };
    defineConsumers([consumer]);
    const n = 300;
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < n; i++) await publish(tx, { type: 'race.event', payload: { i } });
    });
    const db1 = createPgDb({ url: t.url!, poolSize: 8 });
    const db2 = createPgDb({ url: t.url!, poolSize: 8 });
    try {
      const r1 = createOutboxRelay(db1, [consumer], { log, batchSize: 20, concurrency: 8 });
      const r2 = createOutboxRelay(db2, [consumer], { log, batchSize: 20, concurrency: 8 });
      const drain = async (relay: typeof r1) => {
        let handled = 0;
        for (;;) {
          const k = await relay.runOnce();
          if (k === 0) return handled;
          handled += k;
        }
      };
      const [h1, h2] = await Promise.all([drain(r1), drain(r2)]);
      expect(h1 + h2).toBe(n);
      expect(h1).toBeGreaterThan(0);
      expect(h2).toBeGreaterThan(0);
      expect(overlaps).toBe(0);
      expect(runs.size).toBe(n);
      expect([...runs.values()].every((v) => v === 1)).toBe(true);
    } finally {
      await db1.close();
      await db2.close();
    }
  });

  it('re-establishes a LISTEN connection that was killed', async () => {
    let wakes = 0;
    const stop = await keepListening(t.db, 'vendra_outbox', () => wakes++, { log, checkIntervalMs: 50 });
    try {
      const killed = await t.db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
      );
      expect(killed.rowCount).toBeGreaterThan(0);
      await sleep(300); // the watchdog notices the missed ping and resubscribes
      const before = wakes;
      await t.db.query(`SELECT pg_notify('vendra_outbox', '')`);
      await waitFor(() => wakes > before, 3000);
    } finally {
      await stop();
    }
  });
});
