import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '../db/index.js';
import { type Account, type AccountStatus, type AccountType, LedgerInputError } from './types.js';

export interface CreateAccountInput {
  id?: string;
  /** Unique name; creating an account with an existing key returns that account. */
  key?: string;
  currency: string;
  type: AccountType;
  ownerId?: string | null;
  name?: string;
  debitsMustNotExceedCredits?: boolean;
  creditsMustNotExceedDebits?: boolean;
  /** Hot system accounts spread their balance over several rows (see README). */
  buckets?: number;
  metadata?: Record<string, unknown>;
}

export interface AccountRow {
  id: string;
  key: string | null;
  currency: string;
  type: AccountType;
  owner_id: string | null;
  name: string;
  status: AccountStatus;
  debits_must_not_exceed_credits: boolean;
  credits_must_not_exceed_debits: boolean;
  buckets: number;
  metadata: Record<string, unknown>;
  created_at: Date;
}

export const toAccount = (r: AccountRow): Account => ({
  id: r.id,
  key: r.key,
  currency: r.currency,
  type: r.type,
  ownerId: r.owner_id,
  name: r.name,
  status: r.status,
  debitsMustNotExceedCredits: r.debits_must_not_exceed_credits,
  creditsMustNotExceedDebits: r.credits_must_not_exceed_debits,
  buckets: Number(r.buckets),
  metadata: r.metadata,
  createdAt: r.created_at,
});

/**
 * Creates an account (idempotent by key) with its balance rows: one, or one per
 * bucket for a hot system account.
 */
export async function createAccount(tx: Tx, input: CreateAccountInput): Promise<Account> {
  const buckets = input.buckets ?? 1;
  if (!Number.isInteger(buckets) || buckets < 1 || buckets > 64) {
    throw new LedgerInputError('invalid_account', 'buckets must be 1..64');
  }
  const dr = input.debitsMustNotExceedCredits ?? false;
  const cr = input.creditsMustNotExceedDebits ?? false;
  if (buckets > 1 && (dr || cr))
    throw new LedgerInputError('invalid_account', 'an account with a limit has one bucket');
  const id = input.id ?? uuidv7();
  const { rows } = await tx.query<AccountRow>(
    `INSERT INTO ledger.accounts (id, key, currency, type, owner_id, name,
       debits_must_not_exceed_credits, credits_must_not_exceed_debits, buckets, metadata)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT DO NOTHING
     RETURNING *`,
    [
      id,
      input.key ?? null,
      input.currency,
      input.type,
      input.ownerId ?? null,
      input.name ?? '',
      dr,
      cr,
      buckets,
      input.metadata ?? {},
    ],
  );
  const created = rows[0];
  if (!created) {
    // Created concurrently (same key, or the same derived id): return that account.
    const existing = input.key ? await getAccountByKey(tx, input.key) : await getAccount(tx, id);
    if (!existing) throw new Error('ledger: account conflict without a row');
    if (existing.currency !== input.currency || existing.type !== input.type) {
      throw new LedgerInputError(
        'account_exists_with_different_fields',
        `account ${input.key} exists with other fields`,
      );
    }
    return existing;
  }
  // One balance row per bucket, each carrying the account's currency, status
  // and bucket count, so a batch reads one row per account (see migration 0500).
  await tx.query(
    `INSERT INTO ledger.balances (account_id, bucket, dr_limit, cr_limit, currency, status, buckets)
     SELECT $1, k, $2, $3, $4, 'active', $5 FROM generate_series(0, $5::int - 1) AS k`,
    [id, dr, cr, input.currency, buckets],
  );
  return toAccount(created);
}

export async function getAccount(tx: Tx, id: string): Promise<Account | undefined> {
  const { rows } = await tx.query<AccountRow>('SELECT * FROM ledger.accounts WHERE id = $1', [id]);
  return rows[0] ? toAccount(rows[0]) : undefined;
}

/** Several accounts in one round trip, by id; unknown ids are absent from the map. At most 1,000 ids. */
export async function getAccounts(tx: Tx, ids: readonly string[]): Promise<Map<string, Account>> {
  if (ids.length > 1000) throw new RangeError('at most 1000 accounts at once');
  const { rows } = await tx.query<AccountRow>('SELECT * FROM ledger.accounts WHERE id = ANY ($1::uuid[])', [
    ids,
  ]);
  return new Map(rows.map((r) => [r.id, toAccount(r)]));
}

export async function getAccountByKey(tx: Tx, key: string): Promise<Account | undefined> {
  const { rows } = await tx.query<AccountRow>('SELECT * FROM ledger.accounts WHERE key = $1', [key]);
  return rows[0] ? toAccount(rows[0]) : undefined;
}

export async function listAccounts(
  tx: Tx,
  filter: { ownerId?: string; type?: AccountType; currency?: string; limit?: number },
): Promise<Account[]> {
  const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1000);
  const { rows } = await tx.query<AccountRow>(
    `SELECT * FROM ledger.accounts
      WHERE ($1::uuid IS NULL OR owner_id = $1) AND ($2::text IS NULL OR type = $2) AND ($3::text IS NULL OR currency = $3)
      ORDER BY created_at, id LIMIT $4`,
    [filter.ownerId ?? null, filter.type ?? null, filter.currency ?? null, limit],
  );
  return rows.map(toAccount);
}

/**
 * Freezes, unfreezes or closes an account. Takes the balance row lock of a
 * single-row account so that no batch decides on the old status after this
 * commits. Returns the status before, or undefined for an unknown account.
 */
export async function setAccountStatus(
  tx: Tx,
  id: string,
  status: AccountStatus,
): Promise<AccountStatus | undefined> {
  // Under the lock of the row a batch checks: a batch that locks it after this
  // commits sees the new status.
  await tx.query('SELECT 1 FROM ledger.balances WHERE account_id = $1 AND bucket = 0 FOR UPDATE', [id]);
  await tx.query('UPDATE ledger.balances SET status = $2 WHERE account_id = $1', [id, status]);
  const { rows } = await tx.query<{ before: AccountStatus }>(
    `UPDATE ledger.accounts a SET status = $2
       FROM (SELECT status AS before FROM ledger.accounts WHERE id = $1 FOR UPDATE) old
      WHERE a.id = $1 RETURNING old.before`,
    [id, status],
  );
  return rows[0]?.before;
}
