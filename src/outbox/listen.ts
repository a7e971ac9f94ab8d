import { randomUUID } from 'node:crypto';
import type { Db } from '../db/index.js';
import type { Logger } from '../log.js';

/** Payloads that start with this are the watchdog's own pings, never passed on. */
export const PING_PREFIX = '__vendra_ping:';

export interface KeepListeningOptions {
  log: Logger;
  /** How often the watchdog pings its own channel; a missed ping means resubscribe. */
  checkIntervalMs?: number;
  /** Called after a resubscription: messages may have been missed meanwhile. */
  onReconnect?: () => void;
  /**
   * Called as soon as the subscription is known to be lost (the connection
   * failed or closed, or a ping went missing), before resubscribing: from
   * then until onReconnect, messages may be missed.
   */
  onLost?: () => void;
}

/**
 * LISTENs on a channel and keeps listening: a dedicated LISTEN connection can
 * die silently (server restart, network), so every checkIntervalMs we NOTIFY
 * a ping to ourselves and, if the previous ping never arrived, subscribe
 * again. A connection that reports its own failure is resubscribed at once
 * (then every checkIntervalMs until that succeeds). Returns the function that
 * stops listening.
 */
export async function keepListening(
  db: Db,
  channel: string,
  onMessage: (payload: string) => void,
  options: KeepListeningOptions,
): Promise<() => Promise<void>> {
  const checkIntervalMs = options.checkIntervalMs ?? 30_000;
  let awaitedPing: string | undefined;
  let stopped = false;
  let checking = false;
  /** The current subscription is gone (reported, or a ping went missing); onLost was called. */
  let lost = false;
  const handler = (payload: string) => {
    if (payload.startsWith(PING_PREFIX)) {
      if (payload === awaitedPing) awaitedPing = undefined;
      return;
    }
    onMessage(payload);
  };
  const markLost = () => {
    if (lost || stopped) return;
    lost = true;
    options.onLost?.();
  };
  // A subscription that reports its own loss is replaced at once, not at the next check.
  const onConnectionLost = () => {
    markLost();
    void check();
  };
  let unlisten: (() => Promise<void>) | undefined = await db.listen(channel, handler, onConnectionLost);

  const resubscribe = async () => {
    markLost();
    await unlisten?.().catch(() => {});
    unlisten = undefined;
    const fresh = await db.listen(channel, handler, onConnectionLost);
    if (stopped) {
      await fresh().catch(() => {});
      return;
    }
    unlisten = fresh;
    lost = false;
    options.log.warn({ channel }, 'LISTEN connection was lost and has been re-established');
    options.onReconnect?.();
  };
  const check = async () => {
    if (checking || stopped) return;
    checking = true;
    try {
      if (lost || awaitedPing !== undefined || unlisten === undefined) await resubscribe();
      awaitedPing = `${PING_PREFIX}${randomUUID()}`;
      await db.query('SELECT pg_notify($1, $2)', [channel, awaitedPing]);
    } catch (error) {
      options.log.warn({ err: error, channel }, 'LISTEN watchdog check failed; will retry');
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), checkIntervalMs);
  timer.unref();

  return async () => {
    stopped = true;
    clearInterval(timer);
    await unlisten?.().catch(() => {});
    unlisten = undefined;
  };
}
