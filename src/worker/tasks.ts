import type { AppContext } from '../context.js';
import { createIdentityPruneTask } from '../identity/index.js';
import { type Consumer, createOutboxPruneTask, createOutboxRelay } from '../outbox/index.js';
import type { Task } from './scheduler.js';

/** Every background task the worker role runs. `consumers` are the ones passed to defineConsumers(). */
export function workerTasks(ctx: AppContext, consumers: readonly Consumer[]): Task[] {
  const relay = createOutboxRelay(ctx.db, consumers, {
    log: ctx.log,
    pollIntervalMs: ctx.config.workerPollIntervalMs,
  });
  return [relay.task, createOutboxPruneTask(ctx.db), createIdentityPruneTask(ctx.db)];
}
