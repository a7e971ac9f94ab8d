/**
 * Our side of a report, per source, read only through the owning module's
 * index.ts: `provider:<id>` -> that provider's bill payments, `gateway` ->
 * deposits, `bank` -> withdrawals. Statuses are told in the report's
 * vocabulary (success, failed, reversed, pending).
 */
import { listPaymentsForReconciliation } from '../bills/index.js';
import type { Queryable } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { listDepositsForReconciliation, listWithdrawalsForReconciliation } from '../wallets/index.js';
import type { InternalItem, InternalKind, ItemStatus } from './types.js';

/** Our items one run may read; a larger period is refused (split the report). */
export const MAX_INTERNAL_ITEMS = 200_000;

const STATUS: Record<InternalKind, Record<string, ItemStatus>> = {
  bill_payment: { succeeded: 'success', failed: 'failed', reversed: 'reversed' },
  // A flagged deposit's money arrived (it waits in suspense): the gateway reports it paid.
  deposit: { succeeded: 'success', flagged: 'success', failed: 'failed' },
  withdrawal: { succeeded: 'success', failed: 'failed', reversed: 'reversed' },
};

interface Row {
  id: string;
  reference: string;
  amount: bigint;
  currency: string;
  status: string;
  date: Date;
}

/**
 * Our items of [from, to) widened by `padMs` either side (so a line near the
 * edge finds its pair); only those inside the period can be missing_external.
 */
export async function readInternal(
  db: Queryable,
  source: string,
  period: { from: Date; to: Date },
  padMs: number,
): Promise<InternalItem[]> {
  const from = new Date(period.from.getTime() - padMs);
  const to = new Date(period.to.getTime() + padMs);
  const limit = MAX_INTERNAL_ITEMS + 1;
  let kind: InternalKind;
  let rows: Row[];
  if (source.startsWith('provider:')) {
    kind = 'bill_payment';
    rows = await listPaymentsForReconciliation(db, source.slice('provider:'.length), from, to, limit);
  } else if (source === 'gateway') {
    kind = 'deposit';
    rows = await listDepositsForReconciliation(db, from, to, limit);
  } else {
    kind = 'withdrawal';
    rows = await listWithdrawalsForReconciliation(db, from, to, limit);
  }
  if (rows.length > MAX_INTERNAL_ITEMS)
    throw new AppError(
      'invalid_report',
      `the period holds over ${MAX_INTERNAL_ITEMS} of our items: reconcile a shorter period`,
    );
  return rows.map((r) => ({
    id: r.id,
    kind,
    reference: r.reference,
    amount: BigInt(r.amount),
    currency: r.currency,
    status: STATUS[kind][r.status] ?? 'pending',
    rawStatus: r.status,
    date: r.date,
    inPeriod: r.date >= period.from && r.date < period.to,
  }));
}
