import type { Db, Tx } from '../db/index.js';
import { AppError } from '../errors/index.js';
import type { Logger } from '../log.js';
import { toJsonSafe, stringifyJson } from './json.js';
import { keepListening } from './listen.js';

/** The NOTIFY channel carrying live events to API processes (for SSE). */
export const EVENTS_CHANNEL = 'vendra_events';
/** NOTIFY payloads must stay under 8000 bytes; we stay well below. */
export const MAX_LIVE_EVENT_BYTES = 4000;

/** A live event as subscribers receive it. `truncated` means data was too large: refetch. */
export interface LiveEvent {
  userId: string;
  type: string;
  data: unknown;
  at: string;
  truncated?: true;
}

/**
 * Sends a small live event to the user's open streams, at commit of `tx` (and
 * not at all on rollback). Data that would make the payload larger than
 * MAX_LIVE_EVENT_BYTES is dropped and the event marked `truncated`, so the
 * client knows to refetch. bigint values are sent as strings.
 */
export async function notifyUser(tx: Tx, userId: string, type: string, data: unknown): Promise<void> {
  await notifyUsers(tx, [{ userId, type, data }]);
}

/** At most this many live events in one notifyUsers call. */
export const MAX_LIVE_EVENTS_PER_CALL = 100;

/** Several live events, in order, with one statement; the same rules as notifyUser. */
export async function notifyUsers(
  tx: Tx,
  events: readonly { userId: string; type: string; data: unknown }[],
): Promise<void> {
  if (events.length === 0) return;
  if (events.length > MAX_LIVE_EVENTS_PER_CALL) throw new Error('notifyUsers: too many events');
  const at = new Date().toISOString();
  const payloads = events.map(({ userId, type, data }) => {
    if (userId.length === 0 || userId.length > 64) throw new Error('notifyUser: bad userId');
    if (type.length === 0 || type.length > 100) throw new Error('notifyUser: bad type');
    const payload = stringifyJson({ userId, type, data: toJsonSafe(data ?? null), at });
    return Buffer.byteLength(payload) > MAX_LIVE_EVENT_BYTES
      ? stringifyJson({ userId, type, data: null, at, truncated: true })
      : payload;
  });
  // unnest yields the payloads in array order, so they are sent in that order.
  await tx.query('SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p', [EVENTS_CHANNEL, payloads]);
}

export interface EventHubOptions {
  /** Most open subscriptions per user (browser tabs). Default 10. */
  maxPerUser?: number;
  /** Most open subscriptions in this process. Default 10,000. */
  maxTotal?: number;
  /** How often the LISTEN connection is checked. */
  listenCheckIntervalMs?: number;
  /** Called after the LISTEN connection was re-established: events sent meanwhile were missed. */
  onReconnect?: () => void;
}

export interface EventHub {
  /** Calls fn for each live event of userId until the returned function is called. 429 when full. */
  subscribe(userId: string, fn: (event: LiveEvent) => void): () => void;
  /** Open subscriptions in this process. */
  readonly size: number;
  close(): Promise<void>;
}

function parseLiveEvent(payload: string): LiveEvent | undefined {
  try {
    const e = JSON.parse(payload) as Partial<LiveEvent>;
    return typeof e.userId === 'string' && typeof e.type === 'string' && typeof e.at === 'string'
      ? (e as LiveEvent)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The API process's fan-out: one LISTEN on vendra_events, dispatching each
 * event to the subscribers of its userId. Subscriber exceptions are logged and
 * never affect other subscribers.
 */
export async function createEventHub(db: Db, log: Logger, options: EventHubOptions = {}): Promise<EventHub> {
  const maxPerUser = options.maxPerUser ?? 10;
  const maxTotal = options.maxTotal ?? 10_000;
  const byUser = new Map<string, Set<(event: LiveEvent) => void>>();
  let size = 0;

  const dispatch = (payload: string) => {
    const event = parseLiveEvent(payload);
    if (!event) {
      log.warn('ignoring a malformed live event');
      return;
    }
    for (const fn of byUser.get(event.userId) ?? []) {
      try {
        fn(event);
      } catch (error) {
        log.error({ err: error }, 'live event subscriber failed');
      }
    }
  };
  const stop = await keepListening(db, EVENTS_CHANNEL, dispatch, {
    log,
    checkIntervalMs: options.listenCheckIntervalMs,
    onReconnect: options.onReconnect,
  });

  return {
    subscribe(userId, fn) {
      const set = byUser.get(userId) ?? new Set();
      if (set.size >= maxPerUser || size >= maxTotal) {
        throw new AppError('too_many_streams', 'Too many live event streams are open; close one first');
      }
      // Wrap so that subscribing the same function twice yields two independent subscriptions.
      const entry = (event: LiveEvent) => fn(event);
      set.add(entry);
      byUser.set(userId, set);
      size++;
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        if (set.delete(entry)) size--;
        if (set.size === 0 && byUser.get(userId) === set) byUser.delete(userId);
      };
    },
    get size() {
      return size;
    },
    async close() {
      byUser.clear();
      size = 0;
      await stop();
    },
  };
}
