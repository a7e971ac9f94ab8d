import type { Tx } from '../db/index.js';
import { type AccountRow, toAccount } from './accounts.js';
import type { Account, Balance, Side } from './types.js';

interface SumsRow {
  account_id: string;
  currency: string;
  dp: bigint;
  cp: bigint;
  dpe: bigint;
  cpe: bigint;
}

const toBalance = (r: SumsRow): Balance => ({
  accountId: r.account_id,
  currency: r.currency.trim(),
  debitsPosted: r.dp,
  creditsPosted: r.cp,
  debitsPending: r.dpe,
  creditsPending: r.cpe,
  posted: r.cp - r.dp,
  available: r.cp - r.dp - r.dpe,
  held: r.dpe,
});

/** Balances of several accounts, summing the bucket rows of hot accounts. */
export async function getBalances(tx: Tx, accountIds: readonly string[]): Promise<Map<string, Balance>> {
  if (accountIds.length === 0) return new Map();
  const { rows } = await tx.query<SumsRow>(
    `SELECT a.id AS account_id, a.currency,
            coalesce(sum(b.debits_posted), 0)::bigint AS dp, coalesce(sum(b.credits_posted), 0)::bigint AS cp,
            coalesce(sum(b.debits_pending), 0)::bigint AS dpe, coalesce(sum(b.credits_pending), 0)::bigint AS cpe
       FROM ledger.accounts a LEFT JOIN ledger.balances b ON b.account_id = a.id
      WHERE a.id = ANY ($1::uuid[])
      GROUP BY a.id, a.currency`,
    [accountIds],
  );
  return new Map(rows.map((r) => [r.account_id, toBalance(r)]));
}

/** An account with its balance, read together. */
export interface AccountBalance {
  account: Account;
  balance: Balance;
}

/**
 * Accounts with their balances in one round trip, by id; unknown ids are
 * absent from the map. The balance is summed from the rows as they are now
 * (never cached). Ids must be UUIDs.
 */
export async function getAccountBalances(
  tx: Tx,
  accountIds: readonly string[],
): Promise<Map<string, AccountBalance>> {
  if (accountIds.length === 0) return new Map();
  // a.* under GROUP BY a.id: every account column depends on its primary key.
  const { rows } = await tx.query<AccountRow & Omit<SumsRow, 'account_id'>>(
    `SELECT a.*,
            coalesce(sum(b.debits_posted), 0)::bigint AS dp, coalesce(sum(b.credits_posted), 0)::bigint AS cp,
            coalesce(sum(b.debits_pending), 0)::bigint AS dpe, coalesce(sum(b.credits_pending), 0)::bigint AS cpe
       FROM ledger.accounts a LEFT JOIN ledger.balances b ON b.account_id = a.id
      WHERE a.id = ANY ($1::uuid[])
      GROUP BY a.id`,
    [accountIds],
  );
  return new Map(
    rows.map((r) => [r.id, { account: toAccount(r), balance: toBalance({ ...r, account_id: r.id }) }]),
  );
}

export async function getBalance(tx: Tx, accountId: string): Promise<Balance | undefined> {
  return (await getBalances(tx, [accountId])).get(accountId);
}

/** The posted balance (credits - debits) of an account as it was at a moment, from the journal. */
export async function getBalanceAt(tx: Tx, accountId: string, at: Date): Promise<bigint> {
  const { rows } = await tx.query<{ balance: bigint }>(
    `SELECT coalesce(sum(CASE WHEN side = 'C' THEN amount ELSE -amount END), 0)::bigint AS balance
       FROM ledger.postings WHERE account_id = $1 AND NOT pending AND created_at <= $2`,
    [accountId, at],
  );
  return rows[0]?.balance ?? 0n;
}

export interface HistoryLine {
  postingId: bigint;
  transactionId: string;
  kind: 'transfer' | 'hold' | 'post' | 'void';
  code: string;
  side: Side;
  pending: boolean;
  amount: bigint;
  /** Posted balance after this line (credits - debits). */
  balanceAfter: bigint;
  pendingId: string | null;
  /** For a hold's pending line: open, posted, voided or expired. */
  holdStatus: 'open' | 'posted' | 'voided' | 'expired' | null;
  metadata: Record<string, unknown>;
  createdAt: Date;
}

export interface HistoryQuery {
  /** Lines older than this posting id (the cursor of the previous page). */
  before?: bigint;
  limit?: number;
  codes?: string[];
  from?: Date;
  to?: Date;
  /** Only lines on this side (D: money out of the account, C: money in). */
  side?: Side;
  /**
   * A customer's view: one line per movement. Hides the release of a hold and
   * the pending line of a hold that was posted (its posted line stands for it).
   */
  customerView?: boolean;
}

export const MAX_HISTORY_PAGE = 100;

/**
 * An account's journal, newest first, with the running posted balance after
 * each line. Cursor-paginated by posting id; at most 100 lines a page.
 */
export async function getHistory(
  tx: Tx,
  accountId: string,
  q: HistoryQuery = {},
): Promise<{ lines: HistoryLine[]; nextCursor: bigint | null }> {
  const limit = Math.min(Math.max(q.limit ?? 50, 1), MAX_HISTORY_PAGE);
  const { rows } = await tx.query<{
    id: bigint;
    transaction_id: string;
    kind: HistoryLine['kind'];
    code: string;
    side: Side;
    pending: boolean;
    amount: bigint;
    balance_after: bigint | null;
    running: bigint;
    pending_id: string | null;
    hold_status: HistoryLine['holdStatus'];
    metadata: Record<string, unknown>;
    created_at: Date;
  }>(
    `SELECT p.id, p.transaction_id, t.kind, t.code, p.side, p.pending, p.amount, p.balance_after,
            t.pending_id, p.created_at, h.status AS hold_status,
            -- A post or void says only which hold it settles: it reads with the hold's metadata
            -- (what was bought, from whom), its own keys on top.
            CASE WHEN t.pending_id IS NULL THEN t.metadata
                 ELSE coalesce((SELECT ht.metadata FROM ledger.transactions ht WHERE ht.id = t.pending_id),
                               '{}'::jsonb) || t.metadata END AS metadata,
            CASE WHEN p.balance_after IS NULL THEN
              (SELECT coalesce(sum(CASE WHEN q.side = 'C' THEN q.amount ELSE -q.amount END), 0)
                 FROM ledger.postings q WHERE q.account_id = p.account_id AND NOT q.pending AND q.id <= p.id)
            END::bigint AS running
       FROM ledger.postings p JOIN ledger.transactions t ON t.id = p.transaction_id
       LEFT JOIN ledger.holds h ON p.pending AND h.id = p.transaction_id
      WHERE p.account_id = $1
        AND ($2::bigint IS NULL OR p.id < $2)
        AND ($3::text[] IS NULL OR t.code = ANY ($3))
        AND ($4::timestamptz IS NULL OR p.created_at >= $4)
        AND ($5::timestamptz IS NULL OR p.created_at < $5)
        AND ($6::text IS NULL OR p.side = $6)
        AND (NOT $7 OR NOT p.pending OR (p.amount > 0 AND h.status <> 'posted'))
      ORDER BY p.id DESC
      LIMIT $8`,
    [
      accountId,
      q.before ?? null,
      q.codes ?? null,
      q.from ?? null,
      q.to ?? null,
      q.side ?? null,
      q.customerView ?? false,
      limit + 1,
    ],
  );
  const page = rows.slice(0, limit);
  const lines = page.map((r) => ({
    postingId: r.id,
    transactionId: r.transaction_id,
    kind: r.kind,
    code: r.code,
    side: r.side,
    pending: r.pending,
    amount: r.amount,
    balanceAfter: r.balance_after ?? r.running,
    pendingId: r.pending_id,
    holdStatus: r.hold_status,
    metadata: r.metadata,
    createdAt: r.created_at,
  }));
  return { lines, nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

/**
 * The postings of one transaction on people's wallets (for a receipt): which
 * wallet, whose, and the posting id a history read can start from.
 */
export async function walletPostingsOf(
  tx: Tx,
  transactionId: string,
): Promise<{ postingId: bigint; accountId: string; ownerId: string; currency: string }[]> {
  const { rows } = await tx.query<{ id: bigint; account_id: string; owner_id: string; currency: string }>(
    `SELECT p.id, p.account_id, a.owner_id, a.currency
       FROM ledger.postings p JOIN ledger.accounts a ON a.id = p.account_id
      WHERE p.transaction_id = $1 AND a.type = 'user_wallet' AND a.owner_id IS NOT NULL
      ORDER BY p.id
      LIMIT 10`,
    [transactionId],
  );
  return rows.map((r) => ({
    postingId: r.id,
    accountId: r.account_id,
    ownerId: r.owner_id,
    currency: r.currency.trim(),
  }));
}

/** The postings of one transaction (for an operator's view of a payment). */
export async function getTransactionPostings(tx: Tx, transactionIds: readonly string[]) {
  const { rows } = await tx.query<{
    transaction_id: string;
    account_id: string;
    side: Side;
    pending: boolean;
    amount: bigint;
    created_at: Date;
  }>(
    `SELECT transaction_id, account_id, side, pending, amount, created_at
       FROM ledger.postings WHERE transaction_id = ANY ($1::uuid[]) ORDER BY id`,
    [transactionIds],
  );
  return rows.map((r) => ({
    transactionId: r.transaction_id,
    accountId: r.account_id,
    side: r.side,
    pending: r.pending,
    amount: r.amount,
    createdAt: r.created_at,
  }));
}

/** One transaction's kind, status and metadata, or undefined (for a module resolving what it placed). */
export async function getTransaction(
  tx: Tx,
  id: string,
): Promise<{ id: string; kind: string; status: string; metadata: Record<string, unknown> } | undefined> {
  const { rows } = await tx.query<{
    id: string;
    kind: string;
    status: string;
    metadata: Record<string, unknown>;
  }>('SELECT id, kind, status, metadata FROM ledger.transactions WHERE id = $1', [id]);
  return rows[0];
}

/** A posted line of an account, without its running balance (cheap on bucketed accounts). */
export interface PostedLine {
  postingId: bigint;
  transactionId: string;
  code: string;
  side: Side;
  amount: bigint;
  metadata: Record<string, unknown>;
  createdAt: Date;
}

export const MAX_POSTINGS_PAGE = 1_000;

/**
 * Posted lines of an account in [from, to), oldest first, keyset-paginated by
 * posting id (pass the previous page's `next` as `after`). No running
 * balance is computed, so hot (bucketed) accounts read in one index range.
 */
export async function getPostedLines(
  tx: Tx,
  accountId: string,
  q: { from: Date; to: Date; side?: Side; codes?: string[]; after?: bigint; limit?: number },
): Promise<{ lines: PostedLine[]; next: bigint | null }> {
  const limit = Math.min(Math.max(q.limit ?? MAX_POSTINGS_PAGE, 1), MAX_POSTINGS_PAGE);
  const { rows } = await tx.query<{
    id: bigint;
    transaction_id: string;
    code: string;
    side: Side;
    amount: bigint;
    metadata: Record<string, unknown>;
    created_at: Date;
  }>(
    `SELECT p.id, p.transaction_id, t.code, p.side, p.amount, t.metadata, p.created_at
       FROM ledger.postings p JOIN ledger.transactions t ON t.id = p.transaction_id
      WHERE p.account_id = $1 AND NOT p.pending AND p.created_at >= $2 AND p.created_at < $3
        AND ($4::bigint IS NULL OR p.id > $4)
        AND ($5::text IS NULL OR p.side = $5)
        AND ($6::text[] IS NULL OR t.code = ANY ($6))
      ORDER BY p.id
      LIMIT $7`,
    [accountId, q.from, q.to, q.after ?? null, q.side ?? null, q.codes ?? null, limit + 1],
  );
  const page = rows.slice(0, limit);
  return {
    lines: page.map((r) => ({
      postingId: r.id,
      transactionId: r.transaction_id,
      code: r.code,
      side: r.side,
      amount: r.amount,
      metadata: r.metadata,
      createdAt: r.created_at,
    })),
    next: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

/**
 * Wallet-to-wallet transfers (code `transfer`) that moved money in [from, to),
 * per currency: committed direct transfers and posted holds (a hold alone or
 * a void moved nothing). The code is a literal so the partial index serves it.
 */
export async function transferTotals(
  tx: Tx,
  from: Date,
  to: Date,
): Promise<{ currency: string; count: number; volume: bigint }[]> {
  // The volume is what reached the recipients' wallets: a transaction's amount also counts its limit legs.
  const { rows } = await tx.query<{ currency: string; count: bigint; volume: string | bigint | null }>(
    `SELECT t.currency, count(*) AS count,
            sum((SELECT sum(p.amount) FROM ledger.postings p JOIN ledger.accounts a ON a.id = p.account_id
                  WHERE p.transaction_id = t.id AND p.side = 'C' AND NOT p.pending
                    AND a.type = 'user_wallet')) AS volume
       FROM ledger.transactions t
      WHERE t.code = 'transfer' AND t.status = 'committed' AND t.kind IN ('transfer', 'post')
        AND t.created_at >= $1 AND t.created_at < $2
      GROUP BY t.currency ORDER BY t.currency`,
    [from, to],
  );
  return rows.map((r) => ({ currency: r.currency, count: Number(r.count), volume: BigInt(r.volume ?? 0) }));
}

/**
 * Transfers between wallets (code `transfer`, moved money) for the operators'
 * search, newest first: by id, either wallet or either person (as the
 * transfer's metadata names them), amount reaching the recipient, and date.
 */
export async function findTransfers(
  tx: Tx,
  c: {
    q?: string;
    userIds: readonly string[];
    amount?: bigint;
    from?: Date;
    to?: Date;
    before?: { at: Date; id: string };
    limit: number;
  },
) {
  const { rows } = await tx.query<{
    id: string;
    created_at: Date;
    currency: string;
    amount: string | bigint | null;
    metadata: Record<string, unknown>;
  }>(
    `SELECT * FROM (
       SELECT t.id, t.created_at, t.currency, t.metadata,
              (SELECT sum(p.amount) FROM ledger.postings p JOIN ledger.accounts a ON a.id = p.account_id
                WHERE p.transaction_id = t.id AND p.side = 'C' AND NOT p.pending AND a.type = 'user_wallet') AS amount
         FROM ledger.transactions t
        WHERE t.code = 'transfer' AND t.status = 'committed' AND t.kind IN ('transfer', 'post')
          AND ($1::text IS NULL OR t.id::text = $1 OR t.metadata->'from'->>'walletId' = $1
               OR t.metadata->'to'->>'walletId' = $1
               OR t.metadata->'from'->>'userId' = ANY($2::text[]) OR t.metadata->'to'->>'userId' = ANY($2::text[]))
          AND ($3::timestamptz IS NULL OR t.created_at >= $3)
          AND ($4::timestamptz IS NULL OR t.created_at < $4)
          AND ($5::timestamptz IS NULL OR (t.created_at, t.id::text) < ($5, $6::text))
     ) x WHERE ($7::bigint IS NULL OR x.amount = $7)
     ORDER BY x.created_at DESC, x.id::text DESC LIMIT $8`,
    [
      c.q ?? null,
      c.userIds,
      c.from ?? null,
      c.to ?? null,
      c.before?.at ?? null,
      c.before?.id ?? null,
      c.amount ?? null,
      c.limit,
    ],
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    currency: r.currency,
    amount: BigInt(r.amount ?? 0),
    metadata: r.metadata,
  }));
}
