/**
 * "Pay all due": several bills paid as one accepted request. Every bill's hold is placed in one
 * linked ledger chain in one database transaction, with the payments, their vend jobs and the
 * idempotent answer: all of them, or none (one hold refused - insufficient funds, a limit, a
 * risk rule - refuses the request and nothing is held). Each vend then runs on its own through
 * the ordinary bill-payment machinery (the `bill_payment.vend` job).
 */
import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/index.js';
import { completeIdempotent, type IdempotencyClaim, type IdempotentResult } from '../idempotency/index.js';
import { createTransactions } from '../ledger/index.js';
import { publishMany } from '../outbox/index.js';
import { type RiskVerdict, riskBlocked, riskChecker, riskDebitsWriter } from '../risk/index.js';
import { ledgerRefusal, storeRefusal } from '../wallets/index.js';
import { billCacheOf } from './bill-cache.js';
import { PAYING, payableBills } from './due.js';
import {
  acceptedEvents,
  BILLS_NAMESPACE,
  insertPayments,
  loadPayment,
  type PreparedPayment,
  preparePayment,
} from './payments.js';

type Placed =
  | { kind: 'placed'; body: PayAllBody }
  | { kind: 'risk'; verdict: RiskVerdict }
  | { kind: 'refused'; index: number; code: string }
  | { kind: 'replayed' };

interface PayAllBody {
  data: {
    billReference: string;
    linkedAccountId: string;
    payment: PreparedPayment['body'] | { id: string; status: string };
  }[];
  totals: { currency: string; amount: bigint; fee: bigint; total: bigint }[];
}

export const MAX_BILLS_PER_REQUEST = 20;

/** Pays the person's bills `references` from `walletId` (202 with each payment), or refuses them all. */
export async function payDueBills(
  ctx: AppContext,
  userId: string,
  walletId: string,
  references: readonly string[],
  claim: IdempotencyClaim,
): Promise<IdempotentResult> {
  if (new Set(references).size !== references.length)
    throw new AppError('validation_failed', 'A bill reference is listed twice');
  const bills = await payableBills(ctx.db, userId, references);
  const prepared: PreparedPayment[] = [];
  for (const bill of bills) {
    const id = uuidv5(`bill:${claim.scope}:${claim.key}:${bill.bill_reference}`, BILLS_NAMESPACE);
    const input = {
      walletId,
      billerId: bill.biller_id,
      productCode: bill.product_code,
      customerRef: bill.customer_ref,
      amount: bill.amount_due,
      customerName: bill.customer_name,
    };
    prepared.push(
      await preparePayment(ctx, userId, input, id).catch((error: unknown) => {
        if (error instanceof AppError) error.extra.billReference = bill.bill_reference;
        throw error;
      }),
    );
  }
  const placed = await placeAll(ctx, bills, prepared, claim);
  if (placed.kind === 'placed') {
    await billCacheOf(ctx).drop([...new Set(bills.map((b) => b.linked_account_id))]);
    return { status: 202, body: placed.body };
  }
  if (placed.kind === 'replayed') return replayed(ctx, bills, prepared, claim);
  if (placed.kind === 'risk')
    return storeRefusal(ctx, claim, riskBlocked(placed.verdict.fired, placed.verdict.caseId));
  const failing = bills[placed.index]?.bill_reference;
  if (placed.code === 'credit_limit_exceeded') {
    const error = await (prepared[placed.index] as PreparedPayment).limits.refusal();
    error.extra.billReference = failing;
    return storeRefusal(ctx, claim, error);
  }
  const refusal = ledgerRefusal(placed.code as Parameters<typeof ledgerRefusal>[0]);
  const body = { ...refusal.body, billReference: failing };
  await ctx.db.transaction((tx) => completeIdempotent(tx, claim, refusal.status, body));
  return { status: refusal.status, body };
}

/** One transaction: the risk rules for every bill, the linked chain of holds, the payments and their jobs. */
async function placeAll(
  ctx: AppContext,
  bills: Awaited<ReturnType<typeof payableBills>>,
  prepared: PreparedPayment[],
  claim: IdempotencyClaim,
): Promise<Placed> {
  const items = prepared.map((p, i) => ({ ...p.item, linked: i < prepared.length - 1 }));
  return ctx.db.transaction(async (tx): Promise<Placed> => {
    // Two requests for the same bill: the second waits here, then finds it being paid. The
    // payments are read by a second statement, whose snapshot sees the first request's commit.
    const pairs = [bills.map((b) => b.linked_account_id), bills.map((b) => b.bill_reference)];
    await tx.query(
      `SELECT 1 FROM bills.due_bills
        WHERE (linked_account_id, bill_reference) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))
        ORDER BY linked_account_id, bill_reference FOR UPDATE`,
      pairs,
    );
    const { rows: locked } = await tx.query<{
      bill_reference: string;
      payment_id: string | null;
      status: string | null;
    }>(
      `SELECT d.bill_reference, d.payment_id, p.status FROM bills.due_bills d LEFT JOIN bills.payments p ON p.id = d.payment_id
        WHERE (d.linked_account_id, d.bill_reference) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
      pairs,
    );
    const ours = new Set(prepared.map((p) => p.row.id));
    const taken = locked.find(
      (r) => r.status !== null && PAYING.includes(r.status) && !ours.has(r.payment_id as string),
    );
    if (taken)
      throw new AppError('bill_already_paid', `Bill ${taken.bill_reference} is paid or being paid already`, {
        billReference: taken.bill_reference,
      });
    // The checker locks the payer; a rule that fires refuses the whole request (its case is kept).
    const verdicts = await riskChecker(
      tx,
      prepared.map((p) => p.attempt),
    );
    const fired = verdicts.find((v) => v !== undefined);
    if (fired) return { kind: 'risk', verdict: fired };
    const results = await createTransactions(tx, items);
    if (results.every((r) => r.ok && r.replayed)) return { kind: 'replayed' };
    const index = results.findIndex((r) => !r.ok && r.code !== 'linked_event_failed');
    const first = index >= 0 ? index : results.findIndex((r) => !r.ok || r.replayed);
    if (first >= 0) {
      const code = (results[first] as { code: string }).code;
      if (results.some((r) => r.ok)) throw new Error(`pay-all: chain partly applied (${code})`);
      return { kind: 'refused', index: first, code };
    }
    await insertPayments(
      tx,
      prepared.map((p) => p.row),
    );
    await publishMany(
      tx,
      prepared.flatMap((p) => acceptedEvents(p.row)),
    );
    await riskDebitsWriter(
      tx,
      prepared.map((p) => ({ ...p.attempt, at: undefined })),
    );
    for (const [i, bill] of bills.entries()) {
      await tx.query(
        'UPDATE bills.due_bills SET payment_id = $3 WHERE linked_account_id = $1 AND bill_reference = $2',
        [bill.linked_account_id, bill.bill_reference, (prepared[i] as PreparedPayment).row.id],
      );
    }
    const body = bodyOf(
      bills,
      prepared.map((p) => p.body),
    );
    await completeIdempotent(tx, claim, 202, body);
    return { kind: 'placed', body };
  });
}

function bodyOf(
  bills: Awaited<ReturnType<typeof payableBills>>,
  payments: (
    | PreparedPayment['body']
    | { id: string; status: string; amount: bigint; fee: bigint; currency: string }
  )[],
): PayAllBody {
  const totals = new Map<string, { amount: bigint; fee: bigint }>();
  payments.forEach((p) => {
    const t = totals.get(p.currency) ?? { amount: 0n, fee: 0n };
    totals.set(p.currency, { amount: t.amount + p.amount, fee: t.fee + p.fee });
  });
  return {
    data: bills.map((b, i) => ({
      billReference: b.bill_reference,
      linkedAccountId: b.linked_account_id,
      payment: payments[i] as PreparedPayment['body'],
    })),
    totals: [...totals].map(([currency, t]) => ({ currency, ...t, total: t.amount + t.fee })),
  };
}

/** The holds were placed by an earlier attempt of this key (a stale claim taken over): answer with its payments. */
async function replayed(
  ctx: AppContext,
  bills: Awaited<ReturnType<typeof payableBills>>,
  prepared: PreparedPayment[],
  claim: IdempotencyClaim,
): Promise<IdempotentResult> {
  return ctx.db.transaction(async (tx) => {
    const payments = [];
    for (const p of prepared) {
      const row = await loadPayment(tx, p.row.id);
      if (!row) throw new Error(`pay-all: hold ${p.row.hold_id} exists without its payment`);
      payments.push({
        id: row.id,
        status: row.status,
        amount: row.amount,
        fee: row.fee,
        total: row.amount + row.fee,
        currency: row.currency.trim(),
      });
    }
    const body = bodyOf(bills, payments);
    await completeIdempotent(tx, claim, 202, body);
    return { status: 202, body };
  });
}
