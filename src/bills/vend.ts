import type { AppContext } from '../context.js';
import { coalesce, type Tx } from '../db/index.js';
import { transitionRow } from '../db/state-machine.js';
import { chargeLimits } from '../kyc/index.js';
import { createTransactions, type Leg, type LedgerItem } from '../ledger/index.js';
import type { ProviderAdapter, VendResult } from '../providers/index.js';
import { systemAccountId } from '../wallets/index.js';
import { paymentStates } from './payment-states.js';
import {
  FINAL_STATUSES,
  loadPayment,
  type PaymentRow,
  type PaymentStatus,
  publishUpdate,
  recordEvent,
} from './payments.js';
import {
  actualCommission,
  claimSends,
  deliveryItems,
  derivedId,
  finishVends,
  insertCalls,
  loadPayments,
  type VendOutcome,
} from './vend-batch.js';
import { decide, decideOnCheck, type VendAction, type VendTiming } from './vend-decision.js';

export { requeryDelay, type VendTiming } from './vend-decision.js';

/**
 * Moves a payment from the status the caller saw (under its lock) to `status`,
 * as the table in payment-states.ts allows; anything else throws
 * InvalidTransition and the caller's transaction rolls back.
 */
async function transition(
  tx: Tx,
  p: PaymentRow,
  status: PaymentStatus,
  reason: string | null,
  extra: Partial<PaymentRow> = {},
) {
  const withReason = status === 'failed' || status === 'reversed' || status === 'needs_review';
  const receipt = extra.receipt ? JSON.stringify(extra.receipt) : null;
  await transitionRow(tx, paymentStates, {
    table: 'bills.payments',
    id: p.id,
    from: p.status,
    to: status,
    set: {
      failure_reason: (v) => `COALESCE(${v(withReason ? reason : null)}::text, failure_reason)`,
      token: (v) => `COALESCE(${v(extra.token ?? null)}::text, token)`,
      units: (v) => `COALESCE(${v(extra.units ?? null)}::text, units)`,
      receipt: (v) => `COALESCE(${v(receipt)}::jsonb, receipt)`,
      customer_name: (v) => `COALESCE(customer_name, ${v(extra.customer_name ?? null)}::text)`,
      sent_at: (v) => `COALESCE(${v(extra.sent_at ?? null)}::timestamptz, sent_at)`,
      commission_actual: (v) =>
        `COALESCE(${v(extra.commission_actual === undefined || extra.commission_actual === null ? null : String(extra.commission_actual))}::bigint, commission_actual)`,
      finalized_at: FINAL_STATUSES.includes(status) ? 'now()' : 'NULL',
      updated_at: 'now()',
    },
  });
  await recordEvent(tx, p.id, status, reason ?? undefined);
  await publishUpdate(tx, { ...p, status, token: extra.token ?? p.token, failure_reason: reason });
}

async function ledger(tx: Tx, item: LedgerItem) {
  const [r] = await createTransactions(tx, [item]);
  // A replay (ok, replayed) means an earlier attempt already did it: fine.
  if (!r?.ok) throw new Error(`bill payment ledger ${item.kind} refused: ${r?.code}`);
}

/** Delivered: post the hold (amount to the provider float, fee to revenue), keep the token. */
export async function markSucceeded(
  ctx: AppContext,
  paymentId: string,
  result: Pick<VendResult, 'token' | 'units' | 'receipt' | 'commissionMinor'>,
  reason = 'delivered',
) {
  return ctx.db.transaction(async (tx) => {
    const p = await loadPayment(tx, paymentId, true);
    if (!p || FINAL_STATUSES.includes(p.status)) return false;
    await succeedIn(tx, p, result, reason);
    return true;
  });
}

/** markSucceeded inside the caller's transaction, on a payment it has locked. */
export async function succeedIn(
  tx: Tx,
  p: PaymentRow,
  result: Pick<VendResult, 'token' | 'units' | 'receipt' | 'commissionMinor'>,
  reason: string,
) {
  const commission = actualCommission(p, result);
  for (const item of deliveryItems(p, commission)) await ledger(tx, item);
  const receipt = result.receipt ?? null;
  await transition(tx, p, 'succeeded', reason, {
    token: result.token ?? null,
    units: result.units ?? null,
    receipt,
    customer_name: typeof receipt?.customerName === 'string' ? receipt.customerName : null,
    commission_actual: commission,
  });
}

/** Definite failure (or never received): void the hold, the automatic reversal. */
export async function markFailed(
  ctx: AppContext,
  paymentId: string,
  reason: string,
  status: 'failed' | 'reversed' = 'failed',
) {
  return ctx.db.transaction(async (tx) => {
    const p = await loadPayment(tx, paymentId, true);
    if (!p || FINAL_STATUSES.includes(p.status)) return false;
    await failIn(tx, p, reason, status);
    return true;
  });
}

/** markFailed inside the caller's transaction, on a payment it has locked. */
export async function failIn(
  tx: Tx,
  p: PaymentRow,
  reason: string,
  status: 'failed' | 'reversed' = 'failed',
) {
  await ledger(tx, { id: derivedId('void', p), kind: 'void', pendingId: p.hold_id, code: 'bill_refund' });
  await transition(tx, p, status, reason);
}

/**
 * Reversed by the provider after we recorded delivery: a compensating ledger
 * transaction gives the person back amount + fee (provider float and fee
 * revenue -> wallet), charged to their balance headroom like any credit.
 * Never an edit of the original postings. A refund the maximum balance
 * refuses (the rules tightened since) goes to suspense, flagged in the
 * payment's reason for an operator: never lost, never over the cap.
 */
export async function markReversedAfterDelivery(ctx: AppContext, paymentId: string, reason: string) {
  const seen = await loadPayment(ctx.db, paymentId);
  if (seen?.status !== 'succeeded') return false;
  const total = seen.amount + seen.fee;
  const limits = await chargeLimits(ctx, { creditor: seen.user_id }, seen.currency.trim(), total, {
    single: false,
  });
  return ctx.db.transaction(async (tx) => {
    const p = await loadPayment(tx, paymentId, true);
    if (p?.status !== 'succeeded') return false;
    const [r] = await createTransactions(tx, [
      refundItem(p, 'reversal', [{ accountId: p.wallet_id, side: 'C', amount: total }, ...limits.legs]),
    ]);
    let why = reason;
    if (r?.code === 'credit_limit_exceeded') {
      const suspense = systemAccountId('suspense', p.currency.trim());
      await ledger(
        tx,
        refundItem(p, 'reversal-suspense', [{ accountId: suspense, side: 'C', amount: total }]),
      );
      why = `${reason}; the refund would pass the maximum balance: held in suspense for an operator`;
      ctx.log.warn({ paymentId: p.id }, 'bill refund held in suspense: over the maximum balance');
    } else if (!r?.ok) throw new Error(`bill payment ledger reversal refused: ${r?.code}`);
    await transition(tx, p, 'reversed', why);
    return true;
  });
}

/**
 * The compensating transaction of a reversed payment: what the provider gives
 * back to the float (amount - commission), the commission it claws back, and
 * the fee, to `to`. A payment delivered before commission was booked has no
 * commission_actual: its float was charged the whole amount.
 */
function refundItem(p: PaymentRow, step: string, to: Leg[]): LedgerItem {
  const currency = p.currency.trim();
  const commission = p.commission_actual ?? 0n;
  return {
    id: derivedId(step, p),
    kind: 'transfer',
    currency,
    code: 'bill_reversal',
    legs: [
      ...(p.amount > commission
        ? [
            {
              accountId: systemAccountId('provider_float', currency, p.provider),
              side: 'D' as const,
              amount: p.amount - commission,
            },
          ]
        : []),
      ...(commission > 0n
        ? [
            {
              accountId: systemAccountId('commission_revenue', currency),
              side: 'D' as const,
              amount: commission,
            },
          ]
        : []),
      ...(p.fee > 0n
        ? [{ accountId: systemAccountId('fee_revenue', currency), side: 'D' as const, amount: p.fee }]
        : []),
      ...to,
    ],
    metadata: {
      description: 'Refund: the provider reversed this payment',
      reference: p.id,
      paymentId: p.id,
    },
  };
}

export async function recordCall(ctx: AppContext, p: PaymentRow, op: 'vend' | 'requery', r: VendResult) {
  ctx.providers?.router.record(p.provider, op, r);
  await insertCalls(ctx.db, [{ paymentId: p.id, provider: p.provider, op, result: r }]);
}

export type JobResult = { status: 'done' } | { status: 'retry'; delayMs: number; reason?: string };

/** A vend job's steps, shared by the concurrent jobs of one process (see vend-batch.ts). */
interface VendSteps {
  load(paymentId: string): Promise<PaymentRow | undefined>;
  claim(paymentId: string): Promise<boolean>;
  finish(outcome: VendOutcome): Promise<JobResult>;
  /** Runs one call to the provider within its PROVIDER_MAX_IN_FLIGHT. */
  call<T>(provider: string, fn: () => Promise<T>): Promise<T>;
}

const stepsOf = new WeakMap<AppContext, VendSteps>();

/** At most `max` calls at once; the others wait in order. */
function createLimiter(max: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active < max) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await fn();
    } finally {
      // Hand the slot to the next caller, or give it back.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

const jobResultOf = (action: VendAction): JobResult =>
  action.kind === 'requery'
    ? { status: 'retry', delayMs: action.delayMs, reason: action.reason }
    : { status: 'done' };

/**
 * The steps of this process: concurrent jobs share a transaction per step
 * (claiming sends, recording answers and settling). A batch that fails as a
 * whole runs again one payment at a time, each in its own transaction.
 */
function vendSteps(ctx: AppContext): VendSteps {
  const known = stepsOf.get(ctx);
  if (known) return known;
  const options = {
    maxItems: 200,
    maxInFlight: 2,
    onFallback: (error: unknown, items: number) =>
      ctx.log.warn({ err: error, items }, 'a batched vend step failed; its payments run one by one'),
  };
  const limiters = new Map<string, ReturnType<typeof createLimiter>>();
  const steps: VendSteps = {
    load: coalesce(
      async (ids: string[]) => {
        const byId = await loadPayments(ctx.db, ids);
        return ids.map((id) => byId.get(id));
      },
      { ...options, alone: (id) => loadPayment(ctx.db, id) },
    ),
    claim: coalesce((ids: string[]) => ctx.db.transaction((tx) => claimSends(tx, ids)), {
      ...options,
      alone: (id) => claimSend(ctx, id),
    }),
    finish: coalesce(
      async (outcomes: VendOutcome[]) => {
        await ctx.db.transaction((tx) => finishVends(tx, outcomes));
        return outcomes.map((o) => jobResultOf(o.action));
      },
      {
        ...options,
        async alone(o) {
          await insertCalls(ctx.db, [o]);
          return applyAction(ctx, o.paymentId, o.result, o.action);
        },
      },
    ),
    call(provider, fn) {
      let limit = limiters.get(provider);
      if (!limit) {
        limit = createLimiter(ctx.config.providerMaxInFlight);
        limiters.set(provider, limit);
      }
      return limit(fn);
    },
  };
  stepsOf.set(ctx, steps);
  return steps;
}

/**
 * The vend job: the payment state machine's worker half. It sends or
 * requeries (sendOrRequery), lets `decide` choose the next step from the
 * answer and the payment's age, and records the call and applies the choice
 * in one transaction (shared with the other jobs finishing at the same time).
 *
 * It sends the vend at most once per provider reference: `sent_at` is
 * committed before the call, so a job that runs again (a crash, a lost
 * lease, a redelivery) only ever requeries.
 */
export async function runVend(
  ctx: AppContext,
  timing: VendTiming,
  paymentId: string,
  attempt: number,
): Promise<JobResult> {
  const router = ctx.providers?.router;
  if (!router) return { status: 'retry', delayMs: 5_000, reason: 'no providers in this process' };
  const steps = vendSteps(ctx);
  const p = await steps.load(paymentId);
  if (!p || FINAL_STATUSES.includes(p.status) || p.status === 'needs_review') return { status: 'done' };
  const adapter = router.get(p.provider);
  if (!adapter)
    return { status: 'retry', delayMs: 30_000, reason: `provider ${p.provider} is not configured` };
  const answer = await sendOrRequery(ctx, steps, adapter, p);
  if (!answer) return { status: 'retry', delayMs: 0, reason: 'claimed by another attempt' };
  router.record(p.provider, answer.op, answer.result);
  const ageMs = Date.now() - (p.sent_at ?? new Date()).getTime();
  const facts = { provider: p.provider, providerRef: p.provider_ref, ageMs, attempt };
  const action = decide(answer.result, facts, timing);
  return steps.finish({
    paymentId: p.id,
    provider: p.provider,
    op: answer.op,
    result: answer.result,
    action,
  });
}

/** Claims the send of one payment in its own transaction: true when it was pending and never sent. */
async function claimSend(ctx: AppContext, paymentId: string): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const current = await loadPayment(tx, paymentId, true);
    if (!current || current.sent_at || current.status !== 'pending') return false;
    await transition(tx, current, 'processing', `sent to ${current.provider}`, { sent_at: new Date() });
    return true;
  });
}

/**
 * Sends the vend (first claiming the send by committing `sent_at`) or, once
 * sent, requeries. Undefined when another attempt claimed the send first.
 */
async function sendOrRequery(
  ctx: AppContext,
  steps: VendSteps,
  adapter: ProviderAdapter,
  p: PaymentRow,
): Promise<{ op: 'vend' | 'requery'; result: VendResult } | undefined> {
  const call = <T>(fn: () => Promise<T>) => steps.call(p.provider, fn);
  if (!p.sent_at) {
    // Committed before the call: a crash from here on leads to requeries, never a second send.
    if (!(await steps.claim(p.id))) return undefined;
    const request = await vendRequest(ctx, p);
    return { op: 'vend', result: await call(() => adapter.vend(request)) };
  }
  const result = await call(() => adapter.requery(p.provider_ref));
  if (result.notFound && (await claimResend(ctx, p.id))) {
    // A process committed sent_at and died before its vend call returned (no
    // vend was ever recorded), and the provider does not know the reference:
    // the call never left. Send it once more with the SAME reference, which
    // is the provider's idempotency key (a late duplicate answers 014).
    await recordCall(ctx, p, 'requery', result);
    const request = await vendRequest(ctx, p);
    return { op: 'vend', result: await call(() => adapter.vend(request)) };
  }
  return { op: 'requery', result };
}

/** Carries out what `decide` chose, each change in its own transaction on the locked payment. */
async function applyAction(
  ctx: AppContext,
  paymentId: string,
  result: VendResult,
  action: VendAction,
): Promise<JobResult> {
  switch (action.kind) {
    case 'succeed':
      await markSucceeded(ctx, paymentId, result);
      return { status: 'done' };
    case 'fail':
      await markFailed(ctx, paymentId, action.reason, action.status);
      return { status: 'done' };
    case 'review':
      await markNeedsReview(ctx, paymentId, action.reason);
      return { status: 'done' };
    case 'requery':
      return { status: 'retry', delayMs: action.delayMs, reason: action.reason };
  }
}

/** Unresolved too long: an operator's, hold kept (never refunded on a guess). */
async function markNeedsReview(ctx: AppContext, paymentId: string, reason: string) {
  await ctx.db.transaction(async (tx) => {
    const current = await loadPayment(tx, paymentId, true);
    // Settled meanwhile (or already in review): nothing to do.
    if (current && paymentStates.allows(current.status, 'needs_review')) {
      await transition(tx, current, 'needs_review', reason);
    }
  });
}

async function vendRequest(ctx: AppContext, p: PaymentRow) {
  return {
    reference: p.provider_ref,
    serviceId: await serviceIdOf(ctx, p.biller_id),
    variationCode: p.product_code,
    customerRef: p.customer_ref,
    amountMinor: p.amount,
    phone: p.phone ?? undefined,
    email: p.email ?? undefined,
  };
}

/**
 * True (once) when no vend call was ever recorded for the payment: the send
 * that set sent_at never completed. A marker row is committed first, so a
 * crash during the resend leads to requeries only, never a third send.
 */
async function claimResend(ctx: AppContext, paymentId: string): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const current = await loadPayment(tx, paymentId, true);
    if (!current || FINAL_STATUSES.includes(current.status) || current.status === 'needs_review')
      return false;
    const { rows } = await tx.query<{ n: bigint }>(
      "SELECT count(*) AS n FROM bills.provider_calls WHERE payment_id = $1 AND op = 'vend'",
      [paymentId],
    );
    if ((rows[0]?.n ?? 0n) > 0n) return false;
    await tx.query(
      `INSERT INTO bills.provider_calls (payment_id, provider, op, outcome, message, latency_ms)
       VALUES ($1, $2, 'vend', 'resending', 'the first send never completed; same reference', 0)`,
      [paymentId, current.provider],
    );
    return true;
  });
}

/** Billers' service ids kept per process; the catalogue is small, the bound keeps it so whatever ids arrive. */
export const SERVICE_ID_CACHE_MAX = 1024;
const serviceIds = new Map<string, string>();

/** Entries in the service-id cache (for tests). */
export const serviceIdCacheSize = () => serviceIds.size;

/** Looks up a biller's service id (cached). Exported for tests. */
export async function serviceIdOf(ctx: Pick<AppContext, 'db'>, billerId: string): Promise<string> {
  const cached = serviceIds.get(billerId);
  if (cached) return cached;
  const { rows } = await ctx.db.query<{ service_id: string }>(
    'SELECT service_id FROM bills.billers WHERE id = $1',
    [billerId],
  );
  const id = rows[0]?.service_id ?? billerId;
  // Full: the oldest entry goes (a Map iterates in insertion order), as in the
  // validation cache; an evicted biller is simply read again on its next vend.
  if (serviceIds.size >= SERVICE_ID_CACHE_MAX) serviceIds.delete(serviceIds.keys().next().value as string);
  serviceIds.set(billerId, id);
  return id;
}

/** A provider webhook (a hint) or an operator asks: requery now and act on the answer. */
export async function checkPayment(ctx: AppContext, paymentId: string): Promise<JobResult> {
  const router = ctx.providers?.router;
  const p = await loadPayment(ctx.db, paymentId);
  if (!router || !p?.sent_at) return { status: 'done' };
  const adapter = router.get(p.provider);
  if (!adapter) return { status: 'done' };
  const result = await vendSteps(ctx).call(p.provider, () => adapter.requery(p.provider_ref));
  await recordCall(ctx, p, 'requery', result);
  const action = decideOnCheck(p.status, result, p.provider);
  if (action.kind === 'refund_after_delivery') await markReversedAfterDelivery(ctx, p.id, action.reason);
  else if (action.kind === 'succeed') await markSucceeded(ctx, p.id, result, action.reason);
  else if (action.kind === 'fail') await markFailed(ctx, p.id, action.reason, action.status);
  return { status: 'done' };
}

/**
 * An operator refunded a delivered payment (a dispute): in the refund's own
 * transaction, the payment becomes `reversed`, so a later reversal by the
 * provider finds it no longer delivered and refunds nothing a second time.
 * Answers false (and changes nothing) unless the payment is delivered, read
 * under its row lock: the provider's reversal and the operator's refund are
 * serialised on that row, and the second finds the first's status.
 */
export async function markRefundedByOperator(tx: Tx, paymentId: string, reason: string): Promise<boolean> {
  const p = await loadPayment(tx, paymentId, true);
  if (p?.status !== 'succeeded') return false;
  await transition(tx, p, 'reversed', reason);
  return true;
}
