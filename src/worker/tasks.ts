import type { AppContext } from '../context.js';
import { sweepExpiredHolds } from '../ledger/index.js';
import type { Task } from './scheduler.js';

/** Every background task the worker role runs. */
export function workerTasks(ctx: AppContext): Task[] {
  return [
    {
      name: 'ledger.sweep-expired-holds',
      intervalMs: ctx.config.holdSweepIntervalMs,
      run: () => sweepExpiredHolds(ctx.db, 500),
    },
  ];
}
