import { billTasks } from '../bills/index.js';
import type { AppContext } from '../context.js';
import { pruneIdempotencyKeys } from '../idempotency/index.js';
import { createIdentityPruneTask } from '../identity/index.js';
import { sweepExpiredHolds } from '../ledger/index.js';
import { type Consumer, createOutboxPruneTask, createOutboxRelay } from '../outbox/index.js';
import { NIGHTLY_CHECK_MS, RESUME_CHECK_MS, resumeUnfinished, runNightly } from '../reconciliation/index.js';
import { settlementTasks } from '../settlement/index.js';
import { BANK_REFRESH_CHECK_MS, refreshBanksIfStale, verifyPendingDeposits } from '../wallets/index.js';
import type { Task } from './scheduler.js';

/** Every background task the worker role runs. `consumers` are the ones passed to defineConsumers(). */
export function workerTasks(ctx: AppContext, consumers: readonly Consumer[]): Task[] {
  // Two lanes: money jobs (vends, payouts, wallet provisioning) never wait
  // behind a backlog of live-event fan-out, and the other way round.
  const options = {
    log: ctx.log,
    pollIntervalMs: ctx.config.workerPollIntervalMs,
    leaseMs: ctx.config.outboxLeaseMs,
  };
  const live = consumers.filter((c) => c.name === 'live');
  const jobs = consumers.filter((c) => c.name !== 'live');
  // Jobs mostly wait on providers (I/O), so they get more lanes than the live fan-out.
  const relays = [
    createOutboxRelay(ctx.db, jobs, { ...options, concurrency: ctx.config.outboxConcurrency }),
    ...(live.length
      ? [createOutboxRelay(ctx.db, live, { ...options, concurrency: ctx.config.outboxLiveConcurrency })]
      : []),
  ];
  return [
    ...relays.map((r, i) => ({ ...r.task, name: i === 0 ? 'outbox-relay' : 'outbox-relay-live' })),
    createOutboxPruneTask(ctx.db),
    createIdentityPruneTask(ctx.db),
    {
      name: 'ledger.sweep-expired-holds',
      intervalMs: ctx.config.holdSweepIntervalMs,
      run: () => sweepExpiredHolds(ctx.db, 500),
    },
    {
      // The banks a withdrawal can go to, fetched again from the payout provider once a day.
      name: 'wallets.refresh-banks',
      intervalMs: BANK_REFRESH_CHECK_MS,
      run: () => refreshBanksIfStale(ctx),
    },
    {
      // Card deposits still pending after their checkout window, verified with the gateway.
      name: 'wallets.verify-pending-deposits',
      intervalMs: 30_000,
      run: () => verifyPendingDeposits(ctx),
    },
    {
      // Runs whose process died midway (their lease ran out) go on from their last chunk.
      name: 'reconciliation.resume',
      intervalMs: RESUME_CHECK_MS,
      run: () => resumeUnfinished(ctx),
    },
    {
      name: 'reconciliation.nightly',
      intervalMs: NIGHTLY_CHECK_MS,
      run: () => runNightly(ctx),
    },
    {
      name: 'idempotency.prune',
      intervalMs: 10 * 60_000,
      run: () => pruneIdempotencyKeys(ctx.db, 5_000),
    },
    ...settlementTasks(ctx),
    ...billTasks(ctx),
  ];
}
