import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import type { Queryable, Tx } from '../db/index.js';
import { AppError, notFound } from '../errors/index.js';
import { decodeCursorAs, encodeCursor } from '../http/pagination.js';
import { assertCanDebit, chargeLimits } from '../kyc/index.js';
import {
  answerOfVerdict,
  type ClaimVerdict,
  completeIdempotent,
  type IdempotencyClaim,
  type IdempotentResult,
  type Replay,
} from '../idempotency/index.js';
import { type BatchWrite, isUuid, type LedgerItem, type TransactionResult } from '../ledger/index.js';
import { publish, publishMany } from '../outbox/index.js';
import { type RiskAttempt, type RiskVerdict, riskBlocked } from '../risk/index.js';
import { vtpassRequestId } from '../providers/index.js';
import {
  getOwnWallet,
  ledgerRefusal,
  minorToDecimal,
  storeRefusal,
  systemAccountId,
} from '../wallets/index.js';
import { checkAmount, checkCustomerRef, expectedCommission, feeFor, payableProduct } from './catalogue.js';
import type { PaymentStatus } from './payment-states.js';
import { checkRequote } from './registry.js';

export type { PaymentStatus } from './payment-states.js';

export const BILLS_NAMESPACE = '6f1e3d5c-7b9a-4c2e-8d0f-1a3c5e7b9d2f';
export const FINAL_STATUSES: readonly PaymentStatus[] = ['succeeded', 'failed', 'reversed'];

const formatNaira = (minor: bigint) => `₦${minorToDecimal(minor).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

export interface PaymentRow {
  id: string;
  user_id: string;
  wallet_id: string;
  biller_id: string;
  product_code: string;
  customer_ref: string;
  customer_name: string | null;
  phone: string | null;
  email: string | null;
  amount: bigint;
  fee: bigint;
  /** Expected at acceptance (the biller's rule). */
  commission: bigint;
  /** What the provider actually paid, booked on delivery (null before). */
  commission_actual: bigint | null;
  currency: string;
  status: PaymentStatus;
  provider: string;
  provider_ref: string;
  hold_id: string;
  sent_at: Date | null;
  token: string | null;
  units: string | null;
  receipt: Record<string, unknown> | null;
  failure_reason: string | null;
  created_at: Date;
  updated_at: Date;
  finalized_at: Date | null;
}

export interface PayInput {
  walletId: string;
  billerId: string;
  productCode: string;
  customerRef: string;
  amount: bigint;
  phone?: string;
  email?: string;
  customerName?: string;
}

/** The refusals decided before anything is held: catalogue, customer reference, amount, wallet, provider. */
async function checkPayable(ctx: AppContext, userId: string, input: PayInput) {
  const { biller, product } = await payableProduct(ctx.db, input.billerId, input.productCode);
  checkCustomerRef(biller.category, input.customerRef);
  await checkRequote(ctx.db, biller.id, product, input.amount);
  checkAmount(product, input.amount);
  const wallet = await getOwnWallet(ctx.db, userId, input.walletId);
  if (wallet.currency !== 'NGN')
    throw new AppError('unsupported_currency', 'Bills are paid from an NGN wallet');
  if (wallet.status === 'closed') throw new AppError('wallet_closed', 'This wallet is closed');
  if (wallet.status !== 'active') throw new AppError('wallet_frozen', 'This wallet is frozen');
  const providers = ctx.providers;
  if (!providers)
    throw new AppError('providers_unavailable', 'Bill payments are not configured on this server');
  const adapter = providers.router.pick(biller.providers.filter((p) => providers.names.includes(p)));
  if (!adapter) {
    throw new AppError(
      'providers_unavailable',
      `${biller.name} is temporarily unavailable; try again shortly`,
      {},
      { 'retry-after': '30' },
    );
  }
  return { biller, product, wallet, adapter };
}

/**
 * Accepts a bill payment (202): one database transaction validates it, places
 * a hold for amount + fee (wallet -> provider float and fee revenue), stores
 * the payment with its provider reference (generated once, here), enqueues
 * the vend job and records the idempotent response. Nothing is sent to the
 * provider in the request.
 */
export async function createPayment(
  ctx: AppContext,
  userId: string,
  input: PayInput,
  claim: IdempotencyClaim,
): Promise<IdempotentResult> {
  // Without claimInBatch nothing is answered from the store: never a Replay.
  return (await placePayment(ctx, userId, input, claim, false)) as IdempotentResult;
}

/** createPayment for idempotentInBatch: the key is claimed in the hold's batch (no claim of its own). */
export function acceptPayment(
  ctx: AppContext,
  userId: string,
  input: PayInput,
  claim: IdempotencyClaim,
): Promise<IdempotentResult | Replay> {
  return placePayment(ctx, userId, input, claim, true);
}

async function placePayment(
  ctx: AppContext,
  userId: string,
  input: PayInput,
  claim: IdempotencyClaim,
  claimInBatch: boolean,
): Promise<IdempotentResult | Replay> {
  // Ids derived from the idempotency key: a request that takes over a stale claim
  // (its first attempt still running somewhere) meets the first attempt's hold
  // in the ledger instead of creating a second payment.
  const id = uuidv5(`bill:${claim.scope}:${claim.key}`, BILLS_NAMESPACE);
  const { row, body, item, attempt, limits } = await preparePayment(ctx, userId, input, id);
  const currency = body.currency;
  const writes = {
    writes: (r: TransactionResult) => paymentWrites(r, row, claim, body, attempt),
    serializeOn: [`person:${userId}`], // the risk checker locks the payer
  };
  // With claimInBatch the key is claimed inside the batch too (idempotentInBatch):
  // a repeat is answered from the store there; otherwise the caller claimed it.
  // Then the risk rules, under the person's lock, in the same transaction.
  const checks = [
    ...(claimInBatch ? [{ checker: 'idempotency', row: claim }] : []),
    { checker: 'risk', row: attempt },
  ];
  const outcome = await ctx.ledger.submitChecked(item, checks, writes);
  if (outcome.kind === 'skipped') {
    const verdict = outcome.verdict as ClaimVerdict | RiskVerdict;
    if (verdict.kind === 'risk') return storeRefusal(ctx, claim, riskBlocked(verdict.fired, verdict.caseId));
    return answerOfVerdict(verdict);
  }
  const hold = outcome.result;
  if (!hold.ok && hold.code === 'credit_limit_exceeded')
    return storeRefusal(ctx, claim, await limits.refusal());
  if (!hold.ok) return ledgerRefusal(hold.code);
  if (hold.replayed) return replayedPayment(ctx, id, currency, claim);
  return { status: 202, body };
}

/** A payment ready to be held: its row, its answer, its ledger hold (with the limit legs) and its risk attempt. */
export interface PreparedPayment {
  row: NewPayment;
  body: { id: string; status: 'pending'; amount: bigint; fee: bigint; total: bigint; currency: string };
  item: LedgerItem;
  attempt: RiskAttempt;
  limits: Awaited<ReturnType<typeof chargeLimits>>;
}

/**
 * Everything decided before a payment is held: the refusals (catalogue, customer reference,
 * amount, re-quote, wallet, provider, post-no-debit, single-transaction limit), the fee, the
 * provider reference (generated once, here) and the hold for amount + fee.
 */
export async function preparePayment(
  ctx: AppContext,
  userId: string,
  input: PayInput,
  id: string,
): Promise<PreparedPayment> {
  const { biller, product, wallet, adapter } = await checkPayable(ctx, userId, input);
  await assertCanDebit(ctx, userId, wallet.id); // post-no-debit (person or wallet): no bill is paid from it
  const fee = feeFor(biller.fee, input.amount);
  const holdId = uuidv5(`bill-hold:${id}`, BILLS_NAMESPACE);
  const providerRef = vtpassRequestId(new Date());
  const currency = wallet.currency;
  // Amount and fee count against the daily limit while held; a voided hold gives them back.
  const limits = await chargeLimits(ctx, { debtor: userId }, currency, input.amount + fee);

  const row: NewPayment = {
    id,
    user_id: userId,
    wallet_id: wallet.id,
    biller_id: biller.id,
    product_code: product.code,
    customer_ref: input.customerRef,
    customer_name: input.customerName ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    amount: input.amount,
    fee,
    commission: expectedCommission(biller, input.amount),
    currency,
    provider: adapter.name,
    provider_ref: providerRef,
    hold_id: holdId,
    reason: `accepted; ${formatNaira(input.amount + fee)} held from the wallet`,
  };
  const body = {
    id,
    status: 'pending' as const,
    amount: input.amount,
    fee,
    total: input.amount + fee,
    currency,
  };
  // Through the batcher: the hold, the payment, its events and the idempotency
  // record commit together with the other requests of the moment, in one
  // transaction that holds the shared system accounts for one statement.
  const item: LedgerItem = {
    id: holdId,
    kind: 'hold',
    currency,
    code: 'bill_payment',
    legs: [
      { accountId: wallet.id, side: 'D', amount: input.amount + fee },
      {
        accountId: systemAccountId('provider_float', currency, adapter.name),
        side: 'C',
        amount: input.amount,
      },
      ...(fee > 0n
        ? [{ accountId: systemAccountId('fee_revenue', currency), side: 'C' as const, amount: fee }]
        : []),
      ...limits.legs,
    ],
    metadata: {
      description: `${biller.name} · ${product.name} · ${input.customerRef}`,
      reference: id,
      paymentId: id,
      counterparty: { name: biller.name },
      biller: { id: biller.id, name: biller.name },
      customerRef: input.customerRef,
    },
  };
  const attempt = riskAttemptOf(userId, biller.id, input, fee, currency, id);
  return { row, body, item, attempt, limits };
}

/** What the risk checker is told of a bill payment (amount and fee; the biller and the customer reference). */
function riskAttemptOf(
  userId: string,
  billerId: string,
  input: PayInput,
  fee: bigint,
  currency: string,
  id: string,
): RiskAttempt {
  const counterparty = `biller:${billerId}:${input.customerRef}`;
  return {
    userId,
    kind: 'bill_payment',
    amount: input.amount + fee,
    currency,
    counterparty,
    reference: id,
    at: new Date(),
  };
}

/** A new payment as the batcher's `bills.payments` writer inserts it, with its first event's reason. */
export type NewPayment = Omit<
  PaymentRow,
  | 'status'
  | 'commission_actual'
  | 'sent_at'
  | 'token'
  | 'units'
  | 'receipt'
  | 'failure_reason'
  | 'created_at'
  | 'updated_at'
  | 'finalized_at'
> & { reason: string };

/** What commits with the hold: the payment, its vend job and live update, the idempotent answer. */
function paymentWrites(
  r: TransactionResult,
  row: NewPayment,
  claim: IdempotencyClaim,
  body: { id: string; status: 'pending' },
  attempt: RiskAttempt,
): BatchWrite[] {
  if (!r.ok && r.code === 'credit_limit_exceeded') return []; // stored after, with which limit it was
  if (!r.ok) {
    const refusal = ledgerRefusal(r.code);
    return [{ writer: 'idempotency', row: { claim, status: refusal.status, body: refusal.body } }];
  }
  // Committed earlier with its payment (a request that took over a stale claim): answered after.
  if (r.replayed) return [];
  return [
    { writer: 'bills.payments', row },
    ...acceptedEvents(row).map((e) => ({ writer: 'outbox', row: e })),
    { writer: 'idempotency', row: { claim, status: 202, body } },
    { writer: 'risk.debits', row: { ...attempt, at: undefined } },
  ];
}

/** What an accepted payment publishes with its hold: its vend job and its live update. */
export function acceptedEvents(row: Pick<NewPayment, 'id' | 'user_id' | 'wallet_id'>) {
  const update = { id: row.id, user_id: row.user_id, wallet_id: row.wallet_id, status: 'pending' as const };
  return [
    { type: 'bill_payment.vend', key: row.id, userId: row.user_id, payload: { paymentId: row.id } },
    updateEvent(update),
  ];
}

/** The hold existed already: answer with the payment the first attempt created. */
async function replayedPayment(ctx: AppContext, id: string, currency: string, claim: IdempotencyClaim) {
  return ctx.db.transaction(async (tx) => {
    const existing = await loadPayment(tx, id);
    if (!existing) throw new Error(`bill payment ${id}: hold exists without its payment`);
    const body = {
      id,
      status: existing.status,
      amount: existing.amount,
      fee: existing.fee,
      total: existing.amount + existing.fee,
      currency,
    };
    await completeIdempotent(tx, claim, 202, body);
    return { status: 202, body };
  });
}

/** The batcher's `bills.payments` writer: new payments and their first events, two statements. */
export async function insertPayments(tx: Tx, rows: readonly NewPayment[]): Promise<void> {
  if (rows.length === 0) return;
  const of = (f: (r: NewPayment) => unknown) => rows.map(f);
  await tx.query(
    `INSERT INTO bills.payments (id, user_id, wallet_id, biller_id, product_code, customer_ref, customer_name, phone, email,
       amount, fee, commission, currency, status, provider, provider_ref, hold_id)
     SELECT id, user_id, wallet_id, biller_id, product_code, customer_ref, customer_name, phone, email,
       amount, fee, commission, currency, 'pending', provider, provider_ref, hold_id
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
         $9::text[], $10::bigint[], $11::bigint[], $12::bigint[], $13::text[], $14::text[], $15::text[], $16::uuid[])
         AS x(id, user_id, wallet_id, biller_id, product_code, customer_ref, customer_name, phone, email,
           amount, fee, commission, currency, provider, provider_ref, hold_id)`,
    [
      of((r) => r.id),
      of((r) => r.user_id),
      of((r) => r.wallet_id),
      of((r) => r.biller_id),
      of((r) => r.product_code),
      of((r) => r.customer_ref),
      of((r) => r.customer_name),
      of((r) => r.phone),
      of((r) => r.email),
      of((r) => String(r.amount)),
      of((r) => String(r.fee)),
      of((r) => String(r.commission)),
      of((r) => r.currency),
      of((r) => r.provider),
      of((r) => r.provider_ref),
      of((r) => r.hold_id),
    ],
  );
  await recordEvents(
    tx,
    rows.map((r) => ({ paymentId: r.id, status: 'pending', reason: r.reason })),
  );
}

export async function recordEvent(
  tx: Tx,
  paymentId: string,
  status: string,
  reason?: string,
  actorId?: string,
) {
  await tx.query(
    'INSERT INTO bills.payment_events (payment_id, status, reason, actor_id) VALUES ($1, $2, $3, $4)',
    [paymentId, status, reason ?? null, actorId ?? null],
  );
}

/** What publishUpdate needs of a payment. */
export interface PaymentUpdate {
  id: string;
  user_id: string;
  wallet_id: string;
  status: PaymentStatus;
  token?: string | null;
  failure_reason?: string | null;
}

const updateEvent = (p: PaymentUpdate) => ({
  type: 'bill_payment.updated',
  key: p.id,
  userId: p.user_id,
  payload: {
    id: p.id,
    walletId: p.wallet_id,
    status: p.status,
    token: p.status === 'reversed' ? null : (p.token ?? null),
    reason: p.failure_reason ?? null,
  },
});

/** The live event a person's open screens receive when a payment changes. */
export async function publishUpdate(tx: Tx, p: PaymentUpdate) {
  await publish(tx, updateEvent(p));
}

/** publishUpdate for many payments, with one statement. */
export async function publishUpdates(tx: Tx, payments: readonly PaymentUpdate[]) {
  await publishMany(tx, payments.map(updateEvent));
}

/** recordEvent for many payments, with one statement. */
export async function recordEvents(
  tx: Tx,
  events: readonly { paymentId: string; status: string; reason: string | null }[],
) {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO bills.payment_events (payment_id, status, reason)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])`,
    [events.map((e) => e.paymentId), events.map((e) => e.status), events.map((e) => e.reason)],
  );
}

export async function loadPayment(db: Queryable, id: string, lock = false): Promise<PaymentRow | undefined> {
  const { rows } = await db.query<PaymentRow>(
    `SELECT * FROM bills.payments WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export async function loadPaymentByRef(db: Queryable, providerRef: string): Promise<PaymentRow | undefined> {
  const { rows } = await db.query<PaymentRow>('SELECT * FROM bills.payments WHERE provider_ref = $1', [
    providerRef,
  ]);
  return rows[0];
}

export interface TimelineEntry {
  status: string;
  at: string;
  reason: string | null;
}

async function timelines(db: Queryable, ids: string[]): Promise<Map<string, TimelineEntry[]>> {
  const { rows } = await db.query<{ payment_id: string; status: string; reason: string | null; at: Date }>(
    'SELECT payment_id, status, reason, at FROM bills.payment_events WHERE payment_id = ANY ($1::uuid[]) ORDER BY id',
    [ids],
  );
  const out = new Map<string, TimelineEntry[]>();
  for (const r of rows) {
    const list = out.get(r.payment_id) ?? [];
    list.push({ status: r.status, at: r.at.toISOString(), reason: r.reason });
    out.set(r.payment_id, list);
  }
  return out;
}

async function billerNames(db: Queryable): Promise<Map<string, { name: string; category: string }>> {
  const { rows } = await db.query<{ id: string; name: string; category: string }>(
    'SELECT id, name, category FROM bills.billers',
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, category: r.category }]));
}

/** Receipt fields that carry a token, in any of the shapes VTpass uses. */
const TOKEN_FIELDS = new Set([
  'token',
  'mainToken',
  'bonusToken',
  'purchased_code',
  'resetToken',
  'configureToken',
]);

function withoutTokens(receipt: Record<string, unknown> | null) {
  if (!receipt) return receipt;
  return Object.fromEntries(Object.entries(receipt).filter(([k]) => !TOKEN_FIELDS.has(k)));
}

export function paymentView(
  p: PaymentRow,
  timeline: TimelineEntry[],
  biller?: { name: string; category: string },
) {
  return {
    id: p.id,
    status: p.status,
    walletId: p.wallet_id,
    billerId: p.biller_id,
    billerName: biller?.name ?? p.biller_id,
    category: biller?.category ?? null,
    productCode: p.product_code,
    customerRef: p.customer_ref,
    customerName: p.customer_name,
    phone: p.phone,
    amount: p.amount,
    fee: p.fee,
    total: p.amount + p.fee,
    currency: p.currency.trim(),
    // A reversed payment's token no longer stands: it is not shown (nor any copy in the receipt).
    token: p.status === 'reversed' ? null : p.token,
    units: p.units,
    receipt: p.status === 'reversed' ? withoutTokens(p.receipt) : p.receipt,
    failureReason: p.failure_reason,
    providerReference: p.provider_ref,
    timeline,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
    finalizedAt: p.finalized_at?.toISOString() ?? null,
  };
}

/** Who a category's payments go to, as a customer would name them. */
const COMPANY_OF: Record<string, string> = {
  electricity: 'The electricity company',
  water: 'The water company',
  gas: 'The gas company',
  internet: 'The internet provider',
  cable: 'The TV provider',
  airtime: 'The network',
  data: 'The network',
  education: 'The exam board',
};

/**
 * Why a payment did not go through, in a customer's words. Provider codes and
 * messages ("vtpass 016: ...") stay in the staff view.
 */
export function customerFailureReason(status: string, category: string | null): string | null {
  const company = (category && COMPANY_OF[category]) || 'The biller';
  if (status === 'failed') return `${company} could not complete this purchase.`;
  if (status === 'reversed') return `${company} reversed this purchase.`;
  return null;
}

type PaymentView = ReturnType<typeof paymentView>;

/**
 * A payment as its payer sees it: what happened in plain words. The provider's
 * codes and messages (the failure reason, each step's reason) are for staff.
 */
export function customerPaymentView(view: PaymentView): PaymentView {
  return {
    ...view,
    failureReason: customerFailureReason(view.status, view.category),
    timeline: view.timeline.map((t) => ({ ...t, reason: null })),
  };
}

/** A payment of the payer's own, as they see it (customerPaymentView). */
export async function getCustomerPaymentView(db: Queryable, id: string, userId: string) {
  return customerPaymentView(await getPaymentView(db, id, userId));
}

export async function getPaymentView(db: Queryable, id: string, userId?: string) {
  const p = await loadPayment(db, id);
  if (!p || (userId !== undefined && p.user_id !== userId)) throw notFound('Bill payment');
  const [tl, names] = await Promise.all([timelines(db, [id]), billerNames(db)]);
  return paymentView(p, tl.get(id) ?? [], names.get(p.biller_id));
}

/** Several payments' views by id with three queries (ids not found are left out; at most 500). */
export async function getPaymentViews(db: Queryable, ids: readonly string[]) {
  if (ids.length > 500) throw new RangeError('getPaymentViews: at most 500 ids');
  const wanted = [...new Set(ids.filter((id) => isUuid(id)))];
  const views = new Map<string, ReturnType<typeof paymentView>>();
  if (wanted.length === 0) return views;
  const [{ rows }, tl, names] = await Promise.all([
    db.query<PaymentRow>('SELECT * FROM bills.payments WHERE id = ANY ($1::uuid[])', [wanted]),
    timelines(db, wanted),
    billerNames(db),
  ]);
  for (const p of rows) views.set(p.id, paymentView(p, tl.get(p.id) ?? [], names.get(p.biller_id)));
  return views;
}

export interface PaymentFilter {
  userId?: string;
  status?: PaymentStatus;
  billerId?: string;
  q?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit?: number;
}

/** Payments newest first, keyset-paginated by (created_at, id). */
export async function listPayments(db: Queryable, f: PaymentFilter) {
  const limit = Math.min(Math.max(f.limit ?? 20, 1), 100);
  let cursorAt: Date | null = null;
  let cursorId: string | null = null;
  if (f.cursor !== undefined) {
    const [at, id] = decodeCursorAs(f.cursor, ['timestamp', 'uuid']);
    cursorAt = new Date(at!);
    cursorId = id!;
  }
  const { rows } = await db.query<PaymentRow>(
    `SELECT p.* FROM bills.payments p
      WHERE ($1::uuid IS NULL OR p.user_id = $1)
        AND ($2::text IS NULL OR p.status = $2)
        AND ($3::text IS NULL OR p.biller_id = $3)
        AND ($4::text IS NULL OR p.customer_ref = $4 OR p.provider_ref = $4 OR p.id::text = $4 OR p.email = $4)
        AND ($5::timestamptz IS NULL OR p.created_at >= $5)
        AND ($6::timestamptz IS NULL OR p.created_at < $6)
        AND ($7::timestamptz IS NULL OR (p.created_at, p.id) < ($7, $8::uuid))
      ORDER BY p.created_at DESC, p.id DESC
      LIMIT $9`,
    [
      f.userId ?? null,
      f.status ?? null,
      f.billerId ?? null,
      f.q ?? null,
      f.from ?? null,
      f.to ?? null,
      cursorAt,
      cursorId,
      limit + 1,
    ],
  );
  const page = rows.slice(0, limit);
  const ids = page.map((p) => p.id);
  const [tl, names] = await Promise.all([timelines(db, ids), billerNames(db)]);
  const last = page[page.length - 1];
  return {
    data: page.map((p) => paymentView(p, tl.get(p.id) ?? [], names.get(p.biller_id))),
    nextCursor: rows.length > limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
  };
}

/** Meters and numbers a person paid successfully before, for "pay again". */
export async function savedCustomers(db: Queryable, userId: string, limit = 20) {
  const { rows } = await db.query<{
    biller_id: string;
    product_code: string;
    customer_ref: string;
    customer_name: string | null;
    amount: bigint;
    created_at: Date;
  }>(
    `SELECT DISTINCT ON (biller_id, product_code, customer_ref) biller_id, product_code, customer_ref, customer_name, amount, created_at
       FROM bills.payments WHERE user_id = $1 AND status = 'succeeded'
      ORDER BY biller_id, product_code, customer_ref, created_at DESC`,
    [userId],
  );
  const names = await billerNames(db);
  return rows
    .sort((a, b) => b.created_at.getTime() - a.created_at.getTime())
    .slice(0, limit)
    .map((r) => ({
      billerId: r.biller_id,
      billerName: names.get(r.biller_id)?.name ?? r.biller_id,
      category: names.get(r.biller_id)?.category ?? null,
      productCode: r.product_code,
      customerRef: r.customer_ref,
      customerName: r.customer_name,
      lastAmount: r.amount,
      lastPaidAt: r.created_at.toISOString(),
    }));
}
