/**
 * The vend job's database steps for many payments at once: concurrent vend
 * jobs hand their step to a coalescer and share one transaction (one commit,
 * a handful of statements) instead of paying each its own. The rules are the
 * single-payment ones in vend.ts: every payment is locked before it changes,
 * every status change is a guarded UPDATE with its row count checked, and
 * `sent_at` commits before any of the vends is sent.
 */
import { v5 as uuidv5 } from 'uuid';
import type { Queryable, Tx } from '../db/index.js';
import { transitionRows } from '../db/state-machine.js';
import { createTransactions, isUuid, type LedgerItem } from '../ledger/index.js';
import type { VendResult } from '../providers/index.js';
import { systemAccountId } from '../wallets/index.js';
import { paymentStates } from './payment-states.js';
import {
  BILLS_NAMESPACE,
  FINAL_STATUSES,
  type PaymentRow,
  type PaymentStatus,
  publishUpdates,
  recordEvents,
} from './payments.js';
import type { VendAction } from './vend-decision.js';

/** A ledger id derived from the hold, so that posting, voiding or refunding twice is impossible. */
export const derivedId = (what: string, p: Pick<PaymentRow, 'hold_id'>) =>
  uuidv5(`${what}:${p.hold_id}`, BILLS_NAMESPACE);

/**
 * The commission a delivered payment earned: the provider's own figure from
 * its answer (VTpass `commission`), else the one expected at acceptance. A
 * figure outside [0, amount] cannot be what the float was charged against, so
 * the expected one stands and settlement shows the mismatch.
 */
export function actualCommission(
  p: Pick<PaymentRow, 'amount' | 'commission'>,
  result: Pick<VendResult, 'commissionMinor'>,
): bigint {
  const c = result.commissionMinor;
  return c !== undefined && c >= 0n && c <= p.amount ? c : p.commission;
}

/**
 * Delivered: the hold is posted (amount to the provider float, fee to revenue)
 * and, in the same statement, the commission moves from the float to
 * commission revenue, so the float ends charged what the provider charged:
 * amount - commission.
 */
export function deliveryItems(p: PaymentRow, commission: bigint): LedgerItem[] {
  const post: LedgerItem = {
    id: derivedId('post', p),
    kind: 'post',
    pendingId: p.hold_id,
    code: 'bill_payment',
  };
  if (commission <= 0n) return [post];
  const currency = p.currency.trim();
  return [
    post,
    {
      id: derivedId('commission', p),
      kind: 'transfer',
      currency,
      code: 'bill_commission',
      legs: [
        { accountId: systemAccountId('provider_float', currency, p.provider), side: 'D', amount: commission },
        { accountId: systemAccountId('commission_revenue', currency), side: 'C', amount: commission },
      ],
      metadata: { description: `Commission from ${p.provider}`, reference: p.id, paymentId: p.id },
    },
  ];
}

/** One provider call to record in bills.provider_calls. */
export interface ProviderCall {
  paymentId: string;
  provider: string;
  op: 'vend' | 'requery';
  result: VendResult;
}

/** Records provider calls with one statement. */
export async function insertCalls(db: Queryable, calls: readonly ProviderCall[]): Promise<void> {
  if (calls.length === 0) return;
  const r = (c: ProviderCall) => c.result;
  await db.query(
    `INSERT INTO bills.provider_calls (payment_id, provider, op, outcome, code, message, latency_ms)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])`,
    [
      calls.map((c) => c.paymentId),
      calls.map((c) => c.provider),
      calls.map((c) => c.op),
      calls.map((c) => (r(c).reversed ? 'reversed' : r(c).notFound ? 'not_found' : r(c).outcome)),
      calls.map((c) => r(c).code ?? null),
      calls.map((c) => (r(c).message ?? '').slice(0, 500)),
      calls.map((c) => Math.round(r(c).latencyMs)),
    ],
  );
}

/** Reads payments by id (unknown or malformed ids are simply absent). */
export async function loadPayments(db: Queryable, ids: readonly string[], lock = false) {
  const wanted = [...new Set(ids.filter((id) => isUuid(id)))].sort();
  const byId = new Map<string, PaymentRow>();
  if (wanted.length === 0) return byId;
  // Locked in id order, so that two batches locking overlapping payments cannot deadlock.
  const { rows } = await db.query<PaymentRow>(
    `SELECT * FROM bills.payments WHERE id = ANY($1::uuid[]) ORDER BY id${lock ? ' FOR UPDATE' : ''}`,
    [wanted],
  );
  for (const row of rows) byId.set(row.id, row);
  return byId;
}

/** A status change of one locked payment, as vend.ts's transition() makes it. */
export interface PaymentChange {
  p: PaymentRow;
  to: PaymentStatus;
  reason: string | null;
  token?: string | null;
  units?: string | null;
  receipt?: Record<string, unknown> | null;
  customerName?: string | null;
  /** Delivered: the commission booked. */
  commissionActual?: bigint | null;
}

const REASON_KEPT: readonly PaymentStatus[] = ['failed', 'reversed', 'needs_review'];

/** transition() for many locked payments: one guarded UPDATE per (from, to), then events and live updates. */
export async function transitionPayments(tx: Tx, changes: readonly PaymentChange[]): Promise<void> {
  const groups = new Map<string, PaymentChange[]>();
  for (const change of changes) {
    const key = `${change.p.status}>${change.to}`;
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  for (const group of groups.values()) {
    const { p, to } = group[0] as PaymentChange;
    const of = (f: (c: PaymentChange) => unknown) => group.map(f);
    await transitionRows(tx, paymentStates, {
      table: 'bills.payments',
      idType: 'uuid',
      ids: of((c) => c.p.id) as string[],
      from: p.status,
      to,
      values: {
        failure_reason: { type: 'text', of: of((c) => (REASON_KEPT.includes(to) ? c.reason : null)) },
        token: { type: 'text', of: of((c) => c.token ?? null) },
        units: { type: 'text', of: of((c) => c.units ?? null) },
        receipt: { type: 'text', of: of((c) => (c.receipt ? JSON.stringify(c.receipt) : null)) },
        customer_name: { type: 'text', of: of((c) => c.customerName ?? null) },
        commission_actual: {
          type: 'bigint',
          of: of((c) =>
            c.commissionActual === undefined || c.commissionActual === null
              ? null
              : String(c.commissionActual),
          ),
        },
      },
      set: {
        failure_reason: 'COALESCE(v.failure_reason, t.failure_reason)',
        token: 'COALESCE(v.token, t.token)',
        units: 'COALESCE(v.units, t.units)',
        receipt: 'COALESCE(v.receipt::jsonb, t.receipt)',
        customer_name: 'COALESCE(t.customer_name, v.customer_name)',
        commission_actual: 'COALESCE(v.commission_actual, t.commission_actual)',
        sent_at: to === 'processing' ? 'COALESCE(t.sent_at, now())' : 't.sent_at',
        finalized_at: FINAL_STATUSES.includes(to) ? 'now()' : 'NULL',
        updated_at: 'now()',
      },
    });
  }
  await recordEvents(
    tx,
    changes.map((c) => ({ paymentId: c.p.id, status: c.to, reason: c.reason })),
  );
  await publishUpdates(
    tx,
    changes.map((c) => ({ ...c.p, status: c.to, token: c.token ?? c.p.token, failure_reason: c.reason })),
  );
}

/**
 * Claims the send of many payments in one transaction: each one still
 * pending and never sent moves to processing with `sent_at` set. True for the
 * ones claimed here (the first time an id appears), false for the others.
 */
export async function claimSends(tx: Tx, ids: readonly string[]): Promise<boolean[]> {
  const locked = await loadPayments(tx, ids, true);
  const claim = [...locked.values()].filter((p) => !p.sent_at && p.status === 'pending');
  await transitionPayments(
    tx,
    claim.map((p) => ({ p, to: 'processing', reason: `sent to ${p.provider}` })),
  );
  const claimed = new Set(claim.map((p) => p.id));
  return ids.map((id) => claimed.delete(id));
}

/** A provider's answer for one payment and what `decide` made of it. */
export interface VendOutcome extends ProviderCall {
  action: VendAction;
}

/** The change an action makes to a locked payment; undefined when it makes none (settled meanwhile). */
function changeFor(
  p: PaymentRow,
  o: VendOutcome,
): { change: PaymentChange; ledger: LedgerItem[] } | undefined {
  const { action, result } = o;
  if (action.kind === 'succeed') {
    if (FINAL_STATUSES.includes(p.status)) return undefined;
    const receipt = result.receipt ?? null;
    const commission = actualCommission(p, result);
    const change: PaymentChange = {
      p,
      to: 'succeeded',
      reason: 'delivered',
      token: result.token ?? null,
      units: result.units ?? null,
      receipt,
      customerName: typeof receipt?.customerName === 'string' ? receipt.customerName : null,
      commissionActual: commission,
    };
    return { change, ledger: deliveryItems(p, commission) };
  }
  if (action.kind === 'fail') {
    if (FINAL_STATUSES.includes(p.status)) return undefined;
    return {
      change: { p, to: action.status, reason: action.reason },
      ledger: [{ id: derivedId('void', p), kind: 'void', pendingId: p.hold_id, code: 'bill_refund' }],
    };
  }
  if (action.kind === 'review' && paymentStates.allows(p.status, 'needs_review'))
    return { change: { p, to: 'needs_review', reason: action.reason }, ledger: [] };
  return undefined;
}

/**
 * Records the calls and applies the actions of many payments in one
 * transaction: posts and voids in one ledger statement, the status changes
 * grouped. A ledger refusal throws, so the whole batch rolls back (and the
 * caller may run its members one by one).
 */
export async function finishVends(tx: Tx, outcomes: readonly VendOutcome[]): Promise<void> {
  const settling = outcomes.filter((o) => o.action.kind !== 'requery');
  const locked = await loadPayments(
    tx,
    settling.map((o) => o.paymentId),
    true,
  );
  await insertCalls(tx, outcomes);
  const changes: PaymentChange[] = [];
  const ledger: LedgerItem[] = [];
  for (const o of settling) {
    const p = locked.get(o.paymentId);
    // Once per payment: a second answer for the same payment in this batch finds it settled.
    if (!p) continue;
    locked.delete(o.paymentId);
    const planned = changeFor(p, o);
    if (!planned) continue;
    changes.push(planned.change);
    ledger.push(...planned.ledger);
  }
  await transitionPayments(tx, changes);
  // The ledger last: the system accounts' balance rows it locks are shared with
  // every new payment's hold, so they stay locked for one statement and the commit.
  const results = ledger.length > 0 ? await createTransactions(tx, ledger) : [];
  const refused = results.find((r) => !r.ok);
  // A replay (ok, replayed) means an earlier attempt already did it: fine.
  if (refused) throw new Error(`bill payment ledger item ${refused.id} refused: ${refused.code}`);
}
