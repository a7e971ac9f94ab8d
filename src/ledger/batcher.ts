import type { Db, Tx } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { createTransactions, isRetryableBatchError } from './transactions.js';
import type { LedgerItem, TransactionResult } from './types.js';

/**
 * A row another module wants written in the same database transaction as a
 * ledger item (an idempotency record, an outbox event), produced from the
 * item's result. Rows are grouped by writer and written once per batch.
 */
export interface BatchWrite {
  writer: string;
  row: unknown;
}

/** Writes all rows of one kind for a batch, inside the batch's transaction, in one statement if it can. */
export type BatchWriter = (tx: Tx, rows: unknown[]) => Promise<void>;

export interface SubmitOptions {
  /** Rows to write with the result, in the same transaction. */
  writes?: (result: TransactionResult) => BatchWrite[];
}

export interface BatcherOptions {
  /** How long the first item of a batch waits for company. */
  windowMs: number;
  maxItems: number;
  /** Batches running at once (each holds one connection). */
  maxInFlight: number;
  /** Attempts for a batch that hit a concurrent duplicate id or a deadlock. */
  maxAttempts?: number;
  /** Items waiting for a batch (not yet in flight); past it, new work is refused as `overloaded`. */
  maxQueued?: number;
  /** Any pino-like logger (the ledger imports nothing but db). */
  log?: { error(obj: object, msg: string): void };
}

/** Waiting items when BatcherOptions.maxQueued is not given: about a second of work at full speed. */
export const DEFAULT_MAX_QUEUED = 10_000;

/** 503 with Retry-After: the queue is full, the same request may succeed a moment later. */
const overloaded = () =>
  new AppError('overloaded', 'The ledger is busy; try again in a moment', {}, { 'retry-after': '1' });

interface Pending {
  items: LedgerItem[];
  options: SubmitOptions | undefined;
  resolve: (results: TransactionResult[]) => void;
  reject: (error: unknown) => void;
}

export interface LedgerBatcher {
  /** Submits one item; resolves with its result once its batch has committed. */
  submit(item: LedgerItem, options?: SubmitOptions): Promise<TransactionResult>;
  /** Submits items that must share a batch (a linked chain). */
  submitChain(items: LedgerItem[], options?: SubmitOptions): Promise<TransactionResult[]>;
  registerWriter(name: string, writer: BatchWriter): void;
  /** Waits for queued work to commit, then refuses new work. */
  close(): Promise<void>;
  stats(): { batches: number; items: number; inFlight: number; queued: number };
}

/** True when an item posts or voids a hold placed earlier in the same batch (two statements). */
function resolvesOwnHold(items: readonly LedgerItem[]): boolean {
  const holds = new Set<string>();
  for (const item of items) {
    if ((item.kind === 'post' || item.kind === 'void') && holds.has(item.pendingId.toLowerCase()))
      return true;
    if (item.kind === 'hold') holds.add(item.id.toLowerCase());
  }
  return false;
}

/** The next batch from the queue, about `target` items; the rest stays queued in order. */
function takeBatch(
  queue: readonly Pending[],
  target: number,
): { batch: Pending[]; rest: Pending[]; count: number } {
  const batch: Pending[] = [];
  const ids = new Set<string>();
  let count = 0;
  const rest: Pending[] = [];
  for (const p of queue) {
    const clash = p.items.some((i) => ids.has(i.id.toLowerCase()));
    if (clash || (count > 0 && count + p.items.length > target)) {
      rest.push(p); // the same id twice waits for the next batch, which sees the first as existing
      continue;
    }
    for (const i of p.items) ids.add(i.id.toLowerCase());
    count += p.items.length;
    batch.push(p);
  }
  return { batch, rest, count };
}

/** Runs a batch; one that fails as a whole is split in halves, so a bad member fails alone. */
async function runBatch(
  batch: Pending[],
  commit: (batch: Pending[]) => Promise<TransactionResult[][]>,
  log: BatcherOptions['log'],
): Promise<void> {
  try {
    const results = await commit(batch);
    batch.forEach((p, i) => {
      p.resolve(results[i] as TransactionResult[]);
    });
  } catch (error) {
    if (batch.length > 1) {
      // Split so that a bad member fails alone.
      const mid = Math.ceil(batch.length / 2);
      await runBatch(batch.slice(0, mid), commit, log);
      await runBatch(batch.slice(mid), commit, log);
      return;
    }
    log?.error({ err: error }, 'ledger batch failed');
    for (const p of batch) p.reject(error);
  }
}

/** Commits one batch (retrying a duplicate-id race or a deadlock); the results per caller, in order. */
async function commitBatch(
  db: Db,
  batch: Pending[],
  writers: ReadonlyMap<string, BatchWriter>,
  maxAttempts: number,
): Promise<TransactionResult[][]> {
  const items = batch.flatMap((p) => p.items);
  // Nothing else to write and one statement to run: let the statement be its
  // own transaction (one round trip instead of BEGIN, call, COMMIT).
  const alone = batch.every((p) => !p.options?.writes) && !resolvesOwnHold(items);
  for (let attempt = 1; ; attempt++) {
    try {
      if (alone) {
        const results = await createTransactions(db, items);
        let offset = 0;
        return batch.map((p) => {
          offset += p.items.length;
          return results.slice(offset - p.items.length, offset);
        });
      }
      return await db.transaction(async (tx) => {
        const results = await createTransactions(tx, items);
        const byWriter = new Map<string, unknown[]>();
        let offset = 0;
        const grouped = batch.map((p) => {
          const mine = results.slice(offset, offset + p.items.length);
          offset += p.items.length;
          if (p.options?.writes) {
            mine.forEach((r) => {
              for (const w of p.options?.writes?.(r) ?? []) {
                const rows = byWriter.get(w.writer) ?? [];
                rows.push(w.row);
                byWriter.set(w.writer, rows);
              }
            });
          }
          return mine;
        });
        for (const [name, rows] of byWriter) {
          const writer = writers.get(name);
          if (!writer) throw new Error(`ledger batcher: no writer named ${name}`);
          await writer(tx, rows);
        }
        return grouped;
      });
    } catch (error) {
      if (attempt < maxAttempts && isRetryableBatchError(error)) continue;
      throw error;
    }
  }
}

/**
 * Group commit in front of createTransactions: concurrent callers within
 * `windowMs` (or until `maxItems`) share one database transaction and one
 * round trip. A batch that fails as a whole for a reason other than a
 * retryable conflict is split in halves and retried, so one poisoned item
 * cannot fail its neighbours. At most `maxQueued` items wait; more are
 * refused with 503 `overloaded` (Retry-After: 1).
 */
export function createLedgerBatcher(db: Db, options: BatcherOptions): LedgerBatcher {
  const maxAttempts = options.maxAttempts ?? 5;
  const maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
  const writers = new Map<string, BatchWriter>();
  let queue: Pending[] = [];
  let queuedItems = 0;
  let inFlight = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let batches = 0;
  let itemsDone = 0;
  const idleWaiters: (() => void)[] = [];
  const commit = (batch: Pending[]) => commitBatch(db, batch, writers, maxAttempts);

  const schedule = () => {
    if (queue.length === 0 || inFlight >= options.maxInFlight) return;
    if (queuedItems >= options.maxItems || options.windowMs === 0) {
      if (timer) clearTimeout(timer);
      timer = undefined;
      flush();
      return;
    }
    if (!timer) {
      timer = setTimeout(() => {
        timer = undefined;
        flush();
      }, options.windowMs);
    }
  };

  const flushNow = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    flush();
  };

  const flush = () => {
    while (queue.length > 0 && inFlight < options.maxInFlight) {
      // Share the queue among the free slots so that the database works on
      // several batches at once (one per core) instead of one large one.
      const target = Math.min(options.maxItems, Math.ceil(queuedItems / (options.maxInFlight - inFlight)));
      const { batch, rest, count } = takeBatch(queue, target);
      if (batch.length === 0) break;
      queue = rest;
      queuedItems -= count;
      inFlight++;
      void runBatch(batch, commit, options.log).finally(() => {
        inFlight--;
        batches++;
        itemsDone += count;
        // After the callers this batch released have queued their next items
        // (microtasks), so that they ride in the next batch instead of waiting a window.
        setImmediate(flushNow);
        if (inFlight === 0 && queue.length === 0) for (const w of idleWaiters.splice(0)) w();
      });
    }
  };

  const enqueue = (items: LedgerItem[], opts?: SubmitOptions) =>
    new Promise<TransactionResult[]>((resolve, reject) => {
      if (closed) {
        reject(new Error('ledger batcher is closed'));
        return;
      }
      // A limit on the queue: under a load the database cannot follow, callers
      // are told to come back instead of waiting ever longer (and memory growing).
      // Nothing was queued, so nothing moved; a retry with the same key is safe.
      if (queuedItems + items.length > maxQueued) {
        reject(overloaded());
        return;
      }
      queue.push({ items, options: opts, resolve, reject });
      queuedItems += items.length;
      schedule();
    });

  return {
    async submit(item, opts) {
      const [result] = await enqueue([item], opts);
      return result as TransactionResult;
    },
    submitChain: (items, opts) => enqueue(items, opts),
    registerWriter(name, writer) {
      writers.set(name, writer);
    },
    async close() {
      closed = true;
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
        flush();
      }
      if (inFlight > 0 || queue.length > 0) await new Promise<void>((r) => idleWaiters.push(r));
    },
    stats: () => ({ batches, items: itemsDone, inFlight, queued: queuedItems }),
  };
}
