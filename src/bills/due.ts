/**
 * Bills due across a person's linked accounts: fetched from the provider (merchant-verify's
 * outstanding bill), stored in bills.due_bills and cached (bill-cache.ts) for BILL_CACHE_TTL_MS.
 * A read never calls the provider while an account's bills are fresh (in the cache or, when the
 * cache cannot answer, by the account's bills_fetched_at); the worker fetches stale ones again.
 * Every fetch (read, refresh, worker) commits with a `bills.refreshed` event.
 */
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { publish } from '../outbox/index.js';
import { lagosDate } from '../providers/index.js';
import { billCacheOf, billCacheReads, type CachedBill, type CachedBills } from './bill-cache.js';
import { getBiller } from './catalogue.js';
import { type LinkedAccountRow, listLinkedAccounts } from './linked-accounts.js';

export const BILLS_REFRESHED_EVENT = 'bills.refreshed';
/** Payment statuses under which a bill counts as being paid (not due again). */
export const PAYING = ['pending', 'processing', 'succeeded', 'needs_review'];

export interface DueBill {
  billReference: string;
  linkedAccountId: string;
  billerId: string;
  billerName: string;
  category: string;
  productCode: string;
  customerRef: string;
  nickname: string;
  customerName: string;
  amountDue: bigint;
  currency: string;
  dueDate: string;
  period: string | null;
  fetchedAt: string;
  paymentId: string | null;
  paymentStatus: string | null;
}

const dashed = (yyyymmdd: string) =>
  `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

/** Asks the account's provider for its outstanding bill: none, one, or undefined when it did not answer. */
async function fetchFromProvider(ctx: AppContext, a: LinkedAccountRow): Promise<CachedBill[] | undefined> {
  const biller = await getBiller(ctx.db, a.biller_id);
  const router = ctx.providers?.router;
  const adapter = biller && router?.pick(biller.providers);
  if (!biller || !router || !adapter) return undefined;
  const r = await adapter.validateCustomer({
    serviceId: biller.serviceId,
    variationCode: a.product_code,
    customerRef: a.customer_ref,
  });
  router.record(adapter.name, 'validate', r);
  if (!r.ok) return r.customerNotFound ? [] : undefined;
  if (!r.bill) return [];
  const today = lagosDate(new Date());
  const period = r.bill.period ?? null;
  return [
    {
      // Without the provider's reference: one bill per account and period (or month).
      reference:
        r.bill.reference ??
        `${a.biller_id}-${(period ?? today.slice(0, 6)).replace('-', '')}-${a.customer_ref}`,
      amountDue: r.bill.amountDueMinor.toString(),
      currency: 'NGN',
      dueDate: r.bill.dueDate ?? dashed(today),
      period,
    },
  ];
}

/**
 * Fetches the accounts' bills from the provider and stores them with one `bills.refreshed`
 * event per person, in one transaction; then caches them. An account whose provider did not
 * answer keeps what it had (and is listed in `failed`).
 */
export async function refreshAccounts(
  ctx: AppContext,
  accounts: readonly LinkedAccountRow[],
  trigger: 'read' | 'refresh' | 'schedule',
) {
  const fetched: { account: LinkedAccountRow; bills: CachedBill[] }[] = [];
  const failed: string[] = [];
  for (const account of accounts) {
    const bills = await fetchFromProvider(ctx, account).catch((error) => {
      ctx.log.warn({ err: error, linkedAccountId: account.id }, 'bills due: provider fetch failed');
      return undefined;
    });
    if (bills) fetched.push({ account, bills });
    else failed.push(account.id);
  }
  const fetchedAt = new Date();
  await ctx.db.transaction(async (tx) => {
    for (const { account, bills } of fetched) {
      for (const b of bills) {
        await tx.query(
          `INSERT INTO bills.due_bills (linked_account_id, bill_reference, amount_due, currency, due_date, period, fetched_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (linked_account_id, bill_reference) DO UPDATE
             SET amount_due = $3, currency = $4, due_date = $5, period = $6, fetched_at = $7, outstanding = true`,
          [account.id, b.reference, b.amountDue, b.currency, b.dueDate, b.period, fetchedAt],
        );
      }
      await tx.query(
        `UPDATE bills.due_bills SET outstanding = false
          WHERE linked_account_id = $1 AND outstanding AND NOT (bill_reference = ANY ($2::text[]))`,
        [account.id, bills.map((b) => b.reference)],
      );
      await tx.query('UPDATE bills.linked_accounts SET bills_fetched_at = $2 WHERE id = $1', [
        account.id,
        fetchedAt,
      ]);
    }
    const byUser = new Map<string, typeof fetched>();
    for (const f of fetched) byUser.set(f.account.user_id, [...(byUser.get(f.account.user_id) ?? []), f]);
    for (const [userId, list] of byUser) {
      await publish(tx, {
        type: BILLS_REFRESHED_EVENT,
        key: userId,
        userId,
        payload: {
          userId,
          trigger,
          at: fetchedAt.toISOString(),
          accounts: list.map((f) => ({
            linkedAccountId: f.account.id,
            bills: f.bills.map((b) => ({
              billReference: b.reference,
              amountDue: b.amountDue,
              dueDate: b.dueDate,
            })),
          })),
        },
      });
    }
  });
  const cache = billCacheOf(ctx);
  const value = (bills: CachedBill[]): CachedBills => ({ fetchedAt: fetchedAt.toISOString(), bills });
  for (const f of fetched) await cache.set(f.account.id, value(f.bills), ctx.config.billCacheTtlMs);
  return { fetched: fetched.length, failed, at: fetchedAt.toISOString() };
}

/** The stored (outstanding) bills of accounts, for accounts still fresh when the cache cannot answer. */
async function storedBills(db: Queryable, accountIds: readonly string[]) {
  const { rows } = await db.query<{
    linked_account_id: string;
    bill_reference: string;
    amount_due: bigint;
    currency: string;
    due_date: string;
    period: string | null;
    fetched_at: Date;
  }>(
    `SELECT linked_account_id, bill_reference, amount_due, currency, to_char(due_date, 'YYYY-MM-DD') AS due_date,
            period, fetched_at
       FROM bills.due_bills WHERE linked_account_id = ANY ($1::uuid[]) AND outstanding`,
    [accountIds],
  );
  const out = new Map<string, CachedBill[]>();
  for (const r of rows)
    out.set(r.linked_account_id, [
      ...(out.get(r.linked_account_id) ?? []),
      {
        reference: r.bill_reference,
        amountDue: String(r.amount_due),
        currency: r.currency.trim(),
        dueDate: r.due_date,
        period: r.period,
      },
    ]);
  return out;
}

/** Each account's bills: the cache, else the database while fresh, else the provider (then cached). */
async function billsOf(ctx: AppContext, accounts: readonly LinkedAccountRow[]) {
  const cache = billCacheOf(ctx);
  const ttl = ctx.config.billCacheTtlMs;
  const out = new Map<string, { fetchedAt: string; bills: CachedBill[] }>();
  const fromDb: LinkedAccountRow[] = [];
  for (const a of accounts) {
    const hit = await cache.get(a.id);
    billCacheReads.inc({ backend: cache.backend, result: hit ? 'hit' : 'miss' });
    if (hit) out.set(a.id, hit);
    else if (a.bills_fetched_at && Date.now() - a.bills_fetched_at.getTime() < ttl) fromDb.push(a);
  }
  if (fromDb.length > 0) {
    const stored = await storedBills(
      ctx.db,
      fromDb.map((a) => a.id),
    );
    for (const a of fromDb) {
      const value = { fetchedAt: (a.bills_fetched_at as Date).toISOString(), bills: stored.get(a.id) ?? [] };
      out.set(a.id, value);
      const left = ttl - (Date.now() - (a.bills_fetched_at as Date).getTime());
      if (left > 0) await cache.set(a.id, value, left);
    }
  }
  const stale = accounts.filter((a) => !out.has(a.id));
  if (stale.length > 0) {
    const { at } = await refreshAccounts(ctx, stale, 'read');
    const stored = await storedBills(
      ctx.db,
      stale.map((a) => a.id),
    );
    for (const a of stale) out.set(a.id, { fetchedAt: at, bills: stored.get(a.id) ?? [] });
  }
  return out;
}

/** The payments made for bills (the latest per bill). */
async function paymentsOfBills(db: Queryable, accountIds: readonly string[]) {
  const { rows } = await db.query<{
    linked_account_id: string;
    bill_reference: string;
    payment_id: string;
    status: string;
  }>(
    `SELECT d.linked_account_id, d.bill_reference, d.payment_id, p.status
       FROM bills.due_bills d JOIN bills.payments p ON p.id = d.payment_id
      WHERE d.linked_account_id = ANY ($1::uuid[])`,
    [accountIds],
  );
  return new Map(rows.map((r) => [`${r.linked_account_id}|${r.bill_reference}`, r]));
}

/**
 * The person's bills due, sorted by due date, with totals per currency. A bill being paid (or
 * paid, until the provider stops reporting it) is listed with its payment and left out of the
 * totals.
 */
export async function billsDue(ctx: AppContext, userId: string) {
  const accounts = await listLinkedAccounts(ctx.db, userId);
  const bills = await billsOf(ctx, accounts);
  const payments = await paymentsOfBills(
    ctx.db,
    accounts.map((a) => a.id),
  );
  const data: DueBill[] = [];
  for (const a of accounts) {
    const entry = bills.get(a.id);
    for (const b of entry?.bills ?? []) {
      const paid = payments.get(`${a.id}|${b.reference}`);
      data.push({
        billReference: b.reference,
        linkedAccountId: a.id,
        billerId: a.biller_id,
        billerName: a.biller_name,
        category: a.category,
        productCode: a.product_code,
        customerRef: a.customer_ref,
        nickname: a.nickname,
        customerName: a.customer_name,
        amountDue: BigInt(b.amountDue),
        currency: b.currency,
        dueDate: b.dueDate,
        period: b.period,
        fetchedAt: entry?.fetchedAt ?? new Date().toISOString(),
        paymentId: paid?.payment_id ?? null,
        paymentStatus: paid?.status ?? null,
      });
    }
  }
  data.sort((x, y) => x.dueDate.localeCompare(y.dueDate) || x.billReference.localeCompare(y.billReference));
  const totals = new Map<string, bigint>();
  for (const b of data)
    if (!b.paymentStatus || !PAYING.includes(b.paymentStatus))
      totals.set(b.currency, (totals.get(b.currency) ?? 0n) + b.amountDue);
  return {
    data,
    totals: [...totals].map(([currency, amountDue]) => ({ currency, amountDue })),
  };
}

/** POST /v1/bills/due/refresh: every linked account of the person, from the provider now. */
export async function refreshBillsDue(ctx: AppContext, userId: string) {
  const accounts = await listLinkedAccounts(ctx.db, userId);
  if (accounts.length === 0) return { fetched: 0, failed: [], at: new Date().toISOString() };
  return refreshAccounts(ctx, accounts, 'refresh');
}

/** The worker's schedule: accounts whose bills are older than the TTL, a few at a time. */
export async function refreshStaleAccounts(ctx: AppContext, limit = 50): Promise<number> {
  if (!ctx.providers) return 0;
  const { rows } = await ctx.db.query<LinkedAccountRow>(
    `SELECT a.*, b.name AS biller_name, b.category FROM bills.linked_accounts a
       JOIN bills.billers b ON b.id = a.biller_id
      WHERE a.unlinked_at IS NULL AND b.enabled
        AND (a.bills_fetched_at IS NULL OR a.bills_fetched_at < now() - make_interval(secs => $1::double precision / 1000))
      ORDER BY a.bills_fetched_at NULLS FIRST, a.id LIMIT $2`,
    [ctx.config.billCacheTtlMs, limit],
  );
  if (rows.length === 0) return 0;
  const r = await refreshAccounts(ctx, rows, 'schedule');
  return r.fetched;
}

/** A person's bills by reference, payable now; refuses an unknown or already-paid one. */
export async function payableBills(db: Queryable, userId: string, references: readonly string[]) {
  const { rows } = await db.query<{
    linked_account_id: string;
    bill_reference: string;
    amount_due: bigint;
    currency: string;
    biller_id: string;
    product_code: string;
    customer_ref: string;
    customer_name: string;
    payment_status: string | null;
  }>(
    `SELECT d.linked_account_id, d.bill_reference, d.amount_due, d.currency, a.biller_id, a.product_code,
            a.customer_ref, a.customer_name, p.status AS payment_status
       FROM bills.due_bills d
       JOIN bills.linked_accounts a ON a.id = d.linked_account_id
       LEFT JOIN bills.payments p ON p.id = d.payment_id
      WHERE a.user_id = $1 AND a.unlinked_at IS NULL AND d.outstanding AND d.bill_reference = ANY ($2::text[])`,
    [userId, references],
  );
  const byRef = new Map(rows.map((r) => [r.bill_reference, r]));
  return references.map((ref) => {
    const r = byRef.get(ref);
    if (!r)
      throw new AppError('bill_not_found', `No bill ${ref} is due on your linked accounts`, {
        billReference: ref,
      });
    if (r.payment_status && PAYING.includes(r.payment_status))
      throw new AppError('bill_already_paid', `Bill ${ref} is paid or being paid already`, {
        billReference: ref,
      });
    return r;
  });
}
