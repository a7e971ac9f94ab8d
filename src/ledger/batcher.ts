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
  /**
   * Keys (a person whose debits a check locks, say): an item never rides in a
   * batch while another batch of this process holding one of its keys is in
   * flight. It waits in the queue instead of in the database, so the rest of
   * the next batch is not held behind the first one's locks.
   */
  serializeOn?: readonly string[];
}

/**
 * A check another module runs in the batch's transaction before the ledger
 * sees the item (an idempotency claim): a verdict skips the item, undefined
 * lets it through. Checks are grouped by checker and run once per batch.
 */
export interface BatchCheck {
  checker: string;
  row: unknown;
}

/** Runs the checks of one kind for a batch: one verdict (or undefined: go on) per row, in order. */
export type BatchChecker = (tx: Tx, rows: unknown[]) => Promise<unknown[]>;

/** What a checked item came to: the ledger ran it, or its check answered instead. */
export type CheckedResult =
  | { kind: 'ran'; result: TransactionResult }
  | { kind: 'skipped'; verdict: unknown };

/** The ledger's answer to one caller, or the verdict of its check. */
type Outcome = TransactionResult[] | { skipped: unknown };

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
  /** Run in order: an item a check answered meets none of the later ones. */
  checks?: readonly BatchCheck[];
  resolve: (outcome: Outcome) => void;
  reject: (error: unknown) => void;
}

export interface LedgerBatcher {
  /** Submits one item; resolves with its result once its batch has committed. */
  submit(item: LedgerItem, options?: SubmitOptions): Promise<TransactionResult>;
  /** Submits items that must share a batch (a linked chain). */
  submitChain(items: LedgerItem[], options?: SubmitOptions): Promise<TransactionResult[]>;
  /** Submits one item behind checks run first, in order, in the batch's transaction (see BatchCheck). */
  submitChecked(
    item: LedgerItem,
    check: BatchCheck | readonly BatchCheck[],
    options?: SubmitOptions,
  ): Promise<CheckedResult>;
  registerWriter(name: string, writer: BatchWriter): void;
  registerChecker(name: string, checker: BatchChecker): void;
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

/** Adds (+1) or removes (-1) the keys of a batch from the in-flight count. */
function countKeys(busy: Map<string, number>, keys: readonly string[], by: 1 | -1): readonly string[] {
  for (const k of keys) {
    const n = (busy.get(k) ?? 0) + by;
    if (n <= 0) busy.delete(k);
    else busy.set(k, n);
  }
  return keys;
}

/** Runs a batch with its serializeOn keys counted as in flight until it ends. */
async function runHolding(
  busy: Map<string, number>,
  batch: Pending[],
  commit: (batch: Pending[]) => Promise<Outcome[]>,
  log: BatcherOptions['log'],
): Promise<void> {
  const keys = countKeys(
    busy,
    batch.flatMap((p) => p.options?.serializeOn ?? []),
    1,
  );
  try {
    await runBatch(batch, commit, log);
  } finally {
    countKeys(busy, keys, -1);
  }
}

/** The next batch from the queue, about `target` items; the rest stays queued in order. */
function takeBatch(
  queue: readonly Pending[],
  target: number,
  busy: ReadonlyMap<string, number> = new Map(),
): { batch: Pending[]; rest: Pending[]; count: number } {
  const batch: Pending[] = [];
  const ids = new Set<string>();
  let count = 0;
  const rest: Pending[] = [];
  for (const p of queue) {
    const clash =
      p.items.some((i) => ids.has(i.id.toLowerCase())) ||
      (p.options?.serializeOn?.some((k) => busy.has(k)) ?? false);
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
  commit: (batch: Pending[]) => Promise<Outcome[]>,
  log: BatcherOptions['log'],
): Promise<void> {
  try {
    const results = await commit(batch);
    batch.forEach((p, i) => {
      p.resolve(results[i] as Outcome);
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

/**
 * The batch's checks, one statement per checker and stage (the first check of
 * every item, then the second of those still going, ...): the verdict of each
 * caller a check answered.
 */
async function runChecks(
  tx: Tx,
  batch: readonly Pending[],
  checkers: ReadonlyMap<string, BatchChecker>,
): Promise<Map<Pending, unknown>> {
  const verdicts = new Map<Pending, unknown>();
  const stages = Math.max(0, ...batch.map((p) => p.checks?.length ?? 0));
  for (let stage = 0; stage < stages; stage++) {
    const byChecker = new Map<string, Pending[]>();
    for (const p of batch) {
      const check = p.checks?.[stage];
      if (!check || verdicts.has(p)) continue;
      const group = byChecker.get(check.checker) ?? [];
      group.push(p);
      byChecker.set(check.checker, group);
    }
    for (const [name, group] of byChecker) await runChecker(tx, name, group, stage, checkers, verdicts);
  }
  return verdicts;
}

async function runChecker(
  tx: Tx,
  name: string,
  group: readonly Pending[],
  stage: number,
  checkers: ReadonlyMap<string, BatchChecker>,
  verdicts: Map<Pending, unknown>,
): Promise<void> {
  const checker = checkers.get(name);
  if (!checker) throw new Error(`ledger batcher: no checker named ${name}`);
  const answers = await checker(
    tx,
    group.map((p) => p.checks?.[stage]?.row),
  );
  if (answers.length !== group.length)
    throw new Error(`ledger batcher: checker ${name} answered ${answers.length} of ${group.length}`);
  group.forEach((p, i) => {
    if (answers[i] !== undefined) verdicts.set(p, answers[i]);
  });
}

/** Writes the rows the callers' `writes` produce from their results, one statement per writer. */
async function runWrites(
  tx: Tx,
  batch: readonly Pending[],
  results: readonly TransactionResult[][],
  writers: ReadonlyMap<string, BatchWriter>,
): Promise<void> {
  const byWriter = new Map<string, unknown[]>();
  batch.forEach((p, i) => {
    const writes = p.options?.writes;
    if (!writes) return;
    for (const r of results[i] ?? []) {
      for (const w of writes(r)) {
        const rows = byWriter.get(w.writer) ?? [];
        rows.push(w.row);
        byWriter.set(w.writer, rows);
      }
    }
  });
  for (const [name, rows] of byWriter) {
    const writer = writers.get(name);
    if (!writer) throw new Error(`ledger batcher: no writer named ${name}`);
    await writer(tx, rows);
  }
}

/** Each caller's share of the ledger's results, in order. */
function shares(batch: readonly Pending[], results: readonly TransactionResult[]): TransactionResult[][] {
  let offset = 0;
  return batch.map((p) => {
    offset += p.items.length;
    return results.slice(offset - p.items.length, offset);
  });
}

/** Commits one batch (retrying a duplicate-id race or a deadlock); the outcome per caller, in order. */
async function commitBatch(
  db: Db,
  batch: Pending[],
  hooks: { writers: ReadonlyMap<string, BatchWriter>; checkers: ReadonlyMap<string, BatchChecker> },
  maxAttempts: number,
): Promise<Outcome[]> {
  const items = batch.flatMap((p) => p.items);
  // Nothing else to write or check and one statement to run: let the statement
  // be its own transaction (one round trip instead of BEGIN, call, COMMIT).
  const alone = batch.every((p) => !p.options?.writes && !p.checks?.length) && !resolvesOwnHold(items);
  for (let attempt = 1; ; attempt++) {
    try {
      if (alone) return shares(batch, await createTransactions(db, items));
      return await db.transaction(async (tx) => {
        const verdicts = await runChecks(tx, batch, hooks.checkers);
        const live = batch.filter((p) => !verdicts.has(p));
        const liveItems = live.flatMap((p) => p.items);
        const results = shares(live, liveItems.length > 0 ? await createTransactions(tx, liveItems) : []);
        await runWrites(tx, live, results, hooks.writers);
        const byPending = new Map(live.map((p, i) => [p, results[i] as TransactionResult[]]));
        return batch.map((p) =>
          verdicts.has(p) ? { skipped: verdicts.get(p) } : (byPending.get(p) as TransactionResult[]),
        );
      });
    } catch (error) {
      if (attempt < maxAttempts && isRetryableBatchError(error)) continue;
      throw error;
    }
  }
}

type Enqueue = (
  items: LedgerItem[],
  options?: SubmitOptions,
  checks?: readonly BatchCheck[],
) => Promise<Outcome>;

/** The batcher's ways in, over its queue. */
function submitters(enqueue: Enqueue): Pick<LedgerBatcher, 'submit' | 'submitChain' | 'submitChecked'> {
  return {
    async submit(item, opts) {
      const [result] = (await enqueue([item], opts)) as TransactionResult[];
      return result as TransactionResult;
    },
    submitChain: async (items, opts) => (await enqueue(items, opts)) as TransactionResult[],
    async submitChecked(item, check, opts) {
      const outcome = await enqueue([item], opts, Array.isArray(check) ? check : [check as BatchCheck]);
      if (Array.isArray(outcome)) return { kind: 'ran', result: outcome[0] as TransactionResult };
      return { kind: 'skipped', verdict: outcome.skipped };
    },
  };
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
  const checkers = new Map<string, BatchChecker>();
  let queue: Pending[] = [];
  let queuedItems = 0;
  let inFlight = 0;
  const busy = new Map<string, number>(); // keys of in-flight batches (serializeOn) -> items holding them
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let batches = 0;
  let itemsDone = 0;
  const idleWaiters: (() => void)[] = [];
  const commit = (batch: Pending[]) => commitBatch(db, batch, { writers, checkers }, maxAttempts);

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
      const { batch, rest, count } = takeBatch(queue, target, busy);
      if (batch.length === 0) break;
      queue = rest;
      queuedItems -= count;
      inFlight++;
      void runHolding(busy, batch, commit, options.log).finally(() => {
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

  const enqueue: Enqueue = (items, opts, checks) =>
    new Promise<Outcome>((resolve, reject) => {
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
      queue.push({ items, options: opts, checks, resolve, reject });
      queuedItems += items.length;
      schedule();
    });

  return {
    ...submitters(enqueue),
    registerWriter(name, writer) {
      writers.set(name, writer);
    },
    registerChecker(name, checker) {
      checkers.set(name, checker);
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
