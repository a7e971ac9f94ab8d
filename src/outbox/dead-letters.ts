import type { Tx } from '../db/index.js';
import { decodeCursorAs, encodeCursor, pageSize } from '../http/pagination.js';
import { OUTBOX_CHANNEL } from './publish.js';

export interface DeadLetter {
  eventId: string;
  consumer: string;
  type: string;
  key: string | null;
  payload: unknown;
  userId: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deadAt: Date | null;
}

/**
 * Keys whose values are credentials (a reset link, a one-time code, a token): an
 * operator reading a dead letter sees that they were there, never what they were.
 */
const SECRET_KEYS = new Set(['link', 'code', 'token', 'otp', 'pin', 'password', 'secret']);
const MAX_REDACT_DEPTH = 8;

/** The payload with every credential-named value replaced, at any depth. */
export function redactPayload(value: unknown, depth = 0): unknown {
  if (depth > MAX_REDACT_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactPayload(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      SECRET_KEYS.has(k.toLowerCase()) ? '[redacted]' : redactPayload(v, depth + 1),
    ]),
  );
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Dead deliveries, oldest event first, optionally for one consumer. limit <= 100. */
export async function listDeadLetters(
  tx: Tx,
  options: { consumer?: string; limit?: number; cursor?: string } = {},
): Promise<Page<DeadLetter>> {
  const limit = pageSize(options.limit);
  let after: [string, string] = ['0', ''];
  if (options.cursor !== undefined) {
    const [eventId, consumer] = decodeCursorAs(options.cursor, ['seq', 'key']);
    after = [eventId!, consumer!];
  }
  const { rows } = await tx.query<{
    event_id: bigint;
    consumer: string;
    type: string;
    key: string | null;
    payload: unknown;
    user_id: string | null;
    attempts: number;
    last_error: string | null;
    created_at: Date;
    completed_at: Date | null;
  }>(
    `SELECT d.event_id, d.consumer, e.type, e.key, e.payload, e.user_id, d.attempts, d.last_error,
            e.created_at, d.completed_at
     FROM outbox.deliveries d JOIN outbox.events e ON e.id = d.event_id
     WHERE d.status = 'dead' AND ($1::text IS NULL OR d.consumer = $1)
       AND (d.event_id, d.consumer) > ($2::bigint, $3::text)
     ORDER BY d.event_id, d.consumer
     LIMIT $4`,
    [options.consumer ?? null, after[0], after[1], limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: page.map((r) => ({
      eventId: String(r.event_id),
      consumer: r.consumer,
      type: r.type,
      key: r.key,
      payload: redactPayload(r.payload),
      userId: r.user_id,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at,
      deadAt: r.completed_at,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([String(last.event_id), last.consumer]) : null,
  };
}

/**
 * Puts a dead delivery back in the queue with a fresh attempt budget (an
 * operator fixed the cause). Returns false when no such dead delivery exists.
 */
export async function retryDeadLetter(tx: Tx, eventId: bigint, consumer: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE outbox.deliveries
     SET status = 'pending', attempts = 0, available_at = now(), locked_until = NULL, lease_id = NULL,
         completed_at = NULL
     WHERE event_id = $1 AND consumer = $2 AND status = 'dead'`,
    [eventId, consumer],
  );
  if (rowCount === 1) await tx.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
  return rowCount === 1;
}
