import client from 'prom-client';
import type { LedgerItem, TransactionResult } from './types.js';

const transactions = new client.Counter({
  name: 'vendra_ledger_transactions_total',
  help: 'Ledger transactions by kind and result code',
  labelNames: ['kind', 'code'] as const,
});
const batches = new client.Histogram({
  name: 'vendra_ledger_batch_size',
  help: 'Items per ledger batch',
  buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 4000],
});

const paths = new client.Counter({
  name: 'vendra_ledger_batches_total',
  help: 'Ledger function calls by path: set (the whole batch applied at once) or exact (item by item)',
  labelNames: ['path'] as const,
});

export const ledgerMetrics = {
  batchPath(fast: boolean) {
    paths.inc({ path: fast ? 'set' : 'exact' });
  },
  record(items: readonly LedgerItem[], results: readonly TransactionResult[]) {
    batches.observe(items.length);
    results.forEach((r, i) => {
      transactions.inc({
        kind: items[i]?.kind ?? 'unknown',
        code: r.replayed ? `${r.code}_replayed` : r.code,
      });
    });
  },
};
