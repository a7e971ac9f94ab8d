/**
 * The transactional outbox: publish events in your transaction, consume them
 * at least once in the worker (deduplicate with markApplied), and fan small
 * live events out to users' open streams.
 */
export {
  type Consumer,
  type ConsumerResult,
  consumersDefined,
  DEFAULT_MAX_ATTEMPTS,
  defineConsumers,
  type OutboxEvent,
} from './consumers.js';
export { type DeadLetter, listDeadLetters, type Page, retryDeadLetter } from './dead-letters.js';
export { bigintReplacer, stringifyJson, toJsonSafe } from './json.js';
export { keepListening } from './listen.js';
export {
  createEventHub,
  EVENTS_CHANNEL,
  type EventHub,
  type EventHubOptions,
  type LiveEvent,
  MAX_LIVE_EVENT_BYTES,
  MAX_LIVE_EVENTS_PER_CALL,
  notifyUser,
  notifyUsers,
} from './live-events.js';
export { createOutboxPruneTask, DEFAULT_RETENTION_MS, type PruneOptions, pruneOutbox } from './prune.js';
export {
  markApplied,
  publishCoalesced,
  MAX_PAYLOAD_BYTES,
  OUTBOX_CHANNEL,
  type PublishInput,
  publish,
  publishMany,
} from './publish.js';
export { backoffMs, createOutboxRelay, type OutboxRelay, type RelayOptions } from './relay.js';
