/**
 * Linked accounts: a person's meters and utility accounts, verified with the provider when
 * linked (the verified name and address are kept), renamed, unlinked; at most 20 each. Bills
 * due are fetched for them (due.ts). Meters paid before are suggested for linking.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/index.js';
import { AppError, notFound } from '../errors/index.js';
import { type Cache, validateCustomer } from './customer-validation.js';
import { savedCustomers } from './payments.js';

export const MAX_LINKED_ACCOUNTS = 20;

export interface LinkedAccountRow {
  id: string;
  user_id: string;
  biller_id: string;
  product_code: string;
  customer_ref: string;
  nickname: string;
  customer_name: string;
  address: string | null;
  bills_fetched_at: Date | null;
  created_at: Date;
  updated_at: Date;
  biller_name: string;
  category: string;
}

const SELECT = `SELECT a.*, b.name AS biller_name, b.category FROM bills.linked_accounts a
  JOIN bills.billers b ON b.id = a.biller_id`;

export const linkedAccountView = (a: LinkedAccountRow) => ({
  id: a.id,
  billerId: a.biller_id,
  billerName: a.biller_name,
  category: a.category,
  productCode: a.product_code,
  customerRef: a.customer_ref,
  nickname: a.nickname,
  customerName: a.customer_name,
  address: a.address,
  billsFetchedAt: a.bills_fetched_at?.toISOString() ?? null,
  createdAt: a.created_at.toISOString(),
});

export interface LinkInput {
  billerId: string;
  productCode: string;
  customerRef: string;
  nickname?: string;
}

/** Verifies the account with the provider (cached briefly), then links it: 201, or a problem. */
export async function linkAccount(ctx: AppContext, cache: Cache, userId: string, input: LinkInput) {
  const verified = await validateCustomer(ctx, cache, input.billerId, input.productCode, input.customerRef);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`linked-accounts:${userId}`]);
    const { rows: same } = await tx.query<{ id: string }>(
      `SELECT id FROM bills.linked_accounts WHERE user_id = $1 AND biller_id = $2 AND product_code = $3
          AND customer_ref = $4 AND unlinked_at IS NULL`,
      [userId, input.billerId, input.productCode, input.customerRef],
    );
    if (same[0])
      throw new AppError('linked_account_exists', 'This account is linked already', {
        linkedAccountId: same[0].id,
      });
    const { rows: counted } = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM bills.linked_accounts WHERE user_id = $1 AND unlinked_at IS NULL',
      [userId],
    );
    if (Number(counted[0]?.n ?? 0) >= MAX_LINKED_ACCOUNTS)
      throw new AppError(
        'linked_accounts_limit',
        `You can link at most ${MAX_LINKED_ACCOUNTS} accounts; unlink one first`,
        { max: MAX_LINKED_ACCOUNTS },
      );
    await tx.query(
      `INSERT INTO bills.linked_accounts (id, user_id, biller_id, product_code, customer_ref, nickname, customer_name, address)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        userId,
        input.billerId,
        input.productCode,
        input.customerRef,
        input.nickname?.trim() || verified.customerName,
        verified.customerName,
        verified.address,
      ],
    );
  });
  return (await getLinkedAccount(ctx.db, userId, id)) as LinkedAccountRow;
}

export async function getLinkedAccount(db: Queryable, userId: string, id: string) {
  const { rows } = await db.query<LinkedAccountRow>(
    `${SELECT} WHERE a.id = $1 AND a.user_id = $2 AND a.unlinked_at IS NULL`,
    [id, userId],
  );
  return rows[0];
}

/** The person's linked accounts, oldest first. */
export async function listLinkedAccounts(db: Queryable, userId: string): Promise<LinkedAccountRow[]> {
  const { rows } = await db.query<LinkedAccountRow>(
    `${SELECT} WHERE a.user_id = $1 AND a.unlinked_at IS NULL ORDER BY a.created_at, a.id`,
    [userId],
  );
  return rows;
}

export async function renameLinkedAccount(db: Queryable, userId: string, id: string, nickname: string) {
  const { rowCount } = await db.query(
    `UPDATE bills.linked_accounts SET nickname = $3, updated_at = now()
      WHERE id = $1 AND user_id = $2 AND unlinked_at IS NULL`,
    [id, userId, nickname.trim()],
  );
  if (rowCount !== 1) throw notFound('Linked account');
  return (await getLinkedAccount(db, userId, id)) as LinkedAccountRow;
}

/** Unlinks (the row stays, marked, so bills and payments made for it keep their account). */
export async function unlinkAccount(db: Queryable, userId: string, id: string) {
  const { rowCount } = await db.query(
    `UPDATE bills.linked_accounts SET unlinked_at = now(), updated_at = now()
      WHERE id = $1 AND user_id = $2 AND unlinked_at IS NULL`,
    [id, userId],
  );
  if (rowCount !== 1) throw notFound('Linked account');
}

/** Meters and numbers paid before that are not linked yet: suggestions to link. */
export async function linkSuggestions(db: Queryable, userId: string) {
  const [saved, linked] = await Promise.all([savedCustomers(db, userId), listLinkedAccounts(db, userId)]);
  const taken = new Set(linked.map((a) => `${a.biller_id}|${a.product_code}|${a.customer_ref}`));
  return saved.filter((s) => !taken.has(`${s.billerId}|${s.productCode}|${s.customerRef}`));
}
