import { randomUUID } from 'node:crypto';
import client from 'prom-client';
import { coalesce, type Db } from '../db/index.js';
import type { Logger } from '../log.js';
import type { Task } from '../worker/scheduler.js';
import { type Consumer, type ConsumerResult, DEFAULT_MAX_ATTEMPTS, type OutboxEvent } from './consumers.js';
import { keepListening } from './listen.js';
import { OUTBOX_CHANNEL } from './publish.js';

const deliveriesTotal = new client.Counter({
  name: 'vendra_outbox_deliveries_total',
  help: 'Outbox deliveries handled, by consumer and outcome (done, retry, dead, lease_lost)',
  labelNames: ['consumer', 'outcome'] as const,
});
const handleSeconds = new client.Histogram({
  name: 'vendra_outbox_handle_seconds',
  help: 'Time a consumer spent on one delivery',
  labelNames: ['consumer'] as const,
  buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
});
const lagSeconds = new client.Histogram({
  name: 'vendra_outbox_first_attempt_lag_seconds',
  help: 'Time from publish to the start of the first attempt',
  buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
});

export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 5 * 60_000;
const MAX_ERROR_LENGTH = 2000;
const MAX_RETRY_DELAY_MS = 7 * 24 * 3_600_000;

export interface RelayOptions {
  log: Logger;
  /** How long a claimed delivery stays leased; a crashed worker's deliveries are claimed again after it. */
  leaseMs?: number;
  /** A handler still running after this counts as failed (must be below leaseMs). Default leaseMs / 2. */
  handlerTimeoutMs?: number;
  /** Handlers running at once (per runOnce, and in the worker's pipeline). Default 16. */
  concurrency?: number;
  /** Deliveries claimed per runOnce when no limit is passed. Default 64. */
  batchSize?: number;
  /** Fallback poll interval of the Task when no NOTIFY arrives (due retries, lost notifications). */
  pollIntervalMs?: number;
  /** How often the LISTEN connection is checked. */
  listenCheckIntervalMs?: number;
  /** Source of jitter, for tests. */
  random?: () => number;
}

export interface OutboxRelay {
  /** Claims up to `limit` due deliveries, runs them, records the outcomes. Returns how many it handled. */
  runOnce(limit?: number): Promise<number>;
  /** The worker Task: polls every pollIntervalMs and is woken at once by NOTIFY on vendra_outbox. */
  task: Task;
}

interface Claimed {
  event_id: bigint;
  consumer: string;
  attempts: number;
  last_error: string | null;
  type: string;
  key: string | null;
  payload: unknown;
  user_id: string | null;
  created_at: Date;
}

type Outcome =
  | { kind: 'done' }
  | { kind: 'retry'; delayMs: number; error: string }
  | { kind: 'dead'; error: string };

/**
 * Exponential backoff with "equal jitter": half the exponential delay plus a
 * random share of the other half, capped. attempt starts at 1.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  return Math.round(exp / 2 + (exp / 2) * random());
}

function bounded(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`outbox relay: ${name} must be an integer between ${min} and ${max}`);
  }
  return value;
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}

/** Runs fn over items with at most `limit` running at once. */
async function forEachConcurrent<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  });
  await Promise.all(lanes);
}

/** Rejects when the promise has not settled after ms. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`handler timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/**
 * Claims due deliveries for the given consumers with FOR UPDATE SKIP LOCKED
 * (concurrent relays take disjoint rows; no high-water mark, so events whose
 * ids committed out of order are never skipped), leases them until
 * now() + leaseMs and counts the attempt.
 */
export async function claimDeliveries(
  db: Db,
  consumers: readonly string[],
  limit: number,
  leaseMs: number,
  leaseId: string,
): Promise<Claimed[]> {
  // One statement is its own transaction: one round trip instead of BEGIN, claim, COMMIT.
  const { rows } = await db.query<Claimed>(
    `WITH due AS (
       SELECT event_id, consumer FROM outbox.deliveries
       WHERE status = 'pending' AND available_at <= now()
         AND (locked_until IS NULL OR locked_until <= now())
         AND consumer = ANY($1::text[])
       ORDER BY available_at, event_id
       LIMIT $2
       FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE outbox.deliveries d
       SET locked_until = now() + $3::int * interval '1 millisecond', lease_id = $4, attempts = d.attempts + 1
       FROM due WHERE d.event_id = due.event_id AND d.consumer = due.consumer
       RETURNING d.event_id, d.consumer, d.attempts, d.last_error
     )
     SELECT c.event_id, c.consumer, c.attempts, c.last_error, e.type, e.key, e.payload, e.user_id, e.created_at
     FROM claimed c JOIN outbox.events e ON e.id = c.event_id
     ORDER BY c.event_id`,
    [consumers, limit, leaseMs, leaseId],
  );
  return rows;
}

interface Completion {
  row: Claimed;
  leaseId: string;
  outcome: Outcome;
}

/**
 * Records many outcomes with one statement, each only while its lease still
 * holds; returns, per completion, false when the lease was lost. done and dead
 * close the delivery, retry puts it back with its delay.
 */
async function completeMany(db: Db, completions: readonly Completion[]): Promise<boolean[]> {
  const { rows } = await db.query<{ event_id: bigint; consumer: string; lease_id: string }>(
    `UPDATE outbox.deliveries d
        SET status = CASE WHEN v.kind = 'retry' THEN d.status ELSE v.kind END,
            completed_at = CASE WHEN v.kind = 'retry' THEN d.completed_at ELSE now() END,
            available_at = CASE WHEN v.kind = 'retry'
              THEN now() + v.delay_ms * interval '1 millisecond' ELSE d.available_at END,
            locked_until = NULL, lease_id = NULL, last_error = v.error
       FROM unnest($1::bigint[], $2::text[], $3::uuid[], $4::text[], $5::bigint[], $6::text[])
         AS v(event_id, consumer, lease_id, kind, delay_ms, error)
      WHERE d.event_id = v.event_id AND d.consumer = v.consumer AND d.lease_id = v.lease_id
      RETURNING d.event_id, d.consumer, v.lease_id`,
    [
      completions.map((c) => String(c.row.event_id)),
      completions.map((c) => c.row.consumer),
      completions.map((c) => c.leaseId),
      completions.map((c) => c.outcome.kind),
      completions.map((c) => (c.outcome.kind === 'retry' ? c.outcome.delayMs : 0)),
      completions.map((c) => (c.outcome.kind === 'done' ? null : c.outcome.error)),
    ],
  );
  const kept = new Set(rows.map((r) => `${r.event_id}|${r.consumer}|${r.lease_id}`));
  return completions.map((c) => kept.has(`${c.row.event_id}|${c.row.consumer}|${c.leaseId}`));
}

function isResult(value: unknown): value is ConsumerResult {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as { status?: unknown; delayMs?: unknown };
  if (r.status === 'done') return true;
  return (
    r.status === 'retry' &&
    typeof r.delayMs === 'number' &&
    Number.isFinite(r.delayMs) &&
    r.delayMs >= 0 &&
    r.delayMs <= MAX_RETRY_DELAY_MS
  );
}

interface HandleSettings {
  handlerTimeoutMs: number;
  log: RelayOptions['log'];
  random: () => number;
  /** Records one outcome (gathered with others into one statement); false when the lease was lost. */
  complete: (completion: Completion) => Promise<boolean>;
}

/** Decides what happens to one claimed delivery. */
async function handle(row: Claimed, consumer: Consumer, settings: HandleSettings): Promise<Outcome> {
  const { handlerTimeoutMs, log, random } = settings;
  const max = consumer.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (max > 0 && row.attempts > max) {
    // The previous attempt's lease expired without an outcome (crash or hang).
    const error = `lease expired without an outcome after ${row.attempts - 1} attempts; last error: ${row.last_error ?? 'none'}`;
    return { kind: 'dead', error: error.slice(0, MAX_ERROR_LENGTH) };
  }
  if (row.attempts === 1) lagSeconds.observe((Date.now() - row.created_at.getTime()) / 1000);
  const event: OutboxEvent = {
    id: row.event_id,
    type: row.type,
    key: row.key,
    payload: row.payload,
    userId: row.user_id,
    createdAt: row.created_at,
  };
  const stop = handleSeconds.startTimer({ consumer: consumer.name });
  let retry: { delayMs: number; error: string };
  try {
    const result: unknown = await withTimeout(consumer.handle(event, row.attempts), handlerTimeoutMs);
    if (!isResult(result)) throw new Error('handler returned an invalid ConsumerResult');
    if (result.status === 'done') return { kind: 'done' };
    retry = {
      delayMs: Math.round(result.delayMs),
      error: (result.reason ?? 'retry requested').slice(0, 2000),
    };
  } catch (error) {
    log.warn(
      { err: error, consumer: consumer.name, eventId: String(row.event_id), attempt: row.attempts },
      'outbox handler failed',
    );
    retry = { delayMs: backoffMs(row.attempts, random), error: describeError(error) };
  } finally {
    stop();
  }
  if (max > 0 && row.attempts >= max) return { kind: 'dead', error: retry.error };
  return { kind: 'retry', ...retry };
}

/** Handles one claimed delivery and records its outcome. */
async function processDelivery(
  row: Claimed,
  leaseId: string,
  consumer: Consumer,
  settings: HandleSettings,
): Promise<void> {
  const { log } = settings;
  const outcome = await handle(row, consumer, settings);
  try {
    const kept = await settings.complete({ row, leaseId, outcome });
    deliveriesTotal.inc({ consumer: row.consumer, outcome: kept ? outcome.kind : 'lease_lost' });
    if (!kept) {
      log.warn(
        { consumer: row.consumer, eventId: String(row.event_id) },
        'outbox lease expired before the outcome was recorded; the delivery will run again',
      );
    } else if (outcome.kind === 'dead') {
      log.error(
        { consumer: row.consumer, eventId: String(row.event_id), error: outcome.error },
        'outbox delivery is dead',
      );
    }
  } catch (error) {
    log.error(
      { err: error, consumer: row.consumer, eventId: String(row.event_id) },
      'could not record the outbox outcome; the lease will expire and the delivery will run again',
    );
  }
}

/**
 * The relay: claims due deliveries, runs the consumers' handlers with bounded
 * concurrency and records done / retry / dead. Safe to run in several
 * processes at once.
 */
export function createOutboxRelay(
  db: Db,
  consumers: readonly Consumer[],
  options: RelayOptions,
): OutboxRelay {
  const { log } = options;
  const leaseMs = bounded('leaseMs', options.leaseMs ?? 60_000, 50, 3_600_000);
  const handlerTimeoutMs = bounded(
    'handlerTimeoutMs',
    options.handlerTimeoutMs ?? Math.floor(leaseMs / 2),
    10,
    leaseMs - 1,
  );
  const concurrency = bounded('concurrency', options.concurrency ?? 16, 1, 1024);
  const batchSize = bounded('batchSize', options.batchSize ?? 64, 1, 1000);
  const pollIntervalMs = bounded('pollIntervalMs', options.pollIntervalMs ?? 1000, 10, 600_000);
  const random = options.random ?? Math.random;
  const byName = new Map(consumers.map((c) => [c.name, c]));
  const names = [...byName.keys()];
  // Outcomes finishing together are recorded together: one UPDATE for many deliveries.
  const complete = coalesce((completions: Completion[]) => completeMany(db, completions), {
    maxItems: 1000,
    maxInFlight: 2,
  });
  const settings: HandleSettings = { handlerTimeoutMs, log, random, complete };
  const process = (row: Claimed, leaseId: string) =>
    processDelivery(row, leaseId, byName.get(row.consumer)!, settings);

  /** Claims a batch and handles all of it before returning (tests, and callers that want a barrier). */
  async function runOnce(limit: number = batchSize): Promise<number> {
    if (names.length === 0) return 0;
    const leaseId = randomUUID();
    const claimed = await claimDeliveries(db, names, bounded('limit', limit, 1, 1000), leaseMs, leaseId);
    await forEachConcurrent(claimed, concurrency, (row) => process(row, leaseId));
    return claimed.length;
  }

  // The worker's pipeline: claim whenever a handler slot is free, so one slow
  // handler (a provider timing out) never holds up the deliveries behind it.
  const inFlight = new Set<Promise<void>>();
  let wakeTask: (() => void) | undefined;
  async function pump(): Promise<number> {
    if (names.length === 0) return 0;
    const free = concurrency - inFlight.size;
    if (free <= 0) {
      await Promise.race(inFlight);
      // Outcomes are recorded in batches, so handlers finish in bunches: let the
      // bunch settle and claim for all the free slots at once.
      await new Promise((resolve) => setImmediate(resolve));
      return 1;
    }
    const leaseId = randomUUID();
    const claimed = await claimDeliveries(db, names, Math.min(batchSize, free), leaseMs, leaseId);
    for (const row of claimed) {
      const running: Promise<void> = process(row, leaseId).finally(() => {
        inFlight.delete(running);
        wakeTask?.();
      });
      inFlight.add(running);
    }
    return claimed.length;
  }

  const task: Task = {
    name: 'outbox-relay',
    intervalMs: pollIntervalMs,
    run: () => pump(),
    async start(wake) {
      wakeTask = wake;
      const stopListening = await keepListening(db, OUTBOX_CHANNEL, wake, {
        log,
        onReconnect: wake,
        checkIntervalMs: options.listenCheckIntervalMs,
      });
      return async () => {
        await stopListening();
        // Let running handlers record their outcome (each is bounded by handlerTimeoutMs).
        await Promise.allSettled([...inFlight]);
      };
    },
  };
  return { runOnce, task };
}
