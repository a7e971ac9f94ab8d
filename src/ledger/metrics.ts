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

export const ledgerMetrics = {
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
