import type { AppContext } from '../context.js';
import { pruneIdempotencyKeys } from '../idempotency/index.js';
import { createIdentityPruneTask } from '../identity/index.js';
import { sweepExpiredHolds } from '../ledger/index.js';
import { type Consumer, createOutboxPruneTask, createOutboxRelay } from '../outbox/index.js';
import type { Task } from './scheduler.js';

/** Every background task the worker role runs. `consumers` are the ones passed to defineConsumers(). */
export function workerTasks(ctx: AppContext, consumers: readonly Consumer[]): Task[] {
  const relay = createOutboxRelay(ctx.db, consumers, {
    log: ctx.log,
    pollIntervalMs: ctx.config.workerPollIntervalMs,
    leaseMs: ctx.config.outboxLeaseMs,
  });
  return [
    relay.task,
    createOutboxPruneTask(ctx.db),
    createIdentityPruneTask(ctx.db),
    {
      name: 'ledger.sweep-expired-holds',
      intervalMs: ctx.config.holdSweepIntervalMs,
      run: () => sweepExpiredHolds(ctx.db, 500),
    },
    {
      name: 'idempotency.prune',
      intervalMs: 10 * 60_000,
      run: () => pruneIdempotencyKeys(ctx.db, 5_000),
    },
  ];
}
