import { pgErrorCode, type Tx } from '../db/index.js';
import { ledgerMetrics } from './metrics.js';
import { type LedgerItem, type ResultCode, MAX_BATCH_ITEMS, type TransactionResult } from './types.js';
import { toWire, validateItem } from './validate.js';

/**
 * Creates a batch of ledger transactions in one database round trip and
 * returns one result per item, in order. An item that fails (validation,
 * insufficient funds, frozen account, ...) fails alone unless it is part of a
 * linked chain. Must run inside a transaction that the caller commits; other
 * rows the caller writes in the same transaction commit or roll back with it.
 *
 * Throws only for database failures. A concurrent request with the same id
 * surfaces as a unique violation ({@link isRetryableBatchError}): roll back and
 * run the batch again, and the retry answers 'exists'.
 */
export async function createTransactions(tx: Tx, items: readonly LedgerItem[]): Promise<TransactionResult[]> {
  if (items.length > MAX_BATCH_ITEMS) throw new RangeError(`at most ${MAX_BATCH_ITEMS} items per batch`);
  const results: (TransactionResult | undefined)[] = new Array(items.length);
  const wire: string[] = [];
  const wireIndex: number[] = [];
  const seen = new Set<string>();
  const now = Date.now();
  items.forEach((item, index) => {
    let error = validateItem(item);
    const id = typeof item.id === 'string' ? item.id.toLowerCase() : '';
    if (!error && seen.has(id)) error = 'duplicate_id_in_batch';
    if (error) {
      results[index] = { id: item.id, ok: false, code: error, replayed: false };
      return;
    }
    seen.add(id);
    wire.push(toWire(item, now));
    wireIndex.push(index);
  });
  // A chain with an invalid member fails as a whole: send none of it.
  failChainsWithInvalidMembers(items, results, wire, wireIndex);

  // The SQL function sees the holds that existed when it started. A post or
  // void of a hold placed earlier in the same batch starts a new segment (a
  // second call in the same transaction), so items still apply in order.
  for (const [from, to] of segments(items, wireIndex)) {
    const { rows } = await tx.query<{ r_code: string[]; r_replayed: boolean[]; r_fast: boolean }>(
      'SELECT r_code, r_replayed, r_fast FROM ledger.create_transactions($1::jsonb)',
      [`[${wire.slice(from, to).join(',')}]`],
      { name: 'ledger.create_transactions' },
    );
    const row = rows[0];
    if (!row || row.r_code.length !== to - from)
      throw new Error('ledger: result count does not match the batch');
    ledgerMetrics.batchPath(row.r_fast);
    row.r_code.forEach((raw, k) => {
      const index = wireIndex[from + k] as number;
      const item = items[index] as LedgerItem;
      const code = (raw === 'exists' ? 'ok' : raw) as ResultCode;
      results[index] = { id: item.id, ok: code === 'ok', code, replayed: Boolean(row.r_replayed[k]) };
    });
  }
  const out = results as TransactionResult[];
  ledgerMetrics.record(items, out);
  return out;
}

/** Splits the wire items where one resolves a hold placed earlier in the same call, at chain boundaries. */
function segments(items: readonly LedgerItem[], wireIndex: number[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let holds = new Set<string>();
  let chainOpen = false;
  for (let k = 0; k < wireIndex.length; k++) {
    const item = items[wireIndex[k] as number] as LedgerItem;
    const dependent =
      (item.kind === 'post' || item.kind === 'void') && holds.has(item.pendingId.toLowerCase());
    if (dependent && !chainOpen && k > start) {
      out.push([start, k]);
      start = k;
      holds = new Set();
    }
    if (item.kind === 'hold') holds.add(item.id.toLowerCase());
    chainOpen = Boolean(item.linked);
  }
  if (wireIndex.length > start) out.push([start, wireIndex.length]);
  return out;
}

function failChainsWithInvalidMembers(
  items: readonly LedgerItem[],
  results: (TransactionResult | undefined)[],
  wire: string[],
  wireIndex: number[],
) {
  if (!items.some((i) => i.linked)) return;
  let start = 0;
  const drop = new Set<number>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as LedgerItem;
    if (!item.linked || i === items.length - 1) {
      const chain = [...Array(i - start + 1).keys()].map((k) => k + start);
      if (chain.length > 1 && chain.some((k) => results[k] !== undefined)) {
        for (const k of chain) {
          if (results[k] === undefined) {
            results[k] = {
              id: (items[k] as LedgerItem).id,
              ok: false,
              code: 'linked_event_failed',
              replayed: false,
            };
            drop.add(k);
          }
        }
      }
      start = i + 1;
    }
  }
  if (drop.size === 0) return;
  for (let k = wireIndex.length - 1; k >= 0; k--) {
    if (drop.has(wireIndex[k] as number)) {
      wireIndex.splice(k, 1);
      wire.splice(k, 1);
    }
  }
}

/** A batch that failed because another request with the same id, or a deadlock, got in the way: run it again. */
export function isRetryableBatchError(error: unknown): boolean {
  const code = pgErrorCode(error);
  return code === '23505' || code === '40P01' || code === '40001';
}
