import type { Db, Queryable } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { type AccountBalance, getAccountBalances } from './reads.js';
import { isUuid } from './validate.js';

/**
 * Coalesces concurrent reads of accounts with their balances: the reads that
 * arrive in the same turn of the event loop (or while earlier reads are in
 * flight) share one `WHERE id = ANY ($1)` statement. Every read still goes
 * to the database after it was asked for, so a balance is never older than
 * the request that reads it; nothing is cached.
 */
export interface AccountReader {
  /** The account with its balance, or undefined for an unknown id (or one that is not a UUID). */
  read(accountId: string): Promise<AccountBalance | undefined>;
  stats(): { statements: number; reads: number; inFlight: number; queued: number };
}

export interface AccountReaderOptions {
  /** Ids in one statement. */
  maxItems?: number;
  /** How long the first read of a statement waits for company; 0 waits for the end of the current turn only. */
  maxWaitMs?: number;
  /** Statements running at once (each holds one connection); further reads queue for the next. */
  maxInFlight?: number;
  /** Reads waiting for a statement; past it, new reads are refused as `overloaded`. */
  maxQueued?: number;
}

const DEFAULTS: Required<AccountReaderOptions> = {
  maxItems: 200,
  maxWaitMs: 0,
  maxInFlight: 4,
  maxQueued: 10_000,
};

interface PendingRead {
  accountId: string;
  resolve: (value: AccountBalance | undefined) => void;
  reject: (error: unknown) => void;
}

const overloaded = () =>
  new AppError('overloaded', 'The ledger is busy; try again in a moment', {}, { 'retry-after': '1' });

/** Runs one statement for a batch of reads and answers each of them. */
async function readBatch(db: Queryable, batch: readonly PendingRead[]): Promise<void> {
  const ids = [...new Set(batch.map((p) => p.accountId))];
  try {
    const found = await getAccountBalances(db, ids);
    for (const p of batch) p.resolve(found.get(p.accountId));
  } catch (error) {
    for (const p of batch) p.reject(error);
  }
}

export function createAccountReader(db: Queryable, options: AccountReaderOptions = {}): AccountReader {
  const { maxItems, maxWaitMs, maxInFlight, maxQueued } = { ...DEFAULTS, ...options };
  const queue: PendingRead[] = [];
  let scheduled = false;
  let inFlight = 0;
  let statements = 0;
  let reads = 0;

  const flush = () => {
    scheduled = false;
    while (queue.length > 0 && inFlight < maxInFlight) {
      const batch = queue.splice(0, maxItems);
      inFlight += 1;
      statements += 1;
      reads += batch.length;
      void readBatch(db, batch).finally(() => {
        inFlight -= 1;
        // What queued while every slot was busy goes at once: it has waited already.
        if (queue.length > 0 && !scheduled) flush();
      });
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    if (maxWaitMs > 0) setTimeout(flush, maxWaitMs);
    else setImmediate(flush);
  };

  return {
    read(accountId) {
      if (!isUuid(accountId)) return Promise.resolve(undefined); // one bad id must not fail the statement
      if (queue.length >= maxQueued) return Promise.reject(overloaded());
      return new Promise<AccountBalance | undefined>((resolve, reject) => {
        queue.push({ accountId: accountId.toLowerCase(), resolve, reject });
        if (queue.length >= maxItems && inFlight < maxInFlight) flush();
        else schedule();
      });
    },
    stats: () => ({ statements, reads, inFlight, queued: queue.length }),
  };
}

/** One reader per database, made on first use: every request of the process shares it. */
const readers = new WeakMap<Db, AccountReader>();

/**
 * The shared account reader of a database (not of a transaction: a read in
 * a transaction must see that transaction, so it calls getAccountBalances).
 */
export function accountReaderOf(db: Db): AccountReader {
  let reader = readers.get(db);
  if (!reader) {
    reader = createAccountReader(db);
    readers.set(db, reader);
  }
  return reader;
}
