import type { Tx } from '../db/index.js';
import { EVENT_TYPE, subscribersOf } from './consumers.js';
import { stringifyJson } from './json.js';

/** The NOTIFY channel that wakes idle relays. */
export const OUTBOX_CHANNEL = 'vendra_outbox';
/** A select-list expression: NOTIFYs idle relays once when the statement wrote a delivery (CTE d). */
const NOTIFY_IF_DELIVERIES = `(SELECT count(*) FROM (SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM d LIMIT 1) n)`;
/** Largest serialised payload publish() accepts. Events are notifications, not blobs. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
const MAX_KEY_LENGTH = 200;
const MAX_USER_ID_LENGTH = 64;

export interface PublishInput {
  /** Dotted lower-case name, e.g. `user.registered`. */
  type: string;
  /** Optional business key (e.g. the aggregate id), for operators and tracing. */
  key?: string;
  /** Any JSON-serialisable value; bigint is written as a string. */
  payload: unknown;
  userId?: string;
  /** Deliver no earlier than this (default: now). */
  availableAt?: Date;
}

/**
 * Writes an event and one delivery per subscribed consumer in the caller's
 * transaction, and NOTIFYs idle relays (PostgreSQL sends it at commit, and
 * not at all on rollback). Returns the event id.
 */
export async function publish(tx: Tx, event: PublishInput): Promise<bigint> {
  if (!EVENT_TYPE.test(event.type) || event.type.length > 100) {
    throw new Error(`outbox: bad event type "${event.type}"`);
  }
  if (event.key !== undefined && event.key.length > MAX_KEY_LENGTH)
    throw new Error('outbox: key is too long');
  if (event.userId !== undefined && event.userId.length > MAX_USER_ID_LENGTH) {
    throw new Error('outbox: userId is too long');
  }
  const consumers = subscribersOf(event.type);
  const payload = stringifyJson(event.payload);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
    throw new Error(`outbox: payload of ${event.type} exceeds ${MAX_PAYLOAD_BYTES} bytes`);
  }
  // One round trip: the event, its deliveries and the NOTIFY (when there is a delivery).
  const { rows } = await tx.query<{ id: bigint }>(
    `WITH e AS (
       INSERT INTO outbox.events (type, key, payload, user_id) VALUES ($1, $2, $3::jsonb, $4) RETURNING id),
     d AS (
       INSERT INTO outbox.deliveries (event_id, consumer, available_at)
       SELECT e.id, c, COALESCE($6::timestamptz, now()) FROM e, unnest($5::text[]) AS c
       RETURNING 1)
     SELECT e.id, ${NOTIFY_IF_DELIVERIES} AS notified FROM e`,
    [event.type, event.key ?? null, payload, event.userId ?? null, consumers, event.availableAt ?? null],
  );
  return rows[0]!.id;
}

/** Advisory lock class for publishCoalesced (two-key form: its own lock space). */
const COALESCE_LOCK_CLASS = 7_411_003;

/**
 * Publishes the event unless an earlier one of the same type and key still
 * has a delivery outstanding (queued, waiting to retry or running): however
 * often a trigger fires, at most one job per key is outstanding. Concurrent
 * callers serialise on a transaction-scoped advisory lock on (type, key), so
 * two of them cannot both see "none" and both publish. Returns the new
 * event's id, or undefined when it was coalesced into the outstanding one.
 */
export async function publishCoalesced(
  tx: Tx,
  event: PublishInput & { key: string },
): Promise<bigint | undefined> {
  await tx.query('SELECT pg_advisory_xact_lock($1::int4, hashtext($2))', [
    COALESCE_LOCK_CLASS,
    `${event.type}|${event.key}`,
  ]);
  // Outstanding deliveries are few (this is what bounds them), and the partial index keeps them at hand.
  const { rows } = await tx.query(
    `SELECT 1 FROM outbox.deliveries d JOIN outbox.events e ON e.id = d.event_id
      WHERE d.status = 'pending' AND e.type = $1 AND e.key = $2 LIMIT 1`,
    [event.type, event.key],
  );
  if (rows.length > 0) return undefined;
  return publish(tx, event);
}

/**
 * Records that `consumer` applied `eventId`. Call it in the transaction that
 * writes the consumer's effect: it returns false when the event was already
 * applied, and the consumer then skips the effect (a redelivery after a crash).
 */
export async function markApplied(tx: Tx, consumer: string, eventId: bigint): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO outbox.applied (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [consumer, eventId],
  );
  return rowCount === 1;
}

/**
 * Publishes several events with one statement (the ledger batcher's writer),
 * whatever their number. Same rules as publish().
 */
export async function publishMany(tx: Tx, events: readonly PublishInput[]): Promise<void> {
  if (events.length === 0) return;
  const types: string[] = [];
  const keys: (string | null)[] = [];
  const payloads: string[] = [];
  const users: (string | null)[] = [];
  const availableAt: (Date | null)[] = [];
  const consumers: string[] = [];
  for (const event of events) {
    if (!EVENT_TYPE.test(event.type) || event.type.length > 100)
      throw new Error(`outbox: bad event type "${event.type}"`);
    const payload = stringifyJson(event.payload);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES)
      throw new Error(`outbox: payload of ${event.type} is too large`);
    types.push(event.type);
    keys.push(event.key?.slice(0, MAX_KEY_LENGTH) ?? null);
    payloads.push(payload);
    users.push(event.userId ?? null);
    availableAt.push(event.availableAt ?? null);
    consumers.push(subscribersOf(event.type).join(','));
  }
  await tx.query(
    `WITH e AS (
       INSERT INTO outbox.events (type, key, payload, user_id)
       SELECT t, k, p::jsonb, u FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(t, k, p, u)
       RETURNING id, type),
     d AS (
       INSERT INTO outbox.deliveries (event_id, consumer, available_at)
       SELECT e.id, c, now() FROM e
         JOIN unnest($1::text[], $5::text[]) AS s(t, cs) ON s.t = e.type
         CROSS JOIN LATERAL unnest(string_to_array(NULLIF(s.cs, ''), ',')) AS c
       GROUP BY e.id, c
       RETURNING 1)
     SELECT ${NOTIFY_IF_DELIVERIES} AS notified`,
    [types, keys, payloads, users, consumers],
  );
}
