import type { Db, Tx } from '../db/index.js';
import type { Task } from '../worker/scheduler.js';

export const DEFAULT_RETENTION_MS = 7 * 24 * 3_600_000;

export interface PruneOptions {
  /** Done deliveries and their events older than this are deleted. Default 7 days. */
  retentionMs?: number;
  /** Most rows of each kind deleted per run. Default 1000. */
  batchSize?: number;
}

/**
 * Deletes, bounded per call: done deliveries completed before the cutoff,
 * applied-markers older than the cutoff whose delivery is gone, then events
 * older than the cutoff that have no delivery left (dead and pending ones keep
 * their event). Returns the number of rows deleted.
 */
export async function pruneOutbox(tx: Tx, options: PruneOptions = {}): Promise<number> {
  const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  const batchSize = Math.min(Math.max(options.batchSize ?? 1000, 1), 10_000);
  const params = [retentionMs, batchSize];
  const cutoff = `now() - $1::bigint * interval '1 millisecond'`;
  const deliveries = await tx.query(
    `DELETE FROM outbox.deliveries WHERE (event_id, consumer) IN (
       SELECT event_id, consumer FROM outbox.deliveries
       WHERE status = 'done' AND completed_at < ${cutoff} LIMIT $2)`,
    params,
  );
  const applied = await tx.query(
    `DELETE FROM outbox.applied WHERE (consumer, event_id) IN (
       SELECT a.consumer, a.event_id FROM outbox.applied a
       WHERE a.applied_at < ${cutoff}
         AND NOT EXISTS (SELECT 1 FROM outbox.deliveries d WHERE d.event_id = a.event_id AND d.consumer = a.consumer)
       LIMIT $2)`,
    params,
  );
  const events = await tx.query(
    `DELETE FROM outbox.events WHERE id IN (
       SELECT e.id FROM outbox.events e
       WHERE e.created_at < ${cutoff}
         AND NOT EXISTS (SELECT 1 FROM outbox.deliveries d WHERE d.event_id = e.id)
       LIMIT $2)`,
    params,
  );
  return deliveries.rowCount + applied.rowCount + events.rowCount;
}

/** The worker Task that prunes; it runs again at once while there is more to delete. */
export function createOutboxPruneTask(db: Db, options: PruneOptions & { intervalMs?: number } = {}): Task {
  return {
    name: 'outbox-prune',
    intervalMs: options.intervalMs ?? 60_000,
    run: () => db.transaction((tx) => pruneOutbox(tx, options)),
  };
}
