/**
 * Consumers and the static subscription map. The map is defined once per
 * process at startup (API, worker and CLI alike: every process that
 * publishes), so that publish() knows which delivery rows to create.
 */

/** An event as a consumer receives it. */
export interface OutboxEvent<P = unknown> {
  id: bigint;
  type: string;
  key: string | null;
  payload: P;
  userId: string | null;
  createdAt: Date;
}

export type ConsumerResult = { status: 'done' } | { status: 'retry'; delayMs: number; reason?: string };

export interface Consumer {
  /** Stable name, stored with each delivery: renaming a consumer orphans its pending deliveries. */
  name: string;
  /** Event types this consumer receives. */
  types: string[];
  /** Attempts before the delivery goes to `dead`; 0 = never give up. Default 20. */
  maxAttempts?: number;
  /**
   * Handles one delivery. `attempt` starts at 1. Throwing counts as a retry
   * with exponential backoff. Write effects in a transaction together with
   * markApplied() so a redelivery (after a crash) does nothing twice.
   */
  handle(event: OutboxEvent, attempt: number): Promise<ConsumerResult>;
}

export const DEFAULT_MAX_ATTEMPTS = 20;
const MAX_MAX_ATTEMPTS = 1000;
const CONSUMER_NAME = /^[a-z][a-z0-9_.-]{0,63}$/;
export const EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

let subscriptions: Map<string, string[]> | undefined;

/**
 * Defines this process's subscription map (replacing any earlier one) and
 * validates the consumers: unique names, known-good event types, sane limits.
 * Returns the consumers for convenience.
 */
export function defineConsumers(consumers: readonly Consumer[]): readonly Consumer[] {
  const map = new Map<string, string[]>();
  const names = new Set<string>();
  for (const c of consumers) {
    if (!CONSUMER_NAME.test(c.name)) throw new Error(`outbox: bad consumer name "${c.name}"`);
    if (names.has(c.name)) throw new Error(`outbox: consumer "${c.name}" is defined twice`);
    names.add(c.name);
    if (c.types.length === 0) throw new Error(`outbox: consumer "${c.name}" subscribes to no event type`);
    const max = c.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isInteger(max) || max < 0 || max > MAX_MAX_ATTEMPTS) {
      throw new Error(`outbox: consumer "${c.name}" maxAttempts must be 0..${MAX_MAX_ATTEMPTS}`);
    }
    for (const type of new Set(c.types)) {
      if (!EVENT_TYPE.test(type))
        throw new Error(`outbox: consumer "${c.name}" has bad event type "${type}"`);
      map.set(type, [...(map.get(type) ?? []), c.name]);
    }
  }
  subscriptions = map;
  return consumers;
}

/** True once defineConsumers() has run in this process. */
export function consumersDefined(): boolean {
  return subscriptions !== undefined;
}

/**
 * Names of the consumers subscribed to a type. Throws when the process never
 * defined its consumers: publishing then would silently create no deliveries.
 */
export function subscribersOf(type: string): readonly string[] {
  if (!subscriptions) {
    throw new Error('outbox: defineConsumers() must be called at startup before anything is published');
  }
  return subscriptions.get(type) ?? [];
}
